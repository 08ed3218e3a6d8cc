/**
 * The contract between the API and the web app: the API's OpenAPI document, turned into TypeScript
 * types that apps/web imports (apps/web/src/shared/api-schema.d.ts, generated and committed).
 *
 *   npm run api:types          regenerate the file after changing a DTO or a route
 *   npm run api:types:check    fail when the committed file is not what the API describes (npm test)
 *
 * The document is built without a server (scripts/openapi-document.ts).
 */
import { readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, OpenAPI3 } from 'openapi-typescript';
import { buildDocument } from './openapi-document';

const ROOT = join(__dirname, '..');
export const API_TYPES_FILE = join(ROOT, 'apps', 'web', 'src', 'shared', 'api-schema.d.ts');

const HEADER = `/**
 * GENERATED from the API's OpenAPI document by scripts/openapi.ts: do not edit by hand.
 * After changing a DTO or a route, run \`npm run api:types\` and commit the result;
 * \`npm test\` fails while this file is out of date. The web's api.ts files alias these types.
 */

`;

/** The TypeScript the web compiles against, for one document. */
export async function renderTypes(doc: OpenAPIObject): Promise<string> {
  // Nest's OpenAPIObject and openapi-typescript's OpenAPI3 describe the same JSON with different
  // TypeScript declarations; the JSON round trip hands over exactly what /docs/openapi.json serves.
  const document = JSON.parse(JSON.stringify(doc)) as OpenAPI3;
  // defaultNonNullable off: a property with a default is optional in a request (the server fills it in).
  const ast = await openapiTS(document, { silent: true, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const generated = await renderTypes(await buildDocument());
  const file = relative(ROOT, API_TYPES_FILE);
  if (!check) {
    writeFileSync(API_TYPES_FILE, generated);
    console.log(`Wrote ${file}`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    // A missing file is reported below like a stale one.
  }
  if (committed === generated) return 0;
  console.error(
    `${file} does not match the API's OpenAPI document (a DTO or a route changed).\n` +
      'Run `npm run api:types` and commit the regenerated file; then fix the web code the compiler points at.',
  );
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
