// The shared composer mechanism: catch a send before the site sees it, ask for
// a verdict, then either replay the site's own send exactly once or hold it
// behind a nudge. Site adapters only say where the editors and send controls
// are; everything here is the same on every site.
//
// Listeners sit on `window` in the capture phase, so they run before React's
// root listeners and before any editor's own keydown handler. The editor's DOM
// is never written to: Lexical and Draft.js keep their own state and would send
// stale text or crash (facebook/lexical#3674, facebook/draft-js#616).
import type { CheckOutcome, NudgeHandle, NudgeRequest, SendKey, SiteAdapter, UncheckedChoice } from './types';
import {
  composedContains,
  composedParent,
  eventOrigin,
  formOf,
  isDisabled,
  isElement,
  isNativeButton,
  isSubmitButton,
  isTextField,
  readDraft,
} from './dom';

/** A window with its own constructors (a same-origin iframe has its own). */
export type Realm = Window & typeof globalThis;

export interface GuardOptions {
  win: Realm;
  adapter: SiteAdapter;
  /**
   * Asks for a verdict. It may reject or hang: the post is then one that could
   * not be checked, and `whenUnchecked` says what happens to it.
   */
  check(text: string): Promise<CheckOutcome>;
  showNudge(request: NudgeRequest): NudgeHandle;
  /**
   * What the school wants done with a post that could not be checked, when the
   * checker did not say (it never answered). Without it the post goes ahead.
   */
  whenUnchecked?(): UncheckedChoice;
  /**
   * Whether an event is the person's own doing. Browsers say so with
   * `event.isTrusted`, which a page's script cannot forge; happy-dom has no
   * isTrusted, so the unit tests pass their own.
   */
  isPersonAction?(event: Event): boolean;
  /**
   * Called when someone starts writing (and now and then while they type), so
   * the checker is awake before the post. Resolves once it is ready.
   */
  warmUp?(): Promise<unknown>;
  /**
   * How long to wait for a verdict from a checker that answered recently. The
   * background abandons a check that runs past its time budget and says so, so
   * this is only for a background that never answers at all.
   */
  timeoutMs?: number | (() => number);
  /**
   * How long to wait when the checker has not been heard from lately: its
   * service worker may be starting, and the engine builds its tables then.
   */
  coldTimeoutMs?: number | (() => number);
}

export interface Guard {
  /** Closes any nudge and forgets a pending send. */
  reset(): void;
  /** Closes a nudge whose editor has gone, e.g. after in-app navigation. */
  dropStale(): void;
  destroy(): void;
}

type Replay =
  | { kind: 'click'; control: HTMLElement }
  | { kind: 'key'; key: SendKey; ctrlKey: boolean; metaKey: boolean }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null };

interface PendingSend {
  editors: HTMLElement[];
  text: string;
  replay: Replay;
  selection: Range | null;
}

type Phase =
  | { name: 'idle' }
  | { name: 'checking'; send: PendingSend }
  | { name: 'nudging'; send: PendingSend; nudge: NudgeHandle };

// The background answers within its own time budget (and says when a check had
// to be abandoned), so these only cover a background that has gone quiet.
const DEFAULT_TIMEOUT_MS = 4_000;
// A service worker starting from cold starts the engine's worker, which loads
// the engine and builds its tables (seconds on a slow, busy machine). A post in
// that window waits for it rather than going out unchecked.
const DEFAULT_COLD_TIMEOUT_MS = 15_000;
// How long after a replayed click the same draft's form submit counts as part
// of it; and how long after the person's own Enter or click a form's submit
// counts as theirs.
const FOLLOW_UP_SUBMIT_MS = 2_000;
// Chrome stops an idle extension service worker after 30 s.
const WORKER_IDLE_MS = 25_000;
// How far up from a send control to look for the editor it sends from. Social
// sites nest deeply; a composer's button and editor rarely share a parent.
const MAX_ANCESTOR_STEPS = 30;
// Warm-ups while someone writes also keep the worker from going idle.
const WARM_UP_INTERVAL_MS = 10_000;
/** The custom element that hosts the nudge (see components/nudge/mount.tsx). */
export const NUDGE_ELEMENT = 'second-thought-nudge';
// Controls whose click can submit a form (a site's own script may do it for a div-button).
const SUBMITTING_CONTROLS = 'button, input[type="submit"], input[type="image"], input[type="button"], [role="button"]';

