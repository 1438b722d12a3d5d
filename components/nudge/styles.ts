// Calm by design: a white card, dark text, one teal accent. No red, no alarm
// icons. Colours meet WCAG AA contrast (text ≥ 4.5:1) in light and dark schemes.
export const NUDGE_CSS = `
.nudge {
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
  width: min(400px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 16px 18px;
  border-radius: 12px;
  border: 1px solid #c9d3d6;
  border-top: 4px solid #0b6e77;
  background: #ffffff;
  color: #1d2a2e;
  box-shadow: 0 8px 28px rgba(16, 36, 42, 0.18);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
}
.title { margin: 0 0 6px; font-size: 17px; font-weight: 650; }
.intro { margin: 0 0 12px; }
.support {
  margin: 0 0 12px;
  padding: 10px 12px;
  border-radius: 8px;
  background: #e9f4f3;
}
.support-lead { margin: 0 0 4px; font-weight: 600; }
.support ul, .findings { margin: 0; padding: 0; list-style: none; }
.support li { margin: 2px 0; }
.finding { margin: 0 0 12px; padding: 0 0 0 10px; border-left: 3px solid #d9a441; }
.finding-wellbeing { border-left-color: #0b6e77; }
.finding p { margin: 0 0 4px; }
.excerpt { color: #3b4a4f; font-style: italic; overflow-wrap: anywhere; }
mark { background: #fbe7b5; color: #1d2a2e; font-style: normal; padding: 0 2px; border-radius: 3px; }
.suggestion { color: #3b4a4f; }
.more { margin: 0 0 12px; color: #3b4a4f; }
a { color: #075a62; text-decoration: underline; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 4px; }
button {
  font: inherit;
  font-weight: 600;
  padding: 8px 14px;
  border-radius: 8px;
  cursor: pointer;
  border: 1px solid #0b6e77;
}
.primary { background: #0b6e77; color: #ffffff; }
.primary:hover { background: #075a62; }
.secondary { background: transparent; color: #075a62; }
.secondary:hover { background: #e9f4f3; }
button:focus-visible, a:focus-visible { outline: 3px solid #f2b233; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .nudge { background: #17252a; color: #e8f0f1; border-color: #3c5157; border-top-color: #5cc4c9; }
  .intro, .excerpt, .suggestion, .more { color: #c5d3d6; }
  .support { background: #1f363b; }
  mark { background: #6b5417; color: #fff6df; }
  a, .secondary { color: #8fdde0; }
  .primary { background: #5cc4c9; border-color: #5cc4c9; color: #0d1b1e; }
  .primary:hover { background: #8fdde0; }
  .secondary { border-color: #5cc4c9; }
  .secondary:hover { background: #1f363b; }
}
@media (prefers-reduced-motion: no-preference) {
  .nudge { animation: second-thought-in 120ms ease-out; }
  @keyframes second-thought-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
`;
