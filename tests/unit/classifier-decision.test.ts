// One decision: a finding comes from a rule, or from the committed classifier
// passing its category's threshold. These check what the engine decides with
// the weights in rules/model/classifier.bin, on phrasing no rule was written for.
import { describe, expect, it } from 'vitest';
import { check, type CheckConfig, type CheckTrace, type Finding } from '../../lib';
import { CATEGORY_SECTIONS } from '../../lib/policy/category-sections';
import stopwords from '../../rules/model/stopwords.json';
import { committedClassifier } from '../support/classifier';

const config: CheckConfig = { schoolNames: ['Kingsmead High School', 'KHS'], pupilNames: ['Tamsin Okoro'], staffNames: ['Mr Okafor'], role: 'pupil' };
const classifier = committedClassifier();
const HARM = ['bullying', 'threat', 'hate', 'defamation', 'professional-distance', 'reputation', 'wellbeing'];

const rulesOnly = (text: string, role: 'pupil' | 'staff' = 'pupil') => check(text, config, { role }).filter((f) => HARM.includes(f.category));
const decided = (text: string, role: 'pupil' | 'staff' = 'pupil') => check(text, config, { role, classifier }).filter((f) => HARM.includes(f.category));

describe('the classifier carries recall the rules lack', () => {
  it.each([
    ['wellbeing', "i've written the letters for everyone. it won't hurt for much longer", 'pupil'],
    ['threat', 'heard you walk home past the canal on your own. be a shame', 'pupil'],
    ['threat', 'tell your little brother to keep his head down at the bus stop tomorrow', 'pupil'],
    ['bullying', 'state of her trainers, bet her mum got them from the bin 💀', 'pupil'],
    ['reputation', "the management at this place couldn't run a bath, what a shambles", 'staff'],
    ['professional-distance', 'hey guys, who fancies joining my private discord tonight, no parents allowed 😉', 'staff'],
  ] as const)('%s: %s', (category, text, role) => {
    expect(rulesOnly(text, role).map((f) => f.category)).not.toContain(category);
    const found = decided(text, role).find((f) => f.category === category);
    expect(found, `${category} on "${text}"`).toBeDefined();
    expect(found!.ruleId).toBe(`model/${category}`);
  });
});

describe('a classifier finding says why', () => {
  const [finding] = decided('heard you walk home past the canal on your own. be a shame');

  it('names the words that drove its score, never grammar words, in the writer’s spelling', () => {
    const model = (finding as Finding).model!;
    expect(model.topWords.length).toBeGreaterThan(0);
    for (const word of model.topWords) expect(stopwords.words).not.toContain(word.toLowerCase());
    expect(model.score).toBeGreaterThanOrEqual(model.threshold);
    for (const word of model.topWords) expect(finding.message).toContain(word);
  });

  it('highlights words of the post and links the category’s policy sections', () => {
    const text = 'heard you walk home past the canal on your own. be a shame';
    expect(finding.match).toBe(text.slice(finding.start, finding.end));
    expect(finding.policySections).toEqual(CATEGORY_SECTIONS.threat);
    expect(finding.message).not.toMatch(/violation|detected/i);
  });

  it('shows in a trace each category’s score against its threshold', () => {
    const trace: CheckTrace = { rules: [], classifier: [] };
    check('heard you walk home past the canal on your own. be a shame', config, { classifier, trace });
    expect(trace.classifier.map((c) => c.category).sort()).toEqual([...HARM].sort());
    const threat = trace.classifier.find((c) => c.category === 'threat')!;
    expect(threat.score).toBeGreaterThanOrEqual(threat.threshold);
  });
});

describe('the classifier stays silent on banter, sport, titles and venting', () => {
  it.each([
    'we battered them 5-0 on saturday, what a game',
    'this homework is actually killing me, three essays by friday',
    'Kill Bill is still my favourite film ever',
    'im going to destroy you at fifa tonight mate',
    'ugh worst day ever, missed the bus and lost my PE kit',
    'i could murder a pizza right now',
    'our netball team absolutely smashed it at the county finals',
    'I absolutely love Muslims, Eid at my mate’s house was the best',
    'omg im dead 😂😂 that video',
    'happy birthday to the best sister in the world, love you loads',
    // Counter-speech, reassurance and ordinary moans: hard negatives written for these (train/written).
    'refugees need to be protected not deported',
    'i dont believe that muslims are terrorists',
    'dont worry, i will be around much longer',
    'worst school trip ever, coach broke down',
  ])('%s', (text) => {
    expect(decided(text).filter((f) => f.model)).toEqual([]);
  });
});

describe('roles and kinds of finding', () => {
  const privateContact = 'hey guys, who fancies joining my private discord tonight, no parents allowed 😉';

  it('raises professional distance for staff only', () => {
    expect(decided(privateContact, 'staff').map((f) => f.category)).toContain('professional-distance');
    expect(decided(privateContact, 'pupil').map((f) => f.category)).not.toContain('professional-distance');
  });

  it('keeps a rule’s own finding when a rule and the classifier agree', () => {
    const found = decided('been thinking the world would be quieter without me in it').filter((f) => f.category === 'wellbeing');
    expect(found).toHaveLength(1);
    expect(found[0].model).toBeUndefined();
  });

  it('finds one harmful line in a long post of ordinary chat', () => {
    const chat = 'Had a lovely weekend, went to the cinema with my cousins and then out for pizza. ';
    const line = 'heard you walk home past the canal on your own. be a shame. ';
    const text = `${chat.repeat(10)}${line}${chat.repeat(10)}`;
    expect(text.length).toBeGreaterThan(1500);
    const threat = decided(text).find((f) => f.category === 'threat');
    expect(threat).toBeDefined();
    expect(threat!.start).toBeGreaterThanOrEqual(text.indexOf(line) - 1);
    expect(threat!.end).toBeLessThanOrEqual(text.indexOf(line) + line.length);
  });
});