// Kept on the content script's own global object. Every content script of this
// extension in a frame shares one isolated world (Chrome) or sandbox (Firefox),
// and the page's scripts see neither: unlike a DOM event or attribute, the page
// can neither read this nor cancel it (issue 12, finding 4).
const GUARD_CLAIM = Symbol.for('second-thought:composer-guard');

/** The guard that holds a window, as a second copy of the content script sees it. */
export interface WindowClaim {
  /** False once the extension that made it has been reloaded or removed. */
  isAlive(): boolean;
  /** Stops the guard that made the claim. */
  release(): void;
}

type ClaimedWindow = Realm & { [GUARD_CLAIM]?: WindowClaim };

/**
 * Claims a window for one guard. Content scripts can arrive twice in a frame
 * (a built-in site that is also in extraSites), and each would otherwise check
 * and replay the same send. Returns false when a live guard already holds the
 * window. A claim left by a copy whose extension has since been reloaded is
 * released and taken over, so a dead guard cannot keep catching sends.
 */
export function claimWindow(win: Realm, claim: WindowClaim): boolean {
  const claimed = win as ClaimedWindow;
  const held = claimed[GUARD_CLAIM];
  if (held && held !== claim) {
    if (held.isAlive()) return false;
    held.release();
  }
  claimed[GUARD_CLAIM] = claim;
  return true;
}

/** Gives the window up, if `claim` still holds it. */
export function releaseWindow(win: Realm, claim: WindowClaim): void {
  const claimed = win as ClaimedWindow;
  if (claimed[GUARD_CLAIM] === claim) delete claimed[GUARD_CLAIM];
}

