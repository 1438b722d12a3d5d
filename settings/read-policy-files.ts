// Reads each policy file format back into plain settings, the way the browser
// would. Tests use it to check every generated file against the schema; it is
// also handy for an admin checking what a file from someone else contains.

import { MANAGED_SCHEMA, type AdminSettingKey } from './admin-settings';

type Settings = Record<string, unknown>;

/** Decodes a .reg file (UTF-16 LE with BOM, or UTF-8) and returns the values under `key`, typed as Chrome would read them. */
export function readRegFile(bytes: Buffer, key: string): Settings {
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
  const lines = text.split(/\r\n/);
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error('not a version 5 .reg file');
  const settings: Settings = {};
  let current = '';
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const section = /^\[(-?)(.+)\]$/.exec(line);
    if (section) {
      current = section[1] ? '' : section[2];
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value) throw new Error(`cannot read .reg line: ${line}`);
    if (current !== key) continue;
    const name = value[1].replace(/\\(.)/g, '$1');
    const schema = MANAGED_SCHEMA.properties[name as AdminSettingKey];
    if (value[3] !== undefined) {
      const number = parseInt(value[3], 16);
      settings[name] = schema?.type === 'boolean' ? number !== 0 : number;
    } else {
      const string = value[2].replace(/\\(.)/g, '$1');
      // Chrome parses a REG_SZ as JSON when the schema wants a list or an object.
      settings[name] = schema && (schema.type === 'array' || schema.type === 'object') ? JSON.parse(string) : string;
    }
  }
  return settings;
}

/** A strict reader for the XML property lists the admin tool writes (dict, array, string, integer, true, false). */
export function readPlist(xml: string): unknown {
  const body = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\n<plist version="1\.0">([\s\S]*)<\/plist>\s*$/.exec(xml);
  if (!body) throw new Error('not an XML property list');
  const tokens = body[1].match(/<[^>]+>|[^<]+/g)!.filter((token) => token.trim() !== '');
  let position = 0;
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const expect = (tag: string) => {
    if (tokens[position] !== tag) throw new Error(`expected ${tag}, found ${tokens[position]}`);
    position++;
  };
  const textUntil = (close: string) => {
    let text = '';
    if (tokens[position] !== close) text = tokens[position++];
    if (text.includes('&') && /&(?!lt;|gt;|amp;)/.test(text)) throw new Error('bare & in plist text');
    expect(close);
    return unescape(text);
  };
  const value = (): unknown => {
    const tag = tokens[position++];
    switch (tag) {
      case '<string>':
        return textUntil('</string>');
      case '<integer>': {
        const text = textUntil('</integer>');
        if (!/^-?\d+$/.test(text)) throw new Error(`bad integer ${text}`);
        return Number(text);
      }
      case '<true/>':
        return true;
      case '<false/>':
        return false;
      case '<array/>':
        return [];
      case '<array>': {
        const items: unknown[] = [];
        while (tokens[position] !== '</array>') items.push(value());
        position++;
        return items;
      }
      case '<dict>': {
        const dict: Record<string, unknown> = {};
        while (tokens[position] !== '</dict>') {
          expect('<key>');
          const key = textUntil('</key>');
          if (key in dict) throw new Error(`duplicate key ${key}`);
          dict[key] = value();
        }
        position++;
        return dict;
      }
      default:
        throw new Error(`unexpected ${tag}`);
    }
  };
  const result = value();
  if (position !== tokens.length) throw new Error('text after the top-level value');
  return result;
}
