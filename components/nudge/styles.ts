// Calm by design: a white card, dark text, one teal accent. No red, no alarm
// icons; severity only tints the thin bar beside each finding. Every colour is
// in NUDGE_PALETTE so a test can hold the pairs to WCAG AA (text ≥ 4.5:1,
// bars, borders and focus rings ≥ 3:1) in the light and the dark scheme.

export interface NudgePalette {
  background: string;
  text: string;
  muted: string;
  link: string;
  accent: string;
  accentText: string;
  accentHover: string;
  panel: string;
  calmPanel: string;
  markBackground: string;
  markText: string;
  /** The card's own edge: decoration, the shadow sets it apart too. */
  outline: string;
  /** The edge of the reason field, which must be seen (3:1). */
  border: string;
  focus: string;
  info: string;
  warning: string;
  serious: string;
}

export const NUDGE_PALETTE: { light: NudgePalette; dark: NudgePalette } = {
  light: {
    background: '#ffffff',
    text: '#1d2a2e',
    muted: '#3b4a4f',
    link: '#075a62',
    accent: '#0b6e77',
    accentText: '#ffffff',
    accentHover: '#075a62',
    panel: '#e9f4f3',
    calmPanel: '#f1f4f5',
    markBackground: '#fbe7b5',
    markText: '#1d2a2e',
    outline: '#c9d3d6',
    border: '#7b8b90',
    focus: '#9a4a00',
    info: '#5b7f86',
    warning: '#a8710c',
    serious: '#a8492a',
  },
  dark: {
    background: '#17252a',
    text: '#e8f0f1',
    muted: '#c5d3d6',
    link: '#8fdde0',
    accent: '#5cc4c9',
    accentText: '#0d1b1e',
    accentHover: '#8fdde0',
    panel: '#1f363b',
    calmPanel: '#223238',
    markBackground: '#6b5417',
    markText: '#fff6df',
    outline: '#3c5157',
    border: '#6f878d',
    focus: '#f2b233',
    info: '#8fb3b8',
    warning: '#e0b04f',
    serious: '#e8876a',
  },
};

function variables(palette: NudgePalette): string {
  return Object.entries(palette)
    .map(([name, value]) => `--st-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${value};`)
    .join(' ');
}

// Below this viewport height (a reply box in a small iframe, a phone held
// sideways) the card tightens up so its heading and buttons stay in view.
export const COMPACT_BELOW_PX = 480;

