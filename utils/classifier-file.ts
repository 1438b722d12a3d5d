// Where the packaged extension keeps the classifier's weights. wxt.config.ts
// copies rules/model/classifier.bin there at build time, as a file of its own:
// bundled into a script, 1.8 MB of weights would be inlined as base64 text.
import { ClassifierModel } from '../lib/classifier/model';

export const CLASSIFIER_PACKAGE_PATH = 'model/classifier.bin';

/** Reads the weights from the extension's package (background and options page). */
export async function loadPackagedClassifier(getURL: (path: string) => string): Promise<ClassifierModel> {
  const response = await fetch(getURL(`/${CLASSIFIER_PACKAGE_PATH}`));
  if (!response.ok) throw new Error(`${CLASSIFIER_PACKAGE_PATH}: ${response.status} ${response.statusText}`);
  return ClassifierModel.fromBytes(new Uint8Array(await response.arrayBuffer()));
}
