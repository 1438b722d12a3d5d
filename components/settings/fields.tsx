// Form fields that check as you type and show a setting the school has set as
// locked. Each field has a visible label, a hint and an error tied to it with
// aria-describedby, so screen readers announce them with the field.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/i18n';
import { fieldProblemText, type Check, type FieldProblem } from '@/settings/field-checks';

export function LockedNote({ id }: { id: string }) {
  const t = useT();
  return (
    <p class="locked-note" id={id}>
      <LockIcon /> {t('set_by_your_school')}
    </p>
  );
}

/**
 * A padlock drawn inline: the 🔒 emoji showed as a missing-glyph box where no
 * emoji font is installed (many school Chromebook images and Linux desktops).
 * It takes the text's colour, and says nothing to a screen reader (the words do).
 */
function LockIcon() {
  return (
    <svg class="lock-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
      <path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5z" />
    </svg>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  locked: boolean;
  problem?: FieldProblem;
  children: ComponentChildren;
}

function FieldFrame({ id, label, hint, locked, problem, children }: FieldFrameProps) {
  const t = useT();
  return (
    <div class={`field${locked ? ' locked' : ''}${problem ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {locked && <LockedNote id={`${id}-locked`} />}
      {problem && (
        <p class="error" id={`${id}-error`}>
          {fieldProblemText(t, problem)}
        </p>
      )}
    </div>
  );
}

interface TextishProps<T> {
  id: string;
  label: string;
  hint?: string;
  locked: boolean;
  /** The saved value, shown as text. */
  text: string;
  check: Check<T>;
  /** Called with each valid value as it is typed. */
  onValid(value: T): void;
}

function useDraft<T>(text: string, check: Check<T>, onValid: (value: T) => void) {
  const [draft, setDraft] = useState(text);
  const [problem, setProblem] = useState<FieldProblem | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  // A change from elsewhere (policy, an import) replaces the draft unless the person is typing.
  // Compared with the last value seen, because effects run late: the first run must not undo early typing.
  const lastText = useRef(text);
  useEffect(() => {
    if (text === lastText.current) return;
    lastText.current = text;
    if (!editing) {
      setDraft(text);
      setProblem(undefined);
    }
  }, [text]);
  const onInput = (input: string) => {
    setDraft(input);
    const result = check(input);
    setProblem(result.problem);
    if (!result.problem) onValid(result.value);
  };
  return { draft, problem, onInput, onFocus: () => setEditing(true), onBlur: () => setEditing(false) };
}

export function ListField<T>(props: TextishProps<T> & { rows?: number }) {
  const { id, label, hint, locked, text, check, onValid, rows = 4 } = props;
  const { draft, problem, onInput, onFocus, onBlur } = useDraft(text, check, onValid);
  return (
    <FieldFrame id={id} label={label} hint={hint} locked={locked} problem={problem}>
      <textarea
        id={id}
        rows={rows}
        value={locked ? text : draft}
        readOnly={locked}
        aria-readonly={locked ? 'true' : undefined}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, locked && `${id}-locked`, problem && `${id}-error`)}
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        onFocus={onFocus}
        onBlur={onBlur}
      />
    </FieldFrame>
  );
}

export function TextField<T>(props: TextishProps<T> & { type?: 'text' | 'url' | 'email'; autocomplete?: string }) {
  const { id, label, hint, locked, text, check, onValid, type = 'text' } = props;
  const { draft, problem, onInput, onFocus, onBlur } = useDraft(text, check, onValid);
  return (
    <FieldFrame id={id} label={label} hint={hint} locked={locked} problem={problem}>
      <input
        id={id}
        type={type}
        value={locked ? text : draft}
        readOnly={locked}
        aria-readonly={locked ? 'true' : undefined}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, locked && `${id}-locked`, problem && `${id}-error`)}
        autocomplete="off"
        onInput={(event) => onInput(event.currentTarget.value)}
        onFocus={onFocus}
        onBlur={onBlur}
      />
    </FieldFrame>
  );
}
