// What the options page and popup show: each setting with where it came from
// (the school's policy, this device, or the default) and whether it is locked.
// Pure, so it can be tested without a browser.

import { CATEGORIES, type Category, type Role } from '@/lib/types';
import { ADMIN_SETTING_KEYS, DEFAULT_ADMIN_SETTINGS, MANAGED_SCHEMA, schemaProblems, type AdminSettings, type CategoryMode } from './admin-settings';
import { layerSettings as layerInForce, type RejectedSetting } from './layers';

/** Everything a person can set here: the school's settings plus a teacher's own plaintext roster. */
export interface EditableSettings extends AdminSettings {
  /** Pupils as "First Last", typed by a teacher for their own device. Never from policy. */
  pupilNames: string[];
}

export type EditableKey = keyof EditableSettings;
export type SettingSource = 'managed' | 'local' | 'default';

// The admin settings' defaults, plus the one setting only a device may hold.
export const DEFAULT_EDITABLE: Readonly<EditableSettings> = Object.freeze({ ...DEFAULT_ADMIN_SETTINGS, pupilNames: [] });

export const EDITABLE_KEYS: readonly EditableKey[] = ['pupilNames', ...ADMIN_SETTING_KEYS];

export interface SettingsView {
  values: EditableSettings;
  sources: Record<EditableKey, SettingSource>;
  /** The school turned on lockSettings: nothing can be changed here. */
  lockedBySchool: boolean;
  /** The school set at least one setting. */
  managedBySchool: boolean;
  /** Every setting or entry left out, and why, in plain words. */
  rejected: RejectedSetting[];
}

/** A problem with one setting, in words for the person who typed it. */
export function settingProblem(key: EditableKey, value: unknown): string | undefined {
  if (key === 'pupilNames') {
    if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) return 'should be a list of names';
    const index = value.findIndex((name: string) => name.trim().split(/\s+/).length < 2);
    return index >= 0 ? `line ${index + 1} needs a first name and a surname` : undefined;
  }
  const schema = MANAGED_SCHEMA.properties[key];
  return schemaProblems(schema, value, key)[0];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * The same layering the background checks with (./layers.ts), so the page
 * shows what is in force: the school's value, else this device's, else the
 * default; a bad entry skipped, not the whole setting; nothing from this device
 * once the school locks settings; pupils' plaintext names never from policy.
 */
export function layerSettings(managedRaw: unknown, localRaw: unknown): SettingsView {
  // The page shows what was left out itself; the console need not say it again.
  const { settings, sources, rejected } = layerInForce(asRecord(managedRaw), asRecord(localRaw), () => {});
  return {
    values: settings,
    sources,
    lockedBySchool: sources.lockSettings === 'managed' && settings.lockSettings,
    managedBySchool: Object.values(sources).includes('managed'),
    rejected,
  };
}

/** A setting the school set, or any setting once the school has locked them all. */
export function isLocked(view: SettingsView, key: EditableKey): boolean {
  return view.lockedBySchool || view.sources[key] === 'managed';
}

/** The local settings with one change; a locked setting is never written. */
export function withLocalChange(
  local: Record<string, unknown>,
  view: SettingsView,
  key: EditableKey,
  value: unknown,
): Record<string, unknown> {
  if (isLocked(view, key)) return local;
  const next = { ...local };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

/** Modes when neither the school nor the person chose one: a nudge for everything. */
export function categoryMode(categories: EditableSettings['categories'], category: Category, role: Role): CategoryMode {
  return categories[category]?.[role] ?? 'nudge';
}

export { CATEGORIES };

/** Settings read from an imported JSON file: the good ones, and a line for each one left out. */
export function settingsFromImport(raw: unknown): { settings: Record<string, unknown>; problems: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: {}, problems: ['the file should hold one JSON object of settings'] };
  }
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!EDITABLE_KEYS.includes(key as EditableKey)) {
      problems.push(`${key}: is not a setting`);
      continue;
    }
    const problem = settingProblem(key as EditableKey, value);
    if (problem) problems.push(problem.startsWith(key) ? problem : `${key}: ${problem}`);
    else settings[key] = value;
  }
  return { settings, problems };
}
