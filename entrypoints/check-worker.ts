// The engine's dedicated worker: one check at a time, away from the pages and
// from other checks. Started by utils/engine-worker/pool.ts, in the offscreen
// document (Chrome) or the background page (Firefox); when a check runs past
// its time budget, the pool terminates this whole worker and starts another.
import { checkPost, prepare } from '@/lib';
import { loadPackagedClassifier } from '@/utils/classifier-file';
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
      checkPost,
      prepare,
      // Workers have no extension APIs; the weights are a file in the package, beside this script.
      loadClassifier: () => loadPackagedClassifier((path) => new URL(path, scope.location.href).href),
    },
    (message) => scope.postMessage(message),
  );
  scope.onmessage = (event) => void main.receive(event.data);
});
