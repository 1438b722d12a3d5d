// The admin tool: turns a school's roster export into managed-policy files for
// every browser and device manager, with pupils' names only ever as keyed hashes.
//
//   npm run --silent policy -- --roster pupils.csv --school "Oakfield Priory Academy" \
//     --alias "Oakfield" --alias "OPA" --staff staff.csv --out policy/
//
// See docs/admin.md for where each file goes.

import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashRoster } from '../lib/names/roster-hash';
import { LANGUAGE_CHOICES, MANAGED_SCHEMA, normaliseHost, policyLimitProblems, schemaProblems, type AdminSettingKey, type LanguageChoice } from '../settings/admin-settings';
import { CsvError } from '../settings/csv';
import { DEFAULT_IDS, EXTENSION_ID_PATTERN } from '../settings/extension-ids';
import {
  chromeLinuxPolicy,
  encodeRegFile,
  firefoxPolicies,
  googleAdminConsolePolicy,
  macConfigurationProfile,
  orderedSettings,
  windowsRegFile,
  type ExtensionIds,
  type ManagedSettings,
} from '../settings/policy-formats';
import { pupilNamesFromCsv, RosterError, staffNamesFromCsv, type RowProblem } from '../settings/roster-csv';

const USAGE = `Usage: npm run --silent policy -- --roster FILE.csv --school "Name" --out DIR [options]

  --roster FILE.csv     pupils: columns Forename + Surname, or Full name (required)
  --split-by COLUMN     also write one set of files per value of COLUMN (e.g. "Year"),
                        each with only that group's pupils, for one organisational unit each
  --school "Name"       the school's full name (required)
  --alias "Short"       another name people use for the school (repeat for each)
  --staff FILE.csv      staff: columns Title + Surname (+ Forename), or Name
  --role pupil|staff    who uses these browsers (default: pupil)
  --site host           a further site to check, e.g. forum.example.org (repeat)
  --disable-site host   a built-in site to leave alone (repeat)
  --policy-url URL      the school's copy of its social media policy (https)
  --report-url URL      where to report a worry (https)
  --report-email EMAIL  who to email about a worry
  --contact "Text"      someone to talk to, one line each (repeat)
  --language cy|en_GB|browser
                        the language Second Thought speaks: cy for Welsh, en_GB for
                        English (default: the browser's own language)
  --lock                stop people changing any setting
  --settings FILE.json  further settings (categories, policySectionAnchors…) as JSON
  --chrome-id ID        the Chrome Web Store ID, if installed from there
  --edge-id ID          the Edge Add-ons ID, if installed from there
  --out DIR             where to write the policy files (required)`;

/** A problem that stops the tool: printed as one line, exit status 1 (2 for a usage mistake). */
class Stop extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        roster: { type: 'string' },
        'split-by': { type: 'string' },
        school: { type: 'string' },
        alias: { type: 'string', multiple: true, default: [] },
        staff: { type: 'string' },
        role: { type: 'string', default: 'pupil' },
        site: { type: 'string', multiple: true, default: [] },
        'disable-site': { type: 'string', multiple: true, default: [] },
        'policy-url': { type: 'string' },
        'report-url': { type: 'string' },
        'report-email': { type: 'string' },
        contact: { type: 'string', multiple: true, default: [] },
        language: { type: 'string' },
        lock: { type: 'boolean', default: false },
        settings: { type: 'string' },
        'chrome-id': { type: 'string' },
        'edge-id': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    // Node's messages are long and mention internals; keep the part a person needs.
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new Stop(`Unknown option ${unknown[1]}. Run with --help to see the options.`, 2);
    const missingValue = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missingValue) throw new Stop(`${missingValue[1]} needs a value after it.`, 2);
    throw new Stop(`${message.split('\n')[0]} Run with --help to see the options.`, 2);
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Stop(`Cannot read the ${what} ${path}: ${why}.`);
  }
}

function hosts(inputs: string[], option: string): string[] {
  return inputs.map((input) => {
    const host = normaliseHost(input);
    if (!host) throw new Stop(`${option} ${JSON.stringify(input)} is not a site's host name (e.g. forum.example.org).`, 2);
    return host;
  });
}

async function extraSettings(path: string | undefined): Promise<ManagedSettings> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(path, 'settings file'));
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop(`The settings file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Stop(`The settings file ${path} should hold one JSON object, e.g. {"categories": {…}}.`);
  }
  if ('pupilNames' in parsed) {
    throw new Stop(`The settings file ${path} has pupilNames: pupils' names must not go into policy in plaintext. Give the roster with --roster instead.`);
  }
  if ('hashedRoster' in parsed) throw new Stop(`The settings file ${path} has a hashedRoster: give the roster with --roster instead.`);
  for (const key of Object.keys(parsed)) {
    if (!(key in MANAGED_SCHEMA.properties)) throw new Stop(`The settings file ${path} has "${key}", which is not a setting. Settings: ${Object.keys(MANAGED_SCHEMA.properties).join(', ')}.`);
  }
  return parsed as ManagedSettings;
}

