// Form fields that check as you type and show a setting the school has set as
// locked. Each field has a visible label, a hint and an error tied to it with
// aria-describedby, so screen readers announce them with the field.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import type { Check, FieldProblem } from './validate';

export function LockedNote({ id }: { id: string }) {
  const t = useT();
  return (
    <p class="locked-note" id={id}>
      <span aria-hidden="true" class="lock-icon">🔒</span> {t('set_by_your_school')}
    </p>
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
          {t(problem.message, problem.substitutions)}
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
