// Bundles the fixture pages with esbuild at test start-up. The bundle is a
// build product (never committed): a temp folder per run.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const FIXTURES_DIR = resolve(fileURLToPath(new URL('../fixtures', import.meta.url)));

export async function buildFixtures(outdir?: string): Promise<string> {
  const dir = outdir ?? (await mkdtemp(join(tmpdir(), 'second-thought-fixtures-')));
  await build({
    entryPoints: [join(FIXTURES_DIR, 'main.ts')],
    outdir: dir,
    bundle: true,
    // Each editor is its own chunk, so a page loads only the library it imitates.
    splitting: true,
    format: 'esm',
    target: 'chrome120',
    platform: 'browser',
    minify: false,
    sourcemap: false,
    logLevel: 'error',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
  });
  return dir;
}