function cannotWrite(error: unknown, folder: string): Stop {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a file is in the way'
        : (error as Error).message;
  return new Stop(`Cannot write to ${folder}: ${why}.`);
}

async function writableFolder(path: string, label: string) {
  try {
    await mkdir(path, { recursive: true });
    await access(path, constants.W_OK);
  } catch (error) {
    throw cannotWrite(error, label);
  }
}

function reportRows(file: string, problems: RowProblem[], log: (line: string) => void) {
  for (const { line, problem } of problems) log(`${file} line ${line}: ${problem}; skipped that row.`);
}

/** Rows kept with something to check, grouped by what it is, so a long roster gives a short report. */
function reportNotes(file: string, notes: RowProblem[], log: (line: string) => void) {
  const byProblem = new Map<string, number[]>();
  for (const { line, problem } of notes) byProblem.set(problem, [...(byProblem.get(problem) ?? []), line]);
  for (const [problem, lines] of byProblem) {
    const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${listLines(lines)}`;
    log(`${file} ${where}: ${problem}; kept ${lines.length === 1 ? 'that row' : 'those rows'}.`);
  }
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 20).join(', ');
  return lines.length > 20 ? `${shown} and ${lines.length - 20} more` : shown;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Year 7" → "year-7": a folder name for one group's files. */
function folderFor(group: string): string {
  return (
    group
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'group'
  );
}

export interface RunResult {
  files: string[];
  pupils: number;
}

export async function run(argv: string[], log: (line: string) => void = console.log, warn: (line: string) => void = console.error): Promise<RunResult> {
  const options = parseCommandLine(argv);
  if (options.help) {
    log(USAGE);
    return { files: [], pupils: 0 };
  }
  if (!options.roster) throw new Stop('Give the pupils’ CSV file with --roster FILE.csv (run with --help for all options).', 2);
  if (!options.school?.trim()) throw new Stop('Give the school’s name with --school "Name".', 2);
  if (!options.out) throw new Stop('Give a folder for the policy files with --out DIR.', 2);
  if (options.role !== 'pupil' && options.role !== 'staff') throw new Stop(`--role should be pupil or staff, not ${JSON.stringify(options.role)}.`, 2);
  if (options.language !== undefined && !LANGUAGE_CHOICES.includes(options.language as LanguageChoice)) {
    throw new Stop(`--language should be cy (Welsh), en_GB (English) or browser, not ${JSON.stringify(options.language)}.`, 2);
  }
  const ids: ExtensionIds = { ...DEFAULT_IDS };
  for (const [option, browser] of [['chrome-id', 'chrome'], ['edge-id', 'edge']] as const) {
    const id = options[option];
    if (id === undefined) continue;
    if (!EXTENSION_ID_PATTERN.test(id)) throw new Stop(`--${option} should be 32 letters a to p, as the store shows it.`, 2);
    ids[browser] = id;
  }

  const fromFile = await extraSettings(options.settings);
  // Find out now, before a long roster is read and its warnings printed.
  const outDir = resolve(options.out);
  await writableFolder(outDir, options.out);

  let pupils;
  try {
    pupils = pupilNamesFromCsv(await readText(options.roster, 'roster'), `The roster ${options.roster}`, { groupBy: options['split-by'] });
  } catch (error) {
    if (error instanceof RosterError || error instanceof CsvError) throw new Stop(`${options.roster}: ${error.message}`);
    throw error;
  }
  reportRows(options.roster, pupils.problems, warn);
  reportNotes(options.roster, pupils.notes, warn);
  if (pupils.names.length === 0) {
    throw new Stop(`The roster ${options.roster} has no pupils in it${pupils.problems.length ? ` (all ${pupils.problems.length} rows were skipped)` : ''}.`);
  }
  log(`Read ${plural(pupils.pupils, 'pupil', 'pupils')} from ${options.roster}, using the columns ${pupils.columnsUsed}.`);
  if (pupils.preferredNames > 0) {
    log(`${plural(pupils.preferredNames, 'preferred first name differs', 'preferred first names differ')} from the legal one and ${pupils.preferredNames === 1 ? 'is' : 'are'} matched as well.`);
  }
  if (pupils.duplicates.length > 0) {
    const rows = pupils.duplicates.map(({ line, sameAs }) => `line ${line} (same as line ${sameAs})`);
    log(
      `${plural(pupils.duplicates.length, 'row has', 'rows have')} the same name as an earlier row: ${rows.slice(0, 20).join(', ')}${rows.length > 20 ? ` and ${rows.length - 20} more` : ''}. ` +
        'Each name is kept once and matches every pupil who has it; check for a repeated row if these should be different pupils.',
    );
  }
  log(`The roster holds ${plural(pupils.names.length, 'name', 'names')} in all.`);

  let staffNames = fromFile.staffNames ?? [];
  if (options.staff) {
    let staff;
    try {
      staff = staffNamesFromCsv(await readText(options.staff, 'staff list'), `The staff list ${options.staff}`);
    } catch (error) {
      if (error instanceof RosterError || error instanceof CsvError) throw new Stop(`${options.staff}: ${error.message}`);
      throw error;
    }
    reportRows(options.staff, staff.problems, warn);
    log(`Read ${staff.names.length} staff names from ${options.staff}, using the columns ${staff.columnsUsed}.`);
    staffNames = [...new Set([...staffNames, ...staff.names])];
  }

  const set = <K extends AdminSettingKey>(settings: ManagedSettings, key: K, value: ManagedSettings[K] | undefined) => {
    if (value !== undefined) settings[key] = value;
  };
  const settings: ManagedSettings = { ...fromFile };
  set(settings, 'schoolNames', [...new Set([options.school.trim(), ...options.alias.map((alias) => alias.trim()).filter(Boolean), ...(fromFile.schoolNames ?? [])])]);
  set(settings, 'staffNames', staffNames.length ? staffNames : undefined);
  set(settings, 'role', options.role);
  const extraSites = [...(fromFile.extraSites ?? []), ...hosts(options.site, '--site')];
  const disabledSites = [...(fromFile.disabledSites ?? []), ...hosts(options['disable-site'], '--disable-site')];
  set(settings, 'extraSites', extraSites.length ? [...new Set(extraSites)] : undefined);
  set(settings, 'disabledSites', disabledSites.length ? [...new Set(disabledSites)] : undefined);
  set(settings, 'policyUrl', options['policy-url']);
  set(settings, 'reportUrl', options['report-url']);
  set(settings, 'reportEmail', options['report-email']);
  if (options.contact.length) set(settings, 'supportContacts', [...(fromFile.supportContacts ?? []), ...options.contact]);
  set(settings, 'language', options.language as LanguageChoice | undefined);
  if (options.lock) set(settings, 'lockSettings', true);

  // One folder of files for the whole school, and with --split-by one more per group, each with its own key:
  // a Year 7 device then holds only Year 7's names.
  const targets: Array<{ folder: string; label: string; names: string[] }> = [{ folder: '', label: 'the whole school', names: pupils.names }];
  if (pupils.groups) {
    targets[0].folder = 'whole-school';
    for (const [group, names] of [...pupils.groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      // A bare number ("9") is named with its column ("year-9"), so the folder says what it is.
      const folder = folderFor(/^\d+$/.test(group) ? `${pupils.groupColumn} ${group}` : group);
      const same = targets.find((target) => target.folder === folder);
      if (same) same.names = [...new Set([...same.names, ...names])];
      else targets.push({ folder, label: `${pupils.groupColumn} “${group}”`, names });
    }
  }

  const school = options.school.trim();
  const planned = targets.map((target) => {
    const withRoster: ManagedSettings = { ...settings };
    set(withRoster, 'hashedRoster', hashRoster(target.names));
    // Chrome drops a whole setting that fails its schema without a word, so refuse here instead.
    // The same goes for what the extension drops itself: lists over their limit,
    // school names that would flag ordinary posts, wildcards on public suffixes.
    const problems = [...schemaProblems(MANAGED_SCHEMA, withRoster, 'settings', true), ...policyLimitProblems(withRoster)];
    if (problems.length > 0) throw new Stop(`${problems[0].replace(/^settings\./, '')}; nothing was written.`);
    const ordered = orderedSettings(withRoster);
    const outputs: [string, string | Buffer][] = [
      ['chrome-linux.json', chromeLinuxPolicy(ordered, ids)],
      ['google-admin-console.json', googleAdminConsolePolicy(ordered)],
      ['windows-chrome.reg', encodeRegFile(windowsRegFile(ordered, ids, 'chrome'))],
      ['windows-edge.reg', encodeRegFile(windowsRegFile(ordered, ids, 'edge'))],
      ['macos-chrome.mobileconfig', macConfigurationProfile(ordered, ids, 'chrome', school)],
      ['macos-edge.mobileconfig', macConfigurationProfile(ordered, ids, 'edge', school)],
      ['firefox-policies.json', firefoxPolicies(ordered, ids)],
    ];
    return { ...target, outputs };
  });

  const written: string[] = [];
  for (const target of planned) {
    const folder = join(outDir, target.folder);
    const shownFolder = target.folder ? join(options.out, target.folder) : options.out;
    try {
      await mkdir(folder, { recursive: true });
      for (const [name, content] of target.outputs) {
        await writeFile(join(folder, name), content);
        written.push(join(folder, name));
      }
    } catch (error) {
      throw cannotWrite(error, shownFolder);
    }
    if (pupils.groups) log(`Wrote ${target.outputs.length} files for ${target.label} (${plural(target.names.length, 'name', 'names')}) to ${shownFolder}.`);
    else log(`Wrote ${target.outputs.length} files to ${shownFolder}: ${target.outputs.map(([name]) => name).join(', ')}.`);
  }
  log('Pupils’ names appear in them only as keyed hashes. See docs/admin.md for where each file goes.');
  return { files: written, pupils: pupils.pupils };
}

export { Stop as PolicyToolError };

// Run only when called as a script, so tests can import run().
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof Stop) {
      console.error(`policy: ${error.message}`);
      process.exit(error.status);
    }
    console.error(`policy: something went wrong that the tool did not expect: ${(error as Error).stack ?? String(error)}`);
    process.exit(70);
  });
}
