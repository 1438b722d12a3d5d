// Every rule's examples are tests: each "match" example must produce a finding
// from that rule, and each "noMatch" example must not.
import { describe, expect, it } from 'vitest';
import { check, type CheckConfig } from '../../lib';
import { RULE_FILES } from '../../rules';

// Rules about identifiable people need a school, a roster and staff to refer to.
// Examples may use these names.
const EXAMPLE_CONFIG: CheckConfig = {
  schoolNames: ['Oakfield Priory Academy', 'Oakfield Priory', 'Oakfield', 'OPA'],
  pupilNames: ['Tamsin Okoro', 'Jack Harrison', 'Grace Smith', 'Will Thompson', 'Tyrese Clarke'],
  staffNames: ['Mr Okafor', 'Mrs Helen Ashworth', 'Miss Kaur'],
  role: 'pupil',
};

for (const [file, ruleFile] of Object.entries(RULE_FILES)) {
  describe(file, () => {
    for (const rule of ruleFile.rules) {
      const role = rule.roles?.[0] ?? 'pupil';
      describe(rule.id, () => {
        for (const example of rule.examples.match) {
          it(`matches: ${example}`, () => {
            const ids = check(example, EXAMPLE_CONFIG, { role }).map((f) => f.ruleId);
            expect(ids).toContain(rule.id);
          });
        }
        for (const example of rule.examples.noMatch) {
          it(`does not match: ${example}`, () => {
            const ids = check(example, EXAMPLE_CONFIG, { role }).map((f) => f.ruleId);
            expect(ids).not.toContain(rule.id);
          });
        }
      });
    }
  });
}
