import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameFormSet } from '../../lib/names/name-parts';
import { hashNameForm } from '../../lib/names/roster-hash';
import { MANAGED_SCHEMA, schemaProblems, type ChromeSchema } from '../../settings/admin-settings';
import { EXTENSION_PUBLIC_KEY, GECKO_ID } from '../../wxt.config';
import { CHROME_EXTENSION_ID, extensionIdFromPublicKey, GECKO_EXTENSION_ID } from '../../settings/extension-ids';
import { readPlist, readRegFile } from '../../settings/read-policy-files';
import { run } from '../../scripts/policy';

const exec = promisify(execFile);
const ID = CHROME_EXTENSION_ID;

// Tricky on purpose: BOM, CRLF, quoted commas, an escaped quote, accents, a
// line break inside a quoted field (so later line numbers shift), bad rows.
const PUPILS = ['Tamsin Okoro', 'Zoë Wiśniewska', 'Declan O’Sullivan-Reyes', 'Priya Venkataraman', 'Bartholomew Quigley'];
const ROSTER_CSV =
  '\uFEFFUPN,Forename,Surname,Notes\r\n' +
  'A1,Tamsin,Okoro,\r\n' +
  'A2,"Zoë","Wiśniewska","likes ""art"", music"\r\n' +
  'A3,Declan,O’Sullivan-Reyes,"two\r\nlines"\r\n' +
  'A4,Priya,,\r\n' +
  'A5,Priya,Venkataraman,\r\n' +
  'A6,9C,Quigley,\r\n' +
  'A7,Bartholomew,Quigley,\r\n';

