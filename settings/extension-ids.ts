// The IDs policy files name. They are fixed by wxt.config.ts (the manifest key
// and the gecko id); they are repeated here so the admin tool starts without
// loading WXT, and tests/unit/admin-tool.test.ts checks the two agree.

import { createHash } from 'node:crypto';
import type { ExtensionIds } from './policy-formats';

export const CHROME_EXTENSION_ID = 'clhppdhgldbhpoeohikenicmnbbifcjl';
export const GECKO_EXTENSION_ID = 'second-thought@schools.example';

export const DEFAULT_IDS: ExtensionIds = {
  chrome: CHROME_EXTENSION_ID,
  edge: CHROME_EXTENSION_ID,
  gecko: GECKO_EXTENSION_ID,
};

/** Chrome's rule: SHA-256 of the DER public key, first 32 hex digits, each written as a letter a–p. */
export function extensionIdFromPublicKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

export const EXTENSION_ID_PATTERN = /^[a-p]{32}$/;
