// matchTerms must give exactly what compromise's doc.match gives (the same
// words, in the same order), only faster. Checked on every rule pattern and
// cancelling pattern against that rule's own examples, and on patterns built to
// hit the awkward cases of compromise's matcher.
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { parseForMatch } from '../../lib/rules/ruleset';
import { matchTerms, type MatchTerm, type ParsedWindow } from '../../lib/rules/start-positions';
import { RULE_FILES } from '../../rules';

// Parsing is most of the cost, and every pattern of a rule is tried on the same
// few examples: each text is parsed once and each pattern compiled once.
const parsedTexts = new Map<string, ReturnType<typeof nlp>>();
function parse(text: string): ReturnType<typeof nlp> {
  let doc = parsedTexts.get(text);
  if (!doc) {
    doc = nlp(text);
    doc.compute('offset');
    doc.compute('cache');
    parsedTexts.set(text, doc);
  }
  return doc;
}
const compiledPatterns = new Map<string, ReturnType<typeof parseForMatch>>();
function compile(pattern: string): ReturnType<typeof parseForMatch> {
  let parsed = compiledPatterns.get(pattern);
  if (!parsed) {
    parsed = parseForMatch(pattern);
    compiledPatterns.set(pattern, parsed);
  }
  return parsed;
}

/** The matches as [sentence, first word, last word] so two answers can be compared. */
function positions(doc: ReturnType<typeof nlp>, matches: MatchTerm[][]): string[] {
  const where = new Map<MatchTerm, string>();
  (doc.docs as MatchTerm[][]).forEach((terms, n) => terms.forEach((term, i) => where.set(term, `${n}:${i}`)));
  return matches.map((terms) => `${where.get(terms[0])}-${where.get(terms[terms.length - 1])}`);
}

function expectSameAsCompromise(text: string, pattern: string): void {
  const doc = parse(text);
  const parsed = compile(pattern);
  const expected = positions(doc, doc.match(parsed).docs as MatchTerm[][]);
  const actual = positions(doc, matchTerms(doc as unknown as ParsedWindow, parsed));
  expect(actual, `${pattern} on "${text}"`).toEqual(expected);
  expect(matchTerms(doc as unknown as ParsedWindow, parsed, true).length > 0, `has ${pattern} on "${text}"`).toBe(doc.has(parsed));
}

describe('matchTerms gives what doc.match gives', () => {
  it('on awkward patterns', () => {
    const cases: Array<[string, string[]]> = [
      ['you are an idiot and you are a loser, you are a clown', ['(you are|youre|u r) (a|an) #Noun', 'you are', '(you|u) .{0,2} (idiot|loser|clown)']],
      ['I will find you. I will find you again. Will he?', ['(i will|ill) find you', '^i will', 'you$', 'will #Pronoun', '(will|find)+', 'will? find']],
      ["he's a total loser, she's worse", ['#Pronoun (is|was) a (total #Noun|#Noun)', '(he|she) is', '(total|worse)', '!he .', '. (loser|worse)']],
      ['Oakfield is rubbish rubbish rubbish', ['rubbish+', '(rubbish rubbish|rubbish)', '#Noun+ is', '* rubbish', '.* rubbish$']],
      ["I'm gonna smash ur face in", ['(i|im) (am|are)? (going to|gonna) (smash|punch)', '(going|gonna) to? smash', 'ur (face|head)', '/^sm/ ur']],
      ['', ['anything']],
    ];
    for (const [text, patterns] of cases) for (const pattern of patterns) expectSameAsCompromise(text, pattern);
  });

  // One test per rule, with room to spare: the biggest rules cross hundreds of
  // patterns with hundreds of examples, which takes seconds on a busy machine.
  for (const [file, ruleFile] of Object.entries(RULE_FILES)) {
    for (const rule of ruleFile.rules) {
      it(`on the patterns of ${file} ${rule.id} with their examples`, { timeout: 120_000 }, () => {
        const texts = [...rule.patterns.flatMap((entry) => entry.examples), ...(rule.examples.match ?? []), ...rule.examples.noMatch];
        const written = rule.patterns.flatMap((entry) => (entry.pattern !== undefined ? [entry.pattern] : []));
        for (const pattern of [...written, ...(rule.unless ?? [])]) for (const text of texts) expectSameAsCompromise(text, pattern);
      });
    }
  }
});