export function createComposerGuard(options: GuardOptions): Guard {
  const { win, adapter } = options;
  const limitOf = (limit: number | (() => number) | undefined, fallback: number) => (typeof limit === 'function' ? limit() : limit ?? fallback);
  const timeoutMs = () => limitOf(options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const coldTimeoutMs = () => Math.max(timeoutMs(), limitOf(options.coldTimeoutMs, DEFAULT_COLD_TIMEOUT_MS));
  // Only what the person does starts a check. A page's script can dispatch key
  // presses, clicks and submits of its own, and could use them to probe the
  // roster with guessed names or inflate the nudge counts (issue 12).
  const isPersonAction = options.isPersonAction ?? ((event: Event) => event.isTrusted);
  /** When the checker last answered anything; until then it counts as cold. */
  let lastHeard = -Infinity;
  /** The send just replayed, so the site's own follow-up submit is not checked again. */
  let lastReplay: { editor: HTMLElement; text: string; until: number } | null = null;
  let phase: Phase = { name: 'idle' };
  let lastFocusedEditor: HTMLElement | null = null;
  let lastWarmUp = -Infinity;
  // Set while we dispatch a replay, so our own listeners let exactly that send
  // through. (Our replays are untrusted events, but a form submitted by one is
  // a trusted submit event.)
  let replaying = false;
  /** The person's last Enter or click, so a form's submit can be traced to them. */
  let lastSendGesture: { target: Element; at: number } | null = null;

  function swallow(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function editorAt(origin: Element): HTMLElement | null {
    const candidate = origin.closest(adapter.editors);
    if (!candidate || (adapter.isEditor && !adapter.isEditor(candidate))) return null;
    return candidate as HTMLElement;
  }

  function isSendControl(element: Element): boolean {
    return element.matches(adapter.sendControls) && (adapter.isSendControl?.(element) ?? true);
  }

  function sendControlIn(event: Event): HTMLElement | null {
    if (!adapter.sendControls) return null;
    const path = event.composedPath();
    // Our own nudge has a "Post anyway" button, which must not count as a send.
    if (path.some((node) => isElement(node) && node.localName === NUDGE_ELEMENT)) return null;
    for (const node of path) {
      if (!isElement(node)) continue;
      if (isSendControl(node)) return node as HTMLElement;
    }
    return null;
  }

  function editorsIn(root: Element): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>(adapter.editors)).filter(
      (element) => !adapter.isEditor || adapter.isEditor(element),
    );
  }

  /** The editor a control sends from: the nearest one, preferring the one last written in. */
  function editorsForControl(control: HTMLElement): HTMLElement[] {
    if (adapter.editorsFor) return adapter.editorsFor(control, connected(lastFocusedEditor));
    const form = formOf(control);
    let scope: Element | null = form ?? control;
    for (let steps = 0; scope && steps < MAX_ANCESTOR_STEPS; steps++) {
      const recent = connected(lastFocusedEditor);
      if (recent && composedContains(scope, recent)) return [recent];
      const found = editorsIn(scope);
      if (found.length > 0) return [found.find((editor) => readDraft(editor).trim() !== '') ?? found[0]];
      scope = composedParent(scope);
    }
    return [];
  }

  function connected(element: HTMLElement | null): HTMLElement | null {
    return element && element.isConnected ? element : null;
  }

  function draftOf(editors: HTMLElement[]): string {
    return editors.map(readDraft).join('\n\n');
  }

  function saveSelection(editor: HTMLElement): Range | null {
    if (isTextField(editor)) return null;
    const selection = editor.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return editor.contains(range.startContainer) ? range.cloneRange() : null;
  }

  function beginSend(event: Event, editors: HTMLElement[], replay: Replay): void {
    const text = draftOf(editors);
    // An empty draft sends nothing worth checking (sites disable the button anyway).
    if (text.trim() === '') return;
    swallow(event);
    const send: PendingSend = { editors, text, replay, selection: saveSelection(editors[0]) };
    phase = { name: 'checking', send };
    void verdictFor(text).then((outcome) => {
      if (phase.name !== 'checking' || phase.send !== send) return;
      if ('unchecked' in outcome) return settleUnchecked(send, outcome);
      if (outcome.findings.length === 0) {
        // Benign: the post goes as if we were not here.
        phase = { name: 'idle' };
        replaySend(send);
        return;
      }
      const nudge = options.showNudge({
        editor: editors[0],
        text,
        findings: outcome.findings,
        role: outcome.role,
        ...outcome.nudgeSettings,
        onEdit: () => settleNudge(send, 'edit'),
        onPostAnyway: () => settleNudge(send, 'post'),
      });
      phase = { name: 'nudging', send, nudge };
    });
  }

  /**
   * A post that could not be checked goes ahead unless the school chose
   * otherwise (block or reason modes, or failing closed): then the person is
   * told, and chooses, or may only edit it. The draft is never touched.
   */
  function settleUnchecked(send: PendingSend, outcome: Extract<CheckOutcome, { unchecked: unknown }>): void {
    const choice = outcome.choice ?? options.whenUnchecked?.() ?? 'post';
    if (choice === 'post') {
      console.warn('Second Thought: post sent unchecked:', outcome.detail);
      phase = { name: 'idle' };
      replaySend(send);
      return;
    }
    const nudge = options.showNudge({
      editor: send.editors[0],
      text: send.text,
      findings: [],
      unchecked: { reason: outcome.unchecked, choice },
      onEdit: () => settleNudge(send, 'edit'),
      onPostAnyway: () => {
        // Held posts have no "Post anyway": nothing may send one.
        if (choice === 'ask') settleNudge(send, 'post');
      },
    });
    phase = { name: 'nudging', send, nudge };
  }

  function verdictFor(text: string): Promise<CheckOutcome> {
    return new Promise((resolve) => {
      const limit = Date.now() - lastHeard < WORKER_IDLE_MS ? timeoutMs() : coldTimeoutMs();
      const timer = win.setTimeout(() => resolve({ unchecked: 'timed-out', detail: `no answer within ${limit} ms` }), limit);
      let answer: Promise<CheckOutcome>;
      try {
        answer = options.check(text);
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (outcome) => {
          win.clearTimeout(timer);
          lastHeard = Date.now();
          resolve(outcome);
        },
        (error: unknown) => {
          win.clearTimeout(timer);
          resolve({ unchecked: 'failed', detail: error instanceof Error ? error.message : String(error) });
        },
      );
    });
  }

  function settleNudge(send: PendingSend, choice: 'edit' | 'post'): void {
    if (phase.name !== 'nudging' || phase.send !== send) return;
    phase.nudge.close();
    phase = { name: 'idle' };
    if (choice === 'post') replaySend(send);
    else returnToEditor(send);
  }

  function returnToEditor(send: PendingSend): void {
    const editor = send.editors[0];
    if (!editor.isConnected) return;
    editor.focus({ preventScroll: true });
    if (send.selection) {
      const selection = editor.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(send.selection);
    }
  }

  function replaySend(send: PendingSend): void {
    const { replay } = send;
    lastReplay = { editor: send.editors[0], text: send.text, until: Date.now() + FOLLOW_UP_SUBMIT_MS };
    replaying = true;
    try {
      if (replay.kind === 'click') {
        const control = replay.control.isConnected ? replay.control : controlNear(send.editors[0]);
        control?.click();
      } else if (replay.kind === 'submit') {
        const submitter = replay.submitter && replay.submitter.isConnected ? replay.submitter : null;
        // requestSubmit runs the site's submit handlers; form.submit() would skip them.
        replay.form.requestSubmit(submitter ?? undefined);
      } else {
        replayKey(send.editors[0], replay);
      }
    } finally {
      replaying = false;
    }
  }

  function replayKey(editor: HTMLElement, replay: Extract<Replay, { kind: 'key' }>): void {
    // Lexical, Slate, Draft.js and ProseMirror all act on a synthetic keydown;
    // keyCode matters to Draft.js, which still reads it.
    const keydown = new ((editor.ownerDocument.defaultView as Realm | null) ?? win).KeyboardEvent('keydown', {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      ctrlKey: replay.ctrlKey,
      metaKey: replay.metaKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    } as KeyboardEventInit);
    editor.dispatchEvent(keydown);
    // A synthetic Enter has no default action, so a plain single-line field in a
    // form, whose Enter the page left to the browser, needs its form submitted.
    if (!keydown.defaultPrevented && editor.tagName === 'INPUT') {
      const form = formOf(editor);
      const submitter = form && Array.from(form.elements).find((element) => isSubmitButton(element));
      form?.requestSubmit((submitter as HTMLElement | undefined) ?? undefined);
    }
  }

  /** Finds the send control again when the site re-rendered it during the check. */
  function controlNear(editor: HTMLElement): HTMLElement | null {
    let scope: Element | null = editor;
    for (let steps = 0; scope && steps < MAX_ANCESTOR_STEPS; steps++) {
      const control = Array.from(scope.querySelectorAll<HTMLElement>(adapter.sendControls)).find(
        (element) => (adapter.isSendControl?.(element) ?? true) && !isDisabled(element),
      );
      if (control) return control;
      scope = composedParent(scope);
    }
    return null;
  }

  function sendKeyOf(event: KeyboardEvent): SendKey | null {
    if (event.key !== 'Enter') return null;
    // IME: Enter confirms a composition. macOS Chinese IMEs send keyCode 229
    // just after compositionend, when isComposing is already false.
    if (event.isComposing || event.keyCode === 229) return null;
    if (event.shiftKey || event.altKey) return null;
    return event.ctrlKey || event.metaKey ? 'mod-enter' : 'enter';
  }

  function pending(): boolean {
    dropStale();
    return phase.name !== 'idle';
  }

  /** A nudge whose editor has gone (the app navigated) no longer holds anything back. */
  function dropStale(): void {
    if (phase.name === 'nudging' && !phase.send.editors[0].isConnected) reset();
  }

  const onKeyDown = (event: Event): void => {
    if (replaying || !isPersonAction(event) || !(event instanceof win.KeyboardEvent || isKeyboardEvent(event))) return;
    const keyEvent = event as KeyboardEvent;
    const origin = eventOrigin(event);
    if (!origin) return;
    const key = sendKeyOf(keyEvent);
    if (key) lastSendGesture = { target: origin, at: Date.now() };
    const editor = editorAt(origin);
    if (editor) warmUp();
    // Escape in the editor while its nudge is open means "Edit post", as it does in the nudge.
    if (keyEvent.key === 'Escape' && phase.name === 'nudging' && editor && phase.send.editors.includes(editor)) {
      swallow(event);
      return settleNudge(phase.send, 'edit');
    }
    if (editor && key && adapter.sendKeys(editor).includes(key)) {
      if (pending()) return swallow(event);
      return beginSend(event, [editor], { kind: 'key', key, ctrlKey: keyEvent.ctrlKey, metaKey: keyEvent.metaKey });
    }
    // A div-button (role=button) sends from Enter or Space in its own handler;
    // native buttons turn those keys into a click, which is caught below.
    if ((keyEvent.key === 'Enter' || keyEvent.key === ' ') && !keyEvent.isComposing) {
      const control = sendControlIn(event);
      if (!control || isNativeButton(control) || isDisabled(control)) return;
      if (pending()) return swallow(event);
      const editors = editorsForControl(control);
      if (editors.length > 0) beginSend(event, editors, { kind: 'click', control });
    }
  };

  const onClick = (event: Event): void => {
    if (replaying || !isPersonAction(event)) return;
    // A click into the editor is not a send; one on a button may submit its form.
    const pressed = event.composedPath().find((node) => isElement(node) && node.matches(SUBMITTING_CONTROLS));
    if (pressed) lastSendGesture = { target: pressed as Element, at: Date.now() };
    const control = sendControlIn(event);
    if (!control || isDisabled(control)) return;
    if (pending()) return swallow(event);
    const editors = editorsForControl(control);
    if (editors.length > 0) beginSend(event, editors, { kind: 'click', control });
  };

  // The presses that lead up to a click: swallowed while a send is pending, so
  // a site that acts on pointerdown cannot send a second time.
  const onPress = (event: Event): void => {
    if (replaying || !isPersonAction(event) || !pending()) return;
    if (sendControlIn(event)) swallow(event);
  };

  const onSubmit = (event: Event): void => {
    if (replaying || !isPersonAction(event)) return;
    const form = event.target;
    if (!isElement(form) || form.tagName !== 'FORM') return;
    const submitter = (event as SubmitEvent).submitter ?? null;
    // A submit event is trusted even when a page's script caused it
    // (requestSubmit, or .click() on a submit button), so it counts only just
    // after the person's own Enter or click in this form or on its submitter.
    if (!followsSendGesture(form, submitter)) return;
    const recent = connected(lastFocusedEditor);
    const editors = recent && composedContains(form, recent) ? [recent] : editorsIn(form).slice(0, 1);
    if (editors.length === 0) return;
    if (pending()) return swallow(event);
    // A site whose send button submits its form a moment later (after an
    // await) would otherwise be checked, and nudged, a second time.
    if (lastReplay && Date.now() < lastReplay.until && composedContains(form, lastReplay.editor)) {
      if (draftOf(editors) === lastReplay.text) return;
    }
    beginSend(event, editors, { kind: 'submit', form: form as HTMLFormElement, submitter });
  };

  function followsSendGesture(form: Element, submitter: Element | null): boolean {
    if (!lastSendGesture || Date.now() - lastSendGesture.at > FOLLOW_UP_SUBMIT_MS) return false;
    const { target } = lastSendGesture;
    return composedContains(form, target) || (submitter !== null && composedContains(submitter, target));
  }

  function warmUp(): void {
    const now = Date.now();
    if (!options.warmUp || now - lastWarmUp < WARM_UP_INTERVAL_MS) return;
    lastWarmUp = now;
    options.warmUp().then(
      () => (lastHeard = Date.now()),
      () => undefined,
    );
  }

  const onFocusIn = (event: Event): void => {
    if (!isPersonAction(event)) return;
    const origin = eventOrigin(event);
    const editor = origin && editorAt(origin);
    if (!editor) return;
    lastFocusedEditor = editor;
    warmUp();
  };

  const listeners: [string, (event: Event) => void][] = [
    ['keydown', onKeyDown],
    ['click', onClick],
    ['pointerdown', onPress],
    ['mousedown', onPress],
    ['pointerup', onPress],
    ['mouseup', onPress],
    ['submit', onSubmit],
    ['focusin', onFocusIn],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  // A composer focused before we arrived (autofocus) gets no focusin.
  const focused = win.document.activeElement;
  if (focused && editorAt(focused)) {
    lastFocusedEditor = focused as HTMLElement;
    warmUp();
  }

  function reset(): void {
    if (phase.name === 'nudging') phase.nudge.close();
    phase = { name: 'idle' };
  }

  return {
    reset,
    dropStale,
    destroy() {
      reset();
      for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
    },
  };
}

function isKeyboardEvent(event: Event): boolean {
  // Events from a same-origin iframe come from another realm.
  return 'key' in event && 'isComposing' in event;
}
