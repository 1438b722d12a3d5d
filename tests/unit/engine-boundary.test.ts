// The engine (lib/) must run in Node with no browser: the lint rule in
// eslint.config.js forbids imports from WXT and from the extension's own code.
// Only lib/text/compromise.ts may import compromise, so one module holds what
// the engine knows of its internals. This proves the rules bite, and that
// lib/ as it stands obeys them. The same for settings/, which is pure apart
// from settings/browser-port.ts.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(code: string, file = 'lib/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('the engine boundary', () => {
  it.each([
    "import { browser } from 'wxt/browser';\nexport const b = browser;",
    "import { storage } from '#imports';\nexport const s = storage;",
    "import { x } from '../entrypoints/background/checker';\nexport const y = x;",
    "import { x } from '@/utils/composer/guard';\nexport const y = x;",
    "import { x } from '@/settings/layers';\nexport const y = x;",
    'export const id = chrome.runtime.id;',
  ])('rejects %s', async (code) => {
    expect(await problems(code)).not.toEqual([]);
  });

  it('allows the engine’s own imports', async () => {
    expect(await problems("import { parseText } from './text/compromise';\nimport { normalise } from './text/normalise';\nexport const n = [parseText, normalise];")).toEqual([]);
  });

  it('lets only lib/text/compromise.ts import compromise', async () => {
    const code = "import nlp from 'compromise';\nexport const n = nlp;";
    expect(await problems(code, 'lib/rules/example.ts')).toEqual([expect.stringContaining('Only lib/text/compromise.ts talks to compromise')]);
    expect(await problems(code, 'lib/text/compromise.ts')).toEqual([]);
  });

  it('holds for every file in lib/ today', async () => {
    const results = await eslint.lintFiles(['lib/**/*.ts']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => `${r.filePath}: ${m.message}`));
    expect(broken).toEqual([]);
    // Lints all of lib/: about 4 s on a quiet machine, over 20 s on a busy one.
  }, 120_000);
});

describe('the settings boundary', () => {
  it.each([
    "import { browser } from 'wxt/browser';\nexport const b = browser;",
    "import { storage } from 'wxt/utils/storage';\nexport const s = storage;",
    "import { storage } from '#imports';\nexport const s = storage;",
    "import { Options } from '@/components/settings/Options';\nexport const o = Options;",
    'export const id = browser.runtime.id;',
  ])('rejects %s outside settings/browser-port.ts', async (code) => {
    expect(await problems(code, 'settings/example.ts')).not.toEqual([]);
  });

  it('lets settings/browser-port.ts reach the browser', async () => {
    expect(await problems("import { browser } from 'wxt/browser';\nimport { storage } from 'wxt/utils/storage';\nexport const b = [browser, storage];", 'settings/browser-port.ts')).toEqual([]);
  });

  it('holds for every file in settings/ today', async () => {
    const results = await eslint.lintFiles(['settings/**/*.ts']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => `${r.filePath}: ${m.message}`));
    expect(broken).toEqual([]);
  });
});
