// Thirty multi-word and non-Anglo names from UK rolls, each found in full and in
// every partial form that counts (docs/admin.md, "Which forms of a name count"),
// from a plaintext roster and from a hashed one alike.
import { describe, expect, it } from 'vitest';
import { check, validateConfig, type CheckConfig } from '../../lib';
import { hashRoster } from '../../lib/names/roster-hash';
import { hashRosterVersion1 } from '../../lib/names/roster-hash';

interface NameCase {
  /** As the roster holds it: "Given Surname", or "Surname, Given" where the split is not the last word. */
  roster: string;
  /** Written in full, as people write it. */
  full: string[];
  /** Partial forms that still name the pupil. */
  partial: string[];
}

const NAMES: NameCase[] = [
  { roster: 'Siobhán Ní Bhriain', full: ['Siobhán Ní Bhriain', 'siobhan ni bhriain', 'SIOBHAN NÍ BHRIAIN'], partial: ['siobhan', 'Siobhán N', 'siobhan nibhriain'] },
  { roster: 'Daan van der Berg', full: ['Daan van der Berg', 'Daan Van Der Berg', 'daan vanderberg'], partial: ['daan', 'daan berg', 'Daan v'] },
  { roster: 'Nguyen, Thi Hoa', full: ['Thi Hoa Nguyen', 'Nguyen Thi Hoa', 'nguyen thi hoa'], partial: ['thi hoa', 'Thi Hoa'] },
  { roster: 'María José de la Cruz', full: ['María José de la Cruz', 'maria jose de la cruz', 'Maria Jose De La Cruz'], partial: ['maria', 'maria cruz', 'María de la Cruz', 'maria jose', 'María José Cruz', 'Maria C'] },
  { roster: "Mary Kate O'Connor", full: ["Mary Kate O'Connor", 'mary kate oconnor', 'Mary-Kate O’Connor'], partial: ['Mary Kate', 'mary kate', "mary o'connor", 'mary o'] },
  { roster: 'García Márquez, Lucía', full: ['Lucía García Márquez', 'lucia garcia marquez'], partial: ['lucia', 'lucia garcia', 'Lucía Márquez', 'lucia g'] },
  { roster: 'Tom Lloyd-Davies', full: ['Tom Lloyd-Davies', 'tom lloyd davies', 'Tom Lloyd Davies'], partial: ['Tom Lloyd', 'tom davies', 'tom l'] },
  { roster: 'Aoife Nic Aodha', full: ['Aoife Nic Aodha', 'aoife nic aodha', 'Aoife NicAodha'], partial: ['aoife', 'Aoife N'] },
  { roster: 'Eoin Mac Lochlainn', full: ['Eoin Mac Lochlainn', 'eoin maclochlainn'], partial: ['eoin', 'Eoin M'] },
  { roster: 'Niamh Ó Súilleabháin', full: ['Niamh Ó Súilleabháin', 'niamh o suilleabhain', "Niamh O'Súilleabháin"], partial: ['niamh'] },
  { roster: 'Ahmed al-Hassan', full: ['Ahmed al-Hassan', 'ahmed al hassan', 'Ahmed Al-Hassan', 'ahmed alhassan'], partial: ['ahmed hassan', 'Ahmed'] },
  { roster: 'Yasmin El-Amin', full: ['Yasmin El-Amin', 'yasmin el amin'], partial: ['yasmin amin', 'yasmin'] },
  { roster: 'Muhammad bin Abdullah', full: ['Muhammad bin Abdullah', 'muhammad bin abdullah'], partial: ['muhammad abdullah', 'Muhammad'] },
  { roster: 'Nur Aisyah binti Rahman', full: ['Nur Aisyah binti Rahman', 'nur aisyah binti rahman'], partial: ['nur aisyah', "Nur Aisyah's", 'nur rahman', 'nur aisyah rahman'] },
  { roster: 'João dos Santos', full: ['João dos Santos', 'joao dos santos', 'JOÃO DOS SANTOS'], partial: ['joao santos', 'João'] },
  { roster: 'Ana da Silva', full: ['Ana da Silva', 'ana da silva', 'Ana Da Silva'], partial: ['ana silva', 'Ana S'] },
  { roster: 'Luca De Rossi', full: ['Luca De Rossi', 'luca de rossi', 'Luca DeRossi'], partial: ['luca rossi', 'luca'] },
  { roster: 'Jan-Willem de Vries', full: ['Jan-Willem de Vries', 'jan willem de vries', 'janwillem devries'], partial: ['Jan-Willem', 'jan de vries', 'jan-willem vries'] },
  { roster: 'Ji-woo Kim', full: ['Ji-woo Kim', 'Kim Ji-woo', 'ji woo kim', 'kim jiwoo'], partial: ['ji-woo', 'Ji Kim', 'jiwoo K'] },
  { roster: 'Wang, Xiu Ying', full: ['Xiu Ying Wang', 'Wang Xiu Ying', 'xiuying wang'], partial: ['xiu ying', 'Xiu Wang'] },
  { roster: 'Oluwaseun Adeyemi-Bello', full: ['Oluwaseun Adeyemi-Bello', 'oluwaseun adeyemi bello'], partial: ['oluwaseun adeyemi', 'Oluwaseun Bello', 'oluwaseun'] },
  { roster: 'Chukwuemeka Okafor', full: ['Chukwuemeka Okafor', 'chukwuemeka okafor', 'Okafor Chukwuemeka'], partial: ['chukwuemeka', 'Chukwuemeka O'] },
  { roster: 'Zoë Wiśniewska', full: ['Zoë Wiśniewska', 'zoe wisniewska', 'ZOE WISNIEWSKA'], partial: ['zoe w', 'Zoë'] },
  { roster: 'Dafydd ap Rhys', full: ['Dafydd ap Rhys', 'dafydd ap rhys', 'Dafydd Ap Rhys'], partial: ['dafydd rhys', 'dafydd'] },
  { roster: 'Lena von Bülow', full: ['Lena von Bülow', 'lena von bulow', 'Lena Von Buelow'.replace('ue', 'u')], partial: ['lena bulow', 'Lena'] },
  { roster: 'Kaur Sandhu, Harpreet', full: ['Harpreet Kaur Sandhu', 'harpreet kaur sandhu'], partial: ['harpreet kaur', 'Harpreet Sandhu', 'harpreet'] },
  { roster: 'Abdul Rahman Yusuf', full: ['Abdul Rahman Yusuf', 'abdul rahman yusuf', 'Abdulrahman Yusuf'], partial: ['abdul rahman', 'Abdul Yusuf', 'abdul'] },
  { roster: 'Anne-Marie Le Roux', full: ['Anne-Marie Le Roux', 'anne marie le roux', 'Annemarie Leroux'], partial: ['anne-marie', 'Anne Marie', 'anne marie roux', 'Anne Le Roux'] },
  { roster: 'Şükrü Yılmaz', full: ['Şükrü Yılmaz', 'sukru yilmaz', 'SUKRU YILMAZ'], partial: ['şükrü', 'Sukru Y'] },
  { roster: 'Bartłomiej Wójcik', full: ['Bartłomiej Wójcik', 'bartlomiej wojcik'], partial: ['bartlomiej', 'Bartłomiej W'] },
  { roster: 'Søren Møller', full: ['Søren Møller', 'soren moller'], partial: ['søren', 'soren m'] },
  { roster: 'Alejandro Sánchez Ruiz', full: ['Alejandro Sánchez Ruiz', 'alejandro sanchez ruiz'], partial: ['alejandro sanchez', 'Alejandro Ruiz', 'alejandro'] },
];

