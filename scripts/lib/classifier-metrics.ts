// Precision and recall at a threshold, and how a threshold is chosen: on a
// held-out validation split of the training data, never on evaluation data.

export interface Scored {
  score: number;
  /** 1 harmful, 0 not (unknown labels are left out before this). */
  label: number;
  weight?: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function countAt(items: readonly Scored[], threshold: number): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { score, label } of items) {
    const flagged = score >= threshold;
    if (flagged && label === 1) counts.tp++;
    else if (flagged) counts.fp++;
    else if (label === 1) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
/** Share of the negatives flagged. */
export const falseAlarmRate = (c: Counts): number => (c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn));

export interface ThresholdChoice {
  threshold: number;
  precision: number;
  recall: number;
  falseAlarmRate: number;
  /** Which rule picked it: both limits met, or the best balance when they cannot both be. */
  how: 'limits met' | 'best F0.5';
}

/**
 * The lowest threshold at which precision on `items` (our own written posts,
 * whose labels follow the school's conventions) is at least `minPrecision`,
 * and at most `maxFalseAlarms` of `everyday` (scores of ordinary posts by
 * other people: real comments with no harm) are flagged. Harmful posts are
 * rare in real feeds, so the false-alarm limit is what keeps a benign post
 * from being flagged; precision guards the balance on school posts. When no
 * threshold meets both, the one with the best F0.5 on `items` among those
 * within the false-alarm limit is taken, and the report says so.
 */
export function chooseThreshold(items: readonly Scored[], everyday: readonly number[], minPrecision: number, maxFalseAlarms: number): ThresholdChoice {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const everydaySorted = [...everyday].sort((a, b) => b - a);
  const positives = sorted.filter((s) => s.label === 1).length;
  // Share of everyday posts scoring at or above t (everydaySorted is descending).
  let alarmsAbove = 0;
  const falseAlarmsAt = (t: number): number => {
    while (alarmsAbove < everydaySorted.length && everydaySorted[alarmsAbove] >= t) alarmsAbove++;
    return everydaySorted.length === 0 ? 0 : alarmsAbove / everydaySorted.length;
  };
  let tp = 0;
  let fp = 0;
  let best: ThresholdChoice | undefined;
  let bestF = -1;
  let bestBalance: ThresholdChoice | undefined;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].label === 1) tp++;
    else fp++;
    // Only between distinct scores: a threshold cannot split equal scores.
    if (i + 1 < sorted.length && sorted[i + 1].score === sorted[i].score) continue;
    const threshold = sorted[i].score;
    const p = tp / (tp + fp);
    const r = positives === 0 ? 1 : tp / positives;
    const far = falseAlarmsAt(threshold);
    if (far > maxFalseAlarms) break; // lower thresholds only raise it
    const choice: ThresholdChoice = { threshold, precision: p, recall: r, falseAlarmRate: far, how: 'limits met' };
    if (p >= minPrecision) best = choice;
    const f = p + r === 0 ? 0 : (1.25 * p * r) / (0.25 * p + r);
    if (f > bestF) {
      bestF = f;
      bestBalance = { ...choice, how: 'best F0.5' };
    }
  }
  if (best) return best;
  return bestBalance ?? { threshold: sorted[0]?.score ?? Infinity, precision: 1, recall: 0, falseAlarmRate: 0, how: 'best F0.5' };
}
