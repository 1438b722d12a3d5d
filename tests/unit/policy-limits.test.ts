// @vitest-environment happy-dom
// The policy's limits (issue 12, finding 7), and what happens to a post that
// cannot be checked: list caps, school names that would flag ordinary posts,
// wildcards on public suffixes, every rejection reported in plain words.
import { describe, expect, it, vi } from 'vitest';
import { hashRoster } from '@/lib/names/roster-hash';
import { describeProblem, LIST_LIMITS, policyLimitProblems, schoolNameProblem, siteEntryProblem } from '@/settings/admin-settings';
import { CY } from '../support/i18n';
import { layerSettings, uncheckedChoiceFor, type RejectedSetting } from '@/settings/layers';

const quietly = <T>(run: () => T): T => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    return run();
  } finally {
    warn.mockRestore();
  }
};

const problemsFor = (rejected: RejectedSetting[], key: string) => rejected.filter((entry) => entry.key === key).map((entry) => entry.problem);

describe('school names', () => {
  it.each(['a', 'The', 'school', 'HP', 'Park', 'The School', 'High School', 'the academy', '   '])('refuses %j', (name) => {
    expect(schoolNameProblem(name)).toBeDefined();
  });

  it.each(['OPA', 'Oakfield', 'Oakfield Priory Academy', 'Park View', 'the Priory', 'St Mary’s', 'Hollins Park', 'King’s School'])('accepts %j', (name) => {
    expect(schoolNameProblem(name)).toBeUndefined();
  });

  it('drops refused names from policy, keeps the rest, and says why in plain words', () => {
    const { settings, rejected } = quietly(() => layerSettings({ schoolNames: ['a', 'The', 'school', 'Oakfield Priory', 'OPA'] }, {}));
    expect(settings.schoolNames).toEqual(['Oakfield Priory', 'OPA']);
    const problems = problemsFor(rejected, 'schoolNames');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/“a” is too short to be a school name/);
    expect(problems[1]).toMatch(/“The” is an everyday word/);
    expect(rejected.every((entry) => entry.source === 'managed')).toBe(true);
  });
});

describe('list limits', () => {
  it('uses the first 50 of 60,000 school names, reports the rest, and does not look at them', () => {
    const names = Array.from({ length: 60_000 }, (_, index) => `Oakfield Priory ${index}`);
    const started = performance.now();
    const { settings, rejected } = quietly(() => layerSettings({ schoolNames: names }, {}));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(settings.schoolNames).toEqual(names.slice(0, LIST_LIMITS.schoolNames));
    expect(problemsFor(rejected, 'schoolNames')).toEqual(['60,000 entries were given; only the first 50 are used (the limit).']);
  });

  it.each([
    ['staffNames', (index: number) => `Mr Staff${index}`],
    ['extraSites', (index: number) => `site${index}.school-example.org`],
    ['disabledSites', (index: number) => `site${index}.example.org`],
    ['supportContacts', (index: number) => `Contact ${index}`],
  ] as const)('caps %s', (key, make) => {
    const limit = LIST_LIMITS[key];
    const { settings, rejected } = quietly(() => layerSettings({ [key]: Array.from({ length: limit + 5 }, (_, index) => make(index)) }, {}));
    expect(settings[key]).toHaveLength(limit);
    expect(problemsFor(rejected, key)[0]).toMatch(/only the first .* are used/);
  });

  it('caps each list of the hashed roster, saying which', () => {
    const roster = hashRoster(['Tamsin Okoro']);
    const long = { ...roster, fullNames: Array.from({ length: LIST_LIMITS.hashedRoster + 1 }, () => roster.fullNames[0]) };
    const { settings, rejected } = quietly(() => layerSettings({ hashedRoster: long }, {}));
    expect(settings.hashedRoster?.fullNames).toHaveLength(LIST_LIMITS.hashedRoster);
    expect(problemsFor(rejected, 'hashedRoster')).toEqual(['fullNames: 5,001 entries were given; only the first 5,000 are used (the limit).']);
  });

  it('caps a teacher’s own plaintext list on this device too', () => {
    const names = Array.from({ length: LIST_LIMITS.pupilNames + 1 }, (_, index) => `Pupil Number${index}`);
    const { settings, rejected } = quietly(() => layerSettings({}, { pupilNames: names }));
    expect(settings.pupilNames).toHaveLength(LIST_LIMITS.pupilNames);
    expect(rejected).toEqual([
      { key: 'pupilNames', source: 'local', problem: expect.stringMatching(/only the first 5,000/), reason: { key: 'problem_over_limit', substitutions: ['5,001', '5,000'] } },
    ]);
  });
});

