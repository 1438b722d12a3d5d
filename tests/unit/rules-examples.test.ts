// Every rule's examples are tests. Each pattern's own examples must make that
// pattern fire, uncancelled by the rule's `unless` and frames, and produce a
// finding from its rule: so every pattern, and every phrase someone adds, is
// shown to work. One of them must set off no other pattern of the rule, so
// every pattern is shown to earn its place. A rule's extra "match" examples must produce a finding from
// it, and its "noMatch" examples must not.
import { describe, expect, it } from 'vitest';
import { check, type CheckTrace } from '../../lib';
import { patternId } from '../../lib/rules/phrases';
import { ownPatternsFired } from '../../lib/rules/coverage';
import { RULE_FILES } from '../../rules';
// Rules about identifiable people need a school, a roster and staff to refer to.
// Examples may use these names.
import { EXAMPLES_CONFIG } from '../../rules/examples-config';

for (const [file, ruleFile] of Object.entries(RULE_FILES)) {
  describe(file, () => {
    for (const rule of ruleFile.rules) {
      const role = rule.roles?.[0] ?? 'pupil';
      describe(rule.id, () => {
        for (const entry of rule.patterns) {
          const id = patternId(rule.id, entry.id);
          for (const example of entry.examples) {
            it(`#${entry.id} fires on: ${example}`, () => {
              const trace: CheckTrace = { rules: [], classifier: [] };
              const ids = check(example, EXAMPLES_CONFIG, { role, trace }).map((f) => f.ruleId);
              const matches = trace.rules.filter((r) => r.patternId === id);
              expect(matches.length, `${id} does not match “${example}”: change the example or the ${entry.phrase !== undefined ? 'phrase' : 'pattern'}`).toBeGreaterThan(0);
              expect(
                matches.some((r) => !r.cancelledBy),
                `${id} matches “${example}” but ${matches.map((r) => r.cancelledBy).join(', ')} cancels it`,
              ).toBe(true);
              expect(ids).toContain(rule.id);
            });
          }
          it(`#${entry.id} has an example that no other pattern of the rule fires on`, () => {
            const others = entry.examples.map((example) => {
              const trace: CheckTrace = { rules: [], classifier: [] };
              check(example, EXAMPLES_CONFIG, { role, trace });
              return [...ownPatternsFired(trace.rules, rule.id)].filter((fired) => fired !== id);
            });
            expect(
              others.some((fired) => fired.length === 0),
              `every example of ${id} also sets off ${[...new Set(others.flat())].join(', ')}: add a post only it flags, or, if there is none, it adds nothing and can go`,
            ).toBe(true);
          });
        }
        for (const example of rule.examples.match ?? []) {
          it(`matches: ${example}`, () => {
            const ids = check(example, EXAMPLES_CONFIG, { role }).map((f) => f.ruleId);
            expect(ids).toContain(rule.id);
          });
        }
        for (const example of rule.examples.noMatch) {
          it(`does not match: ${example}`, () => {
            const ids = check(example, EXAMPLES_CONFIG, { role }).map((f) => f.ruleId);
            expect(ids).not.toContain(rule.id);
          });
        }
      });
    }
  });
}
