import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Category, Finding, Role } from '@/lib/types';
import {
  BLOCKED_NOTE,
  BUTTON_EDIT,
  BUTTON_POST_ANYWAY,
  excerptAround,
  headingsFor,
  policyLinkName,
  policyLinkText,
  REASON_CHOICES,
  REASON_NEEDED,
  REASON_OTHER,
  REASON_OTHER_LABEL,
  REASON_PRIVACY,
  REASON_QUESTION,
  REPORT_LEAD,
  REPORT_LINK,
  reportEmailLinkName,
  reportFallback,
  safeHref,
  supportLines,
  supportLinesFrom,
  UNCHECKED_TITLE,
  UNCHECKED_TOO_MANY_TITLE,
  uncheckedIntro,
} from './copy';
import type { NudgeMode, NudgeSettings, UncheckedReason } from '@/utils/messages';
import { COMPACT_BELOW_PX } from './styles';

export type { NudgeMode };

/**
 * The props that come from the school's settings rather than from the check,
 * exactly as the background sends them with each verdict: `modes` (a category
 * left out is 'nudge'), `reportUrl`/`reportEmail` (policy strategy 4, shown with
 * bullying, threats and hate) and `supportContacts` (replace the built-in helplines).
 */
export type NudgeSettingsProps = NudgeSettings;

export interface NudgeProps extends NudgeSettingsProps {
  /** The draft as it was checked; findings' offsets point into it. */
  text: string;
  findings: Finding[];
  /**
   * The post could not be checked (there are no findings): say so, and offer
   * "Post anyway" only when the school's choice is 'ask'.
   */
  unchecked?: { reason: UncheckedReason; choice: 'ask' | 'hold' };
  role?: Role;
  /** The address of a policy section (the extension's own policy page). */
  policyUrl(section: string): string;
  /** Opens a policy section; without it, links open as ordinary links. */
  onOpenPolicy?(section: string): void;
  onEdit(): void;
  onPostAnyway(): void;
}

// More than this and the nudge turns into a report; the first few say enough.
const MAX_SHOWN = 5;
// An Enter pressed twice to send lands its second press on "Edit post", which
// has just taken focus; until the nudge has been up this long, Enter and Space
// do not press its buttons (the mouse still does, and Escape always works).
const KEYS_ARM_AFTER_MS = 400;
const DOUBLE_CLICK_MS = 1_000;
const REPORTABLE: readonly Category[] = ['bullying', 'threat', 'hate'];
const MODE_STRENGTH: Record<NudgeMode, number> = { nudge: 0, reason: 1, block: 2 };
const OTHER = 'other';
/** The reasons offered, as [value, label]; "Something else" opens a text field. */
const REASON_OPTIONS: ReadonlyArray<readonly [string, string]> = [...REASON_CHOICES.map((choice) => [choice, choice] as const), [OTHER, REASON_OTHER] as const];
let instances = 0;

/** The strictest mode among the findings: one blocked finding blocks the post. */
export function effectiveMode(findings: readonly Finding[], modes: NudgeSettingsProps['modes']): NudgeMode {
  let mode: NudgeMode = 'nudge';
  for (const finding of findings) {
    // A wellbeing note offers support; it is never a breach, so no school setting
    // may make it hold a post back or demand a reason from someone who is struggling.
    if (finding.category === 'wellbeing') continue;
    const own = modes?.[finding.category] ?? 'nudge';
    if (MODE_STRENGTH[own] > MODE_STRENGTH[mode]) mode = own;
  }
  return mode;
}