describe('sites', () => {
  it.each(['*.com', '*.co.uk', '*.sch.uk', '*.kent.sch.uk', '*.github.io', '*.10.0.0.1'])('refuses the wildcard %j, which covers other people’s sites', (entry) => {
    expect(siteEntryProblem(entry)).toBeDefined();
  });

  it.each(['*.oakfield.kent.sch.uk', '*.school-example.org', 'forum.school-example.org', 'co.uk'])('accepts %j', (entry) => {
    expect(siteEntryProblem(entry)).toBeUndefined();
  });

  it('drops *.com from extraSites and keeps the school’s own', () => {
    const { settings, rejected } = quietly(() => layerSettings({ extraSites: ['*.com', 'forum.school-example.org', 'not a host!'] }, {}));
    expect(settings.extraSites).toEqual(['forum.school-example.org']);
    const problems = problemsFor(rejected, 'extraSites');
    expect(problems[0]).toMatch(/“\*\.com” would cover every site ending in \.com/);
    expect(problems[1]).toMatch(/"not a host!" is not a site’s address/);
  });
});

describe('every rejected setting, in plain words', () => {
  it('names a whole setting that could not be used, and what applies instead', () => {
    const { settings, rejected } = quietly(() =>
      layerSettings({ role: 'headteacher', checkTimeLimitMs: 5, failClosed: 'yes', reportUrl: 'http://school.example.org' }, { role: 'staff' }),
    );
    expect(settings.role).toBe('staff');
    expect(settings.checkTimeLimitMs).toBe(2_000);
    expect(settings.failClosed).toBe(false);
    expect(rejected.map(({ key, source, problem }) => ({ key, source, problem }))).toEqual([
      { key: 'role', source: 'managed', problem: 'not used: it should be “pupil” or “staff”, so this device’s setting applies instead.' },
      { key: 'reportUrl', source: 'managed', problem: 'not used: it should be an https:// address, so the default applies instead.' },
      { key: 'failClosed', source: 'managed', problem: 'not used: it should be true or false, so the default applies instead.' },
      { key: 'checkTimeLimitMs', source: 'managed', problem: 'not used: it should be a whole number of milliseconds from 100 to 10,000, so the default applies instead.' },
    ]);
  });

  it('gives each reason as a message, so the options page and popup can say it in Welsh', () => {
    const { rejected } = quietly(() => layerSettings({ role: 'headteacher', schoolNames: ['a'], extraSites: ['*.com'] }, {}));
    const welsh = rejected.map((entry) => describeProblem(entry.reason, CY));
    expect(welsh).toEqual([
      'Mae “a” yn rhy fyr i fod yn enw ysgol: byddai’n paru â geiriau cyffredin ym mron pob postiad.',
      'heb ei ddefnyddio: dylai fod yn “pupil” neu’n “staff”, felly mae’r rhagosodiad yn berthnasol yn lle hynny.',
      'Byddai “*.com” yn cynnwys pob gwefan sy’n gorffen gyda .com, nid gwefannau’r ysgol yn unig. Rhowch barth yr ysgol ei hun yn lle hynny, fel “*.oakfield-priory.org.uk”.',
    ]);
    // The English is the same message in English.
    for (const entry of rejected) expect(describeProblem(entry.reason)).toBe(entry.problem);
  });

  it('reports nothing for good settings', () => {
    expect(layerSettings({ schoolNames: ['Hollins Park Academy'], extraSites: ['*.school-example.org'] }, {}).rejected).toEqual([]);
  });
});

describe('the admin tool’s extra checks', () => {
  it('refuses what the extension would drop', () => {
    const problems = policyLimitProblems({
      schoolNames: ['The', 'Oakfield'],
      extraSites: ['*.co.uk'],
      staffNames: Array.from({ length: LIST_LIMITS.staffNames + 1 }, (_, index) => `Mr S${index}`),
    });
    expect(problems).toEqual([
      'staffNames: has 1001 entries; the limit is 1000',
      expect.stringMatching(/^schoolNames: “The” is an everyday word/),
      expect.stringMatching(/^extraSites: “\*\.co\.uk” would cover every site/),
    ]);
  });
});

describe('a post that could not be checked', () => {
  const settings = (categories = {}, failClosed = false) => ({ role: 'pupil' as const, categories, failClosed });

  it('goes ahead by default', () => {
    expect(uncheckedChoiceFor(settings())).toBe('post');
    expect(uncheckedChoiceFor(settings({ bullying: { pupil: 'nudge' }, threat: { staff: 'block' } }))).toBe('post');
  });

  it('is put to the writer when the school blocks or asks for a reason in any category for their role', () => {
    expect(uncheckedChoiceFor(settings({ threat: { pupil: 'block' } }))).toBe('ask');
    expect(uncheckedChoiceFor(settings({ bullying: { pupil: 'reason' } }))).toBe('ask');
  });

  it('does not count wellbeing, which never holds a post back', () => {
    expect(uncheckedChoiceFor(settings({ wellbeing: { pupil: 'block' } }))).toBe('post');
  });

  it('is held back when the school fails closed', () => {
    expect(uncheckedChoiceFor(settings({}, true))).toBe('hold');
  });
});
