// @vitest-environment happy-dom
// The shared composer mechanism: interception, exactly-once replay, swallowing
// while a check or nudge is pending, IME, only the person's own actions, and
// what happens to a post that could not be checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimWindow, createComposerGuard, NUDGE_ELEMENT, releaseWindow, type Guard, type Realm, type WindowClaim } from '@/utils/composer/guard';
import type { CheckOutcome, NudgeRequest, SendKey, SiteAdapter, UncheckedChoice } from '@/utils/composer/types';
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

// happy-dom has no isTrusted, so these tests say which events a page's script
// dispatched; every other event counts as the person's (as Playwright's do in
// the browser suite).
const fromPage = new WeakSet<Event>();

/** Dispatches an event the way a page's script would: untrusted. */
function dispatchFromPage<E extends Event>(target: EventTarget, event: E): E {
  fromPage.add(event);
  target.dispatchEvent(event);
  return event;
}

function startGuard(
  options: {
    keys?: readonly SendKey[];
    check?: (text: string) => Promise<CheckOutcome>;
    timeoutMs?: number;
    coldTimeoutMs?: number;
    whenUnchecked?: () => UncheckedChoice;
  } = {},
) {
  const check = vi.fn(options.check ?? stubCheck);
  nudges = { shown: [], closed: 0 };
  guard = createComposerGuard({
    win: window as unknown as Realm,
    adapter: adapter(options.keys),
    check,
    isPersonAction: (event) => !fromPage.has(event),
    whenUnchecked: options.whenUnchecked,
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
      isPersonAction: () => true,
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
    // The person's Enter in the form, which the site turns into a submit.
    pressEnter(editor);
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
  const win = window as unknown as Realm;
  const claimOf = (alive: boolean) => ({ isAlive: vi.fn(() => alive), release: vi.fn() }) satisfies WindowClaim;

  it('tells a second copy of the content script that the window is already guarded', () => {
    const first = claimOf(true);
    expect(claimWindow(win, first)).toBe(true);
    expect(claimWindow(win, claimOf(true))).toBe(false);
    releaseWindow(win, first);
    const next = claimOf(true);
    expect(claimWindow(win, next)).toBe(true);
    releaseWindow(win, next);
  });

  it('takes over from a copy whose extension was reloaded, and stops that copy', () => {
    const orphan = claimOf(false);
    claimWindow(win, orphan);
    const fresh = claimOf(true);
    expect(claimWindow(win, fresh)).toBe(true);
    expect(orphan.release).toHaveBeenCalledTimes(1);
    releaseWindow(win, fresh);
  });

  it('keeps the claim where the page cannot see or cancel it: no DOM event, attribute or property of the page’s', () => {
    const events: string[] = [];
    const record = (event: Event) => events.push(event.type);
    for (const type of ['second-thought:guarded', 'message']) window.addEventListener(type, record, true);
    const claim = claimOf(true);
    claimWindow(win, claim);
    startGuard();
    expect(events).toEqual([]);
    expect(document.documentElement.getAttributeNames().filter((name) => /second|thought|guard/i.test(name))).toEqual([]);
    // The claim is keyed by a symbol on the content script's own global (its isolated world).
    expect(Object.keys(window).filter((key) => /second|thought|guard/i.test(key))).toEqual([]);
    for (const type of ['second-thought:guarded', 'message']) window.removeEventListener(type, record, true);
    releaseWindow(win, claim);
  });
});

describe('only what the person does', () => {
  it('leaves a page’s own synthetic click on the send button to the site: no check, and the site’s handler gets it', async () => {
    const { check } = startGuard();
    const { button, sent, write } = buildComposer();
    write('Tamsin Okoro kys');
    const click = dispatchFromPage(button, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    await settle();
    expect(click.defaultPrevented).toBe(false);
    expect(check).not.toHaveBeenCalled();
    expect(nudges.shown).toEqual([]);
    expect(sent).toEqual([{ text: 'Tamsin Okoro kys', via: 'button' }]);
  });

  it('leaves a page’s synthetic Enter to the editor: no check', async () => {
    const { check } = startGuard();
    const { editor, sent, write } = buildComposer();
    write('Tamsin Okoro kys');
    const enter = dispatchFromPage(editor, new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
    await settle();
    expect(check).not.toHaveBeenCalled();
    expect(sent).toEqual([{ text: 'Tamsin Okoro kys', via: 'key', ctrlKey: false, metaKey: false }]);
    expect(enter.defaultPrevented).toBe(true); // by the site's own handler, which sent it
  });

  it('ignores a page’s synthetic submit, and a trusted submit the person did not start', async () => {
    const { check } = startGuard();
    const form = document.createElement('form');
    const editor = document.createElement('textarea');
    editor.className = 'editor';
    editor.value = 'Tamsin Okoro kys';
    form.append(editor);
    document.body.append(form);
    const submitted: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(editor.value);
    });
    dispatchFromPage(form, new Event('submit', { bubbles: true, cancelable: true }));
    // A submit the browser fires for a page's requestSubmit() is trusted; with no
    // Enter or click of the person's in the form just before, it is not theirs.
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(check).not.toHaveBeenCalled();
    expect(submitted).toEqual(['Tamsin Okoro kys', 'Tamsin Okoro kys']);
  });

  it('does not take the person’s click into the editor as theirs for a page’s submit just after', async () => {
    const { check } = startGuard({ keys: [] });
    const form = document.createElement('form');
    const editor = document.createElement('textarea');
    editor.className = 'editor';
    editor.value = 'kys';
    form.append(editor);
    document.body.append(form);
    form.addEventListener('submit', (event) => event.preventDefault());
    editor.click();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(check).not.toHaveBeenCalled();
  });

  it('checks a form’s submit that follows the person’s own Enter in it', async () => {
    const { check } = startGuard({ keys: [] });
    const form = document.createElement('form');
    const editor = document.createElement('input');
    editor.className = 'editor';
    editor.value = 'kys';
    form.append(editor);
    document.body.append(form);
    form.addEventListener('submit', (event) => event.preventDefault());
    pressEnter(editor);
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    await settle();
    expect(submit.defaultPrevented).toBe(true);
    expect(check).toHaveBeenCalledWith('kys');
  });

  it('ignores a page’s synthetic focus, presses and Escape', async () => {
    const warmUp = vi.fn(() => Promise.resolve());
    guard = createComposerGuard({
      win: window as unknown as Realm,
      adapter: adapter(),
      check: stubCheck,
      warmUp,
      isPersonAction: (event) => !fromPage.has(event),
      showNudge: () => ({ close: () => {} }),
    });
    const { editor, button, write } = buildComposer();
    dispatchFromPage(editor, new FocusEvent('focusin', { bubbles: true }));
    expect(warmUp).not.toHaveBeenCalled();
    write('just kys');
    button.click();
    await settle();
    const press = dispatchFromPage(button, new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    const escape = dispatchFromPage(editor, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(press.defaultPrevented).toBe(false);
    expect(escape.defaultPrevented).toBe(false);
  });
});

describe('a post that could not be checked', () => {
  const timedOut = (choice?: UncheckedChoice): Promise<CheckOutcome> => Promise.resolve({ unchecked: 'timed-out', detail: 'took too long', ...(choice ? { choice } : {}) });

  it('goes ahead once by default (fail open)', async () => {
    startGuard({ check: () => timedOut() });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { button, sent, write } = buildComposer();
    write('hello');
    button.click();
    await settle();
    expect(sent).toEqual([{ text: 'hello', via: 'button' }]);
    expect(nudges.shown).toEqual([]);
    warn.mockRestore();
  });

  it('says so when the school asks ("ask"), and "Post anyway" sends it once, unchanged', async () => {
    startGuard({ check: () => timedOut('ask') });
    const { button, sent, write } = buildComposer();
    write('a long post');
    button.click();
    await settle();
    expect(sent).toEqual([]);
    expect(nudges.shown).toHaveLength(1);
    expect(nudges.shown[0]).toMatchObject({ findings: [], unchecked: { reason: 'timed-out', choice: 'ask' }, text: 'a long post' });
    nudges.shown[0].onPostAnyway();
    nudges.shown[0].onPostAnyway();
    expect(sent).toEqual([{ text: 'a long post', via: 'button' }]);
  });

  it('holds it back when the school fails closed ("hold"): only "Edit post", the draft untouched', async () => {
    startGuard({ check: () => timedOut('hold') });
    const { editor, button, sent, write } = buildComposer('textarea');
    write('a long post');
    button.click();
    await settle();
    expect(nudges.shown[0].unchecked).toEqual({ reason: 'timed-out', choice: 'hold' });
    nudges.shown[0].onPostAnyway();
    expect(sent).toEqual([]);
    nudges.shown[0].onEdit();
    expect(document.activeElement).toBe(editor);
    expect((editor as HTMLTextAreaElement).value).toBe('a long post');
    expect(sent).toEqual([]);
  });

  it('follows the school’s last known choice when the background never answers', async () => {
    vi.useFakeTimers();
    startGuard({ check: () => new Promise(() => {}), timeoutMs: 750, coldTimeoutMs: 750, whenUnchecked: () => 'hold' });
    const { editor, sent, write } = buildComposer();
    write('hello');
    pressEnter(editor);
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual([]);
    expect(nudges.shown[0].unchecked).toEqual({ reason: 'timed-out', choice: 'hold' });
  });
});
