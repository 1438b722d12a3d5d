// How many of the rules' patterns their own examples fire, and how many are
// copied between rules (issue 14). For whoever tidies the rules: a pattern no
// example fires is untested, and a copied one wants a shared name.
//
//   npm run --silent rules:coverage [-- --list-unfired]
//
// Prints a table per rule (patterns, fired by the rule's own match examples,
// copies found in another rule), then, last, one JSON line:
// {"patterns": N, "firedByOwnExamples": M, "copiedAcrossRules": K}.
// --list-unfired also lists every pattern no example fires, by id, before the JSON.

import { check, type CheckTrace } from '../lib';
import { measureCoverage, type CoverageReport } from '../lib/rules/coverage';
import { ENGINE_TAGS } from '../lib/rules/ruleset';
import { LEXICON_FILES, RULE_FILES } from '../rules';
import { EXAMPLES_CONFIG } from '../rules/examples-config';

const USAGE = 'Usage: npm run --silent rules:coverage [-- --list-unfired]';

function table(report: CoverageReport): string {
  const width = Math.max(4, ...report.rules.map((r) => r.id.length));
  const row = (id: string, patterns: number | string, fired: number | string, alone: number | string, copies: number | string): string =>
    `${id.padEnd(width)}  ${String(patterns).padStart(8)}  ${String(fired).padStart(5)}  ${String(alone).padStart(5)}  ${String(copies).padStart(6)}`;
  const lines = [row('rule', 'patterns', 'fired', 'alone', 'copies')];
  for (const rule of report.rules) {
    lines.push(row(rule.id, rule.patterns.length, rule.patterns.filter((p) => p.fired).length, rule.patterns.filter((p) => p.firedAlone).length, rule.copies));
  }
  lines.push(row('all rules', report.patterns, report.firedByOwnExamples, report.firedAloneByOwnExamples, report.copiedAcrossRules));
  lines.push(
    '',
    'patterns: its match patterns, phrases included. fired: those that match, not cancelled, in one of their own examples.',
    'alone: those with an example that sets off no other pattern of their rule (a pattern without one adds nothing).',
    'copies: its match and unless patterns that a rule above it already has, word for word.',
  );
  return lines.join('\n');
}

function unfired(report: CoverageReport): string {
  const lines = ['', 'Patterns no example of their own fires, or fires alone (marked "not alone"):'];
  for (const rule of report.rules) {
    for (const p of rule.patterns) {
      if (!p.firedAlone) lines.push(`${p.id}${p.fired ? '  (not alone)' : ''}  ${p.phrase !== undefined ? `phrase “${p.phrase}” → ` : ''}${p.pattern}`);
    }
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = args.filter((a) => a !== '--list-unfired');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option ${unknown[0]}. ${USAGE}\n`);
    process.exit(2);
  }
  const tags = new Set<string>([...ENGINE_TAGS, ...Object.values(LEXICON_FILES).map((l) => l.tag)]);
  const rules = Object.values(RULE_FILES).flatMap((file) => file.rules);
  const report = measureCoverage(rules, tags, (text, role) => {
    const trace: CheckTrace = { rules: [], classifier: [] };
    check(text, EXAMPLES_CONFIG, { role, trace });
    return trace.rules;
  });
  process.stdout.write(`${table(report)}\n`);
  if (args.includes('--list-unfired')) process.stdout.write(`${unfired(report)}\n`);
  const { patterns, firedByOwnExamples, copiedAcrossRules } = report;
  // Spaced as issue 14 writes it; still one line of JSON.
  process.stdout.write(`{"patterns": ${patterns}, "firedByOwnExamples": ${firedByOwnExamples}, "copiedAcrossRules": ${copiedAcrossRules}}\n`);
}

main();
