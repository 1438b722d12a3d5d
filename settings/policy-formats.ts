// One managed-settings object, written out in each form a school's device
// management understands, for the admin tool (scripts/policy.ts). Every
// function here is pure: settings in, file text out.

import { randomUUID } from 'node:crypto';
import { MANAGED_SCHEMA, type AdminSettingKey, type AdminSettings } from './admin-settings';

export type ManagedSettings = Partial<AdminSettings>;

export interface ExtensionIds {
  /** Chrome's ID (from the manifest key, or the Chrome Web Store's). */
  chrome: string;
  /** Edge's ID: the same for a self-hosted build, different when installed from Edge Add-ons. */
  edge: string;
  /** Firefox's browser_specific_settings.gecko.id. */
  gecko: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** For /etc/opt/chrome/policies/managed/ (Chrome) or /etc/chromium/policies/managed/ (Chromium). */
export function chromeLinuxPolicy(settings: ManagedSettings, ids: ExtensionIds): string {
  return json({ '3rdparty': { extensions: { [ids.chrome]: settings } } });
}

/** Google Admin console → Apps & extensions → the extension → Policy for extensions: each value wrapped in {"Value": …}. */
export function googleAdminConsolePolicy(settings: ManagedSettings): string {
  return json(Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, { Value: value }])));
}

/** Firefox's distribution/policies.json (or /etc/firefox/policies/policies.json on Linux). */
export function firefoxPolicies(settings: ManagedSettings, ids: ExtensionIds): string {
  return json({ policies: { '3rdparty': { Extensions: { [ids.gecko]: settings } } } });
}

export type WindowsBrowser = 'chrome' | 'edge';

export function windowsPolicyKey(browser: WindowsBrowser, ids: ExtensionIds): string {
  return browser === 'chrome'
    ? `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy`
    : `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.edge}\\policy`;
}

const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A .reg file. Chrome reads only REG_SZ and REG_DWORD here: booleans and whole
 * numbers become DWORDs, lists and objects JSON text in a REG_SZ. The key is
 * removed first so that a setting dropped from the roster run does not linger.
 * Returned as text; write it with encodeRegFile (UTF-16 LE, as regedit expects
 * for names with accents).
 */
export function windowsRegFile(settings: ManagedSettings, ids: ExtensionIds, browser: WindowsBrowser): string {
  const key = windowsPolicyKey(browser, ids);
  const lines = ['Windows Registry Editor Version 5.00', '', `[-${key}]`, '', `[${key}]`];
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'boolean') lines.push(`${regString(name)}=dword:${value ? '00000001' : '00000000'}`);
    else if (typeof value === 'number') lines.push(`${regString(name)}=dword:${(value >>> 0).toString(16).padStart(8, '0')}`);
    else if (typeof value === 'string') lines.push(`${regString(name)}=${regString(value)}`);
    else lines.push(`${regString(name)}=${regString(JSON.stringify(value))}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** regedit reads Unicode .reg files as UTF-16 LE with a byte-order mark. */
export function encodeRegFile(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${xmlText(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return `${indent}<integer>${Math.trunc(value)}</integer>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<array/>`;
    return [`${indent}<array>`, ...value.map((item) => plistValue(item, `${indent}\t`)), `${indent}</array>`].join('\n');
  }
  if (typeof value === 'object' && value !== null) return plistDict(Object.entries(value), indent);
  throw new Error(`Cannot write ${String(value)} into a property list.`);
}

function plistDict(entries: [string, unknown][], indent: string): string {
  return [
    `${indent}<dict>`,
    ...entries.flatMap(([key, value]) => [`${indent}\t<key>${xmlText(key)}</key>`, plistValue(value, `${indent}\t`)]),
    `${indent}</dict>`,
  ].join('\n');
}

export type MacBrowser = 'chrome' | 'edge';

/** The preference domain Chrome (or Edge) reads an extension's managed settings from on macOS. */
export function macPreferenceDomain(browser: MacBrowser, ids: ExtensionIds): string {
  return browser === 'chrome' ? `com.google.Chrome.extensions.${ids.chrome}` : `com.microsoft.Edge.extensions.${ids.edge}`;
}

/**
 * A configuration profile for Jamf, Intune, Mosyle or a double-click install.
 * The payload's type is the preference domain itself and the settings are its
 * keys, in native plist types (not JSON strings as on Windows).
 */
export function macConfigurationProfile(
  settings: ManagedSettings,
  ids: ExtensionIds,
  browser: MacBrowser,
  schoolName: string,
  uuid: () => string = randomUUID,
): string {
  const domain = macPreferenceDomain(browser, ids);
  const browserName = browser === 'chrome' ? 'Chrome' : 'Edge';
  const payload: [string, unknown][] = [
    ['PayloadDisplayName', `Second Thought settings for ${browserName}`],
    ['PayloadIdentifier', `${domain}.policy`],
    ['PayloadType', domain],
    ['PayloadUUID', uuid().toUpperCase()],
    ['PayloadVersion', 1],
    ...Object.entries(settings),
  ];
  const profile: [string, unknown][] = [
    ['PayloadContent', [Object.fromEntries(payload)]],
    ['PayloadDescription', `Settings from ${schoolName} for the Second Thought extension in ${browserName}.`],
    ['PayloadDisplayName', `Second Thought (${browserName})`],
    ['PayloadIdentifier', `org.secondthought.profile.${browser}`],
    ['PayloadOrganization', schoolName],
    ['PayloadScope', 'System'],
    ['PayloadType', 'Configuration'],
    ['PayloadUUID', uuid().toUpperCase()],
    ['PayloadVersion', 1],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistDict(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

/** Settings in the schema's order, so files are stable and easy to compare between runs. */
export function orderedSettings(settings: ManagedSettings): ManagedSettings {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(MANAGED_SCHEMA.properties) as AdminSettingKey[]) {
    if (settings[key] !== undefined) ordered[key] = settings[key];
  }
  return ordered as ManagedSettings;
}
