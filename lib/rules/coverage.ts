// How well the rules' own examples cover their patterns, and how many
// patterns are copied between rules (npm run rules:coverage; issue 14's
// "every pattern earns its place").
//
// A pattern "fires by its own examples" when one of its own examples (each
// pattern entry carries them), checked by the engine, makes that pattern match
// without the rule's `unless` or frames cancelling it. The engine's trace records every match by pattern
// id and what cancelled it, so this needs no copy of the matching: it gives
// the same answer as splitting each pattern into a one-pattern rule with the
// same unless, frames and roles, since patterns match independently and a
// cancellation applies to the whole rule.
//
// Counting findings instead would miss patterns: where two patterns of a
// category match overlapping words, check() gives one finding (one per
// category per place). Split rules counted by their findings give 490 of
// 1,706 (issue 14's figure); the trace gives 538 for the same rules, and the
// 48 more each match, uncancelled, beside another pattern's finding.

import type { CheckTrace, Role } from '../types';
import { patternsOf } from './phrases';
import type { Rule } from './types';

/** The rule patterns check() matched in a text, as its trace records them. */
export type TraceRules = (text: string, role: Role) => CheckTrace['rules'];

export interface PatternCoverage {
  /** "threat/veiled#gate-warning", as findings and --explain name it. */
  id: string;
  pattern: string;
  /** The phrase it was compiled from, for a phrase-made pattern. */
  phrase?: string;
  fired: boolean;
  /** …and one of them sets off no other pattern of its rule: it earns its place. */
  firedAlone: boolean;
}

export interface RuleCoverage {
  id: string;
  patterns: PatternCoverage[];
  /** How many of its patterns and `unless` patterns a rule above it already has, word for word. */
  copies: number;
}

export interface CoverageReport {
  /** Patterns across all rules, phrase-made ones included. */
  patterns: number;
  /** …of which fire on at least one of their own examples. */
  firedByOwnExamples: number;
  /** …of which fire on one of their own examples with no other pattern of their rule: none is redundant. */
  firedAloneByOwnExamples: number;
  /**
   * Copies of a pattern or `unless` pattern in a rule after the first that has it,
   * word for word (spaces aside): how many would go if each lived in one place.
   * `unless` counts too, as a cancellation shared by rules belongs in a frame (issue 14's 399).
   */
  copiedAcrossRules: number;
  rules: RuleCoverage[];
}

/** A pattern as compared for copies: trimmed, with runs of spaces as one. */
export function comparablePattern(pattern: string): string {
  return pattern.trim().replace(/\s+/g, ' ');
}

/**
 * The ids of a rule's own patterns that a trace shows matching, uncancelled. A
 * pattern it borrows (patternsFrom) is named by its owner, so it is not counted.
 */
export function ownPatternsFired(trace: CheckTrace['rules'], ruleId: string): Set<string> {
  return new Set(trace.filter((match) => !match.cancelledBy && match.patternId.startsWith(`${ruleId}#`)).map((match) => match.patternId));
}

/**
 * Measures `rules` (in the order given) with the engine behind `traceRules`,
 * which must be running these same rules. `tags` are the tags a phrase's {…}
 * may name. Each pattern's examples are checked as the writer the rule is for (its
 * first role, or a pupil), as tests/unit/rules-examples.test.ts checks it.
 */
export function measureCoverage(rules: readonly Rule[], tags: ReadonlySet<string>, traceRules: TraceRules): CoverageReport {
  const report: CoverageReport = { patterns: 0, firedByOwnExamples: 0, firedAloneByOwnExamples: 0, copiedAcrossRules: 0, rules: [] };
  const seen = new Set<string>();
  for (const rule of rules) {
    const role: Role = rule.roles?.[0] ?? 'pupil';
    const runnable = patternsOf(rule, tags);
    const patterns = runnable.map((pattern, k): PatternCoverage => {
      let fired = false;
      let firedAlone = false;
      for (const example of rule.patterns[k].examples) {
        const own = ownPatternsFired(traceRules(example, role), rule.id);
        fired ||= own.has(pattern.id);
        firedAlone ||= own.size === 1 && own.has(pattern.id);
      }
      return { id: pattern.id, pattern: pattern.source, ...(pattern.phrase !== undefined ? { phrase: pattern.phrase } : {}), fired, firedAlone };
    });
    const compiled = runnable.map((pattern) => pattern.source);
    const texts = new Set([...compiled, ...(rule.unless ?? [])].map(comparablePattern));
    const copies = [...texts].filter((text) => seen.has(text)).length;
    for (const text of texts) seen.add(text);
    report.rules.push({ id: rule.id, patterns, copies });
    report.patterns += patterns.length;
    report.firedByOwnExamples += patterns.filter((p) => p.fired).length;
    report.firedAloneByOwnExamples += patterns.filter((p) => p.firedAlone).length;
    report.copiedAcrossRules += copies;
  }
  return report;
}
