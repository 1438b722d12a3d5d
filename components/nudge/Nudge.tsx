import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Finding, Role } from '@/lib/types';
import {
  BUTTON_EDIT,
  BUTTON_POST_ANYWAY,
  excerptAround,
  headingsFor,
  policySectionTitle,
  supportLines,
} from './copy';

export interface NudgeProps {
  /** The draft as it was checked; findings' offsets point into it. */
  text: string;
  findings: Finding[];
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
let instances = 0;

export function Nudge(props: NudgeProps) {
  const { text, role, policyUrl, onOpenPolicy, onEdit, onPostAnyway } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  const ids = useRef(`second-thought-${++instances}`).current;
  const shownAt = useRef(Date.now());

  // Layout effect, not effect: focus must have moved before the first key
  // press after the nudge appears, or an Escape would land in the editor.
  useLayoutEffect(() => {
    editButton.current?.focus();
  }, []);

  const findings = orderForReading(dedupe(props.findings));
  const shown = findings.slice(0, MAX_SHOWN);
  const hasWellbeing = findings.some((finding) => finding.category === 'wellbeing');
  const { title, intro } = headingsFor(findings);

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
    const pressesButton = event.key === 'Enter' || event.key === ' ';
    if (pressesButton && (event.repeat || Date.now() - shownAt.current < KEYS_ARM_AFTER_MS)) {
      event.preventDefault();
    }
  };

  return (
    <div
      class="nudge"
      role="alertdialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-intro`}
      onKeyDown={onKeyDown}
    >
      <h2 class="title" id={`${ids}-title`}>
        {title}
      </h2>
      <p class="intro" id={`${ids}-intro`}>
        {intro}
      </p>

      {hasWellbeing && (
        <section class="support" aria-label="Support">
          <p class="support-lead">You can talk to someone, any time:</p>
          <ul>
            {supportLines(role).map((line) => (
              <li key={line.name}>
                <strong>{line.name}</strong>
                {': '}
                {line.tel ? <a href={`tel:${line.tel}`}>{line.detail}</a> : line.detail}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ul class="findings">
        {shown.map((finding) => {
          const excerpt = excerptAround(text, finding.start, finding.end);
          return (
            <li class={`finding finding-${finding.category}`} key={`${finding.ruleId}:${finding.start}`}>
              <p class="excerpt">
                {excerpt.before}
                <mark>{finding.match || excerpt.match}</mark>
                {excerpt.after}
              </p>
              <p class="message">{finding.message}</p>
              {finding.suggestion && <p class="suggestion">{finding.suggestion}</p>}
              {finding.policySections.length > 0 && (
                <p class="policy">
                  {'See '}
                  {finding.policySections.map((section, index) => (
                    <Fragment key={section}>
                      {index > 0 && ', '}
                      <a
                        href={policyUrl(section)}
                        target="_blank"
                        rel="noopener noreferrer"
                        onClick={(event) => {
                          if (!onOpenPolicy) return;
                          event.preventDefault();
                          onOpenPolicy(section);
                        }}
                      >
                        {policySectionTitle(section)}
                      </a>
                    </Fragment>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {findings.length > shown.length && (
        <p class="more">…and {findings.length - shown.length} more things worth a look.</p>
      )}

      <div class="actions">
        <button type="button" class="primary" ref={editButton} onClick={(event) => choose(event, onEdit)}>
          {BUTTON_EDIT}
        </button>
        <button type="button" class="secondary" onClick={(event) => choose(event, onPostAnyway)}>
          {BUTTON_POST_ANYWAY}
        </button>
      </div>
    </div>
  );
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
