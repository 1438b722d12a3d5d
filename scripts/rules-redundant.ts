// Which rule patterns the learned classifier makes redundant (issue 14).
// Reads only the committed rules and weights, never ../shared.
//
//   npm run --silent rules:redundant
//
// For each pattern it samples up to 25 posts the pattern itself matches
// (lib/rules/sample-posts.ts; the engine's trace must show the pattern firing
// on each, uncancelled) and asks the classifier about each. A pattern is a
// candidate for removal when the classifier flags its category on at least 95%
// of them and on every one of its own examples. Candidates in the threat and
// wellbeing categories are listed apart: there a rule is a safety net that
// still works if the model cannot be loaded, and carries the specific
// signposting message, so they are kept unless a person decides otherwise.
//
// Before removing a candidate, move its examples (to the rule's examples.match
// if the rule still flags them, otherwise to rules/model/examples.json), check
// that no rule borrowing it loses an example, and run npm run eval before and after.

import { check, type CheckTrace } from '../lib';
import { patternsOf } from '../lib/rules/phrases';
import { ENGINE_TAGS } from '../lib/rules/ruleset';
import { samplePost, seededRandom } from '../lib/rules/sample-posts';
import type { Category, Role } from '../lib/types';
import { LEXICON_FILES, RULE_FILES } from '../rules';
import { EXAMPLES_CONFIG } from '../rules/examples-config';
import { loadCommittedClassifier } from './lib/committed-classifier';

const SAMPLES = 25;
const ATTEMPTS = 60;
const SHARE = 0.95;
/** Categories where a rule stays as a safety net beside the model (see the header). */
const SAFETY_NET: ReadonlySet<Category> = new Set(['threat', 'wellbeing']);

const classifier = loadCommittedClassifier();
const tags = new Set<string>([...ENGINE_TAGS, ...Object.values(LEXICON_FILES).map((l) => l.tag)]);
const wordLists = new Map<string, string[]>();
for (const lexicon of Object.values(LEXICON_FILES)) wordLists.set(lexicon.tag, [...(wordLists.get(lexicon.tag) ?? []), ...lexicon.words]);
// The engine's own tags, from the names the rules' examples may use.
wordLists.set('Pupil', EXAMPLES_CONFIG.pupilNames);
wordLists.set('Staff', EXAMPLES_CONFIG.staffNames);
wordLists.set('School', EXAMPLES_CONFIG.schoolNames);
wordLists.set('Person', ['Jack', 'Grace', 'Liam', 'Sophie']);

/** Did this pattern fire, uncancelled, and does the classifier flag the category? */
function judge(text: string, role: Role, patternId: string, category: Category): { fired: boolean; flagged: boolean } {
  const trace: CheckTrace = { rules: [], classifier: [] };
  check(text, EXAMPLES_CONFIG, { role, trace, classifier });
  return {
    fired: trace.rules.some((r) => r.patternId === patternId && !r.cancelledBy),
    flagged: trace.classifier.some((c) => c.category === category && c.applies && c.score >= c.threshold),
  };
}

function main(): void {
  const random = seededRandom(14);
  const candidates: string[] = [];
  const safetyNet: string[] = [];
  let patterns = 0;
  let sampled = 0;
  for (const rule of Object.values(RULE_FILES).flatMap((file) => file.rules)) {
    const role: Role = rule.roles?.[0] ?? 'pupil';
    patternsOf(rule, tags).forEach((pattern, k) => {
      patterns++;
      let valid = 0;
      let flagged = 0;
      for (let attempt = 0; attempt < ATTEMPTS && valid < SAMPLES; attempt++) {
        const post = samplePost(pattern.source, (tag) => wordLists.get(tag), random);
        if (post === undefined) return;
        const answer = judge(post, role, pattern.id, rule.category);
        if (!answer.fired) continue;
        valid++;
        if (answer.flagged) flagged++;
      }
      if (valid < SAMPLES * 0.6) return;
      sampled++;
      if (flagged < SHARE * valid) return;
      if (!rule.patterns[k].examples.every((example) => judge(example, role, pattern.id, rule.category).flagged)) return;
      const line = `${pattern.id}  (${flagged}/${valid} sampled posts flagged)`;
      (SAFETY_NET.has(rule.category) ? safetyNet : candidates).push(line);
    });
  }
  process.stdout.write(`Patterns the classifier makes redundant (it flags ≥${SHARE * 100}% of ${SAMPLES} posts sampled from each, and all its examples):\n`);
  for (const line of candidates) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`Also redundant, but kept as a safety net (${[...SAFETY_NET].join(', ')}):\n`);
  for (const line of safetyNet) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`${JSON.stringify({ patterns, sampled, redundant: candidates.length, keptAsSafetyNet: safetyNet.length })}\n`);
}

main();
