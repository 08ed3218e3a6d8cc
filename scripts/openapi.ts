/**
 * The contract between the API and the web app: the API's OpenAPI document, turned into TypeScript
 * types that apps/web imports (apps/web/src/shared/api-schema.d.ts, generated and committed).
 *
 *   npm run api:types          regenerate the file after changing a DTO or a route
 *   npm run api:types:check    fail when the committed file is not what the API describes (npm test)
 *
 * The document is built from the Nest module graph in preview mode: controllers and DTO metadata are
 * read, no provider is instantiated, so no database, Redis or listening port is needed. The routes and
 * schemas are the ones a running API serves at /docs/openapi.json (the same buildOpenApiDocument).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, OpenAPI3 } from 'openapi-typescript';
import { loadEnv } from '@apertura/config';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi';

const ROOT = join(__dirname, '..');
export const API_TYPES_FILE = join(ROOT, 'apps', 'web', 'src', 'shared', 'api-schema.d.ts');

const HEADER = `/**
 * GENERATED from the API's OpenAPI document by scripts/openapi.ts: do not edit by hand.
 * After changing a DTO or a route, run \`npm run api:types\` and commit the result;
 * \`npm test\` fails while this file is out of date. The web's api.ts files alias these types.
 */

`;

const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SWAGGER_SCHEMA = 'swagger/apiSchema';

/**
 * Schemas are keyed by name: two DTO classes called the same become one schema, and the web would be
 * typed with the other class's fields (@nestjs/swagger keeps the first silently). Lists every name that
 * more than one loaded DTO class (a class with @ApiProperty fields) would take.
 */
export function schemaNameClashes(): string[] {
  const byName = new Map<string, Map<unknown, string>>();
  for (const [file, loaded] of Object.entries(require.cache)) {
    if (!loaded || file.includes('node_modules') || !file.startsWith(ROOT)) continue;
    for (const value of Object.values(loaded.exports as Record<string, unknown>)) {
      const prototype: unknown = typeof value === 'function' ? value.prototype : undefined;
      if (typeof value !== 'function' || typeof prototype !== 'object' || prototype === null) continue;
      if (!Reflect.getMetadata(SWAGGER_PROPERTIES, prototype)) continue;
      const named = (Reflect.getOwnMetadata(SWAGGER_SCHEMA, value) as Array<{ name?: string }> | undefined) ?? [];
      const name = named[named.length - 1]?.name ?? value.name;
      const classes = byName.get(name) ?? new Map<unknown, string>();
      // A class re-exported by another file is still one class: the first file that loaded it names it.
      if (!classes.has(value)) classes.set(value, relative(ROOT, file));
      byName.set(name, classes);
    }
  }
  return [...byName]
    .filter(([, classes]) => classes.size > 1)
    .map(([name, classes]) => `${name}: ${[...classes.values()].join(', ')}`);
}

/** The OpenAPI document of the API, without starting it (see the file comment). */
export async function buildDocument(): Promise<OpenAPIObject> {
  // Test mode: per-process secrets, never the development secrets file; nothing connects in preview.
  const env = loadEnv({ NODE_ENV: 'test', SERVE_WEB: 'false' });
  const app = await NestFactory.create(AppModule.forRoot(env), { preview: true, logger: false });
  try {
    const clashes = schemaNameClashes();
    if (clashes.length) {
      throw new Error(
        `DTO classes share an OpenAPI schema name (give one @ApiSchema({ name })):\n  ${clashes.join('\n  ')}`,
      );
    }
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

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
