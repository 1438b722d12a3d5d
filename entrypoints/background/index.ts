export default defineBackground(() => {
  // Filled in by the nudge work: the engine runs here, away from page start-up.
});
