// Local counts of nudges by category for the current week: numbers only, never
// text, site or time, so the popup can show them without keeping anything a
// person wrote. The background adds one each time a nudge is shown.

import { CATEGORIES, type Category } from '@/lib/types';

/** Storage key (WXT style) for the counts; read by the popup, written by the background. */
export const NUDGE_COUNTS_KEY = 'local:nudgeCounts' as const;

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

/** The counts after one more nudge of each category in `categories` (a nudge with two findings of one kind counts once). */
export function addNudge(stored: unknown, categories: readonly Category[], now = new Date()): NudgeCounts {
  const counts = countsThisWeek(stored, now);
  for (const category of new Set(categories)) counts[category] = (counts[category] ?? 0) + 1;
  return { week: weekStarting(now), counts };
}
