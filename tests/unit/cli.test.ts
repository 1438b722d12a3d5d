// The check CLI, run as a person or a script would run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'st-cli-'));
const configFile = path.join(dir, 'config.json');
fs.writeFileSync(
  configFile,
  JSON.stringify({
    schoolNames: ['St Aldhelm’s Community School', 'SACS'],
    pupilNames: ['Tamsin Okoro', 'Will Porter'],
    staffNames: ['Mr Okafor'],
    role: 'pupil',
  }),
);

function run(args: string[], input?: string) {
  const result = spawnSync(tsx, ['scripts/check.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 170_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts a fresh Node process that loads the engine (seconds on a busy
// machine), so these get a longer limit than the in-process tests.
describe('npm run check', { timeout: 60_000 }, () => {
  it('prints readable findings for TEXT', () => {
    const { status, stdout } = run(['--config', configFile, '--role', 'pupil', 'Tamsin Okoro was brilliant', 'I will be there']);
    expect(status).toBe(0);
    expect(stdout).toContain('Names a pupil');
    expect(stdout).toContain('“Tamsin Okoro”');
    expect(stdout).toContain('objective-1');
    expect(stdout).toContain('Nothing to flag.');
  });

  it('answers JSON Lines in order, skipping a malformed line with its line number and exit status 1', () => {
    const input = ['{"id":"a","text":"Will P is off sick"}', '{"id":"b", oops', '{"id":"c","text":"all fine here","role":"staff"}', '{"id":"d"}'].join('\n');
    const { status, stdout, stderr } = run(['--config', configFile], input);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'c']);
    expect(lines[0].findings[0]).toMatchObject({ category: 'pupil-name', match: 'Will P', start: 0, end: 6 });
    expect(lines[1].findings).toEqual([]);
    expect(stderr).toMatch(/line 2: not valid JSON/);
    expect(stderr).toMatch(/line 4: needs an object with "text"/);
  });

  it('exits 2 with one line naming a missing config file, and no stack trace', () => {
    const { status, stderr } = run(['--config', path.join(dir, 'nope.json'), 'hello']);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('nope.json: no such file');
  });

  it('exits 2 naming the field of an invalid config', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ schoolNames: 'SACS', role: 'pupil' }));
    const { status, stderr } = run(['--config', bad, 'hello']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe(`${bad}: schoolNames: should be a list of names`);
  });

  it('exits 2 for malformed JSON in the config', () => {
    const bad = path.join(dir, 'broken.json');
    fs.writeFileSync(bad, '{"schoolNames": [');
    const { status, stderr } = run(['--config', bad, 'hello']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('answers a 1 MB post of mixed Unicode, with offsets into the original', () => {
    const pieces = ['Tamsin Okoro 😂 ', '\u200f\u200b', 'ѕtupid l0ser ', 'مرحبا بالعالم ', 'k.y.s ', '🏳️‍🌈 ', 'SACS ', 'see you after school ', 'a'.repeat(40), ' \u202e', 'ordinary words here. '];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += pieces[i % pieces.length];
    // Tests do not time things: npm run bench:adversarial measures how long this takes.
    // The limits below only stop a runaway check, far above its time on a busy machine.
    const { status, stdout } = run(['--config', configFile], JSON.stringify({ id: 'big', text }));
    expect(status).toBe(0);
    const [answer] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answer.id).toBe('big');
    expect(answer.findings.length).toBeGreaterThan(0);
    for (const f of answer.findings.slice(0, 50)) expect(text.slice(f.start, f.end)).toBe(f.match);
  }, 180_000);
});
