// Builds rules/word-guard.json: English words the engine would otherwise
// misread, because compromise's lexicon is too small to know them (it has no
// "moon"): words one typo away from a lexicon or pattern word ("moons" /
// "morons") and words that look like two run together ("therapist").
// Re-run after adding lexicon words or rule words; needs the Debian word lists:
//   apt-get install -y wbritish wamerican && npx tsx scripts/word-guard.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMES, LEXICON_FILES, RULE_FILES } from '../rules';
import { compromiseKnowsWord, isCommonWord } from '../lib/text/english';
import { RuleSet } from '../lib/rules/ruleset';

const here = path.dirname(fileURLToPath(import.meta.url));
const DICTIONARIES = ['/usr/share/dict/british-english', '/usr/share/dict/american-english'];
/** Said at the top of the file, so no one edits it by hand. */
const GENERATED = 'Written by scripts/word-guard.ts: re-run it rather than editing this file.';

const rules = new RuleSet(Object.values(RULE_FILES), Object.values(LEXICON_FILES), FRAMES, { isEnglishWord: compromiseKnowsWord, isCommonWord });
/** Slang the dictionaries lack that would otherwise split into an insult ("badass" → "bad ass"). */
const SLANG = ['badass', 'kickass', 'smartass', 'jackass', 'dumbass', 'scally', 'scallies', 'midsole', 'fatwas', 'whitehouse'];
const words = new Set<string>();
for (const file of DICTIONARIES) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const word = line.trim().toLowerCase().replace(/'s$/, '');
    if (/^[a-z]+$/.test(word)) words.add(word);
  }
}
for (const word of SLANG) words.add(word);
const guard = [...words].filter((w) => !compromiseKnowsWord(w) && (rules.misspeltWord(w) !== undefined || rules.splitOf(w) > 0)).sort();
const out = path.resolve(here, '../rules/word-guard.json');
fs.writeFileSync(
  out,
  `${JSON.stringify({ generated: GENERATED, description: 'English words one typo away from a lexicon or pattern word, or that look like two words run together: never corrected or split.', words: guard }, null, 0)}\n`,
);
console.log(`${guard.length} words from ${words.size} → ${path.relative(process.cwd(), out)}`);
