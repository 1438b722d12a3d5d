// Local counts by category for the current week: numbers only, never text,
// site or time, so the popup can show them without keeping anything a person
// wrote. The background adds one to the nudge counts each time a nudge is
// shown, and to the "said it was wrong" counts each time someone presses
// "This warning is wrong".

import { CATEGORIES, type Category } from '@/lib/types';

/** Storage keys (WXT style) for the counts; read by the popup, written by the background. */
export const NUDGE_COUNTS_KEY = 'local:nudgeCounts' as const;
export const SAID_WRONG_COUNTS_KEY = 'local:saidWrongCounts' as const;

export interface NudgeCounts {
  /** The Monday that starts the week counted, as YYYY-MM-DD in local time. */
  week: string;
  counts: Partial<Record<Category, number>>;
}

export function weekStarting(now: Date): string {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`;
}

/** This week's counts; last week's (or anything unreadable) count as none. */
export function countsThisWeek(stored: unknown, now = new Date()): Partial<Record<Category, number>> {
  if (typeof stored !== 'object' || stored === null) return {};
  const { week, counts } = stored as Partial<NudgeCounts>;
  if (week !== weekStarting(now) || typeof counts !== 'object' || counts === null) return {};
  const clean: Partial<Record<Category, number>> = {};
  for (const category of CATEGORIES) {
    const count = (counts as Record<string, unknown>)[category];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0) clean[category] = count;
  }
  return clean;
}

/**
 * The counts after one more of each category in `categories` (a nudge with two
 * findings of one kind counts once). The same for nudges shown and for warnings
 * someone said were wrong.
 */
export function addNudge(stored: unknown, categories: readonly Category[], now = new Date()): NudgeCounts {
  const counts = countsThisWeek(stored, now);
  for (const category of new Set(categories)) counts[category] = (counts[category] ?? 0) + 1;
  return { week: weekStarting(now), counts };
}
