// The rule data, in one list the engine and the tests read. Every JSON file in
// rules/ must be listed here; tests/unit/rules-lint.test.ts checks that.
import type { FramesFile, LexiconFile, RuleFile } from '../lib/rules/types';
import frames from './frames.json';
import spellings from './spellings.json';
import bullying from './bullying.json';
import insults from './lexicon/insults.json';
import selfHarm from './lexicon/self-harm.json';
import threat from './threat.json';
import hate from './hate.json';
import assault from './lexicon/assault.json';
import death from './lexicon/death.json';
import dehumanising from './lexicon/dehumanising.json';
import hateVerbs from './lexicon/hate-verbs.json';
import identityAdjectives from './lexicon/identity-adjectives.json';
import identityGroups from './lexicon/identity-groups.json';
import insultAdjectives from './lexicon/insult-adjectives.json';
import kys from './lexicon/kys.json';
import mock from './lexicon/mock.json';
import slursAmbiguous from './lexicon/slurs-ambiguous.json';
import slurs from './lexicon/slurs.json';
import violence from './lexicon/violence.json';
import swear from './lexicon/swear.json';
import defamation from './defamation.json';
import wellbeing from './wellbeing.json';
import professionalDistance from './professional-distance.json';
import reputation from './reputation.json';
import disparaging from './lexicon/disparaging.json';
import leadership from './lexicon/leadership.json';
import grievances from './lexicon/grievances.json';
import privateChannels from './lexicon/private-channels.json';
import pupilGroups from './lexicon/pupil-groups.json';
import staffRoles from './lexicon/staff-roles.json';
import crimes from './lexicon/crimes.json';
import crimeActs from './lexicon/crime-acts.json';
import contraband from './lexicon/contraband.json';
import records from './lexicon/records.json';
import targets from './lexicon/targets.json';
import relatives from './lexicon/relatives.json';
import theOrOur from './lexicon/the-or-our.json';
import carry from './lexicon/carry.json';
import drinkOrDrugs from './lexicon/drink-or-drugs.json';
import youngsters from './lexicon/youngsters.json';
import childAges from './lexicon/child-ages.json';

export const RULE_FILES: Record<string, RuleFile> = {
  'bullying.json': bullying as RuleFile,
  'threat.json': threat as RuleFile,
  'hate.json': hate as RuleFile,
  'defamation.json': defamation as RuleFile,
  'wellbeing.json': wellbeing as RuleFile,
  'professional-distance.json': professionalDistance as RuleFile,
  'reputation.json': reputation as RuleFile,
};

export const LEXICON_FILES: Record<string, LexiconFile> = {
  'lexicon/insults.json': insults as LexiconFile,
  'lexicon/self-harm.json': selfHarm as LexiconFile,
  'lexicon/assault.json': assault as LexiconFile,
  'lexicon/death.json': death as LexiconFile,
  'lexicon/dehumanising.json': dehumanising as LexiconFile,
  'lexicon/hate-verbs.json': hateVerbs as LexiconFile,
  'lexicon/identity-adjectives.json': identityAdjectives as LexiconFile,
  'lexicon/identity-groups.json': identityGroups as LexiconFile,
  'lexicon/insult-adjectives.json': insultAdjectives as LexiconFile,
  'lexicon/kys.json': kys as LexiconFile,
  'lexicon/mock.json': mock as LexiconFile,
  'lexicon/slurs-ambiguous.json': slursAmbiguous as LexiconFile,
  'lexicon/slurs.json': slurs as LexiconFile,
  'lexicon/violence.json': violence as LexiconFile,
  'lexicon/swear.json': swear as LexiconFile,
  'lexicon/staff-roles.json': staffRoles as LexiconFile,
  'lexicon/crimes.json': crimes as LexiconFile,
  'lexicon/crime-acts.json': crimeActs as LexiconFile,
  'lexicon/contraband.json': contraband as LexiconFile,
  'lexicon/records.json': records as LexiconFile,
  'lexicon/private-channels.json': privateChannels as LexiconFile,
  'lexicon/pupil-groups.json': pupilGroups as LexiconFile,
  'lexicon/disparaging.json': disparaging as LexiconFile,
  'lexicon/leadership.json': leadership as LexiconFile,
  'lexicon/grievances.json': grievances as LexiconFile,
  'lexicon/targets.json': targets as LexiconFile,
  'lexicon/relatives.json': relatives as LexiconFile,
  'lexicon/the-or-our.json': theOrOur as LexiconFile,
  'lexicon/carry.json': carry as LexiconFile,
  'lexicon/drink-or-drugs.json': drinkOrDrugs as LexiconFile,
  'lexicon/youngsters.json': youngsters as LexiconFile,
  'lexicon/child-ages.json': childAges as LexiconFile,
};

export const FRAMES: FramesFile = frames as FramesFile;

/** Regional and text-speak spellings → the standard word the rules are written with. */
export const SPELLINGS: Readonly<Record<string, string>> = spellings.words;
