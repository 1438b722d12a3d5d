// The engine's workers: a slow check holds up no other check and is abandoned
// at its time budget (its worker terminated and replaced), a crashed worker is
// replaced, settings reach every worker before its next check, and the worker's
// own side runs the real engine in order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPost, prepare } from '@/lib';
import type { CheckConfig, Finding } from '@/lib/types';
import { createCheckPool } from '@/utils/engine-worker/pool';
import type { FromWorker, ToWorker, WorkerLike } from '@/utils/engine-worker/protocol';
import { createWorkerMain } from '@/utils/engine-worker/worker-main';

const CONFIG: CheckConfig = { schoolNames: ['Hollins Park Academy'], pupilNames: ['Tamsin Okoro'], staffNames: [], role: 'pupil' };
const found: Finding = { category: 'bullying', ruleId: 'test', severity: 'warning', start: 0, end: 3, match: 'kys', message: 'm', policySections: [] };

/** A worker that answers when the test says: 'slow' texts never, others at once. */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;

  constructor(private readonly autoStart = true) {
    FakeWorker.all.push(this);
    if (autoStart) queueMicrotask(() => this.say({ kind: 'ready', classifier: true }));
  }

  postMessage(message: ToWorker): void {
    this.received.push(message);
    queueMicrotask(() => {
      if (this.terminated) return;
      if (message.kind === 'configure') this.say({ kind: 'configured', version: message.version });
      if (message.kind === 'check' && message.text !== 'slow') this.say({ kind: 'result', id: message.id, findings: message.text.includes('kys') ? [found] : [], complete: true });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  say(message: FromWorker): void {
    if (!this.terminated) this.onmessage?.({ data: message });
  }
}

afterEach(() => {
  FakeWorker.all = [];
  vi.useRealTimers();
});

function pool(options: { budgetMs?: number; maxWorkers?: number; startupMs?: number; autoStart?: boolean } = {}) {
  const created = createCheckPool({
    createWorker: () => new FakeWorker(options.autoStart ?? true),
    budgetMs: () => options.budgetMs ?? 2_000,
    maxWorkers: options.maxWorkers,
    startupMs: options.startupMs,
  });
  created.configure(CONFIG);
  return created;
}

describe('the check pool', () => {
  it('gives each worker the settings before its first check, and answers with its findings', async () => {
    const workers = pool();
    await expect(workers.check('you kys', 'pupil')).resolves.toEqual({ findings: [found] });
    const [worker] = FakeWorker.all;
    expect(worker.received.map((message) => message.kind)).toEqual(['configure', 'check']);
    expect(worker.received[0]).toMatchObject({ kind: 'configure', config: CONFIG });
  });

  it('abandons a check that runs past its budget: "could not be checked", the worker terminated and replaced', async () => {
    vi.useFakeTimers();
    const workers = pool({ budgetMs: 1_500 });
    const slow = workers.check('slow', 'pupil');
    await vi.advanceTimersByTimeAsync(1_499);
    const first = FakeWorker.all[0];
    expect(first.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(slow).resolves.toEqual({ unchecked: 'timed-out', detail: 'the check took longer than 1500 ms and was abandoned' });
    expect(first.terminated).toBe(true);
    // Its replacement takes the next check.
    await expect(workers.check('kys', 'pupil')).resolves.toEqual({ findings: [found] });
    expect(FakeWorker.all.filter((worker) => !worker.terminated)).toHaveLength(1);
  });

  it('runs another tab’s check on a second worker while one is stuck', async () => {
    vi.useFakeTimers();
    const workers = pool({ budgetMs: 2_000 });
    await workers.warm();
    const slow = workers.check('slow', 'pupil');
    const quick = workers.check('kys', 'pupil');
    await vi.advanceTimersByTimeAsync(10);
    await expect(quick).resolves.toEqual({ findings: [found] });
    expect(FakeWorker.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(slow).resolves.toMatchObject({ unchecked: 'timed-out' });
  });

  it('replaces a worker that crashes, and says the check failed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const workers = pool();
    await workers.warm();
    const pending = workers.check('slow', 'pupil');
    await Promise.resolve();
    FakeWorker.all[0].onerror?.({ message: 'out of memory' });
    await expect(pending).resolves.toEqual({ unchecked: 'failed', detail: 'the checker stopped: out of memory' });
    expect(FakeWorker.all[0].terminated).toBe(true);
    await expect(workers.check('kys', 'pupil')).resolves.toEqual({ findings: [found] });
    warn.mockRestore();
  });

  it('gives up on a worker that never starts, and on a check that waited too long for one', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const workers = pool({ startupMs: 5_000, autoStart: false });
    const waiting = workers.check('kys', 'pupil');
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(waiting).resolves.toEqual({ unchecked: 'timed-out', detail: 'no checker was free within 5000 ms' });
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    warn.mockRestore();
  });

  it('brings every worker up to date with new settings before its next check', async () => {
    const workers = pool();
    await workers.check('hello', 'pupil');
    const next = { ...CONFIG, schoolNames: ['Oakfield Priory'] };
    workers.configure(next);
    await workers.check('hello', 'pupil');
    const kinds = FakeWorker.all[0].received.map((message) => (message.kind === 'configure' ? `configure ${message.version}` : message.kind));
    expect(kinds).toEqual(['configure 1', 'check', 'configure 2', 'check']);
  });

  it('says how long an answer can take: waiting for a worker, then the budget', () => {
    expect(pool({ budgetMs: 1_500, startupMs: 10_000 }).answerWithinMs()).toBe(11_500);
  });
});

describe('the worker', () => {
  it('runs the real engine in order, with the settings it was given', async () => {
    const sent: FromWorker[] = [];
    const main = createWorkerMain({ checkPost, prepare, loadClassifier: () => Promise.reject(new Error('no model in this test')) }, (message) => sent.push(message));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await main.receive({ kind: 'configure', version: 1, config: CONFIG });
    await main.receive({ kind: 'check', id: 7, text: 'Tamsin Okoro was brilliant today', role: 'pupil' });
    error.mockRestore();
    expect(sent[0]).toEqual({ kind: 'ready', classifier: false });
    expect(sent[1]).toEqual({ kind: 'configured', version: 1 });
    expect(sent[2]).toMatchObject({ kind: 'result', id: 7, findings: [expect.objectContaining({ category: 'pupil-name', match: 'Tamsin Okoro' })] });
  });

  it('answers a check that throws with "failed", and carries on', async () => {
    const sent: FromWorker[] = [];
    const engine = {
      checkPost: vi.fn((text: string) => {
        if (text === 'boom') throw new Error('engine broke');
        return { findings: [], complete: true };
      }),
      prepare: () => undefined,
      loadClassifier: () => Promise.reject(new Error('none')),
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const main = createWorkerMain(engine, (message) => sent.push(message));
    await main.receive({ kind: 'check', id: 1, text: 'boom', role: 'pupil' });
    await main.receive({ kind: 'check', id: 2, text: 'fine', role: 'pupil' });
    error.mockRestore();
    expect(sent.slice(1)).toEqual([
      { kind: 'failed', id: 1, message: 'engine broke' },
      { kind: 'result', id: 2, findings: [], complete: true },
    ]);
  });
});