export function Nudge(props: NudgeProps) {
  const { text, role, policyUrl, onOpenPolicy, onEdit, onPostAnyway } = props;
  const card = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const ids = useRef(`second-thought-${++instances}`).current;
  const shownAt = useRef(Date.now());
  const [compact, setCompact] = useState(false);
  // The reason only exists to give a moment's reflection before posting
  // anyway. It lives in this component's state and nowhere else: it is never
  // stored, logged, counted or sent, and leaves with the nudge.
  const [reasonChoice, setReasonChoice] = useState<string | null>(null);
  const [otherReason, setOtherReason] = useState('');
  const otherField = useRef<HTMLInputElement>(null);

  // Choosing "Something else" means wanting to type it.
  useEffect(() => {
    if (reasonChoice === OTHER) otherField.current?.focus();
  }, [reasonChoice]);

  // Layout effect, not effect: focus must have moved before the first key
  // press after the nudge appears, or an Escape would land in the editor.
  useLayoutEffect(() => {
    editButton.current?.focus();
  }, []);

  // The nudge is drawn in the composer's own window, which may be a small iframe.
  useLayoutEffect(() => {
    const win = card.current?.ownerDocument.defaultView;
    if (!win) return;
    const measure = () => setCompact(win.innerHeight < COMPACT_BELOW_PX);
    measure();
    win.addEventListener('resize', measure, { passive: true });
    return () => win.removeEventListener('resize', measure);
  }, []);

  const findings = orderForReading(dedupe(props.findings));
  const shown = findings.slice(0, MAX_SHOWN);
  const hasWellbeing = findings.some((finding) => finding.category === 'wellbeing');
  const reportable = findings.some((finding) => REPORTABLE.includes(finding.category));
  const { unchecked } = props;
  // A post held back unchecked is like a blocked one: edit only.
  const mode: NudgeMode = unchecked ? (unchecked.choice === 'hold' ? 'block' : 'nudge') : effectiveMode(findings, props.modes);
  const { title, intro } = unchecked
    ? { title: unchecked.reason === 'too-many-checks' ? UNCHECKED_TOO_MANY_TITLE : UNCHECKED_TITLE, intro: uncheckedIntro(unchecked.reason, unchecked.choice) }
    : headingsFor(findings);
  const support =
    props.supportContacts && props.supportContacts.length > 0
      ? supportLinesFrom(props.supportContacts)
      : supportLines(role);
  const reportHref = safeHref(props.reportUrl);
  const reportEmail = props.reportEmail?.trim() || undefined;
  const reasonGiven =
    reasonChoice !== null && (reasonChoice !== OTHER || otherReason.trim().length > 0);
  const postAllowed = mode === 'nudge' || (mode === 'reason' && reasonGiven);

  // The second click of a double-click on the site's send button can land on
  // the nudge if it opens under the pointer; that click is not a choice.
  const choose = (event: MouseEvent, action: () => void) => {
    if (event.detail > 1 && Date.now() - shownAt.current < DOUBLE_CLICK_MS) return;
    action();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEdit();
      return;
    }
    if (event.key === 'Tab') {
      keepFocusInside(event, card.current);
      return;
    }
    const onButton = (event.target as Element | null)?.tagName === 'BUTTON';
    const pressesButton = event.key === 'Enter' || event.key === ' ';
    if (onButton && pressesButton && (event.repeat || Date.now() - shownAt.current < KEYS_ARM_AFTER_MS)) {
      event.preventDefault();
    }
  };

  const showsBlockedNote = mode === 'block' && !unchecked;
  const describedBy = [`${ids}-intro`, showsBlockedNote ? `${ids}-blocked` : null].filter(Boolean).join(' ');

  return (
    <div
      ref={card}
      class={['nudge', compact && 'compact', unchecked && 'unchecked'].filter(Boolean).join(' ')}
      role="alertdialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    >
      <h2 class="title" id={`${ids}-title`}>
        {title}
      </h2>
      <div class="body">
        <p class="intro" id={`${ids}-intro`}>
          {intro}
        </p>

        {hasWellbeing && support.length > 0 && (
          <section class="support" aria-label="Support">
            <p class="support-lead">You can talk to someone, any time:</p>
            <ul>
              {support.map((line) => (
                <li key={line.name}>
                  {line.url ? (
                    <a href={line.url} target="_blank" rel="noopener noreferrer">
                      <strong>{line.name}</strong>
                    </a>
                  ) : (
                    <strong>{line.name}</strong>
                  )}
                  {(line.phone || line.detail) && ': '}
                  {line.phone && (line.tel ? <a href={`tel:${line.tel}`}>{line.phone}</a> : line.phone)}
                  {line.phone && line.detail && ', '}
                  {line.detail}
                </li>
              ))}
            </ul>
          </section>
        )}

        {/* Near the top, not after the findings: it explains why there is no "Post anyway". */}
        {showsBlockedNote && (
          <p class="note blocked" id={`${ids}-blocked`}>
            {BLOCKED_NOTE}
          </p>
        )}

        {shown.length > 0 && (
          <ul class="findings">
            {shown.map((finding) => {
              const excerpt = excerptAround(text, finding.start, finding.end);
              return (
                <li
                  class={`finding finding-${finding.category} severity-${finding.severity}`}
                  key={`${finding.ruleId}:${finding.start}`}
                >
                  <p class="excerpt">
                    {excerpt.before}
                    <mark>{finding.match || excerpt.match}</mark>
                    {excerpt.after}
                  </p>
                  <p class="message">{finding.message}</p>
                  {finding.suggestion && <p class="suggestion">{finding.suggestion}</p>}
                  {finding.policySections.length > 0 && (
                    <p class="policy">
                      {'In the policy: '}
                      {finding.policySections.map((section, index) => (
                        <Fragment key={section}>
                          {index > 0 && ', '}
                          <a
                            href={policyUrl(section)}
                            aria-label={policyLinkName(section)}
                            target="_blank"
                            rel="noopener noreferrer"
                            onClick={(event) => {
                              if (!onOpenPolicy) return;
                              event.preventDefault();
                              onOpenPolicy(section);
                            }}
                          >
                            {policyLinkText(section)}
                          </a>
                        </Fragment>
                      ))}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {findings.length > shown.length && (
          <p class="more">…and {findings.length - shown.length} more.</p>
        )}

        {reportable && (
          <p class="report">
            {REPORT_LEAD}
            {reportHref || reportEmail ? ': ' : reportFallback(role)}
            {reportHref && (
              <a href={reportHref} target="_blank" rel="noopener noreferrer">
                {REPORT_LINK}
              </a>
            )}
            {reportHref && reportEmail && ' or '}
            {reportEmail && <a href={`mailto:${reportEmail}`}>{reportEmailLinkName(reportEmail)}</a>}
            {(reportHref || reportEmail) && '.'}
          </p>
        )}

        {mode === 'reason' && (
          <fieldset class="reason">
            <legend>{REASON_QUESTION}</legend>
            <p class="hint">{REASON_PRIVACY}</p>
            {REASON_OPTIONS.map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${ids}-reason`}
                  value={value}
                  checked={reasonChoice === value}
                  onChange={() => setReasonChoice(value)}
                />
                <span>{label}</span>
              </label>
            ))}
            {reasonChoice === OTHER && (
              <label class="other">
                <span>{REASON_OTHER_LABEL}</span>
                <input
                  ref={otherField}
                  type="text"
                  maxLength={200}
                  autoComplete="off"
                  value={otherReason}
                  onInput={(event) => setOtherReason((event.currentTarget as HTMLInputElement).value)}
                />
              </label>
            )}
          </fieldset>
        )}
      </div>

      <div class="actions">
        <button type="button" class="primary" ref={editButton} onClick={(event) => choose(event, onEdit)}>
          {BUTTON_EDIT}
        </button>
        {mode !== 'block' && (
          <button
            type="button"
            class="secondary"
            disabled={!postAllowed}
            aria-describedby={postAllowed ? undefined : `${ids}-needed`}
            onClick={(event) => {
              if (postAllowed) choose(event, onPostAnyway);
            }}
          >
            {BUTTON_POST_ANYWAY}
          </button>
        )}
        {!postAllowed && mode === 'reason' && (
          <p class="needed" id={`${ids}-needed`}>
            {REASON_NEEDED}
          </p>
        )}
      </div>
    </div>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle within the nudge while it is open: the post is held
 * until the writer chooses, so focus wandering off into the page helps no one.
 */
function keepFocusInside(event: KeyboardEvent, card: HTMLElement | null): void {
  if (!card) return;
  const stops = tabStops(card);
  if (stops.length === 0) return;
  const root = card.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const inside = active !== null && card.contains(active);
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/** The elements Tab visits, in order; a radio group is one stop, as browsers treat it. */
function tabStops(card: HTMLElement): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const element of card.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    // No instanceof: the card may live in another frame's realm than this code.
    if (element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'radio') {
      const radio = element as HTMLInputElement;
      if (groups.has(radio.name)) continue;
      const group = Array.from(card.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter(
        (other) => other.name === radio.name,
      );
      groups.add(radio.name);
      stops.push(group.find((other) => other.checked) ?? group[0]);
      continue;
    }
    stops.push(element);
  }
  return stops;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}:${finding.start}:${finding.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Wellbeing first (support before anything else), then the order of the text. */
function orderForReading(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(b.category === 'wellbeing') - Number(a.category === 'wellbeing') || a.start - b.start,
  );
}
