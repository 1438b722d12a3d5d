// Lints the rule data itself: schema, unique ids, policy sections that exist,
// tags that exist (compromise silently matches nothing for a misspelt tag),
// a prefilter trigger for every pattern, phrases that compile, and every file registered.
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, POLICY_SECTION_IDS } from '../../lib';
import { comparablePattern } from '../../lib/rules/coverage';
import { triggerOf, tagsIn } from '../../lib/rules/pattern';
import { parseMatchPattern, regsOf, type PatternReg } from '../../lib/text/compromise';
import { PhraseError, compilePhrase } from '../../lib/rules/phrases';
import { ENGINE_TAGS } from '../../lib/rules/ruleset';
import { FRAMES, LEXICON_FILES, RULE_FILES } from '../../rules';

const RULES_DIR = path.resolve(__dirname, '../../rules');
const lexiconTags = new Set<string>([...ENGINE_TAGS, ...Object.values(LEXICON_FILES).map((l) => l.tag)]);
const compromiseTags = new Set(Object.keys((nlp.world() as { model: { one: { tagSet: object } } }).model.one.tagSet));
const knownTags = new Set([...lexiconTags, ...compromiseTags]);
const allRules = Object.values(RULE_FILES).flatMap((f) => f.rules);

function jsonFilesIn(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return jsonFilesIn(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.json') ? [`${prefix}${entry.name}`] : [];
  });
}

/** A word holding "(", "|" or ")" is compromise misreading a group (a group inside a group, say), which silently never matches. */
function readsBracketsAsWords(regs: readonly PatternReg[]): boolean {
  return regs.some((reg) => (typeof reg.word === 'string' && /[()|]/.test(reg.word)) || (reg.choices ?? []).some(readsBracketsAsWords));
}

/**
 * A repeat inside a group ("(where|which .{0,2})") is read by compromise as a
 * repeat of the whole group, which then becomes optional: "i know (…) you go"
 * matched "i know you go to the gym". Write the alternatives out instead: "(which|which .|which . .)".
 */
function hasRepeatInsideGroup(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')') depth--;
    else if (pattern[i] === '{' && depth > 0) return true;
  }
  return false;
}

/** Patterns compromise would not read as written. */
function misreadByCompromise(pattern: string): boolean {
  return hasRepeatInsideGroup(pattern) || readsBracketsAsWords(regsOf(parseMatchPattern(pattern)));
}

