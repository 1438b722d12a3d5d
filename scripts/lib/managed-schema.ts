// The full managed schema, as public/managed_schema.json should hold it. The
// schema itself lives in utils/admin-settings.ts beside the settings type, so the
// two cannot drift; this writes it out:
//   npx tsx scripts/lib/managed-schema.ts > public/managed_schema.json

import { resolve } from 'node:path';
import { MANAGED_SCHEMA } from '../../utils/admin-settings';

export function managedSchemaJson(): string {
  return `${JSON.stringify(MANAGED_SCHEMA, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(managedSchemaJson());
}
