// Shows the nudge next to the composer, in its own open shadow root so the
// site's styles cannot reach it. When the composer itself lives in an open
// shadow root (Reddit), the nudge goes into that same root.
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NudgeHandle, NudgeRequest } from '@/utils/composer/types';
import { NUDGE_ELEMENT } from '@/utils/composer/guard';
import type { Category } from '@/lib/types';
import type { NudgeWords } from '@/utils/messages';
import { I18n, languageTagFor, translateFrom, type Translate } from '@/components/i18n';
import { Nudge, type NudgeSettingsProps } from './Nudge';
import { NUDGE_CSS } from './styles';

export interface NudgePresenterOptions {
  policyUrl(section: string): string;
  onOpenPolicy?(section: string): void;
  /** The pupils' help page, and how to open it from a site's page. */
  helpUrl?: string;
  onOpenHelp?(): void;
  /** "This warning is wrong": its categories, to be counted. */
  onSaidWrong?(categories: Category[]): void;
  /** The nudge's words in the school's language, when the background has sent them. */
  words?(): NudgeWords | undefined;
  /** The words before then: the browser's own pick of the packaged languages. */
  fallbackTranslate?: Translate;
  /**
   * The school's settings for a nudge (modes, where to report, support
   * contacts): fixed, or looked up for each request. A request may also carry
   * these fields itself, flat or as `nudgeSettings`; those win.
   */
  settings?: NudgeSettingsProps | ((request: NudgeRequest) => NudgeSettingsProps | Promise<NudgeSettingsProps>);
}

const MARGIN = 8;
// Beside the composer, the card may shrink to this and scroll inside; with
// less room than this on both sides it covers the composer instead.
const MIN_SIDE_HEIGHT = 180;
const SETTING_KEYS = ['modes', 'reportUrl', 'reportEmail', 'supportContacts'] as const;

async function settingsFor(request: NudgeRequest, options: NudgePresenterOptions): Promise<NudgeSettingsProps> {
  let fromOptions: NudgeSettingsProps = {};
  try {
    fromOptions = (typeof options.settings === 'function' ? await options.settings(request) : options.settings) ?? {};
  } catch (error) {
    // Settings that cannot be read leave the plain nudge, which is still useful.
    console.warn('Second Thought: nudge settings unavailable:', error);
  }
  // The background sends these with each verdict (`nudgeSettings` on the
  // check reply); a request may carry them flat or under that same name.
  const carried = request as NudgeRequest & NudgeSettingsProps & { nudgeSettings?: NudgeSettingsProps };
  const fromRequest: NudgeSettingsProps = {};
  for (const source of [carried.nudgeSettings ?? {}, carried]) {
    for (const key of SETTING_KEYS) {
      if (source[key] !== undefined) Object.assign(fromRequest, { [key]: source[key] });
    }
  }
  return { ...fromOptions, ...fromRequest };
}