let dir: string;
let out: string;
let logs: string[];
let warnings: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-tool-'));
  out = join(dir, 'out');
  await writeFile(join(dir, 'roster.csv'), ROSTER_CSV);
  await writeFile(join(dir, 'staff.csv'), 'Title,Forename,Surname\nMr,Daniel,Okafor\nMrs,Aisha,Khan\n');
  await writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({
      categories: { bullying: { pupil: 'block', staff: 'nudge' }, profanity: { pupil: 'off' } },
      policySectionAnchors: { 'objective-1': 'section-1', 'strategy-4': 'https://school.example/policy#reporting' },
    }),
  );
  logs = [];
  warnings = [];
  await run(
    [
      '--roster', join(dir, 'roster.csv'),
      '--school', 'St Mary’s & St John “Priory” Academy',
      '--alias', 'SMSJ',
      '--staff', join(dir, 'staff.csv'),
      '--site', 'https://Forum.example.org:8443/threads',
      '--policy-url', 'https://school.example/policy',
      '--report-email', 'safeguarding@school.example',
      '--contact', 'Mrs Khan, Designated Safeguarding Lead, room B12',
      '--language', 'cy',
      '--lock',
      '--settings', join(dir, 'settings.json'),
      '--out', out,
    ],
    (line) => logs.push(line),
    (line) => warnings.push(line),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function everyFileAsSettings(): Promise<Record<string, Record<string, unknown>>> {
  const text = (name: string) => readFile(join(out, name), 'utf8');
  const linux = JSON.parse(await text('chrome-linux.json'));
  const console = JSON.parse(await text('google-admin-console.json'));
  const firefox = JSON.parse(await text('firefox-policies.json'));
  const mac = (payload: unknown) => {
    const { PayloadDisplayName, PayloadIdentifier, PayloadType, PayloadUUID, PayloadVersion, ...settings } = payload as Record<string, unknown>;
    void [PayloadDisplayName, PayloadIdentifier, PayloadUUID, PayloadVersion];
    return { type: PayloadType, settings };
  };
  const macChrome = readPlist(await text('macos-chrome.mobileconfig')) as { PayloadContent: unknown[]; PayloadType: string };
  const macEdge = readPlist(await text('macos-edge.mobileconfig')) as { PayloadContent: unknown[] };
  expect(macChrome.PayloadType).toBe('Configuration');
  expect(mac(macChrome.PayloadContent[0]).type).toBe(`com.google.Chrome.extensions.${ID}`);
  expect(mac(macEdge.PayloadContent[0]).type).toBe(`com.microsoft.Edge.extensions.${ID}`);
  return {
    'chrome-linux.json': linux['3rdparty'].extensions[ID],
    'google-admin-console.json': Object.fromEntries(
      Object.entries(console as Record<string, { Value: unknown }>).map(([key, wrapped]) => {
        expect(Object.keys(wrapped)).toEqual(['Value']);
        return [key, wrapped.Value];
      }),
    ),
    'windows-chrome.reg': readRegFile(
      await readFile(join(out, 'windows-chrome.reg')),
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`,
    ),
    'windows-edge.reg': readRegFile(
      await readFile(join(out, 'windows-edge.reg')),
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ID}\\policy`,
    ),
    'macos-chrome.mobileconfig': mac(macChrome.PayloadContent[0]).settings,
    'macos-edge.mobileconfig': mac(macEdge.PayloadContent[0]).settings,
    'firefox-policies.json': firefox.policies['3rdparty'].Extensions[GECKO_EXTENSION_ID],
  };
}

describe('the admin tool', () => {
  it('says which columns it used and reports bad rows by line number, carrying on with the rest', () => {
    expect(logs[0]).toBe('Read 5 pupils from ' + join(dir, 'roster.csv') + ', using the columns “Forename” + “Surname”.');
    expect(logs[1]).toBe('The roster holds 5 names in all.');
    expect(warnings).toEqual([
      `${join(dir, 'roster.csv')} line 6: the surname is empty; skipped that row.`,
      `${join(dir, 'roster.csv')} line 8: the first name has digits or symbols, so it does not look like a name; skipped that row.`,
    ]);
  });

  it('writes every file, each passing the managed schema strictly and all holding the same settings', async () => {
    const files = await everyFileAsSettings();
    const reference = files['chrome-linux.json'];
    expect(Object.keys(reference)).toEqual([
      'schoolNames', 'staffNames', 'role', 'extraSites', 'hashedRoster', 'policyUrl', 'policySectionAnchors',
      'reportEmail', 'supportContacts', 'categories', 'lockSettings', 'language',
    ]);
    for (const [name, settings] of Object.entries(files)) {
      expect(schemaProblems(MANAGED_SCHEMA, settings, name, true), name).toEqual([]);
      expect(settings, name).toEqual(reference);
    }
    expect(reference.schoolNames).toEqual(['St Mary’s & St John “Priory” Academy', 'SMSJ']);
    expect(reference.staffNames).toEqual(['Mr Okafor', 'Daniel Okafor', 'Mrs Khan', 'Aisha Khan']);
    expect(reference.extraSites).toEqual(['forum.example.org']);
    expect(reference.lockSettings).toBe(true);
    expect(reference.language).toBe('cy');
  });

  it('writes a roster the engine can match: every form of every good row, as pairs, hashed under the school key and cut short', async () => {
    const { hashedRoster: roster } = (await everyFileAsSettings())['chrome-linux.json'] as {
      hashedRoster: { version: number; pupils: number; key: string; firstNames: string[]; fullNames: string[]; firstInitials: string[]; surnames?: string[] };
    };
    expect(roster.version).toBe(2);
    expect(roster.pupils).toBe(PUPILS.length);
    expect(roster.surnames).toBeUndefined();
    const hashed = (form: string, list: string[]) => hashNameForm(roster.key, form, list[0].length);
    for (const pupil of PUPILS) {
      const forms = nameFormSet(pupil);
      for (const form of forms.firstNames) expect(roster.firstNames).toContain(hashed(form, roster.firstNames));
      for (const form of forms.fullNames) expect(roster.fullNames).toContain(hashed(form, roster.fullNames));
      for (const form of forms.firstInitials) expect(roster.firstInitials).toContain(hashed(form, roster.firstInitials));
    }
    // O’Sullivan-Reyes may also be written "Declan Reyes" or "Declan O'Sullivan".
    expect(roster.fullNames).toContain(hashed('declan reyes', roster.fullNames));
    expect(roster.fullNames).toContain(hashed('declan osullivan', roster.fullNames));
    expect(roster.fullNames).toHaveLength(PUPILS.length + 2);
  });

  it('never writes a pupil’s name in plaintext, in any file, in any case or spelling', async () => {
    const texts = await Promise.all(
      ['chrome-linux.json', 'google-admin-console.json', 'macos-chrome.mobileconfig', 'macos-edge.mobileconfig', 'firefox-policies.json'].map((name) =>
        readFile(join(out, name), 'utf8'),
      ),
    );
    for (const name of ['windows-chrome.reg', 'windows-edge.reg']) texts.push((await readFile(join(out, name))).subarray(2).toString('utf16le'));
    const everything = texts.join('\n').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    // Words from the bad rows count too: a skipped pupil is still a pupil.
    const words = [...PUPILS, 'Priya', '9C'].flatMap((pupil) => [pupil, ...pupil.split(/[\s’'-]+/)]);
    for (const word of words) {
      const plain = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      // Hashes are base64url, so a short name can turn up inside one by chance; only whole words count.
      const asWord = new RegExp(`(?<![A-Za-z0-9_+/-])${plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_+/=-])`, 'i');
      expect(everything, word).not.toMatch(asWord);
    }
    expect(logs.join('\n') + warnings.join('\n')).not.toMatch(/Tamsin|Okoro|Priya|Quigley/);
  });

  it('names the same extension as wxt.config.ts', () => {
    expect(extensionIdFromPublicKey(EXTENSION_PUBLIC_KEY)).toBe(CHROME_EXTENSION_ID);
    expect(GECKO_EXTENSION_ID).toBe(GECKO_ID);
  });
});

describe('the admin tool’s report on a messy roster', () => {
  it('reports pupils, preferred names and duplicates separately, names duplicate rows, and lists rows it can only partly match', async () => {
    const csv = [
      'Forename,Preferred forename,Surname,Year',
      'Alexander,Sasha,Petrov,7',
      'Mohammed,,Khan,7',
      'Mohammed,,Khan,8',
      'Thi,,Nguyen,8',
      'J,,Smith,8',
      'Siobhán,,Ní Bhriain,8',
    ].join('\n');
    await writeFile(join(dir, 'messy.csv'), csv);
    const said: string[] = [];
    const warned: string[] = [];
    const target = join(dir, 'messy-out');
    const result = await run(['--roster', join(dir, 'messy.csv'), '--school', 'Oakfield', '--out', target], (line) => said.push(line), (line) => warned.push(line));
    expect(result.pupils).toBe(6);
    expect(said.slice(0, 4)).toEqual([
      `Read 6 pupils from ${join(dir, 'messy.csv')}, using the columns “Forename” + “Preferred forename” + “Surname”.`,
      '1 preferred first name differs from the legal one and is matched as well.',
      '1 row has the same name as an earlier row: line 4 (same as line 3). Each name is kept once and matches every pupil who has it; check for a repeated row if these should be different pupils.',
      'The roster holds 6 names in all.',
    ]);
    expect(warned).toEqual([
      expect.stringMatching(new RegExp(`^${join(dir, 'messy.csv')} line 5: the first name cannot stand on its own .*; kept that row\\.$`)),
      expect.stringMatching(/ line 6: the first name is a single letter, .*; kept that row\.$/),
    ]);
    expect(said.join('\n') + warned.join('\n')).not.toMatch(/Khan|Nguyen|Smith|Petrov|Siobh/);
  });

  it('writes a roster per group with --split-by, each with its own key and only that group’s pupils, plus the whole school', async () => {
    const target = join(dir, 'split-out');
    const said: string[] = [];
    await run(['--roster', join(dir, 'messy.csv'), '--school', 'Oakfield', '--split-by', 'year', '--out', target], (line) => said.push(line), () => {});
    const rosterIn = async (folder: string) => JSON.parse(await readFile(join(target, folder, 'chrome-linux.json'), 'utf8'))['3rdparty'].extensions[ID].hashedRoster;
    const [whole, year7, year8] = await Promise.all([rosterIn('whole-school'), rosterIn('year-7'), rosterIn('year-8')]);
    expect(whole.pupils).toBe(6);
    expect(year7.pupils).toBe(3); // Alexander, Sasha, Mohammed
    expect(year8.pupils).toBe(4); // Mohammed, Thi, J, Siobhán
    expect(new Set([whole.key, year7.key, year8.key]).size).toBe(3);
    const has = (roster: { key: string; fullNames: string[] }, pair: string) => roster.fullNames.includes(hashNameForm(roster.key, pair, roster.fullNames[0].length));
    expect(has(year7, 'sasha petrov')).toBe(true);
    expect(has(year8, 'sasha petrov')).toBe(false);
    expect(has(year8, 'siobhan nibhriain')).toBe(true);
    expect(said).toContain(`Wrote 7 files for Year “7” (3 names) to ${join(target, 'year-7')}.`);
    for (const file of ['google-admin-console.json', 'windows-chrome.reg', 'firefox-policies.json']) await expect(readFile(join(target, 'year-8', file))).resolves.toBeTruthy();
  });

  it('stops with a clear line when the --split-by column is not there', async () => {
    await expect(run(['--roster', join(dir, 'messy.csv'), '--school', 'Oakfield', '--split-by', 'House', '--out', join(dir, 'z')], () => {}, () => {})).rejects.toThrow(
      /has no column called “House” to split the roster by \(found: “Forename”, “Preferred forename”, “Surname”, “Year”\)/,
    );
  });
});

describe('the admin tool’s mistakes and refusals', () => {
  const tool = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'scripts/policy.ts', ...args]);
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('stops with one clear line for an empty roster, an unknown option and a folder it cannot write', async () => {
    await writeFile(join(dir, 'empty.csv'), '\uFEFFForename,Surname\r\n');
    const [empty, unknown, unwritable] = await Promise.all([
      tool('--roster', join(dir, 'empty.csv'), '--school', 'Oakfield', '--out', join(dir, 'x')),
      tool('--roster', join(dir, 'roster.csv'), '--school', 'Oakfield', '--colour', 'blue', '--out', join(dir, 'x')),
      tool('--roster', join(dir, 'roster.csv'), '--school', 'Oakfield', '--out', join(dir, 'roster.csv', 'inside')),
    ]);
    expect(empty).toMatchObject({ status: 1, stderr: `policy: The roster ${join(dir, 'empty.csv')} has no pupils in it.\n` });
    expect(unknown).toMatchObject({ status: 2, stderr: 'policy: Unknown option --colour. Run with --help to see the options.\n', stdout: '' });
    expect(unwritable).toMatchObject({ status: 1, stderr: `policy: Cannot write to ${join(dir, 'roster.csv', 'inside')}: a file is in the way.\n` });
    const welsh = await tool('--roster', join(dir, 'roster.csv'), '--school', 'Oakfield', '--language', 'welsh', '--out', join(dir, 'x'));
    expect(welsh).toMatchObject({ status: 2, stderr: 'policy: --language should be cy (Welsh), en_GB (English) or browser, not "welsh".\n' });
  }, 30_000);

  it('refuses plaintext pupil names, unknown settings and values Chrome would drop, writing nothing', async () => {
    const attempt = async (settings: unknown) => {
      await writeFile(join(dir, 'bad.json'), JSON.stringify(settings));
      const target = join(dir, 'never');
      await expect(run(['--roster', join(dir, 'roster.csv'), '--school', 'Oakfield', '--settings', join(dir, 'bad.json'), '--out', target], () => {}, () => {})).rejects.toThrow();
      await expect(readFile(join(target, 'chrome-linux.json'))).rejects.toThrow(/ENOENT/);
    };
    await attempt({ pupilNames: ['Tamsin Okoro'] });
    await attempt({ colour: 'blue' });
    await attempt({ categories: { bullying: { pupil: 'shout' } } });
    await expect(run(['--roster', join(dir, 'roster.csv'), '--school', 'Oakfield', '--site', 'not a host', '--out', join(dir, 'y')], () => {}, () => {})).rejects.toThrow(
      '--site "not a host" is not a site\'s host name (e.g. forum.example.org).',
    );
  });
});

describe('docs/admin.md', () => {
  it('describes every setting in the schema and names both extension IDs', async () => {
    const docs = await readFile('docs/admin.md', 'utf8');
    for (const key of Object.keys(MANAGED_SCHEMA.properties)) expect(docs, key).toContain(`\`${key}\``);
    expect(docs).toContain(CHROME_EXTENSION_ID);
    expect(docs).toContain(GECKO_EXTENSION_ID);
  });
});

describe('the managed schema', () => {
  // Chrome refuses to load an extension whose schema uses anything else (components/policy/core/common/schema.cc).
  const ALLOWED = new Set(['type', 'title', 'description', 'properties', 'patternProperties', 'additionalProperties', 'required', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'id', '$ref']);
  function lint(schema: ChromeSchema, path: string): string[] {
    const problems = Object.keys(schema).filter((key) => !ALLOWED.has(key)).map((key) => `${path}: ${key} is not allowed`);
    if (schema.type === 'array' && !schema.items) problems.push(`${path}: an array needs items`);
    if (schema.pattern) new RegExp(schema.pattern);
    for (const [name, child] of Object.entries(schema.properties ?? {})) problems.push(...lint(child, `${path}.${name}`));
    if (schema.items) problems.push(...lint(schema.items, `${path}[]`));
    return problems;
  }

  it('uses only what Chrome accepts', () => {
    expect(MANAGED_SCHEMA.type).toBe('object');
    expect(lint(MANAGED_SCHEMA, 'schema')).toEqual([]);
  });

  it('keeps array items plain strings, so one odd item cannot take a whole object with it', () => {
    const arrays: string[] = [];
    const walk = (schema: ChromeSchema, path: string) => {
      if (schema.type === 'array') arrays.push(`${path}:${schema.items!.type}`);
      for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, `${path}.${name}`);
    };
    walk(MANAGED_SCHEMA, '');
    expect(arrays.every((entry) => entry.endsWith(':string'))).toBe(true);
  });
});
