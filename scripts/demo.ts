// `npm run demo`: builds the extension, serves the fixture pages on their real
// hostnames, and opens Chromium with the extension and the test school's
// managed settings.
//   With a display ($DISPLAY set): a visible browser with a tab per site, to try by hand.
//   Without one: writes a harmful post on every page, and saves a screenshot of
//   each nudge to test-results/demo/, then prints what happened.
// Flags: --no-build (use the existing .output/chrome-mv3-school), --headless (even with a display).
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GENERIC_PAGES, SITE_PAGES, pageUrl } from '../tests/browser/fixtures/catalogue';
import { nudge, nudgeOrPost, openFixture, send, typeIntoComposer } from '../tests/browser/harness/driver';
import { TEST_SETTINGS, startSession } from '../tests/browser/harness/session';

const HARMFUL_POST = 'kys you ugly loser';
const OUT_DIR = resolve('test-results/demo');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const headless = args.includes('--headless') || !process.env.DISPLAY;
  if (!args.includes('--no-build')) {
    // The test school's own build: its sites (*.school-example.org) are in the
    // manifest, so they are checked without anyone allowing them first.
    console.log('Building the extension (npm run build:browser-test)…');
    execFileSync('npm', ['run', '--silent', 'build:browser-test'], { stdio: 'inherit' });
  }

  const session = await startSession({
    withExtension: true,
    settings: TEST_SETTINGS,
    headless,
  });
  const stop = async () => {
    await session.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const pages = [...SITE_PAGES, ...GENERIC_PAGES];
  if (!headless) {
    for (const [index, fixture] of pages.entries()) {
      const tab = index === 0 ? session.page : await session.context.newPage();
      await tab.goto(pageUrl(fixture));
    }
    console.log(`Chromium is open with a tab per fixture site (${pages.length}).`);
    console.log(`Try writing "${HARMFUL_POST}", or a pupil's name (${TEST_SETTINGS.pupilNames?.join(', ')}), and sending.`);
    console.log('Close the browser window or press Ctrl+C to finish.');
    await new Promise<void>((done) => session.context.once('close', () => done()));
    await session.close();
    return;
  }

  await mkdir(OUT_DIR, { recursive: true });
  const { page } = session;
  const results: { page: string; outcome: string }[] = [];
  for (const fixture of pages) {
    let outcome: string;
    try {
      await openFixture(page, fixture);
      await typeIntoComposer(page, fixture, HARMFUL_POST);
      await send(page, fixture, fixture.sends[0]);
      const result = await nudgeOrPost(page);
      if (result === 'nudge') {
        await nudge(page, fixture).waitFor({ state: 'visible' });
        const file = resolve(OUT_DIR, `${fixture.id}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        outcome = `nudge → ${file}`;
      } else {
        outcome = 'NO NUDGE: the page posted it';
      }
    } catch (error) {
      outcome = `error: ${(error as Error).message.split('\n')[0]}`;
    }
    results.push({ page: `${fixture.id} (${fixture.host})`, outcome });
    console.log(`${fixture.id.padEnd(22)} ${outcome}`);
  }
  await session.close();
  const nudged = results.filter((result) => result.outcome.startsWith('nudge')).length;
  console.log(`\n${nudged} of ${results.length} pages showed a nudge. Screenshots are in ${OUT_DIR}`);
  process.exitCode = nudged === results.length ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
