// School and pupil names, with a school and roster that are NOT the dev
// corpus's, full of first names that are ordinary words.
import { describe, expect, it } from 'vitest';
import { check, validateConfig, type CheckConfig } from '../../lib';
import { hashRoster } from '../../lib/names/roster-hash';

const ROSTER = [
  'Tamsin Okoro', 'Will Porter', 'May Ellison', 'Mark Davies', 'Grace Long', 'Hope Mwangi', 'Faith Bell', 'Rose Kaur',
  'Summer Hill', 'Jack Black', 'Hunter Price', 'Sky Lowe', 'King Asare', 'Ruby Stone', 'Frank Osei', 'Daisy Park',
  'Sunny Ahmed', 'Dawn Baker', 'Precious Dube', 'Blessing Ojo', 'Zoë Wiśniewska', "Ciarán O'Neill", 'Ji-woo Kim',
];

const CONFIG: CheckConfig = validateConfig({
  schoolNames: ['St Aldhelm’s Community School', 'St Aldhelm’s', 'Aldhelms', 'SACS', 'the Grange'],
  pupilNames: ROSTER,
  staffNames: ['Mr Okafor', 'Ms Jarvis'],
  role: 'pupil',
});

function categories(text: string, config: CheckConfig = CONFIG): string[] {
  return check(text, config).map((f) => `${f.category}:${f.match}`);
}
const pupils = (text: string, config?: CheckConfig): string[] => categories(text, config).filter((c) => c.startsWith('pupil-name'));
const school = (text: string): string[] => categories(text).filter((c) => c.startsWith('school-name'));

describe('school names', () => {
  it.each([
    ['Proud of everyone at St Aldhelm’s Community School today', 'school-name:St Aldhelm’s Community School'],
    ["st aldhelm's community school is closed for snow", "school-name:st aldhelm's community school"],
    ['Aldhelms lost again lol', 'school-name:Aldhelms'],
    ['ALDHELMS’ new uniform is awful', 'school-name:ALDHELMS'],
    ['#StAldhelms sports day 🏅', 'school-name:#StAldhelms'],
    ['follow @SACS_PE for results', 'school-name:@SACS_PE'],
    ['S.A.C.S. choir were brilliant', 'school-name:S.A.C.S'],
    ['Year 9 at SACS are doing mocks', 'school-name:SACS'],
    ['detention at sacs again', 'school-name:sacs'],
    ['the canteen at the grange is so bad', 'school-name:the grange'],
    ['Open evening at the Grange on Thursday', 'school-name:the Grange'],
  ])('finds %s', (text, expected) => {
    expect(school(text)).toEqual([expected]);
  });

  it.each([
    'Roadworks on Aldhelms Road again',
    'Sacs of potatoes for the allotment',
    'sacs of flour on offer',
    'Wedding venue: the grange hotel was stunning',
    'St Aldhelm’s Primary had their nativity today',
    'my school is the best',
  ])('leaves alone %s', (text) => {
    expect(school(text)).toEqual([]);
  });
});

describe('school aliases that also name a saint, a person, a place or another body', () => {
  const schoolIn = (names: string[], text: string) =>
    check(text, validateConfig({ schoolNames: names, pupilNames: [], staffNames: [], role: 'pupil' })).filter((f) => f.category === 'school-name').map((f) => f.match);
  const SAINT = ["St Cuthbert's Catholic High School", "St Cuthbert's", 'Cuthberts', 'SCHS'];
  const PERSON = ['Brunel Academy', 'Brunel', 'BA'];
  const PLACE = ['Nightingale Park School', 'Nightingale Park', 'Nightingale', 'NPS'];

  it.each([
    [SAINT, "St Cuthbert's mocks start next week"],
    [SAINT, 'cuthberts canteen is a joke'],
    [SAINT, 'SCHS netball team won the league'],
    [SAINT, "Proud of our St Cuthbert's pupils today"],
    [PERSON, 'Brunel Academy open evening tonight'],
    [PERSON, 'the new head at Brunel is strict'],
    [PLACE, 'nightingale park teachers are great'],
    [PLACE, 'Year 7 at Nightingale had a great trip'],
    [PLACE, 'Nightingale Park in Bristol got outstanding from Ofsted'],
    [PLACE, 'starting at Nightingale Park in September, so nervous'],
    [['Marlow Lane Academy', 'MLA'], 'MLA canteen is grim today'],
  ])('finds the school in %j: %s', (names, text) => {
    expect(schoolIn(names, text)).toHaveLength(1);
  });

  it.each([
    [SAINT, "St Cuthbert's Day is 20 March"],
    [SAINT, "Walking St Cuthbert's Way this summer with my dad"],
    [SAINT, "St Cuthbert's relics are in Durham Cathedral"],
    [SAINT, 'St Cuthbert of Lindisfarne was a monk'],
    [PERSON, 'Isambard Kingdom Brunel built the Clifton Suspension Bridge'],
    [PERSON, 'Brunel University open day was good'],
    [PERSON, 'watched a documentary about Brunel the engineer'],
    [PERSON, 'I have a BA in history'],
    [PLACE, 'Florence Nightingale was a nurse in the Crimean War'],
    [PLACE, 'Nightingale Hospital in London was built in 9 days'],
    [PLACE, 'walking the dog in Nightingale Park, the pond is frozen'],
    [PLACE, 'the NPS survey says adults are happier'],
    [PLACE, 'we lived in Nightingale Park for two years before we moved to Leeds'],
    [PLACE, 'Nightingale Park in Ontario has the best maple syrup stall'],
    [['Marlow Lane Academy', 'MLA'], 'MLA format makes no sense, why does the title go there'],
  ])('leaves alone in %j: %s', (names, text) => {
    expect(schoolIn(names, text)).toEqual([]);
  });
});

