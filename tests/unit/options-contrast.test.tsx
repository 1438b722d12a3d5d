import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../support/contrast';

// WCAG 2.1 contrast for the colours in settings.css, in the light and the dark scheme.
const css = readFileSync(join(process.cwd(), 'components/settings/settings.css'), 'utf8');

function palette(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1], match[2]]));
}
const light = palette(css.slice(css.indexOf(':root'), css.indexOf('@media')));
const dark = palette(css.slice(css.indexOf('@media (prefers-color-scheme: dark)')));


// [foreground, background, minimum]: 4.5 for text, 3 for borders and focus rings (WCAG 1.4.11).
const PAIRS: [string, string, number][] = [
  ['text', 'background', 4.5],
  ['text', 'panel', 4.5],
  ['muted', 'background', 4.5],
  ['muted', 'panel', 4.5],
  ['accent', 'background', 4.5],
  ['accent', 'panel', 4.5],
  ['accent-text', 'accent', 4.5],
  ['error', 'background', 4.5],
  ['error', 'panel', 4.5],
  ['focus', 'background', 3],
  ['focus', 'panel', 3],
  ['border', 'background', 3],
];

describe('the settings pages’ colours', () => {
  for (const [scheme, colours] of [['light', light], ['dark', dark]] as const) {
    it(`meet WCAG AA in the ${scheme} scheme`, () => {
      expect(Object.keys(colours)).toHaveLength(9);
      const failing = PAIRS.filter(([fg, bg, minimum]) => contrast(colours[fg], colours[bg]) < minimum).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(colours[fg], colours[bg]).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
    });
  }
});
