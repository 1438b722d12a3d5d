// Every rule's examples are tests: each "match" example must produce a finding
// from that rule, and each "noMatch" example must not. A phrase (the plain
// form, compiled into a pattern) must also be what fires on at least one of its
// rule's match examples, so every phrase someone adds is shown to work.
import { describe, expect, it } from 'vitest';
import { check, type CheckTrace } from '../../lib';
import { patternId } from '../../lib/rules/coverage';
import { RULE_FILES } from '../../rules';
// Rules about identifiable people need a school, a roster and staff to refer to.
// Examples may use these names.
import { EXAMPLES_CONFIG } from '../../rules/examples-config';

for (const [file, ruleFile] of Object.entries(RULE_FILES)) {
  describe(file, () => {
    for (const rule of ruleFile.rules) {
      const role = rule.roles?.[0] ?? 'pupil';
      describe(rule.id, () => {
        for (const example of rule.examples.match) {
          it(`matches: ${example}`, () => {
            const ids = check(example, EXAMPLES_CONFIG, { role }).map((f) => f.ruleId);
            expect(ids).toContain(rule.id);
          });
        }
        (rule.phrases ?? []).forEach((phrase, k) => {
          const id = patternId(rule.id, rule.patterns.length + k);
          it(`phrase “${phrase}” (${id}) fires on one of the match examples`, () => {
            const fired = rule.examples.match.some((example) => {
              const trace: CheckTrace = { rules: [], classifier: [] };
              check(example, EXAMPLES_CONFIG, { role, trace });
              return trace.rules.some((r) => r.patternId === id && !r.cancelledBy);
            });
            expect(fired, `add a match example that uses the phrase “${phrase}”`).toBe(true);
          });
        });
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
