// Runs the engine in dedicated workers, where a slow check cannot hold up
// checks from other tabs and can be abandoned. A check that runs past its time
// budget is answered "could not be checked", and its worker is terminated and
// replaced (a worker busy in a loop cannot be interrupted any other way).
//
// Used by the offscreen document in Chrome (a service worker cannot start
// workers) and by the background page in Firefox.
import type { CheckConfig, Role } from '@/lib/types';
import type { EngineOutcome, FromWorker, WorkerLike } from './protocol';

export interface PoolOptions {
  createWorker(): WorkerLike;
  /** Workers at most; a second starts only while the first is busy. */
  maxWorkers?: number;
  /** How long one check may run before it is abandoned. */
  budgetMs(): number;
  /**
   * How long a worker may take to load the engine, or to build its tables for
   * new settings, before it is replaced; and how long a check may wait for one.
   */
  startupMs?: number;
  /** A worker beyond the first is stopped after this long with nothing to do. */
  spareIdleMs?: number;
}

export interface CheckPool {
  /** New settings: every worker builds its tables for them before its next check. */
  configure(config: CheckConfig): void;
  check(text: string, role: Role): Promise<EngineOutcome>;
  /** Starts a worker if none is running; resolves true once one is ready for a check. */
  warm(): Promise<boolean>;
  /** The longest a check can take to be answered, waiting and budget together. */
  answerWithinMs(): number;
  dispose(): void;
}

export const DEFAULT_STARTUP_MS = 10_000;
const DEFAULT_SPARE_IDLE_MS = 60_000;

interface Job {
  id: number;
  text: string;
  role: Role;
  resolve(outcome: EngineOutcome): void;
  /** Stops waiting for a worker (a job only waits so long). */
  waitTimer: ReturnType<typeof setTimeout>;
}

type State =
  | { name: 'starting' }
  | { name: 'configuring'; version: number }
  | { name: 'idle' }
  | { name: 'checking'; job: Job };