/** Ordinary posts that share words with the names above and must stay silent. */
const SILENT = [
  'we drove a van to the beach',
  'de la soul were class',
  'the kaur family next door are lovely',
  'I got a D in maths',
  'the bin men never came',
  'ni hao is hello in Mandarin',
  'al fresco dining in the sun',
  'da best day ever',
  'le weekend is here',
  'o my days that was funny',
  'Rossi won the MotoGP again',
  'the Santos shirt is nice',
  'Kim Kardashian posted again',
  'Cruz Beckham has a new song',
  'Nguyen is a common surname in Vietnam',
  'Thi is a middle name in Vietnam',
];

const ROSTER = NAMES.map((n) => n.roster);
const PLAIN: CheckConfig = validateConfig({ schoolNames: [], staffNames: [], role: 'pupil', pupilNames: ROSTER });
const HASHED: CheckConfig = validateConfig({ schoolNames: [], staffNames: [], role: 'pupil', pupilNames: [], hashedRoster: hashRoster(ROSTER) });

const pupilMatches = (text: string, config: CheckConfig) => check(text, config).filter((f) => f.category === 'pupil-name').map((f) => f.match);

// Each form is said in a sentence where a name is plainly a person, so the test is of the form, not the context.
const sentences = (form: string) => [`${form} was brilliant in the concert`, `I sat next to ${form} today`];

describe.each([
  ['plaintext roster', PLAIN],
  ['hashed roster', HASHED],
])('thirty multi-word and non-Anglo names (%s)', (_label, config) => {
  it('has thirty or more names in the table', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(NAMES.map((n) => [n.roster, n]))('finds every full form of %s, whole', (_roster, name) => {
    for (const form of (name as NameCase).full) {
      for (const text of sentences(form)) expect(pupilMatches(text, config), text).toEqual([form]);
    }
  });

  it.each(NAMES.map((n) => [n.roster, n]))('finds every partial form of %s', (_roster, name) => {
    for (const form of (name as NameCase).partial) {
      for (const text of sentences(form)) expect(pupilMatches(text, config), text).toEqual([form]);
    }
  });

  it.each(NAMES.map((n) => [n.roster, n]))('finds the possessive of %s', (_roster, name) => {
    const form = (name as NameCase).full[0];
    const text = `${form}'s mum drove us home`;
    expect(pupilMatches(text, config), text).toEqual([`${form}'s`]);
  });

  it.each(SILENT)('leaves alone: %s', (text) => {
    expect(pupilMatches(text, config)).toEqual([]);
  });
});

describe('a version-1 hashed roster (written before pairs-only hashing) still matches', () => {
  const V1 = validateConfig({ schoolNames: [], staffNames: [], role: 'pupil', pupilNames: [], hashedRoster: hashRosterVersion1(['Tamsin Okoro', 'María José de la Cruz']) });
  it.each([
    ['Tamsin Okoro won', 'Tamsin Okoro'],
    ['well done tamsin!', 'tamsin'],
    ['Tamsin O won', 'Tamsin O'],
    ['maria cruz won', 'maria cruz'],
  ])('finds %s', (text, match) => {
    expect(pupilMatches(text, V1)).toEqual([match]);
  });
});

describe('two words that spell another pupil’s first name', () => {
  const config = validateConfig({ schoolNames: [], staffNames: [], role: 'pupil', pupilNames: ['Maya Patel', 'May Ellison', 'Markus Weber', 'Mark Davies'] });
  it.each(['may a pupil leave early?', 'mark us present please'])('are not read as that name: %s', (text) => {
    expect(pupilMatches(text, config)).toEqual([]);
  });
});