describe('pupil names', () => {
  it.each([
    ['Tamsin Okoro won the poetry prize', 'pupil-name:Tamsin Okoro'],
    ['tamsin okoro’s mum is lovely', 'pupil-name:tamsin okoro’s'],
    ['Well done tamsin!!', 'pupil-name:tamsin'],
    ['Will P is off sick again', 'pupil-name:Will P'],
    ['jack b got a detention', 'pupil-name:jack b'],
    ['look at @may.ellison_ trying to dance', 'pupil-name:@may.ellison_'],
    ['@jackblack07 you owe me a quid', 'pupil-name:@jackblack07'],
    ['me and grace in the library 📚', 'pupil-name:grace'],
    ['Hope scored twice in netball', 'pupil-name:Hope'],
    ['thanks Frank for the notes', 'pupil-name:Frank'],
    ['will literally cried in maths', 'pupil-name:will'],
    ['Grace definitely stole the money from the charity tin', 'pupil-name:Grace'],
    ['hope apparently got suspended', 'pupil-name:hope'],
    ['Summer’s party was the best', 'pupil-name:Summer’s'],
    ['zoe wisniewska is so funny', 'pupil-name:zoe wisniewska'],
    ['Ciaran ONeill got player of the match', 'pupil-name:Ciaran ONeill'],
    ['nobody invite hunter to the party', 'pupil-name:hunter'],
    ['gonna jump sky after the disco', 'pupil-name:sky'],
    ['tell faith tomorrow', 'pupil-name:faith'],
    ['seen the vid of tamsin falling over', 'pupil-name:tamsin'],
    ['photoshopped tamsins head onto a pig', 'pupil-name:tamsins'],
    ['bro thinks hes a baller 😂 sunny ur the worst on the team', 'pupil-name:sunny'],
    ['got ur address off the invite ruby 📍 see u saturday', 'pupil-name:ruby'],
  ])('finds %s', (text, expected) => {
    expect(pupils(text)).toEqual([expected]);
  });

  it.each([
    'I will be there at 6',
    'Will you still love me tomorrow',
    'see you in May',
    'May the force be with you',
    'Classic May half term weather',
    'mark my words, it will rain',
    'the teacher will mark our essays',
    'by the grace of god we passed',
    'There is a grace period for the library books',
    'I hope it snows',
    'have faith in yourself',
    'a single red rose',
    'summer holidays cannot come soon enough',
    'jack of all trades, master of none',
    'the king has a new portrait',
    'ruby red lipstick',
    'daisy chains in the garden',
    'a sunny day at the beach',
    'waiting for dawn to break',
    'Will Smith was great in that film',
    'mark zuckerberg is buying another island',
    'a long day at work',
    'Jack White played Glastonbury last year',
    'the sky is so blue',
    'frank and honest conversation',
    'precious memories from the trip',
    'what a blessing this weather is',
    'amber, red, green: the lights changed',
    'jump in the sky after the rain',
    'tell the truth with faith in people',
    'hopes and dreams for the summer',
    'so tired 😴 hope tomorrow is better',
    'lol 😂 sunny days are back',
  ])('leaves alone %s', (text) => {
    expect(pupils(text)).toEqual([]);
  });
});