interface PoolWorker {
  worker: WorkerLike;
  state: State;
  /** The settings version whose tables this worker has built (0: none yet). */
  version: number;
  /** Limits the current phase: start-up, configuring or a check. */
  timer?: ReturnType<typeof setTimeout>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

export function createCheckPool(options: PoolOptions): CheckPool {
  const maxWorkers = Math.max(1, options.maxWorkers ?? 2);
  const startupMs = options.startupMs ?? DEFAULT_STARTUP_MS;
  const spareIdleMs = options.spareIdleMs ?? DEFAULT_SPARE_IDLE_MS;
  const workers: PoolWorker[] = [];
  const queue: Job[] = [];
  let config: CheckConfig | undefined;
  let version = 0;
  let nextId = 1;
  let warmWaiters: Array<(ready: boolean) => void> = [];
  let disposed = false;

  function spawn(): PoolWorker {
    const entry: PoolWorker = { worker: options.createWorker(), state: { name: 'starting' }, version: 0 };
    workers.push(entry);
    entry.worker.onmessage = (event) => onMessage(entry, event.data);
    entry.worker.onerror = (event) => replace(entry, `the checker stopped: ${event.message ?? 'unknown error'}`);
    entry.timer = setTimeout(() => replace(entry, `the checker did not start within ${startupMs} ms`), startupMs);
    return entry;
  }

  function onMessage(entry: PoolWorker, message: FromWorker): void {
    if (!workers.includes(entry)) return;
    switch (message.kind) {
      case 'ready':
        if (entry.state.name !== 'starting') return;
        clearTimeout(entry.timer);
        entry.state = { name: 'idle' };
        break;
      case 'configured':
        if (entry.state.name !== 'configuring' || entry.state.version !== message.version) return;
        clearTimeout(entry.timer);
        entry.version = message.version;
        entry.state = { name: 'idle' };
        break;
      case 'result':
      case 'failed': {
        if (entry.state.name !== 'checking' || entry.state.job.id !== message.id) return;
        clearTimeout(entry.timer);
        const { job } = entry.state;
        entry.state = { name: 'idle' };
        job.resolve(message.kind === 'result' ? { findings: message.findings, ...(message.complete ? {} : { complete: false }) } : { unchecked: 'failed', detail: message.message });
        break;
      }
    }
    pump();
  }

  /** Terminates a worker that is stuck, slow or broken, answers its check, and starts another. */
  function replace(entry: PoolWorker, why: string, outcome?: EngineOutcome): void {
    const at = workers.indexOf(entry);
    if (at === -1) return;
    workers.splice(at, 1);
    clearTimeout(entry.timer);
    clearTimeout(entry.idleTimer);
    entry.worker.onmessage = null;
    entry.worker.onerror = null;
    entry.worker.terminate();
    if (entry.state.name === 'checking') entry.state.job.resolve(outcome ?? { unchecked: 'failed', detail: why });
    else console.warn(`Second Thought: replacing the checker's worker: ${why}`);
    if (!disposed && workers.length === 0) spawn();
    pump();
  }

  function settleWarmWaiters(): void {
    if (warmWaiters.length === 0 || !workers.some(isReady)) return;
    const waiting = warmWaiters;
    warmWaiters = [];
    for (const resolve of waiting) resolve(true);
  }

  const isReady = (entry: PoolWorker) => entry.state.name === 'idle' && (config === undefined || entry.version === version);

  /** Gives queued checks to ready workers, brings idle ones up to date, and starts a spare when all are busy. */
  function pump(): void {
    if (disposed) return;
    for (const entry of workers) {
      if (entry.state.name === 'idle' && config !== undefined && entry.version !== version) {
        entry.state = { name: 'configuring', version };
        entry.timer = setTimeout(() => replace(entry, `the checker did not take its settings within ${startupMs} ms`), startupMs);
        entry.worker.postMessage({ kind: 'configure', version, config });
      }
    }
    for (const entry of workers) {
      if (queue.length === 0) break;
      if (!isReady(entry)) continue;
      dispatch(entry, queue.shift()!);
    }
    if (queue.length > 0 && workers.length < maxWorkers && workers.every((entry) => entry.state.name === 'checking')) spawn();
    for (const entry of workers) scheduleSpareStop(entry);
    settleWarmWaiters();
  }

  function dispatch(entry: PoolWorker, job: Job): void {
    clearTimeout(job.waitTimer);
    clearTimeout(entry.idleTimer);
    entry.state = { name: 'checking', job };
    const budget = options.budgetMs();
    entry.timer = setTimeout(
      () => replace(entry, 'a check ran past its time budget', { unchecked: 'timed-out', detail: `the check took longer than ${budget} ms and was abandoned` }),
      budget,
    );
    entry.worker.postMessage({ kind: 'check', id: job.id, text: job.text, role: job.role });
  }

  /** Memory matters on a school Chromebook: a spare worker goes once it has been idle a while. */
  function scheduleSpareStop(entry: PoolWorker): void {
    clearTimeout(entry.idleTimer);
    if (entry.state.name !== 'idle' || workers.indexOf(entry) === 0) return;
    entry.idleTimer = setTimeout(() => {
      if (entry.state.name !== 'idle' || workers.indexOf(entry) <= 0) return;
      workers.splice(workers.indexOf(entry), 1);
      entry.worker.terminate();
    }, spareIdleMs);
  }

  return {
    configure(next) {
      config = next;
      version += 1;
      pump();
    },
    check(text, role) {
      return new Promise<EngineOutcome>((resolve) => {
        if (disposed) return resolve({ unchecked: 'failed', detail: 'the checker has stopped' });
        const job: Job = {
          id: nextId++,
          text,
          role,
          resolve,
          waitTimer: setTimeout(() => {
            const at = queue.indexOf(job);
            if (at === -1) return;
            queue.splice(at, 1);
            resolve({ unchecked: 'timed-out', detail: `no checker was free within ${startupMs} ms` });
          }, startupMs),
        };
        queue.push(job);
        if (workers.length === 0) spawn();
        pump();
      });
    },
    warm() {
      if (disposed) return Promise.resolve(false);
      if (workers.length === 0) spawn();
      pump();
      if (workers.some(isReady)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          warmWaiters = warmWaiters.filter((waiter) => waiter !== settle);
          resolve(false);
        }, startupMs);
        const settle = (ready: boolean) => {
          clearTimeout(timer);
          resolve(ready);
        };
        warmWaiters.push(settle);
      });
    },
    answerWithinMs: () => startupMs + options.budgetMs(),
    dispose() {
      disposed = true;
      for (const entry of [...workers]) {
        clearTimeout(entry.timer);
        clearTimeout(entry.idleTimer);
        entry.worker.terminate();
        if (entry.state.name === 'checking') entry.state.job.resolve({ unchecked: 'failed', detail: 'the checker has stopped' });
      }
      workers.length = 0;
      for (const job of queue.splice(0)) {
        clearTimeout(job.waitTimer);
        job.resolve({ unchecked: 'failed', detail: 'the checker has stopped' });
      }
      for (const resolve of warmWaiters.splice(0)) resolve(false);
    },
  };
}
