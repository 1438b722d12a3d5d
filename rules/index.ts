// The rule data, in one list the engine and the tests read. Every JSON file in
// rules/ must be listed here; tests/unit/rules-lint.test.ts checks that.
import type { FramesFile, LexiconFile, RuleFile } from '../lib/rules/types';
import frames from './frames.json';
import bullying from './bullying.json';
import insults from './lexicon/insults.json';
import selfHarm from './lexicon/self-harm.json';

export const RULE_FILES: Record<string, RuleFile> = {
  'bullying.json': bullying as RuleFile,
};

export const LEXICON_FILES: Record<string, LexiconFile> = {
  'lexicon/insults.json': insults as LexiconFile,
  'lexicon/self-harm.json': selfHarm as LexiconFile,
};

export const FRAMES: FramesFile = frames as FramesFile;
