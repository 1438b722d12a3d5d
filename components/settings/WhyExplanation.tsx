// "Why?" under a tried post: for admins and safeguarding leads, every rule
// pattern that matched (and what cancelled it) and each category's classifier
// score against its threshold, with the words that drove it. The same facts
// as the command line's --explain (scripts/check.ts), in plain words.

import type { ComponentChildren } from 'preact';
import type { Category, CheckTrace, Finding } from '@/lib/types';
import { messageKeyFor, splitAround, useT } from '@/components/i18n';

export interface WhyExplanationProps {
  trace: CheckTrace;
  /** False when the classifier could not be loaded and only the rules were used. */
  classifierUsed: boolean;
  /** Every finding of the check, before the settings' categories are applied. */
  findings: Finding[];
  /** Categories the settings on the page turn off: their findings show no note. */
  turnedOff: ReadonlySet<Category>;
}

/** "unless: …" or "frame counter-speech: …", as the engine writes a cancellation. */
function readCancellation(cancelledBy: string): { frame: string } | { unless: string } {
  const frame = /^frame ([^:]+): /.exec(cancelledBy);
  if (frame) return { frame: frame[1] };
  return { unless: cancelledBy.replace(/^unless: /, '') };
}

/** A message with `code` set in a <code> element where the message says $1. */
function WithCode({ text: [before, after], code }: { text: [string, string]; code: string }) {
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

export function WhyExplanation({ trace, classifierUsed, findings, turnedOff }: WhyExplanationProps) {
  const t = useT();
  const label = (category: Category) => t(messageKeyFor('category', category));
  const quoted = (words: string[]) => words.map((word) => `“${word}”`).join(', ');
  // Names and rude words are found by lists, not by rule patterns or the classifier.
  const others = findings.filter((finding) => !finding.patternId && !finding.model);

  const ruleOutcome = (cancelledBy: string | undefined, category: Category): ComponentChildren => {
    if (!cancelledBy) return turnedOff.has(category) ? t('try_post_why_rule_turned_off') : t('try_post_why_rule_counts');
    const cancellation = readCancellation(cancelledBy);
    return 'frame' in cancellation ? (
      t('try_post_why_rule_cancelled_frame', [cancellation.frame])
    ) : (
      <WithCode text={splitAround(t, 'try_post_why_rule_cancelled_unless')} code={cancellation.unless} />
    );
  };

  return (
    <details class="try-post-why" data-testid="try-post-why">
      <summary>{t('try_post_why')}</summary>
      <p class="hint">{t('try_post_why_intro')}</p>

      <h3>{t('try_post_why_rules_heading')}</h3>
      {trace.rules.length === 0 ? (
        <p>{t('try_post_why_no_rules')}</p>
      ) : (
        <ul>
          {trace.rules.map((rule, index) => (
            <li key={`${rule.patternId}@${rule.start}#${index}`} data-testid="why-rule">
              <WithCode text={splitAround(t, 'try_post_why_rule', [label(rule.category), rule.match])} code={rule.patternId} />{' '}
              {ruleOutcome(rule.cancelledBy, rule.category)}
            </li>
          ))}
        </ul>
      )}

      {others.length > 0 && (
        <>
          <h3>{t('try_post_why_other_heading')}</h3>
          <ul>
            {others.map((finding, index) => (
              <li key={`${finding.ruleId}@${finding.start}#${index}`}>
                <WithCode text={splitAround(t, 'try_post_why_other', [label(finding.category), finding.match])} code={finding.ruleId} />
                {turnedOff.has(finding.category) && <> {t('try_post_why_turned_off')}</>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('try_post_why_classifier_heading')}</h3>
      {!classifierUsed || trace.classifier.length === 0 ? (
        <p>{t('try_post_why_no_classifier')}</p>
      ) : (
        <>
          <p class="hint">{t('try_post_why_classifier_intro')}</p>
          <ul>
            {trace.classifier.map((score) => {
              const reached = score.score >= score.threshold;
              const verdict = !score.applies
                ? t('try_post_why_score_not_for_role')
                : !reached
                  ? t('try_post_why_score_below')
                  : turnedOff.has(score.category)
                    ? t('try_post_why_score_reached_turned_off')
                    : t('try_post_why_score_reached');
              return (
                <li key={score.category} data-testid="why-score">
                  {t('try_post_why_score', [label(score.category), score.score.toFixed(2), score.threshold.toFixed(2)])} {verdict}{' '}
                  {score.topWords.length > 0 ? t('try_post_why_top_words', [quoted(score.topWords)]) : t('try_post_why_no_top_words')}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
