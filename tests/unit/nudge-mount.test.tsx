// @vitest-environment happy-dom
// Where the nudge is placed: beside the composer, in an open shadow root, and
// inside the composer's own shadow root when it has one (Reddit).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createNudgePresenter } from '@/components/nudge/mount';
import { NUDGE_ELEMENT } from '@/utils/composer/guard';
import type { NudgeRequest } from '@/utils/composer/types';
import { CY_MESSAGES, EN } from '../support/i18n';

const ctx = new ContentScriptContext('composer');

function request(editor: HTMLElement, overrides: Partial<NudgeRequest> = {}): NudgeRequest {
  return {
    editor,
    text: 'just kys',
    findings: [
      {
        category: 'bullying',
        ruleId: 'test',
        severity: 'serious',
        start: 5,
        end: 8,
        match: 'kys',
        message: 'This tells someone to harm themselves.',
        policySections: ['objective-6'],
      },
    ],
    onEdit: vi.fn(),
    onPostAnyway: vi.fn(),
    ...overrides,
  };
}

const show = createNudgePresenter(ctx, {
  fallbackTranslate: EN, policyUrl: (section) => `chrome-extension://id/policy.html#${section}` });

async function mounted(root: ParentNode): Promise<Element> {
  await vi.waitFor(() => {
    if (!root.querySelector(NUDGE_ELEMENT)) throw new Error('not mounted yet');
  });
  return root.querySelector(NUDGE_ELEMENT)!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('placing the nudge', () => {
  it('mounts in its own open shadow root, with the dialog inside', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    show(request(editor));
    const host = await mounted(document.body);
    expect(host.shadowRoot).not.toBeNull();
    expect(host.shadowRoot!.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(host.shadowRoot!.querySelector('style')?.textContent).toContain('.nudge');
  });

  it('goes into the composer’s own open shadow root when it has one', async () => {
    const composer = document.createElement('shreddit-composer');
    document.body.append(composer);
    const shadow = composer.attachShadow({ mode: 'open' });
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    shadow.append(editor);
    show(request(editor));
    const host = await mounted(shadow);
    expect(host.getRootNode()).toBe(shadow);
    expect(host.shadowRoot?.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(document.body.querySelector(NUDGE_ELEMENT)).toBeNull();
  });

  it('goes inside a modal dialog that holds the composer, so it is not inert behind it', async () => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    const editor = document.createElement('textarea');
    dialog.append(editor);
    document.body.append(dialog);
    show(request(editor));
    const host = await mounted(dialog);
    expect(host.parentElement).toBe(dialog);
  });

  it('wires the buttons to the request and goes away when closed', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const req = request(editor);
    const handle = show(req);
    const host = await mounted(document.body);
    const buttons = Array.from(host.shadowRoot!.querySelectorAll('button'));
    buttons.find((button) => button.textContent === 'Post anyway')!.click();
    expect(req.onPostAnyway).toHaveBeenCalledTimes(1);
    handle.close();
    expect(document.body.querySelector(NUDGE_ELEMENT)).toBeNull();
  });

  it('passes the school’s settings from the presenter to the nudge', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const blocking = createNudgePresenter(ctx, {
  fallbackTranslate: EN,
      policyUrl: (section) => `chrome-extension://id/policy.html#${section}`,
      settings: async () => ({ modes: { bullying: 'block' }, reportUrl: 'https://school.example/report' }),
    });
    blocking(request(editor));
    const host = await mounted(document.body);
    const buttons = Array.from(host.shadowRoot!.querySelectorAll('button'), (button) => button.textContent);
    expect(buttons).toEqual(['Edit post', 'This warning is wrong']);
    expect(host.shadowRoot!.querySelector('a[href="https://school.example/report"]')).not.toBeNull();
  });

  it('lets a request carry its own settings, which win over the presenter’s', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const presenter = createNudgePresenter(ctx, {
  fallbackTranslate: EN,
      policyUrl: (section) => `chrome-extension://id/policy.html#${section}`,
      settings: { modes: { bullying: 'block' } },
    });
    presenter({ ...request(editor), modes: { bullying: 'reason' } } as NudgeRequest);
    const host = await mounted(document.body);
    const postAnyway = Array.from(host.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent === 'Post anyway');
    expect(postAnyway?.disabled).toBe(true);
    expect(host.shadowRoot!.querySelector('input[type="radio"]')).not.toBeNull();
  });

  it('reads the settings a verdict brought as `nudgeSettings` on the request', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    show({ ...request(editor), nudgeSettings: { modes: { bullying: 'block' } } } as NudgeRequest);
    const host = await mounted(document.body);
    const buttons = Array.from(host.shadowRoot!.querySelectorAll('button'), (button) => button.textContent);
    expect(buttons).toEqual(['Edit post', 'This warning is wrong']);
  });

  it('still shows the plain nudge when the settings cannot be read', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const presenter = createNudgePresenter(ctx, {
  fallbackTranslate: EN,
      policyUrl: (section) => `chrome-extension://id/policy.html#${section}`,
      settings: () => Promise.reject(new Error('storage unavailable')),
    });
    presenter(request(editor));
    const host = await mounted(document.body);
    const buttons = Array.from(host.shadowRoot!.querySelectorAll('button'), (button) => button.textContent);
    expect(buttons).toEqual(['Edit post', 'Post anyway', 'This warning is wrong']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('speaks the language the background sent, and says so to screen readers', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const presenter = createNudgePresenter(ctx, {
      fallbackTranslate: EN,
      policyUrl: (section) => `chrome-extension://id/policy.html#${section}`,
      words: () => ({ locale: 'cy', messages: CY_MESSAGES }),
    });
    presenter(request(editor));
    const host = await mounted(document.body);
    const buttons = Array.from(host.shadowRoot!.querySelectorAll('button'), (button) => button.textContent);
    expect(buttons).toEqual(['Golygu’r postiad', 'Postio beth bynnag', 'Mae’r rhybudd hwn yn anghywir']);
    expect(host.shadowRoot!.querySelector('[lang="cy"]')).not.toBeNull();
  });

  it('passes "this warning is wrong" on with the categories only', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    const onSaidWrong = vi.fn();
    const presenter = createNudgePresenter(ctx, { fallbackTranslate: EN, policyUrl: () => '#', onSaidWrong });
    presenter(request(editor));
    const host = await mounted(document.body);
    Array.from(host.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent === 'This warning is wrong')!.click();
    expect(onSaidWrong).toHaveBeenCalledWith(['bullying']);
  });

  it('never mounts if closed before it was ready', async () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    show(request(editor)).close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.body.querySelector(NUDGE_ELEMENT)).toBeNull();
  });
});
