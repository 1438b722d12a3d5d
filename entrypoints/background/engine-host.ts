// Where the engine runs, as the background sees it: in dedicated workers that a
// slow check cannot block for other tabs, and that are abandoned when a check
// runs past its time budget (utils/engine-worker/pool.ts). Chrome's service
// worker cannot start workers, so there they live in an offscreen document;
// Firefox's background page starts them itself.
import type { CheckConfig, Role } from '@/lib/types';
import { createCheckPool, type CheckPool } from '@/utils/engine-worker/pool';
import type { EngineOutcome, WorkerLike } from '@/utils/engine-worker/protocol';
import { DEFAULT_CHECK_TIME_LIMIT_MS as DEFAULT_BUDGET_MS } from '@/settings/admin-settings';

export interface EngineHost {
  /** New settings, and the time one check may take. */
  configure(config: CheckConfig, budgetMs: number): void;
  check(text: string, role: Role): Promise<EngineOutcome>;
  /** Starts the engine now rather than during someone's first post; true once it is ready. */
  warm(): Promise<boolean>;
  /** The longest a check can take to be answered (waiting for a worker, then the budget). */
  answerWithinMs(): number;
}

/** The path of the built worker script (entrypoints/check-worker.ts). */
export const CHECK_WORKER_PATH = '/check-worker.js';

/** Workers started from here (Firefox's background page, and Chrome's offscreen document). */
export function poolEngineHost(createWorker: () => WorkerLike, pool?: (budgetMs: () => number) => CheckPool): EngineHost {
  let budgetMs = DEFAULT_BUDGET_MS;
  const workers = (pool ?? ((budget) => createCheckPool({ createWorker, budgetMs: budget })))(() => budgetMs);
  return {
    configure(config, budget) {
      budgetMs = budget;
      workers.configure(config);
    },
    check: (text, role) => workers.check(text, role),
    warm: () => workers.warm(),
    answerWithinMs: () => workers.answerWithinMs(),
  };
}

/** Messages from the service worker to the offscreen document that hosts the workers. */
export type EngineHostRequest =
  | { target: 'engine-host'; type: 'configure'; version: number; config: CheckConfig; budgetMs: number }
  | { target: 'engine-host'; type: 'check'; version: number; text: string; role: Role }
  | { target: 'engine-host'; type: 'warm' };

/** The offscreen document lost the settings (it was closed and opened again): send them, then ask again. */
export interface StaleReply {
  stale: true;
}

export function isEngineHostRequest(value: unknown): value is EngineHostRequest {
  return typeof value === 'object' && value !== null && (value as { target?: unknown }).target === 'engine-host';
}

export function isEngineOutcome(value: unknown): value is EngineOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as Record<string, unknown>;
  return Array.isArray(outcome.findings) || ((outcome.unchecked === 'timed-out' || outcome.unchecked === 'failed') && typeof outcome.detail === 'string');
}

export interface OffscreenDeps {
  /** Creates the offscreen document if it is not open. */
  ensureDocument(): Promise<void>;
  send(message: EngineHostRequest): Promise<unknown>;
  /** The pool's start-up allowance, for answerWithinMs. */
  startupMs: number;
}

/** The service worker's side (Chrome): the same engine, reached by messages. */
export function offscreenEngineHost(deps: OffscreenDeps): EngineHost {
  let settings: { version: number; config: CheckConfig; budgetMs: number } | undefined;
  let version = 0;
  const call = async (message: EngineHostRequest) => {
    await deps.ensureDocument();
    return deps.send(message);
  };
  const sendSettings = () => (settings ? call({ target: 'engine-host', type: 'configure', ...settings }) : Promise.resolve());

  return {
    configure(config, budgetMs) {
      settings = { version: ++version, config, budgetMs };
      sendSettings().catch((error: unknown) => console.warn('Second Thought: could not give the checker its settings:', error));
    },
    async check(text, role) {
      const ask = () => call({ target: 'engine-host', type: 'check', version, text, role });
      try {
        let reply = await ask();
        if ((reply as Partial<StaleReply> | undefined)?.stale) {
          await sendSettings();
          reply = await ask();
        }
        return isEngineOutcome(reply) ? reply : { unchecked: 'failed', detail: 'the checker gave no answer' };
      } catch (error) {
        return { unchecked: 'failed', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async warm() {
      try {
        await sendSettings();
        const reply = (await call({ target: 'engine-host', type: 'warm' })) as { ready?: boolean } | undefined;
        return reply?.ready === true;
      } catch {
        return false;
      }
    },
    answerWithinMs: () => deps.startupMs + (settings?.budgetMs ?? DEFAULT_BUDGET_MS),
  };
}
