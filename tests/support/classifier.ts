// The committed classifier weights (rules/model/classifier.bin), read once for
// the tests that check what the engine decides with them.
import fs from 'node:fs';
import path from 'node:path';
import { ClassifierModel } from '../../lib/classifier/model';

let model: ClassifierModel | undefined;

export function committedClassifier(): ClassifierModel {
  model ??= ClassifierModel.fromBytes(fs.readFileSync(path.resolve(__dirname, '../../rules/model/classifier.bin')));
  return model;
}
