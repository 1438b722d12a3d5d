// The classifier weights committed in rules/model/classifier.bin (written by
// npm run train), read from disk for the command-line tools. The extension
// fetches the same file from its package instead.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClassifierModel } from '../../lib/classifier/model';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLASSIFIER_FILE = path.resolve(here, '../../rules/model/classifier.bin');

export function loadCommittedClassifier(): ClassifierModel {
  return ClassifierModel.fromBytes(fs.readFileSync(CLASSIFIER_FILE));
}
