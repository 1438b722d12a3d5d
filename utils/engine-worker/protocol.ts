// Messages between the engine's dedicated worker (entrypoints/check-worker.ts)
// and the pool that runs it (./pool.ts). Plain data only: it crosses postMessage.
import type { CheckConfig, Finding, Role } from '@/lib/types';

export type ToWorker =
  /** Builds the engine's tables for this configuration; answered by 'configured'. */
  | { kind: 'configure'; version: number; config: CheckConfig }
  | { kind: 'check'; id: number; text: string; role: Role };

export type FromWorker =
  /** The engine and the classifier are loaded and warm. */
  | { kind: 'ready'; classifier: boolean }
  | { kind: 'configured'; version: number }
  /** `complete` is false when every rule could not be tried on every part of a very long post. */
  | { kind: 'result'; id: number; findings: Finding[]; complete: boolean }
  | { kind: 'failed'; id: number; message: string };

/** What a check in the worker came to: findings, or why there are none to give. */
export type EngineOutcome = { findings: Finding[]; complete?: boolean } | { unchecked: 'timed-out' | 'failed'; detail: string };

/** The part of a Worker the pool uses, so tests can give it a stand-in. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
