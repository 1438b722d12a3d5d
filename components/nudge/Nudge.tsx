import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Category, Finding, Role } from '@/lib/types';
import { useT } from '@/components/i18n';
import { excerptAround, headingsFor, nudgeKind, policyLinkName, policyLinkText, safeHref, supportLines } from './copy';
import { SupportList } from './SupportList';
import type { NudgeMode, NudgeSettings, UncheckedReason } from '@/utils/messages';
import { COMPACT_BELOW_PX } from './styles';

export type { NudgeMode };

/**
 * The props that come from the school's settings rather than from the check,
 * exactly as the background sends them with each verdict: `modes` (a category
 * left out is 'nudge'), `reportUrl`/`reportEmail` (policy strategy 4, shown with
 * bullying, threats and hate) and `supportContacts` (the school's own, shown
 * before the national helplines).
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
  /** The pupils' help page ("What is this?"); without `onOpenHelp` it opens as an ordinary link. */
  helpUrl?: string;
  onOpenHelp?(): void;
  /**
   * The writer says the warning is wrong. Only the categories are passed on, to
   * be counted on this device; never the text. Without it the offer still shows,
   * and nothing is counted.
   */
  onSaidWrong?(categories: Category[]): void;
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
/** The reasons offered, as [value, message key]; "Something else" opens a text field. */
const REASON_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['joke', 'nudge_reason_joke'],
  ['quoting', 'nudge_reason_quoting'],
  [OTHER, 'nudge_reason_other'],
];
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
  const t = useT();
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
  const [saidWrong, setSaidWrong] = useState(false);
  const otherField = useRef<HTMLInputElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);

  // Choosing "Something else" means wanting to type it.
  useEffect(() => {
    if (reasonChoice === OTHER) otherField.current?.focus();
  }, [reasonChoice]);
  // The button that was pressed has gone: focus goes to the thanks that replaced it, not to the page.
  useEffect(() => {
    if (saidWrong) thanks.current?.focus();
  }, [saidWrong]);

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

  const findings = dedupe(props.findings);
  const hasWellbeing = findings.some((finding) => finding.category === 'wellbeing');
  // Wellbeing is said once, in the support box; the others are listed.
  const listed = findings.filter((finding) => finding.category !== 'wellbeing').sort((a, b) => a.start - b.start);
  const shown = listed.slice(0, MAX_SHOWN);
  const reportable = findings.some((finding) => REPORTABLE.includes(finding.category));
  const { unchecked } = props;
  // A post held back unchecked is like a blocked one: edit only.
  const mode: NudgeMode = unchecked ? (unchecked.choice === 'hold' ? 'block' : 'nudge') : effectiveMode(findings, props.modes);
  // A school that blocks pupils naming pupils gets the ordinary blocked nudge, not the light note.
  const kind = unchecked ? 'warning' : nudgeKind(findings, role) === 'naming' && mode === 'block' ? 'warning' : nudgeKind(findings, role);
  const { title, intro } = unchecked ? uncheckedHeadings(unchecked, t) : headingsFor(kind, findings, t);
  const support = hasWellbeing ? supportLines(role, props.supportContacts, t) : [];
  const reportHref = safeHref(props.reportUrl);
  const reportEmail = props.reportEmail?.trim() || undefined;
  const reasonGiven = reasonChoice !== null && (reasonChoice !== OTHER || otherReason.trim().length > 0);
  // "They're happy for me to post this" and "this warning is wrong" are reasons too.
  const postAllowed = mode === 'nudge' || (mode === 'reason' && (reasonGiven || saidWrong || kind === 'naming'));
  const categories = [...new Set(findings.map((finding) => finding.category))];

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
  const describedBy = [`${ids}-intro`, hasWellbeing ? `${ids}-private` : null, showsBlockedNote ? `${ids}-blocked` : null].filter(Boolean).join(' ');
  const editLabel = kind === 'wellbeing' ? t('nudge_back_to_post') : t('nudge_edit');
  const postLabel =
    kind === 'wellbeing' ? t('nudge_post_it') : kind === 'naming' ? (saidWrong ? t('nudge_post_it') : t('nudge_naming_consent')) : t('nudge_post_anyway');
  const openHelp = (event: MouseEvent) => {
    if (!props.onOpenHelp) return;
    event.preventDefault();
    props.onOpenHelp();
  };

  return (
    <div
      ref={card}
      class={['nudge', `kind-${kind}`, compact && 'compact', unchecked && 'unchecked'].filter(Boolean).join(' ')}
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

        {hasWellbeing && (
          <section class="support" aria-label={t('nudge_support_label')}>
            <p class="support-lead">{t('nudge_support_lead')}</p>
            <SupportList lines={support} />
            <p class="support-danger">{t('nudge_support_danger')}</p>
            <p class="support-private" id={`${ids}-private`}>
              {t('nudge_wellbeing_private')}
            </p>
          </section>
        )}

        {/* Near the top, not after the findings: it explains why there is no "Post anyway". */}
        {showsBlockedNote && (
          <p class="note blocked" id={`${ids}-blocked`}>
            {t('nudge_blocked_note')}
          </p>
        )}

        {shown.length > 0 && (
          <ul class="findings">
            {shown.map((finding) => {
              const excerpt = excerptAround(text, finding.start, finding.end);
              return (
                <li class={`finding finding-${finding.category} severity-${finding.severity}`} key={`${finding.ruleId}:${finding.start}`}>
                  <p class="excerpt">
                    {excerpt.before}
                    <mark>{finding.match || excerpt.match}</mark>
                    {excerpt.after}
                  </p>
                  <p class="message">{finding.message}</p>
                  {finding.suggestion && <p class="suggestion">{finding.suggestion}</p>}
                  {finding.policySections.length > 0 && (
                    <p class="policy">
                      {t('nudge_policy_lead')}{' '}
                      {finding.policySections.map((section, index) => (
                        <Fragment key={section}>
                          {index > 0 && ', '}
                          <a
                            href={policyUrl(section)}
                            aria-label={policyLinkName(section, t)}
                            target="_blank"
                            rel="noopener noreferrer"
                            onClick={(event) => {
                              if (!onOpenPolicy) return;
                              event.preventDefault();
                              onOpenPolicy(section);
                            }}
                          >
                            {policyLinkText(section, t)}
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
        {listed.length > shown.length && <p class="more">{t.plural('nudge_more', listed.length - shown.length)}</p>}

        {reportable && <Report role={role} href={reportHref} email={reportEmail} />}

        {mode === 'reason' && kind !== 'naming' && !saidWrong && (
          <fieldset class="reason">
            <legend>{t('nudge_reason_question')}</legend>
            <p class="hint">{t('nudge_reason_private')}</p>
            {REASON_OPTIONS.map(([value, key]) => (
              <label key={value}>
                <input type="radio" name={`${ids}-reason`} value={value} checked={reasonChoice === value} onChange={() => setReasonChoice(value)} />
                <span>{t(key)}</span>
              </label>
            ))}
            {reasonChoice === OTHER && (
              <label class="other">
                <span>{t('nudge_reason_other_label')}</span>
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
          {editLabel}
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
            {postLabel}
          </button>
        )}
        {!postAllowed && mode === 'reason' && (
          <p class="needed" id={`${ids}-needed`}>
            {t('nudge_reason_needed')}
          </p>
        )}
        <div class="aside">
          {!unchecked &&
            (saidWrong ? (
              <p class="said-wrong" role="status" tabIndex={-1} ref={thanks}>
                {t('nudge_said_wrong_thanks')}
              </p>
            ) : (
              <button
                type="button"
                class="quiet"
                onClick={(event) =>
                  choose(event, () => {
                    props.onSaidWrong?.(categories);
                    setSaidWrong(true);
                  })
                }
              >
                {kind === 'warning' ? t('nudge_said_wrong_warning') : t('nudge_said_wrong_note')}
              </button>
            ))}
          {props.helpUrl && (
            <a class="help" href={props.helpUrl} target="_blank" rel="noopener noreferrer" onClick={openHelp}>
              {t('nudge_help_link')}
            </a>
          )}
        </div>
      </div>
    </div>
  );
}

function uncheckedHeadings(unchecked: NonNullable<NudgeProps['unchecked']>, t: ReturnType<typeof useT>): { title: string; intro: string } {
  if (unchecked.reason === 'too-many-checks') return { title: t('nudge_too_many_title'), intro: t('nudge_unchecked_too_many') };
  const why = t(`nudge_unchecked_${unchecked.reason.replace(/-/g, '_')}`);
  return { title: t('nudge_unchecked_title'), intro: `${why} ${t(unchecked.choice === 'ask' ? 'nudge_unchecked_ask' : 'nudge_unchecked_hold')}` };
}

/** Policy strategy 4: cyber bullying must be reported. */
function Report({ role, href, email }: { role: Role | undefined; href?: string; email?: string }) {
  const t = useT();
  if (!href && !email) return <p class="report">{t(role === 'staff' ? 'nudge_report_to_staff' : 'nudge_report_to_pupil')}</p>;
  return (
    <p class="report">
      {t('nudge_report_lead')}{' '}
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('nudge_report_link')}
        </a>
      )}
      {href && email && ` ${t('nudge_report_or')} `}
      {email && <a href={`mailto:${email}`}>{t('nudge_report_email', [email])}</a>}
    </p>
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
  // The thanks for "this warning is wrong" takes focus but is not a tab stop: from there, Tab goes on round.
  const offTheList = inside && !stops.includes(active as HTMLElement);
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last || (offTheList && isAfterAll(active as HTMLElement, stops)))) {
    event.preventDefault();
    first.focus();
  }
}

function isAfterAll(element: HTMLElement, stops: HTMLElement[]): boolean {
  return stops.every((stop) => Boolean(stop.compareDocumentPosition(element) & 4 /* DOCUMENT_POSITION_FOLLOWING */));
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
      const group = Array.from(card.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter((other) => other.name === radio.name);
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