describe('rule files', () => {
  it('every JSON file in rules/ is registered in rules/index.ts', () => {
    const registered = new Set([
      ...Object.keys(RULE_FILES),
      ...Object.keys(LEXICON_FILES),
      'frames.json',
      'spellings.json',
      'lexicon/word-like-first-names.json',
      // Famous full names a pupil may share (lib/names/famous-names.ts).
      'lexicon/famous-names.json',
      // The words never shown as the learned classifier's reasons, and what npm run train wrote.
      'model/stopwords.json',
      'model/training-report.json',
      // Posts the classifier carries since the pattern written for them was removed (tests/unit/classifier-examples.test.ts).
      'model/examples.json',
      // English words never corrected or split, written by scripts/word-guard.ts.
      'word-guard.json',
    ]);
    expect(jsonFilesIn(RULES_DIR).filter((f) => !registered.has(f))).toEqual([]);
  });

  it.each(['word-guard.json', 'model/training-report.json'])('%s says which script writes it', (file) => {
    const { generated } = JSON.parse(fs.readFileSync(path.join(RULES_DIR, file), 'utf8')) as { generated?: string };
    const script = /\bscripts\/[\w-]+\.ts\b/.exec(generated ?? '')?.[0];
    expect(script, `${file} should start with a "generated" note naming its script`).toBeDefined();
    expect(fs.existsSync(path.resolve(RULES_DIR, '..', script!)), script).toBe(true);
  });

  it('no pattern or unless is copied word for word into another rule (a shared one is a frame, or is borrowed with patternsFrom)', () => {
    const owner = new Map<string, string>();
    const copies: string[] = [];
    for (const rule of allRules) {
      const texts = new Set([...rule.patterns.flatMap((entry) => (entry.pattern !== undefined ? [entry.pattern] : [])), ...(rule.unless ?? [])].map(comparablePattern));
      for (const text of texts) {
        const first = owner.get(text);
        if (first !== undefined) copies.push(`${rule.id} copies ${first}: ${text}`);
        else owner.set(text, rule.id);
      }
    }
    expect(copies).toEqual([]);
  });

  it('rule ids are unique and start with their category', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const rule of allRules) expect(rule.id.startsWith(`${rule.category}/`), rule.id).toBe(true);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      it('has a known category, sections that exist, and a message', () => {
        expect(CATEGORIES).toContain(rule.category);
        for (const section of rule.policySections ?? []) expect(POLICY_SECTION_IDS).toContain(section);
        expect(rule.message.length).toBeGreaterThan(20);
        expect(rule.message).not.toMatch(/violation|detected/i);
        expect(Array.isArray(rule.patterns), 'patterns must be a list (it may be empty when the rule borrows patterns)').toBe(true);
        expect(rule.patterns.length + (rule.patternsFrom?.length ?? 0), 'a rule needs at least one pattern or phrase, or borrows some').toBeGreaterThan(0);
        for (const id of rule.patternsFrom ?? []) {
          const lender = allRules.find((r) => r.id === id);
          expect(lender, `${rule.id} borrows the patterns of ${id}, which is not a rule`).toBeDefined();
          expect(lender?.patternsFrom ?? [], `${rule.id} borrows from ${id}, which borrows in turn: borrow from the rule that owns the patterns`).toEqual([]);
          expect(id, 'a rule cannot borrow its own patterns').not.toBe(rule.id);
        }
        if (rule.note !== undefined) expect(typeof rule.note).toBe('string');
        for (const role of rule.roles ?? []) expect(['staff', 'pupil']).toContain(role);
      });
      it('has examples both ways', () => {
        expect(rule.patterns.length + (rule.examples.match?.length ?? 0), 'a rule that borrows all its patterns needs match examples of its own').toBeGreaterThan(0);
        expect(rule.examples.noMatch.length).toBeGreaterThan(0);
      });
      it('has one entry per pattern: an id, a pattern or a phrase, its own examples and a note', () => {
        const problems = rule.patterns.flatMap((entry, k) => {
          const where = `${rule.id}, pattern ${k + 1}${typeof entry.id === 'string' ? ` (“${entry.id}”)` : ''}`;
          const found: string[] = [];
          if (typeof entry.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry.id)) found.push(`${where}: "id" is lower-case words joined by hyphens, such as "calls-you-a-name"`);
          if ((typeof entry.pattern === 'string') === (typeof entry.phrase === 'string')) found.push(`${where}: give either "pattern" or "phrase", not both or neither`);
          if (!Array.isArray(entry.examples) || entry.examples.length === 0 || entry.examples.some((e) => typeof e !== 'string' || e.trim() === '')) {
            found.push(`${where}: "examples" lists at least one post, in double quotes, that this pattern flags`);
          }
          if (typeof entry.note !== 'string' || entry.note.trim().length < 20) found.push(`${where}: "note" says, in a sentence, why what it catches is harmful`);
          const unknown = Object.keys(entry).filter((key) => !['id', 'pattern', 'phrase', 'examples', 'note'].includes(key));
          if (unknown.length > 0) found.push(`${where}: unknown field ${unknown.map((u) => `"${u}"`).join(', ')}`);
          return found;
        });
        expect(problems).toEqual([]);
        const ids = rule.patterns.map((entry) => entry.id);
        expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'pattern ids are unique in their rule').toEqual([]);
      });
      it('uses only tags that exist, and every pattern has a prefilter trigger', () => {
        const written = rule.patterns.flatMap((entry) => (entry.pattern !== undefined ? [entry.pattern] : []));
        for (const pattern of [...written, ...(rule.unless ?? [])]) {
          for (const tag of tagsIn(pattern)) expect(knownTags.has(tag), `#${tag} in "${pattern}"`).toBe(true);
        }
        for (const pattern of written) expect(triggerOf(pattern, lexiconTags), `no trigger in "${pattern}"`).toBeDefined();
        for (const frame of rule.unlessFrames ?? []) expect(Object.keys(FRAMES.frames)).toContain(frame);
      });
      it('has patterns that compromise reads as written (no group or repeat inside a group)', () => {
        const written = rule.patterns.flatMap((entry) => (entry.pattern !== undefined ? [entry.pattern] : []));
        const misread = [...written, ...(rule.unless ?? [])].filter(misreadByCompromise);
        expect(misread, 'compromise cannot read a group inside a group (it takes the brackets as part of a word, which never matches), nor a repeat such as .{0,2} inside a group (it repeats the whole group instead). Write the alternatives out.').toEqual([]);
      });
      const phrases = rule.patterns.flatMap((entry) => (entry.phrase !== undefined ? [entry.phrase] : []));
      if (phrases.length > 0) {
        it('has phrases that compile into patterns the prefilter can find', () => {
          // compilePhrase refuses anything it cannot compile, or that no uncommon word or tag would find, and says what to write instead.
          const problems = phrases.flatMap((phrase) => {
            if (typeof phrase !== 'string') return [`Rule ${rule.id}: each phrase is text in double quotes, not ${JSON.stringify(phrase)}`];
            try {
              compilePhrase(phrase, lexiconTags);
              return [];
            } catch (error) {
              if (!(error instanceof PhraseError)) throw error;
              return [`Rule ${rule.id}, phrase “${phrase}”: ${error.message}`];
            }
          });
          expect(problems).toEqual([]);
        });
      }
    });
  }

  it('frames have patterns that compromise reads as written', () => {
    const misread = Object.entries(FRAMES.frames).flatMap(([name, frame]) =>
      frame.patterns.filter(misreadByCompromise).map((pattern) => `${name}: ${pattern}`),
    );
    expect(misread).toEqual([]);
  });

  it('lexicons hold lower-case entries and no duplicates', () => {
    for (const [file, lexicon] of Object.entries(LEXICON_FILES)) {
      expect(lexicon.tag, file).toMatch(/^[A-Z][A-Za-z]+$/);
      for (const word of lexicon.words) expect(word, file).toBe(word.toLowerCase().trim());
      const dupes = lexicon.words.filter((w, i) => lexicon.words.indexOf(w) !== i);
      expect(dupes, file).toEqual([]);
    }
  });
});
