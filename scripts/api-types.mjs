// The console's API types, generated from the admin API's OpenAPI document (openapi-typescript):
//   node scripts/api-types.mjs <openapi.json | http://host:port/docs/openapi.json> [out.d.ts]
// prints the TypeScript (or writes it to out.d.ts). test/openapi-contract.e2e-spec.ts checks the
// committed apps/console/src/api/schema.d.ts is current, and rewrites it with REMITD_UPDATE_API_TYPES=1.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const [source, out] = process.argv.slice(2);
if (!source) {
  process.stderr.write('usage: node scripts/api-types.mjs <openapi.json | url> [out.d.ts]\n');
  process.exit(2);
}
const doc = /^https?:/.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'));
const header =
  '/**\n * The admin API as the console sees it, generated from its OpenAPI document by openapi-typescript\n' +
  ' * (scripts/api-types.mjs). Do not edit: a test fails when it is stale.\n */\n';
const text = header + astToString(await openapiTS(doc, { alphabetize: true }));
if (out) writeFileSync(out, text);
else process.stdout.write(text);
