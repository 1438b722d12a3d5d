// The browser suite's global setup: one browser suite at a time on a machine.
// Chromium's managed policy folder and Firefox's policies.json are machine-wide,
// and a test that changes policy part-way (language, page-guard) would change it
// for another process's browser too. So a second `npm test` (another clone, a
// busy CI machine) runs its unit tests beside the first, then waits here, outside
// any test's timeout, until the first's browser tests are done.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './processes';

const SUITE_LOCK = join(tmpdir(), 'second-thought-browser-suite.lock');
/** Longer than two whole browser suites on a busy machine; a holder alive after this is stuck. */
const WAIT_MS = 60 * 60_000;

function holder(): number | undefined {
  try {
    return Number(readFileSync(SUITE_LOCK, 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

function release(): void {
  if (holder() === process.pid) rmSync(SUITE_LOCK, { force: true });
}

export default async function takeTheMachine(): Promise<() => void> {
  const deadline = Date.now() + WAIT_MS;
  let told = false;
  for (;;) {
    const owner = holder();
    // Left by a suite that died: free to take.
    if (owner !== undefined && owner !== process.pid && !isRunning(owner)) rmSync(SUITE_LOCK, { force: true });
    try {
      writeFileSync(SUITE_LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (Date.now() > deadline) throw new Error(`Another browser suite (process ${owner}) has held ${SUITE_LOCK} for over ${WAIT_MS / 60_000} minutes. If it is stuck, stop it.`);
    if (!told) {
      console.warn(`Second Thought browser tests: another browser suite (process ${owner}) is running on this machine; waiting for it to finish.`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  process.once('exit', release);
  return release;
}
