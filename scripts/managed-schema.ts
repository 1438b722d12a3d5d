// The managed schema, as public/managed_schema.json should hold it. The schema
// itself lives in settings/admin-settings.ts beside the settings type, so the two
// cannot drift; this writes out the form Chrome is given (chromeManagedSchema):
//   npx tsx scripts/managed-schema.ts > public/managed_schema.json

import { resolve } from 'node:path';
import { chromeManagedSchema } from '../settings/admin-settings';

export function managedSchemaJson(): string {
  return `${JSON.stringify(chromeManagedSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(managedSchemaJson());
}
