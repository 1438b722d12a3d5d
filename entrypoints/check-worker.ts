// The engine's dedicated worker: one check at a time, away from the pages and
// from other checks. Started by utils/engine-worker/pool.ts, in the offscreen
// document (Chrome) or the background page (Firefox); when a check runs past
// its time budget, the pool terminates this whole worker and starts another.
import { check, prepare } from '@/lib';
import { ClassifierModel } from '@/lib/classifier/model';
import { CLASSIFIER_PACKAGE_PATH } from '@/utils/classifier-file';
import { createWorkerMain } from '@/utils/engine-worker/worker-main';
import type { FromWorker, ToWorker } from '@/utils/engine-worker/protocol';

interface WorkerScope {
  location: { href: string };
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as WorkerScope;
  const main = createWorkerMain(
    {
      check,
      prepare,
      // Workers have no extension APIs; the weights are a file in the package, beside this script.
      loadClassifier: async () => {
        const response = await fetch(new URL(`/${CLASSIFIER_PACKAGE_PATH}`, scope.location.href));
        if (!response.ok) throw new Error(`${CLASSIFIER_PACKAGE_PATH}: ${response.status} ${response.statusText}`);
        return ClassifierModel.fromBytes(new Uint8Array(await response.arrayBuffer()));
      },
    },
    (message) => scope.postMessage(message),
  );
  scope.onmessage = (event) => void main.receive(event.data);
});
