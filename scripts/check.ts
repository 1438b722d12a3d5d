// The engine from the command line, for admins trying a configuration, for
// tests and for benchmarks.
//
//   npm run --silent check -- --config FILE [--role staff|pupil] [--explain] [--rules-only] [TEXT…]
//
// With TEXT: prints readable findings; --explain adds, for each text, every
// rule pattern that matched (and what cancelled it) and each category's
// classifier score against its threshold, with the words that drove it.
// --rules-only leaves the learned classifier out. Without TEXT: reads JSON Lines from stdin,
// {"id", "text", "role"?}, and writes {"id", "findings"} per line, in order.
// Exit status: 0 all good; 1 some input lines were malformed; 2 bad config or usage.

import fs from 'node:fs';
import readline from 'node:readline';
import { CATEGORY_LABELS } from '../lib/policy/category-sections';
import { ConfigError, check, validateConfig, type CheckConfig, type CheckOptions, type CheckTrace, type Finding, type Role } from '../lib';
import type { ClassifierModel } from '../lib/classifier/model';
import { loadCommittedClassifier } from './lib/committed-classifier';

const USAGE = 'Usage: npm run --silent check -- --config FILE [--role staff|pupil] [--explain] [--rules-only] [TEXT…]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

interface Args {
  configPath: string;
  role?: Role;
  explain: boolean;
  rulesOnly: boolean;
  texts: string[];
}

function parseArgs(argv: string[]): Args {
  let configPath: string | undefined;
  let role: Role | undefined;
  let explain = false;
  let rulesOnly = false;
  const texts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config') configPath = argv[++i];
    else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length);
    else if (arg === '--role' || arg.startsWith('--role=')) {
      const value = arg === '--role' ? argv[++i] : arg.slice('--role='.length);
      if (value !== 'staff' && value !== 'pupil') fail(`--role should be staff or pupil, not "${value ?? ''}". ${USAGE}`);
      role = value;
    } else if (arg === '--explain') explain = true;
    else if (arg === '--rules-only') rulesOnly = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) fail(`Unknown option ${arg}. ${USAGE}`);
    else texts.push(arg);
  }
  if (!configPath) fail(`--config FILE is required. ${USAGE}`);
  return { configPath, role, explain, rulesOnly, texts };
}

function loadConfig(file: string): CheckConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    fail(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return validateConfig(json);
  } catch (error) {
    if (error instanceof ConfigError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

function describe(finding: Finding): string {
  const label = CATEGORY_LABELS[finding.category];
  const lines = [
    `${finding.severity.toUpperCase().padEnd(7)} ${label} (${finding.category}) at ${finding.start}–${finding.end}: “${finding.match}”`,
    `        ${finding.message}`,
  ];
  if (finding.suggestion) lines.push(`        Suggestion: ${finding.suggestion}`);
  const why = finding.model ? `classifier, score ${finding.model.score.toFixed(2)} ≥ ${finding.model.threshold.toFixed(2)}` : (finding.patternId ?? finding.ruleId);
  // A wellbeing note cites no policy: it offers support, it is not a breach.
  const policy = finding.policySections.length > 0 ? finding.policySections.join(', ') : 'none (support, not a breach)';
  lines.push(`        Policy: ${policy}   [${why}]`);
  return lines.join('\n');
}

/** The --explain block: every rule match and cancellation, then each category's classifier score. */
function describeTrace(trace: CheckTrace): string {
  const lines = ['  Why:'];
  if (trace.rules.length === 0) lines.push('    No rule pattern matched.');
  for (const r of trace.rules) {
    lines.push(`    rule ${r.patternId} matched “${r.match}” at ${r.start}–${r.end}${r.cancelledBy ? `, cancelled by ${r.cancelledBy}` : ''}`);
  }
  if (trace.classifier.length === 0) lines.push('    Classifier not used (--rules-only).');
  for (const c of trace.classifier) {
    const verdict = !c.applies ? 'not for this role' : c.score >= c.threshold ? 'FLAGGED' : 'below';
    const words = c.topWords.length > 0 ? `; top words: ${c.topWords.join(', ')}` : '';
    lines.push(`    classifier ${c.category.padEnd(21)} score ${c.score.toFixed(2).padStart(6)}, threshold ${c.threshold.toFixed(2).padStart(5)}: ${verdict}${words}`);
  }
  return lines.join('\n');
}

async function answerJsonLines(config: CheckConfig, role: Role | undefined, classifier: ClassifierModel | undefined): Promise<number> {
  let status = 0;
  let lineNumber = 0;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let input: { id?: unknown; text?: unknown; role?: unknown };
    try {
      input = JSON.parse(line);
    } catch {
      process.stderr.write(`line ${lineNumber}: not valid JSON; skipped\n`);
      status = 1;
      continue;
    }
    if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
      process.stderr.write(`line ${lineNumber}: needs an object with "text" (a string); skipped\n`);
      status = 1;
      continue;
    }
    if (input.role !== undefined && input.role !== 'staff' && input.role !== 'pupil') {
      process.stderr.write(`line ${lineNumber}: "role" should be "staff" or "pupil"; skipped\n`);
      status = 1;
      continue;
    }
    const findings = check(input.text, config, { role: (input.role as Role | undefined) ?? role, classifier });
    process.stdout.write(`${JSON.stringify({ id: input.id ?? null, findings })}\n`);
  }
  return status;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig(args.configPath);
  const classifier = args.rulesOnly ? undefined : loadCommittedClassifier();
  if (args.texts.length === 0) {
    process.exitCode = await answerJsonLines(config, args.role, classifier);
    return;
  }
  for (const text of args.texts) {
    const trace: CheckTrace = { rules: [], classifier: [] };
    const options: CheckOptions = { role: args.role, classifier, ...(args.explain ? { trace } : {}) };
    const findings = check(text, config, options);
    process.stdout.write(`${text.length > 80 ? `${text.slice(0, 77)}…` : text}\n`);
    process.stdout.write(findings.length === 0 ? '  Nothing to flag.\n' : `${findings.map(describe).join('\n')}\n`);
    if (args.explain) process.stdout.write(`${describeTrace(trace)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Unexpected error: ${(error as Error).message}\n`);
  process.exit(2);
});
