// The labelled data the project is measured and trained on lives beside the
// repository, in ../shared (read-only, never copied in). Only the eval, bench
// and train scripts read it; no test may. A fresh clone does not have it, so
// say so plainly instead of failing with ENOENT.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where ../shared sits for this checkout; SECOND_THOUGHT_SHARED overrides it. */
export const SHARED_DIR = path.resolve(process.env.SECOND_THOUGHT_SHARED ?? path.join(here, '../../../shared'));

/**
 * A path inside the shared folder. Exits with status 2 and one clear line when
 * it is missing, naming what the script needed and how to point at it.
 */
export function sharedPath(relative: string, neededFor: string): string {
  const full = path.join(SHARED_DIR, relative);
  if (!fs.existsSync(full)) {
    console.error(
      `${neededFor} needs the shared data folder, which is not beside this checkout: ${full} does not exist. ` +
        'Put the shared folder next to the project (../shared), or set SECOND_THOUGHT_SHARED to where it is.',
    );
    process.exit(2);
  }
  return full;
}
