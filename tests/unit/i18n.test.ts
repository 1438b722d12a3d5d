// The words in every language: the catalogues are well formed and Welsh is
// complete; plurals follow each language's rules; the language setting picks
// the catalogue; and a finding's words, from a rule, a name or the classifier,
// can be translated the same way, falling back to the engine's English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '@/lib';
import { findingMessageId, findingMessageKey, localiseFinding } from '@/lib/i18n/finding-messages';
import { chooseLocale, pickMessages, translateFrom, type Catalogue } from '@/lib/i18n/translate';
import { NUDGE_MESSAGE_PREFIXES } from '@/entrypoints/background/checker';
import { validateConfig } from '@/lib/config';
import type { Finding } from '@/lib/types';
import { RULE_FILES } from '@/rules';
import { CY, CY_MESSAGES, EN, EN_MESSAGES } from '../support/i18n';

const placeholdersOf = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1].toLowerCase()).sort();
const numberedOf = (message: string) => [...message.matchAll(/\$([1-9])/g)].map((match) => match[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the catalogues', () => {
  for (const [locale, catalogue] of [['en_GB', EN_MESSAGES], ['cy', CY_MESSAGES]] as const) {
    it(`${locale}: keys Chrome accepts, and every $PLACEHOLDER$ declared`, () => {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim(), key).not.toBe('');
        expect(placeholdersOf(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()).sort());
      }
    });
  }

  it('Welsh has every message English has, with the same placeholders meaning the same things', () => {
    expect(Object.keys(EN_MESSAGES).filter((key) => !(key in CY_MESSAGES))).toEqual([]);
    for (const [key, entry] of Object.entries(CY_MESSAGES)) {
      // Welsh may have more plural forms (…_two) than English; each is a form of an English message.
      const english = EN_MESSAGES[key] ?? EN_MESSAGES[key.replace(/_(zero|two|few|many)$/, '_other')];
      expect(english, key).toBeDefined();
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(english.placeholders?.[name]?.content, `${key}: $${name}$`).toBe(placeholder.content);
      }
      expect(numberedOf(entry.message), key).toEqual(numberedOf(english.message));
    }
  });

  it('has every message the extension asks for by name', () => {
    const sources = [...sourceFiles('components'), ...sourceFiles('entrypoints')].map((file) => readFileSync(file, 'utf8'));
    const asked = new Set(sources.flatMap((source) => [...source.matchAll(/\bt(?:\.plural)?\('([a-z0-9_]+)'/g), ...source.matchAll(/\bkey: '([a-z0-9_]+)'/g)].map((match) => match[1])));
    const missing = [...asked].filter((key) => !EN.has(key) && !EN.has(`${key}_other`));
    expect(missing).toEqual([]);
    expect(asked.size).toBeGreaterThan(150);
  });

  it('sends the nudge every word it uses', () => {
    const nudgeSources = sourceFiles('components/nudge').map((file) => readFileSync(file, 'utf8'));
    const asked = nudgeSources.flatMap((source) => [...source.matchAll(/'(nudge_[a-z0-9_]+)'/g)].map((match) => match[1]));
    const sent = pickMessages(EN_MESSAGES, NUDGE_MESSAGE_PREFIXES);
    expect(asked.filter((key) => !(key in sent) && !(`${key}_other` in sent))).toEqual([]);
    expect(Object.keys(sent)).toContain('section_objective_6');
  });
});

describe('plurals', () => {
  it('follow English: "1 thing", "2 things", "0 things"', () => {
    expect(EN.plural('try_post_nudge_shown', 1)).toBe('Second Thought would show a note about 1 thing. It is shown below.');
    expect(EN.plural('try_post_nudge_shown', 2)).toBe('Second Thought would show a note about 2 things. It is shown below.');
    expect(EN.plural('try_post_nudge_shown', 0)).toBe('Second Thought would show a note about 0 things. It is shown below.');
  });

  it('follow Welsh: "1 peth", "2 beth", "3 o bethau", with other substitutions after the count', () => {
    expect(CY.plural('try_post_nudge_shown', 1)).toMatch(/am 1 peth\./);
    expect(CY.plural('try_post_nudge_shown', 2)).toMatch(/am 2 beth\./);
    expect(CY.plural('try_post_nudge_shown', 3)).toMatch(/am 3 o bethau\./);
    expect(CY.plural('try_post_nudge_shown', 6)).toMatch(/am 6 o bethau\./);
    expect(CY.plural('roster_imported', 12, ['“Forename” + “Surname”'])).toBe('Wedi mewnforio 12 o ddisgyblion fel rhestr breifat, gan ddefnyddio’r colofnau “Forename” + “Surname”.');
  });
});

