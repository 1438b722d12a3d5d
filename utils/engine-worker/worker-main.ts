// What the engine's dedicated worker does with each message, apart from the
// worker global itself, so it can be tested in Node. The worker runs one check
// at a time; the pool (./pool.ts) abandons it, by terminating the whole worker,
// when a check runs past its time budget.
import type { CheckConfig, CheckOptions, ClassifierModel, Finding } from '@/lib/types';

/** What the engine's checkPost gives: the findings, and whether every rule was tried everywhere. */
interface PostResult {
  findings: Finding[];
  complete: boolean;
}
import type { FromWorker, ToWorker } from './protocol';

// Touches the name tables, the rule prefilter and the parser.
const WARM_UP_TEXT = 'Warming up: you are so stupid, see you at school tomorrow.';
const EMPTY_CONFIG: CheckConfig = { schoolNames: [], pupilNames: [], staffNames: [], role: 'pupil' };

export interface WorkerEngine {
  checkPost(text: string, config: CheckConfig, options: CheckOptions): PostResult;
  prepare(config: CheckConfig): unknown;
  /** Reads the classifier's weights; if it fails, checks go on with the rules alone. */
  loadClassifier(): Promise<ClassifierModel>;
}

export function createWorkerMain(engine: WorkerEngine, post: (message: FromWorker) => void) {
  let classifier: ClassifierModel | undefined;
  let config: CheckConfig = EMPTY_CONFIG;

  // Messages that arrive while the classifier loads wait for it, in order.
  const started = engine.loadClassifier().then(
    (model) => {
      classifier = model;
    },
    (error: unknown) => console.error('Second Thought: the classifier could not be loaded; checking with the rules alone:', error),
  );
  const ready = started.then(() => {
    engine.checkPost(WARM_UP_TEXT, EMPTY_CONFIG, { role: 'pupil', classifier });
    post({ kind: 'ready', classifier: classifier !== undefined });
  });
  let queue: Promise<void> = ready;

  function handle(message: ToWorker): void {
    switch (message.kind) {
      case 'configure':
        config = message.config;
        try {
          engine.prepare(config);
          // The parser and classifier paths too, with this configuration's tables.
          engine.checkPost(WARM_UP_TEXT, config, { role: config.role, classifier });
        } catch (error) {
          // Each check will fail and say why; the worker itself is fine.
          console.error('Second Thought: the engine could not use its settings:', error);
        }
        post({ kind: 'configured', version: message.version });
        return;
      case 'check':
        try {
          const { findings, complete } = engine.checkPost(message.text, config, { role: message.role, classifier });
          post({ kind: 'result', id: message.id, findings, complete });
        } catch (error) {
          post({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
        }
        return;
    }
  }

  return {
    /** Handles a message once the worker is ready; messages keep their order. */
    receive(message: ToWorker): Promise<void> {
      queue = queue.then(() => handle(message));
      return queue;
    },
    ready,
  };
}
