// @vitest-environment happy-dom
// The shared composer mechanism: interception, exactly-once replay, swallowing
// while a check or nudge is pending, IME, and failing open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createComposerGuard, isWindowGuarded, NUDGE_ELEMENT, type Guard, type Realm } from '@/utils/composer/guard';
import type { CheckOutcome, NudgeRequest, SendKey, SiteAdapter } from '@/utils/composer/types';
import type { Finding } from '@/lib/types';

// A test stand-in for the engine: "kys" is the only harmful thing it knows.
function stubCheck(text: string): Promise<CheckOutcome> {
  const at = text.indexOf('kys');
  if (at === -1) return Promise.resolve({ findings: [] });
  const finding: Finding = {
    category: 'bullying',
    ruleId: 'test-kys',
    severity: 'serious',
    start: at,
    end: at + 3,
    match: 'kys',
    message: 'This tells someone to harm themselves.',
    policySections: ['objective-6'],
  };
  return Promise.resolve({ findings: [finding] });
}

function adapter(keys: readonly SendKey[] = ['enter', 'mod-enter']): SiteAdapter {
  return {
    id: 'test',
    domains: ['example.test'],
    editors: '.editor',
    sendControls: '.send',
    sendKeys: () => keys,
  };
}

interface Nudges {
  shown: NudgeRequest[];
  closed: number;
}

let guard: Guard | undefined;
let nudges: Nudges;

function startGuard(
  options: {
    keys?: readonly SendKey[];
    check?: (text: string) => Promise<CheckOutcome>;
    timeoutMs?: number;
    coldTimeoutMs?: number;
  } = {},
) {
  const check = vi.fn(options.check ?? stubCheck);
  nudges = { shown: [], closed: 0 };
  guard = createComposerGuard({
    win: window as unknown as Realm,
    adapter: adapter(options.keys),
    check,
    timeoutMs: options.timeoutMs,
    coldTimeoutMs: options.coldTimeoutMs,
    showNudge: (request) => {
      nudges.shown.push(request);
      return { close: () => nudges.closed++ };
    },
  });
  return { check };
}

/** A composer like a site's: its own Enter handler and its own send button, each recording what it sent. */
function buildComposer(kind: 'textarea' | 'contenteditable' = 'contenteditable', root: ParentNode = document.body) {
  const container = document.createElement('div');
  const editor = document.createElement(kind === 'textarea' ? 'textarea' : 'div');
  editor.className = 'editor';
  if (kind === 'contenteditable') editor.setAttribute('contenteditable', 'true');
  const button = document.createElement('button');
  button.className = 'send';
  button.textContent = 'Post';
  container.append(editor, button);
  root.append(container);
  const sent: { text: string; via: string; ctrlKey?: boolean; metaKey?: boolean }[] = [];
  const read = () => (kind === 'textarea' ? (editor as HTMLTextAreaElement).value : editor.textContent ?? '');
  (editor as HTMLElement).addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      sent.push({ text: read(), via: 'key', ctrlKey: event.ctrlKey, metaKey: event.metaKey });
    }
  });
  button.addEventListener('click', () => sent.push({ text: read(), via: 'button' }));
  const write = (text: string) => {
    if (kind === 'textarea') (editor as HTMLTextAreaElement).value = text;
    else editor.textContent = text;
  };
  return { editor: editor as HTMLElement, button, sent, write };
}

function pressEnter(target: Element, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', {
    key: 'Enter',
    code: 'Enter',
    keyCode: 13,
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  } as KeyboardEventInit);
  target.dispatchEvent(event);
  return event;
}