describe('namesakes: a famous person, a grown-up in the family or a pet who shares a pupil\'s name', () => {
  // Pupils who share a famous person's full name, or whose first name a family's dog might have.
  const config = validateConfig({
    schoolNames: ['Kingsmead Community College', 'Kingsmead'],
    pupilNames: ['Harry Kane', 'Emma Watson', 'Tom Holland', 'Ruby Stone', 'Destiny Obi', 'Will Porter', 'Sandra Mensah', 'Tran Van Minh'],
    staffNames: ['Mr Okafor'],
    role: 'pupil',
  });
  const named = (text: string): string[] => pupils(text, config);

  it.each([
    'Harry Kane scored a worldie last night',
    'harry kane to bayern was the worst transfer ever',
    'Emma Watson was so good in the Little Women film',
    'rewatching spiderman, tom holland is the best one',
    'Tom Holland is the best Spider-Man, no debate',
    'Harry Kane and Jude Bellingham on the same night, my dad was buzzing',
    "Destiny's Child on repeat while I revise",
    'my nan Ruby turns 90 today 🎂',
    'our dog Will ate a whole sock',
    'my auntie Sandra is visiting this weekend',
    // "Tran" + s is a word the rules know, not "Tran's" without its apostrophe.
    'trans people have always existed',
  ])('leaves alone %s', (text) => {
    expect(named(text)).toEqual([]);
  });

  it.each([
    ['Harry Kane got a detention in maths', 'pupil-name:Harry Kane'],
    ['Harry Kane stole my phone and lied about it', 'pupil-name:Harry Kane'],
    ["Emma Watson's locker is next to mine at Kingsmead", "pupil-name:Emma Watson's"],
    ['tom holland from year 9 is so annoying', 'pupil-name:tom holland'],
    ['my mate Ruby is coming round later', 'pupil-name:Ruby'],
    ['Ruby Stone and her dog went viral', 'pupil-name:Ruby Stone'],
  ])('still finds %s', (text, expected) => {
    expect(named(text)).toEqual([expected]);
  });
});

describe('a hashed roster matches the same as plaintext', () => {
  const hashed = validateConfig({ schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil', hashedRoster: hashRoster(ROSTER) });
  it.each([
    ['Tamsin Okoro won the poetry prize', 'pupil-name:Tamsin Okoro'],
    ['Will P is off sick again', 'pupil-name:Will P'],
    ['look at @may.ellison_ trying to dance', 'pupil-name:@may.ellison_'],
    ['thanks Frank for the notes', 'pupil-name:Frank'],
  ])('finds %s', (text, expected) => {
    expect(pupils(text, hashed)).toEqual([expected]);
  });
  it.each(['I will be there at 6', 'see you in May', 'a long day at work'])('leaves alone %s', (text) => {
    expect(pupils(text, hashed)).toEqual([]);
  });
});

describe('findings point at the original text', () => {
  it('maps offsets back through zero-width characters and look-alikes', () => {
    const text = 'ok so T\u200bamsin Okоro said hi'; // a zero-width space and a Cyrillic "о"
    const [finding] = check(text, CONFIG).filter((f) => f.category === 'pupil-name');
    expect(finding.match).toBe('T\u200bamsin Okоro');
    expect(text.slice(finding.start, finding.end)).toBe(finding.match);
  });
  it('gives a pupil an information note that names the pupil, linked to the section about what pupils publish', () => {
    const [finding] = check('Tamsin Okoro was brilliant', CONFIG, { role: 'pupil' });
    expect(finding.policySections).toEqual(['objective-1']);
    expect(finding.message).toContain('Tamsin Okoro');
    expect(finding.message).toMatch(/fine if it’s kind/);
    expect(finding.severity).toBe('info');
  });
  it('gives staff a warning: naming a pupil in public is a safeguarding matter, with the staff duties linked', () => {
    const [finding] = check('Tamsin Okoro was brilliant', CONFIG, { role: 'staff' });
    expect(finding.policySections).toEqual(['objective-1', 'objective-4', 'strategy-1']);
    expect(finding.message).toContain('Tamsin Okoro');
    expect(finding.message).toMatch(/safeguarding/);
    expect(finding.severity).toBe('warning');
  });
  it('leaves a pupil insulting a pupil to the bullying warning, beside the note', () => {
    const findings = check('Tamsin Okoro you are a pathetic loser', CONFIG, { role: 'pupil' });
    expect(findings.map((f) => f.category).sort()).toEqual(['bullying', 'pupil-name']);
    expect(findings.find((f) => f.category === 'bullying')!.severity).toBe('serious');
  });
});

describe('staff with surnames of more than one word', () => {
  const config = validateConfig({
    schoolNames: [],
    pupilNames: [],
    staffNames: ['Mr Van der Berg', 'Ms Ní Bhriain', 'Mrs Lloyd-Davies', 'Daniel Okafor'],
    role: 'pupil',
  });
  // Staff are not a category of their own: a staff mention makes the target of an accusation identifiable.
  it.each([
    ['mr van der berg is a liar and steals from the school fund', 'van der berg'],
    ['Mr Van der Berg is a liar and steals from the school fund', 'Van der Berg'],
    ['mrs lloyd davies is a liar and steals from the school fund', 'lloyd davies'],
    ['Mrs Lloyd-Davies is a liar and steals from the school fund', 'Lloyd-Davies'],
    ['Daniel Okafor is a liar and steals from the school fund', 'Daniel Okafor'],
  ])('makes the target identifiable: %s', (text, who) => {
    const defamation = check(text, config).filter((f) => f.category === 'defamation');
    expect(defamation.map((f) => f.match).join(' | ')).toContain(who);
  });
});
