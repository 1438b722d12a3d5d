// Shows the nudge next to the composer, in its own open shadow root so the
// site's styles cannot reach it. When the composer itself lives in an open
// shadow root (Reddit), the nudge goes into that same root.
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NudgeHandle, NudgeRequest } from '@/utils/composer/types';
import { NUDGE_ELEMENT } from '@/utils/composer/guard';
import { Nudge } from './Nudge';
import { NUDGE_CSS } from './styles';

export interface NudgePresenterOptions {
  policyUrl(section: string): string;
  onOpenPolicy?(section: string): void;
}

const MARGIN = 8;

export function createNudgePresenter(ctx: ContentScriptContext, options: NudgePresenterOptions) {
  return function showNudge(request: NudgeRequest): NudgeHandle {
    let closed = false;
    let remove: (() => void) | undefined;
    const container = containerFor(request.editor);

    void createShadowRootUi(ctx, {
      name: NUDGE_ELEMENT,
      position: 'inline',
      anchor: request.editor,
      append: (_anchor, host) => container.append(host),
      css: NUDGE_CSS,
      // Keys typed in the nudge must not reach the site's shortcuts.
      isolateEvents: true,
      onMount(uiContainer) {
        render(
          <Nudge
            text={request.text}
            findings={request.findings}
            role={request.role}
            policyUrl={options.policyUrl}
            onOpenPolicy={options.onOpenPolicy}
            onEdit={request.onEdit}
            onPostAnyway={request.onPostAnyway}
          />,
          uiContainer,
        );
        const card = uiContainer.querySelector<HTMLElement>('.nudge');
        const origin = uiContainer.ownerDocument.createElement('div');
        origin.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;visibility:hidden;pointer-events:none';
        uiContainer.append(origin);
        const stopFollowing = card ? followEditor(card, origin, request.editor) : () => {};
        return () => {
          stopFollowing();
          render(null, uiContainer);
        };
      },
      onRemove: (cleanup) => cleanup?.(),
    }).then((ui) => {
      if (closed) return;
      ui.mount();
      remove = () => ui.remove();
    });

    return {
      close() {
        closed = true;
        remove?.();
      },
    };
  };
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/**
 * Where the nudge's host goes. Inside the composer's shadow root when it has
 * one; inside a modal dialog when the composer is in one, because a modal
 * <dialog> makes the rest of the page inert and focus traps pull focus back
 * into their dialog; otherwise at the end of the body.
 */
function containerFor(editor: HTMLElement): ParentNode {
  const root = editor.getRootNode();
  if (isShadowRoot(root)) return root;
  const modal = editor.closest('dialog[open], [aria-modal="true"]');
  return modal ?? editor.ownerDocument.body ?? editor.ownerDocument.documentElement;
}

/**
 * Keeps the card beside the editor while the page scrolls or resizes. `origin`
 * is a fixed, empty element next to the card: inside a transformed ancestor
 * (many modals) "fixed" is relative to that ancestor, and the origin says where it is.
 */
function followEditor(card: HTMLElement, origin: HTMLElement, editor: HTMLElement): () => void {
  const win = editor.ownerDocument.defaultView ?? window;
  let frame = 0;
  const place = () => {
    frame = 0;
    const target = editor.getBoundingClientRect();
    const own = card.getBoundingClientRect();
    const below = target.bottom + MARGIN;
    const fitsBelow = below + own.height <= win.innerHeight - MARGIN;
    const top = fitsBelow ? below : Math.max(MARGIN, target.top - MARGIN - own.height);
    const left = Math.min(Math.max(MARGIN, target.left), Math.max(MARGIN, win.innerWidth - own.width - MARGIN));
    const offset = origin.getBoundingClientRect();
    card.style.top = `${Math.round(top - offset.top)}px`;
    card.style.left = `${Math.round(left - offset.left)}px`;
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  place();
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });
  return () => {
    if (frame) win.cancelAnimationFrame(frame);
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
  };
}