/** Lets the check's promise chain settle. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  guard?.destroy();
  guard = undefined;
  vi.useRealTimers();
});

describe('a benign post', () => {
  it('is held for the check, then goes through the site’s own button exactly once, unchanged', async () => {
    const { check } = startGuard();
    const { editor, button, sent, write } = buildComposer();
    write('Lovely match today');
    const before = editor.innerHTML;
    button.click();
    expect(sent).toEqual([]);
    await settle();
    expect(check).toHaveBeenCalledWith('Lovely match today');
    expect(sent).toEqual([{ text: 'Lovely match today', via: 'button' }]);
    expect(editor.innerHTML).toBe(before);
    expect(nudges.shown).toHaveLength(0);
  });

  it('sent with Enter is replayed as one Enter on the editor', async () => {
    startGuard();
    const { editor, sent, write } = buildComposer();
    write('See you at practice');
    const original = pressEnter(editor);
    expect(original.defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    await settle();
    expect(sent).toEqual([{ text: 'See you at practice', via: 'key', ctrlKey: false, metaKey: false }]);
  });

  it.each([
    ['Ctrl+Enter', { ctrlKey: true }],
    ['Cmd+Enter', { metaKey: true }],
  ])('sent with %s keeps the modifier on replay', async (_name, modifier) => {
    startGuard({ keys: ['mod-enter'] });
    const { editor, sent, write } = buildComposer('textarea');
    write('Homework is on the portal');
    pressEnter(editor, modifier);
    expect(sent).toEqual([]);
    await settle();
    expect(sent).toEqual([{ text: 'Homework is on the portal', via: 'key', ctrlKey: false, metaKey: false, ...modifier }]);
  });

  it('is not intercepted when Enter is a new line on that site', async () => {
    const { check } = startGuard({ keys: ['mod-enter'] });
    const { editor, sent, write } = buildComposer();
    write('first line');
    pressEnter(editor);
    expect(check).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
  });

  it('leaves an empty draft and a disabled button to the site', async () => {
    const { check } = startGuard();
    const { button, sent, write } = buildComposer();
    write('   ');
    button.click();
    expect(sent).toHaveLength(1);
    write('Something');
    button.setAttribute('aria-disabled', 'true');
    button.click();
    expect(sent).toHaveLength(2);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('while a check or nudge is pending', () => {
  it('swallows a second click, so a quick double send posts once', async () => {
    const { check } = startGuard();
    const { button, sent, write } = buildComposer();
    write('Great concert tonight');
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await settle();
    expect(check).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ text: 'Great concert tonight', via: 'button' }]);
  });

  it('swallows Enter and clicks while the nudge is open', async () => {
    startGuard();
    const { editor, button, sent, write } = buildComposer();
    write('just kys');
    pressEnter(editor);
    await settle();
    expect(nudges.shown).toHaveLength(1);
    const again = pressEnter(editor);
    button.click();
    await settle();
    expect(again.defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    expect(nudges.shown).toHaveLength(1);
  });
});

describe('a post with findings', () => {
  it('is held and the nudge gets the text, the findings and the editor', async () => {
    startGuard();
    const { editor, button, sent, write } = buildComposer();
    write('honestly just kys');
    button.click();
    await settle();
    expect(sent).toEqual([]);
    expect(nudges.shown).toHaveLength(1);
    const [request] = nudges.shown;
    expect(request.text).toBe('honestly just kys');
    expect(request.editor).toBe(editor);
    expect(request.findings.map((finding) => finding.match)).toEqual(['kys']);
  });

  it('"Post anyway" replays the site’s own send exactly once, with the original text', async () => {
    startGuard();
    const { button, sent, write } = buildComposer();
    write('honestly just kys');
    button.click();
    await settle();
    nudges.shown[0].onPostAnyway();
    nudges.shown[0].onPostAnyway();
    expect(nudges.closed).toBe(1);
    expect(sent).toEqual([{ text: 'honestly just kys', via: 'button' }]);
  });

  it('"Edit post" sends nothing, closes the nudge and returns focus to the editor, draft untouched', async () => {
    startGuard();
    const { editor, button, sent, write } = buildComposer('textarea');
    write('honestly just kys');
    button.click();
    await settle();
    button.focus();
    nudges.shown[0].onEdit();
    expect(nudges.closed).toBe(1);
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(editor);
    expect((editor as HTMLTextAreaElement).value).toBe('honestly just kys');
    // Afterwards the composer works as before: a new send is checked again.
    write('Sorry, that was unkind');
    button.click();
    await settle();
    expect(sent).toEqual([{ text: 'Sorry, that was unkind', via: 'button' }]);
  });

  it('treats Escape in the editor while the nudge is open as "Edit post"', async () => {
    startGuard();
    const { editor, sent, write } = buildComposer();
    write('honestly just kys');
    pressEnter(editor);
    await settle();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    editor.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(nudges.closed).toBe(1);
    expect(sent).toEqual([]);
  });
});

describe('after in-app navigation', () => {
  it('drops a nudge whose composer has gone, and lets the new composer send', async () => {
    startGuard();
    const first = buildComposer();
    first.write('just kys');
    first.button.click();
    await settle();
    expect(nudges.shown).toHaveLength(1);
    first.editor.parentElement!.remove();
    const second = buildComposer();
    second.write('New page, kind words');
    second.button.click();
    await settle();
    expect(nudges.closed).toBe(1);
    expect(second.sent).toEqual([{ text: 'New page, kind words', via: 'button' }]);
  });
});

describe('input methods', () => {
  it('lets an Enter that confirms a composition through to the editor', async () => {
    const { check } = startGuard();
    const { editor, sent, write } = buildComposer();
    write('ni hao');
    const composing = pressEnter(editor, { isComposing: true });
    expect(composing.defaultPrevented).toBe(false);
    expect(check).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('lets the keyCode 229 Enter that follows compositionend through (macOS Chinese IMEs)', async () => {
    const { check } = startGuard();
    const { editor, write } = buildComposer();
    write('ni hao');
    const late = pressEnter(editor, { keyCode: 229 } as KeyboardEventInit);
    expect(late.defaultPrevented).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });

  it('leaves Shift+Enter (a new line) alone', () => {
    const { check } = startGuard();
    const { editor, write } = buildComposer();
    write('line one');
    expect(pressEnter(editor, { shiftKey: true }).defaultPrevented).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('failing open', () => {
  it('sends the post once when the checker throws', async () => {
    startGuard({ check: () => Promise.reject(new Error('engine crashed')) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { button, sent, write } = buildComposer();
    write('just kys');
    button.click();
    await settle();
    expect(sent).toEqual([{ text: 'just kys', via: 'button' }]);
    expect(nudges.shown).toHaveLength(0);
    warn.mockRestore();
  });

  it('sends the post once when a checker that answered recently takes too long, and ignores a late answer', async () => {
    vi.useFakeTimers();
    let hang = false;
    let answer: (outcome: CheckOutcome) => void = () => {};
    startGuard({
      check: (text) => (hang ? new Promise((resolve) => (answer = resolve)) : stubCheck(text)),
      timeoutMs: 750,
      coldTimeoutMs: 5000,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { editor, sent, write } = buildComposer();
    write('first post');
    pressEnter(editor);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    hang = true;
    write('just kys');
    pressEnter(editor);
    await vi.advanceTimersByTimeAsync(700);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(2);
    answer({ findings: [] });
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toHaveLength(2);
    expect(nudges.shown).toHaveLength(0);
    warn.mockRestore();
  });

  it('waits longer for a checker it has not heard from (a service worker starting), then still fails open', async () => {
    vi.useFakeTimers();
    let answer: (outcome: CheckOutcome) => void = () => {};
    startGuard({ check: () => new Promise((resolve) => (answer = resolve)), timeoutMs: 750, coldTimeoutMs: 5000 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { editor, sent, write } = buildComposer();
    write('just kys');
    pressEnter(editor);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toEqual([]);
    // A cold engine answering within the grace period still gets its nudge.
    await stubCheck('just kys').then(answer);
    await vi.advanceTimersByTimeAsync(1);
    expect(nudges.shown).toHaveLength(1);
    warn.mockRestore();
  });

  it('lets the post go when a checker it has not heard from never answers', async () => {
    vi.useFakeTimers();
    startGuard({ check: () => new Promise(() => {}), timeoutMs: 750, coldTimeoutMs: 5000 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { editor, sent, write } = buildComposer();
    write('hello');
    pressEnter(editor);
    await vi.advanceTimersByTimeAsync(4900);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('warming up', () => {
  it('wakes the checker when someone focuses a composer or types, at most every few seconds', async () => {
    vi.useFakeTimers();
    const warmUp = vi.fn(() => Promise.resolve());
    nudges = { shown: [], closed: 0 };
    guard = createComposerGuard({
      win: window as unknown as Realm,
      adapter: adapter(['enter']),
      check: stubCheck,
      warmUp,
      showNudge: () => ({ close: () => {} }),
    });
    const { editor } = buildComposer();
    editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(warmUp).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(11_000);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true }));
    expect(warmUp).toHaveBeenCalledTimes(2);
    document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(warmUp).toHaveBeenCalledTimes(2);
  });
});

describe('where composers live', () => {
  it('catches a send from an editor inside an open shadow root', async () => {
    const { check } = startGuard();
    const host = document.createElement('faceplate-composer');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const { editor, sent, write } = buildComposer('contenteditable', shadow);
    write('Brilliant assembly');
    pressEnter(editor);
    expect(sent).toEqual([]);
    await settle();
    expect(check).toHaveBeenCalledWith('Brilliant assembly');
    expect(sent).toHaveLength(1);
  });

  it('catches a composer added after the guard started', async () => {
    const { check } = startGuard();
    const late = buildComposer();
    late.write('Added later');
    late.button.click();
    await settle();
    expect(check).toHaveBeenCalledTimes(1);
    expect(late.sent).toHaveLength(1);
  });

  it('replays a form submission with requestSubmit, never form.submit()', async () => {
    startGuard({ keys: [] });
    const form = document.createElement('form');
    const editor = document.createElement('textarea');
    editor.className = 'editor';
    form.append(editor);
    document.body.append(form);
    const submitted: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(editor.value);
    });
    const submit = vi.spyOn(form, 'submit');
    editor.value = 'Reply to the forum';
    form.requestSubmit();
    expect(submitted).toEqual([]);
    await settle();
    expect(submitted).toEqual(['Reply to the forum']);
    expect(submit).not.toHaveBeenCalled();
  });

  it('does not check again when the site submits its form a moment after the replayed click', async () => {
    const { check } = startGuard({ keys: [] });
    const form = document.createElement('form');
    const editor = document.createElement('textarea');
    editor.className = 'editor';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'send';
    form.append(editor, button);
    document.body.append(form);
    const submitted: string[] = [];
    // Like a site that validates first (await), then submits.
    button.addEventListener('click', () => setTimeout(() => form.requestSubmit(), 5));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(editor.value);
    });
    editor.value = 'just kys';
    button.click();
    await settle();
    nudges.shown[0].onPostAnyway();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(submitted).toEqual(['just kys']);
    expect(nudges.shown).toHaveLength(1);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('does not treat the nudge’s own buttons as send controls', async () => {
    startGuard();
    const { button, write } = buildComposer();
    write('just kys');
    button.click();
    await settle();
    const host = document.createElement(NUDGE_ELEMENT);
    document.body.append(host);
    const postAnyway = document.createElement('button');
    postAnyway.className = 'send';
    host.attachShadow({ mode: 'open' }).append(postAnyway);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    postAnyway.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });
});

describe('one guard per window', () => {
  it('tells a second copy of the content script that the window is already guarded', () => {
    expect(isWindowGuarded(window as unknown as Realm)).toBe(false);
    startGuard();
    expect(isWindowGuarded(window as unknown as Realm)).toBe(true);
    guard?.destroy();
    guard = undefined;
    expect(isWindowGuarded(window as unknown as Realm)).toBe(false);
  });
});