export function createNudgePresenter(ctx: ContentScriptContext, options: NudgePresenterOptions) {
  return function showNudge(request: NudgeRequest): NudgeHandle {
    let closed = false;
    let remove: (() => void) | undefined;
    const container = containerFor(request.editor);

    const words = options.words?.();
    const translate = words ? translateFrom(words.messages, words.locale) : (options.fallbackTranslate ?? translateFrom({}));
    const mountWith = (settings: NudgeSettingsProps) =>
      createShadowRootUi(ctx, {
        name: NUDGE_ELEMENT,
        position: 'inline',
        anchor: request.editor,
        append: (_anchor, host) => container.append(host),
        css: NUDGE_CSS,
        // Keys typed in the nudge must not reach the site's shortcuts.
        isolateEvents: true,
        onMount(uiContainer) {
          // The shadow root's host says which language it speaks, for screen readers' voices.
          uiContainer.setAttribute('lang', languageTagFor(translate.locale));
          render(
            <I18n.Provider value={translate}>
              <Nudge
                text={request.text}
                findings={request.findings}
                unchecked={request.unchecked}
                role={request.role}
                policyUrl={options.policyUrl}
                onOpenPolicy={options.onOpenPolicy}
                helpUrl={options.helpUrl}
                onOpenHelp={options.onOpenHelp}
                onSaidWrong={options.onSaidWrong}
                onEdit={request.onEdit}
                onPostAnyway={request.onPostAnyway}
                {...settings}
              />
            </I18n.Provider>,
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
      });

    void settingsFor(request, options)
      .then(mountWith)
      .then((ui) => {
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

interface Box {
  top: number;
  bottom: number;
  left: number;
}

/**
 * The composer as the writer sees it: the editor and the send controls next
 * to it. The card goes above or below all of it, so the site's own send
 * button stays in view. Climbs a few levels (and out of a shadow root, where
 * Reddit slots its button into the host) to find controls near the editor.
 */
function composerBox(editor: HTMLElement): Box {
  const own = editor.getBoundingClientRect();
  const box: Box = { top: own.top, bottom: own.bottom, left: own.left };
  let node: Element | null = editor;
  for (let depth = 0; depth < 6; depth++) {
    node = node.parentElement ?? hostOf(node);
    if (!node || node === editor.ownerDocument.body || node === editor.ownerDocument.documentElement) break;
    const near = Array.from(node.querySelectorAll('button, [role="button"], input[type="submit"]'))
      .filter((control) => !editor.contains(control))
      .map((control) => control.getBoundingClientRect())
      .filter(
        (rect) =>
          rect.width > 0 && rect.height > 0 && rect.top < own.bottom + SEND_CONTROL_REACH && rect.bottom > own.top - SEND_CONTROL_REACH,
      );
    if (near.length === 0) continue;
    for (const rect of near) {
      box.top = Math.min(box.top, rect.top);
      box.bottom = Math.max(box.bottom, rect.bottom);
    }
    break;
  }
  return box;
}

// A send control further than this from the editor belongs to something else.
const SEND_CONTROL_REACH = 120;

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

/**
 * Keeps the card beside the composer while the page scrolls or resizes:
 * below it, or above it when there is no room below (chat composers at the
 * bottom of the window), shrinking to scroll inside when neither side has
 * room for all of it, and covering the composer only when neither side has
 * even MIN_SIDE_HEIGHT. `origin` is a fixed, empty element next to the card:
 * inside a transformed ancestor (many modals) "fixed" is relative to that
 * ancestor, and the origin says where it is.
 */
function followEditor(card: HTMLElement, origin: HTMLElement, editor: HTMLElement): () => void {
  const win = editor.ownerDocument.defaultView ?? window;
  let frame = 0;
  const place = () => {
    frame = 0;
    const target = composerBox(editor);
    const body = card.querySelector<HTMLElement>('.body');
    // The height the card would have with no limit, measured without changing
    // its limit (that would lose the reader's place in a scrolled card).
    const natural = card.offsetHeight + (body ? body.scrollHeight - body.clientHeight : 0);
    const viewport = win.innerHeight;
    const roomBelow = viewport - MARGIN - (target.bottom + MARGIN);
    const roomAbove = target.top - MARGIN - MARGIN;
    let top: number;
    let maxHeight = '';
    if (natural <= roomBelow) {
      top = target.bottom + MARGIN;
    } else if (natural <= roomAbove) {
      top = target.top - MARGIN - natural;
    } else if (Math.max(roomBelow, roomAbove) >= MIN_SIDE_HEIGHT) {
      const below = roomBelow >= roomAbove;
      const height = below ? roomBelow : roomAbove;
      top = below ? target.bottom + MARGIN : MARGIN;
      maxHeight = `${Math.floor(height)}px`;
    } else {
      // A small frame: the card takes the whole height (CSS caps it) from the top,
      // so its heading and buttons are always in view.
      top = MARGIN;
    }
    const width = card.offsetWidth;
    const left = Math.min(Math.max(MARGIN, target.left), Math.max(MARGIN, win.innerWidth - width - MARGIN));
    const offset = origin.getBoundingClientRect();
    card.style.maxHeight = maxHeight;
    card.style.top = `${Math.round(Math.max(MARGIN, top) - offset.top)}px`;
    card.style.left = `${Math.round(left - offset.left)}px`;
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  place();
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });
  // The card changes size after it appears (its compact layout, the reason field).
  const resized = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(schedule) : undefined;
  resized?.observe(card);
  return () => {
    resized?.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
  };
}
