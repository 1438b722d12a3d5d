// WCAG 2.1 AA for the nudge's colours, in the light and the dark scheme: text
// at 4.5:1, and the things that are not text but must be seen (focus ring,
// field border, the severity bars) at 3:1 (WCAG 1.4.11).
import { describe, expect, it } from 'vitest';
import { contrast } from '../support/contrast';
import { NUDGE_CSS, NUDGE_PALETTE, type NudgePalette } from '@/components/nudge/styles';


type Colour = keyof NudgePalette;
const TEXT_ON: [Colour, Colour][] = [
  ['text', 'background'],
  ['muted', 'background'],
  ['link', 'background'],
  ['text', 'panel'],
  ['link', 'panel'],
  ['text', 'calmPanel'],
  ['muted', 'calmPanel'],
  ['link', 'calmPanel'],
  ['markText', 'markBackground'],
  ['accentText', 'accent'],
  ['accentText', 'accentHover'],
  ['link', 'panel'],
];
const SEEN_ON: [Colour, Colour][] = [
  ['focus', 'background'],
  ['focus', 'calmPanel'],
  ['border', 'background'],
  ['border', 'calmPanel'],
  ['accent', 'background'],
  ['info', 'background'],
  ['warning', 'background'],
  ['serious', 'background'],
];

describe('the nudge’s colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`meet WCAG AA in the ${scheme} scheme`, () => {
      const colours = NUDGE_PALETTE[scheme];
      const failing = [
        ...TEXT_ON.map(([fg, bg]) => [fg, bg, 4.5] as const),
        ...SEEN_ON.map(([fg, bg]) => [fg, bg, 3] as const),
      ]
        .filter(([fg, bg, minimum]) => contrast(colours[fg], colours[bg]) < minimum)
        .map(([fg, bg]) => `${fg} on ${bg}: ${contrast(colours[fg], colours[bg]).toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }

  it('are the ones the stylesheet uses, with no stray colours outside the palette', () => {
    for (const colour of Object.values(NUDGE_PALETTE.dark)) expect(NUDGE_CSS).toContain(colour);
    const hexes = NUDGE_CSS.match(/#[0-9a-f]{3,8}\b/gi) ?? [];
    const known = new Set([...Object.values(NUDGE_PALETTE.light), ...Object.values(NUDGE_PALETTE.dark)]);
    expect(hexes.filter((hex) => !known.has(hex))).toEqual([]);
  });
});
