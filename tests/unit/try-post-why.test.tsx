// @vitest-environment happy-dom
// "Why?" under a tried post, fed by the real engine: the cancellations the rules
// write ("frame quotation: …") read as plain words, and the committed
// classifier's scores show against their thresholds.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18n } from '../../components/i18n';
import { WhyExplanation } from '../../components/settings/WhyExplanation';
import { check, validateConfig, type CheckTrace } from '../../lib';
import { committedClassifier } from '../support/classifier';
import { EN } from '../support/i18n';

const config = validateConfig({ schoolNames: ['Oakfield Priory'], pupilNames: [], staffNames: [], role: 'pupil' });

function explain(text: string, withClassifier: boolean) {
  const trace: CheckTrace = { rules: [], classifier: [] };
  const findings = check(text, config, { role: 'pupil', trace, ...(withClassifier ? { classifier: committedClassifier() } : {}) });
  render(
    <I18n.Provider value={EN}>
      <WhyExplanation trace={trace} classifierUsed={withClassifier} findings={findings} turnedOff={new Set()} />
    </I18n.Provider>,
  );
  return screen.getByTestId('try-post-why');
}

afterEach(cleanup);

describe('"Why?" with the real engine', () => {
  it('names the pattern that matched and the frame that cancelled it', () => {
    const why = explain('someone said you are such a loser and that is not ok', false);
    const [rule] = within(why).getAllByTestId('why-rule');
    expect(rule.textContent).toBe('bullying/second-person-insult#calls-you-an-insult (Bullying) matched “you are such a loser”. Cancelled by the frame quotation, so it does not count.');
    expect(why.textContent).toContain('No classifier scores: the classifier could not be loaded, so this post was checked with the rules alone.');
  });

  it('shows a flagged post’s pattern and, for a clear one, every category’s score', () => {
    const flagged = explain('nobody wants you here, go away', true);
    expect(within(flagged).getAllByTestId('why-rule')[0].textContent).toMatch(/^bullying\/exclusion#nobody-wants-you \(Bullying\) matched “nobody wants you”\. Not cancelled, so it counts\.$/);
    cleanup();

    const clear = explain('Lovely sports day today', true);
    expect(within(clear).getByText('No rule pattern matched.')).toBeTruthy();
    const scores = within(clear).getAllByTestId('why-score').map((item) => item.textContent);
    expect(scores).toHaveLength(7);
    expect(scores[0]).toMatch(/^Bullying: score -?\d+\.\d\d, threshold -?\d+\.\d\d\. Below the threshold, so the classifier does not flag it\./);
    expect(scores.some((score) => score?.includes('Not for this role, so the classifier does not flag it.'))).toBe(true);
  });
});
