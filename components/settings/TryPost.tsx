// "Try a post": type a draft and see exactly the nudge a pupil would see, drawn
// by the same component the content script uses, in its own shadow root so
// it looks just as it does on a site.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Nudge } from '@/components/nudge/Nudge';
import { NUDGE_CSS } from '@/components/nudge/styles';
import type { Category, CheckConfig, CheckTrace, Finding, Role } from '@/lib/types';
import type { NudgeSettings } from '@/utils/messages';
import { I18n, useT } from '@/components/i18n';
import { WhyExplanation, type WhyExplanationProps } from './WhyExplanation';

/** A tried post's findings, with the engine's trace of why: every rule match and each classifier score. */
export interface DraftCheck {
  findings: Finding[];
  trace: CheckTrace;
  /** False when the classifier could not be loaded and only the rules were used. */
  classifierUsed: boolean;
}

export type CheckDraft = (text: string, config: CheckConfig, role: Role) => Promise<DraftCheck>;

interface TryPostProps {
  config: CheckConfig;
  role: Role;
  /** Findings the settings turn off are left out, as on a real site. */
  isShown(finding: Finding): boolean;
  checkDraft: CheckDraft;
  policyUrl(section: string): string;
  /** The school's modes, report address and contacts for these findings, as the background sends them to a site's nudge. */
  nudgeSettings?(findings: Finding[]): NudgeSettings;
  /** Findings in the page's language, as the background gives them to a site's nudge. */
  localise?(findings: Finding[]): Finding[];
  helpUrl?: string;
  onSaidWrong?(categories: Category[]): void;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'clear'; why: WhyExplanationProps }
  | { kind: 'nudge'; text: string; findings: Finding[]; why: WhyExplanationProps }
  | { kind: 'failed' };

type NudgeInShadowProps = NudgeSettings & {
  text: string;
  findings: Finding[];
  role: Role;
  policyUrl(section: string): string;
  helpUrl?: string;
  onSaidWrong?(categories: Category[]): void;
  onEdit(): void;
  onPostAnyway(): void;
};

function NudgeInShadow(props: NudgeInShadowProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current!;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    // On a site the nudge floats by the composer; here it sits in the page.
    style.textContent = `${NUDGE_CSS}\n.nudge { position: static !important; max-height: none; }`;
    const mount = document.createElement('div');
    root.replaceChildren(style, mount);
    // A separate tree: the page's language goes in with it.
    render(
      <I18n.Provider value={t}>
        <Nudge {...props} />
      </I18n.Provider>,
      mount,
    );
    return () => render(null, mount);
  });
  return <div class="nudge-preview" ref={host} data-testid="nudge-preview" />;
}

export function TryPost({ config, role, isShown, checkDraft, policyUrl, nudgeSettings, localise, helpUrl, onSaidWrong }: TryPostProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const draft = useRef<HTMLTextAreaElement>(null);

  const onCheck = async (event: Event) => {
    event.preventDefault();
    if (text.trim() === '') return;
    setOutcome({ kind: 'checking' });
    try {
      const checked = await checkDraft(text, config, role);
      const shown = checked.findings.filter(isShown);
      const findings = localise ? localise(shown) : shown;
      const why: WhyExplanationProps = {
        trace: checked.trace,
        classifierUsed: checked.classifierUsed,
        findings: checked.findings,
        turnedOff: new Set(checked.findings.filter((finding) => !isShown(finding)).map((finding) => finding.category)),
      };
      setOutcome(findings.length ? { kind: 'nudge', text, findings, why } : { kind: 'clear', why });
    } catch (error) {
      console.error('Second Thought: the check failed', error);
      setOutcome({ kind: 'failed' });
    }
  };
  const backToDraft = () => {
    setOutcome({ kind: 'idle' });
    draft.current?.focus();
  };

  return (
    <form class="try-post" onSubmit={onCheck}>
      <label for="try-post-text">{t('try_post_label')}</label>
      <p class="hint" id="try-post-hint">
        {t('try_post_hint')}
      </p>
      <textarea
        id="try-post-text"
        ref={draft}
        rows={4}
        value={text}
        aria-describedby="try-post-hint"
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (outcome.kind !== 'idle' && outcome.kind !== 'checking') setOutcome({ kind: 'idle' });
        }}
      />
      <button type="submit" disabled={outcome.kind === 'checking'}>
        {t('try_post_button')}
      </button>
      <div role="status" class="try-post-outcome">
        {outcome.kind === 'checking' && <p>{t('try_post_checking')}</p>}
        {outcome.kind === 'clear' && <p>{t('try_post_clear')}</p>}
        {outcome.kind === 'failed' && <p class="error">{t('try_post_failed')}</p>}
        {outcome.kind === 'nudge' && <p class="visually-hidden">{t.plural('try_post_nudge_shown', outcome.findings.length)}</p>}
      </div>
      {outcome.kind === 'nudge' && (
        <NudgeInShadow
          text={outcome.text}
          findings={outcome.findings}
          role={role}
          policyUrl={policyUrl}
          helpUrl={helpUrl}
          onSaidWrong={onSaidWrong}
          onEdit={backToDraft}
          onPostAnyway={backToDraft}
          {...nudgeSettings?.(outcome.findings)}
        />
      )}
      {/* Why it was or was not flagged: most useful when the post is clear. */}
      {(outcome.kind === 'nudge' || outcome.kind === 'clear') && <WhyExplanation {...outcome.why} />}
    </form>
  );
}