describe('choosing the language', () => {
  it('follows the setting, then the browser, then English', () => {
    expect(chooseLocale('cy', ['en-GB'])).toBe('cy');
    expect(chooseLocale('en_GB', ['cy'])).toBe('en_GB');
    expect(chooseLocale('browser', ['cy-GB', 'en'])).toBe('cy');
    expect(chooseLocale(undefined, ['en-US', 'cy'])).toBe('en_GB');
    expect(chooseLocale('browser', ['fr', 'cy'])).toBe('cy');
    expect(chooseLocale('browser', ['fr', 'de'])).toBe('en_GB');
    expect(chooseLocale('klingon', [])).toBe('en_GB');
  });

  it('falls back to English for a key a language has not got, and shows an unknown key as itself', () => {
    const partial = translateFrom({ nudge_edit: { message: 'Golygu' } }, 'cy', EN_MESSAGES);
    expect(partial('nudge_edit')).toBe('Golygu');
    expect(partial('nudge_post_anyway')).toBe('Post anyway');
    expect(partial('no_such_key')).toBe('no_such_key');
  });
});

describe('a finding’s words in another language', () => {
  const config = validateConfig({ schoolNames: ['Oakfield Priory'], pupilNames: ['Tyrese Campbell'], staffNames: [], role: 'pupil' });

  it('gives the engine its English for names from the English catalogue, so English localises to itself', () => {
    for (const role of ['pupil', 'staff'] as const) {
      const findings = check('Tyrese Campbell was brilliant at Oakfield Priory today', config, { role });
      expect(findings.map((finding) => finding.category).sort()).toEqual(['pupil-name', 'school-name']);
      for (const finding of findings) expect(localiseFinding(finding, EN, role)).toEqual(finding);
    }
  });

  it('says a pupil’s name in Welsh, by role, with the name as written', () => {
    const [pupils] = check('Tyrese Campbell was brilliant', config, { role: 'pupil' });
    expect(localiseFinding(pupils, CY, 'pupil').message).toBe('Mae hwn yn enwi disgybl (Tyrese Campbell). Mae hynny’n iawn os yw’n garedig a’u bod nhw’n hapus i gael eu henwi.');
    const [staff] = check('Tyrese Campbell was brilliant', config, { role: 'staff' });
    expect(localiseFinding(staff, CY, 'staff').message).toMatch(/^Mae hwn yn enwi disgybl \(Tyrese Campbell\)\. Pan fydd aelod o staff .* fater diogelu/);
  });

  it('puts the classifier’s reason words into the Welsh message', () => {
    const modelFinding: Finding = {
      category: 'bullying',
      ruleId: 'model/bullying',
      severity: 'serious',
      start: 0,
      end: 5,
      match: 'loser',
      message: 'English',
      policySections: ['objective-6'],
      model: { topWords: ['loser', 'nobody'], score: 2, threshold: 1 },
    };
    expect(localiseFinding(modelFinding, CY, 'pupil').message).toMatch(/^Gallai hyn swnio fel bychanu rhywun \(“loser, nobody”\)/);
  });

  it('translates a rule’s message once a language gives its key, and keeps the rule’s English until then', () => {
    const rule = RULE_FILES['bullying.json'].rules[0];
    const finding: Finding = { category: 'bullying', ruleId: rule.id, severity: 'serious', start: 0, end: 3, match: 'kys', message: rule.message, policySections: [] };
    expect(findingMessageKey(findingMessageId(finding, 'pupil'), 'message')).toBe(`finding_${rule.id.replace(/[^a-z0-9]/gi, '_')}_message`);
    expect(localiseFinding(finding, CY, 'pupil')).toEqual(finding);
    const withRule: Catalogue = {
      ...CY_MESSAGES,
      [findingMessageKey(rule.id, 'message')]: { message: 'Neges Gymraeg am “$MATCH$”.', placeholders: { match: { content: '$1' } } },
      [findingMessageKey(rule.id, 'suggestion')]: { message: 'Awgrym Cymraeg.' },
    };
    const localised = localiseFinding(finding, translateFrom(withRule, 'cy', EN_MESSAGES), 'pupil');
    expect(localised.message).toBe('Neges Gymraeg am “kys”.');
    expect(localised.suggestion).toBe('Awgrym Cymraeg.');
    expect(localised).toMatchObject({ start: 0, end: 3, match: 'kys', ruleId: rule.id });
  });
});