export const NUDGE_CSS = `
.nudge {
  ${variables(NUDGE_PALETTE.light)}
  --st-scroll-shadow: rgba(16, 36, 42, 0.22);
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: min(420px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: hidden;
  border-radius: 12px;
  border: 1px solid var(--st-outline);
  border-top: 4px solid var(--st-accent);
  background: var(--st-background);
  color: var(--st-text);
  box-shadow: 0 8px 28px rgba(16, 36, 42, 0.18);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
}
.nudge *, .nudge *::before, .nudge *::after { box-sizing: border-box; }
.title { flex: none; margin: 0; padding: 14px 18px 6px; font-size: 17px; font-weight: 650; line-height: 1.3; }
/* Only the middle scrolls: the heading above and the buttons below never leave the card. */
.body {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 0 18px 4px;
  /* A soft shadow at an edge only while there is more to scroll that way
     (the background-attachment trick: the covers move with the content). */
  background:
    linear-gradient(var(--st-background) 30%, transparent) center top,
    linear-gradient(transparent, var(--st-background) 70%) center bottom,
    radial-gradient(farthest-side at 50% 0, var(--st-scroll-shadow), transparent) center top,
    radial-gradient(farthest-side at 50% 100%, var(--st-scroll-shadow), transparent) center bottom;
  background-repeat: no-repeat;
  background-size: 100% 28px, 100% 28px, 100% 10px, 100% 10px;
  background-attachment: local, local, scroll, scroll;
}
.intro { margin: 0 0 12px; color: var(--st-muted); }
.support {
  margin: 0 0 12px;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--st-panel);
}
.support-lead { margin: 0 0 4px; font-weight: 600; }
.support ul, .findings { margin: 0; padding: 0; list-style: none; }
.support li { margin: 2px 0; }
.support a[href^="tel:"], .support .number { white-space: nowrap; }
.support-danger { margin: 8px 0 0; }
/* Said plainly, and last, so it is the thing left in mind: nobody has been told. */
.support-private { margin: 8px 0 0; font-weight: 600; }
.finding { margin: 0 0 12px; padding: 0 0 0 10px; border-left: 3px solid var(--st-warning); }
.severity-info { border-left-color: var(--st-info); }
.severity-serious { border-left-color: var(--st-serious); }
.finding-wellbeing { border-left-color: var(--st-accent); }
.finding p { margin: 0 0 4px; }
.excerpt { color: var(--st-muted); overflow-wrap: anywhere; }
mark { background: var(--st-mark-background); color: var(--st-mark-text); font-weight: 600; padding: 0 2px; border-radius: 3px; }
.suggestion { color: var(--st-muted); }
.policy { font-size: 14px; }
.more { margin: 0 0 12px; color: var(--st-muted); }
.report { margin: 0 0 12px; }
.note {
  margin: 0 0 12px;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--st-calm-panel);
}
.reason { margin: 0 0 12px; padding: 10px 12px; border: 0; border-radius: 8px; background: var(--st-calm-panel); min-width: 0; }
.reason legend { float: left; width: 100%; padding: 0; margin: 0 0 2px; font-weight: 600; }
.reason .hint { clear: both; margin: 0 0 6px; color: var(--st-muted); font-size: 14px; }
.reason label { display: flex; gap: 8px; align-items: flex-start; margin: 4px 0; cursor: pointer; }
.reason input[type="radio"] { margin: 4px 0 0; flex: none; accent-color: var(--st-accent); }
.reason .other { display: block; margin: 6px 0 0 24px; }
.reason .other span { display: block; font-size: 14px; }
.reason input[type="text"] {
  font: inherit;
  width: 100%;
  padding: 5px 8px;
  border: 1px solid var(--st-border);
  border-radius: 6px;
  background: var(--st-background);
  color: var(--st-text);
}
a { color: var(--st-link); text-decoration: underline; }
.actions { flex: none; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; padding: 10px 18px 14px; }
.actions .needed { flex-basis: 100%; margin: 0; color: var(--st-muted); font-size: 14px; }
/* "This warning is wrong" and "What is this?": there for whoever wants them, quieter than the two choices. */
.aside { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; font-size: 14px; }
.aside .said-wrong { margin: 0; color: var(--st-muted); }
.aside .said-wrong:focus { outline: none; }
.aside .said-wrong:focus-visible { outline: 3px solid var(--st-focus); outline-offset: 2px; }
button.quiet { font-weight: 400; font-size: 14px; padding: 0; border: 0; background: transparent; color: var(--st-link); text-decoration: underline; }
/* A pupil naming a friend, with nothing unkind: an information note, not a warning. */
.nudge.kind-naming { border-top-color: var(--st-info); }
button {
  font: inherit;
  font-weight: 600;
  padding: 8px 14px;
  border-radius: 8px;
  cursor: pointer;
  border: 1px solid var(--st-accent);
}
.primary { background: var(--st-accent); color: var(--st-accent-text); }
.primary:hover { background: var(--st-accent-hover); }
.secondary { background: transparent; color: var(--st-link); }
.secondary:hover { background: var(--st-panel); }
.secondary:disabled { cursor: not-allowed; color: var(--st-muted); border-style: dashed; border-color: var(--st-border); background: transparent; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid var(--st-focus); outline-offset: 2px; }
.nudge.compact { font-size: 14px; line-height: 1.35; }
.compact .title { padding: 8px 12px 4px; font-size: 15px; }
.compact .body { padding: 0 12px 2px; }
.compact .intro, .compact .support, .compact .finding, .compact .more, .compact .report, .compact .note, .compact .reason { margin-bottom: 8px; }
.compact .support, .compact .note, .compact .reason { padding: 6px 8px; }
.compact .actions { padding: 6px 12px 8px; gap: 6px; }
.compact .support-danger, .compact .support-private { margin-top: 4px; }
.compact button { padding: 5px 12px; }
.compact button.quiet { padding: 0; }
@media (prefers-color-scheme: dark) {
  .nudge { ${variables(NUDGE_PALETTE.dark)} --st-scroll-shadow: rgba(0, 0, 0, 0.6); box-shadow: 0 8px 28px rgba(0, 0, 0, 0.5); }
}
@media (prefers-reduced-motion: no-preference) {
  .nudge { animation: second-thought-in 120ms ease-out; }
  @keyframes second-thought-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
`;
