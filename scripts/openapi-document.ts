/**
 * The API's OpenAPI document built from the Nest module graph in preview mode: controllers and DTO
 * metadata are read, no provider is instantiated, so no database, Redis or listening port is needed.
 * The routes and schemas are the ones a running API serves at /docs/openapi.json (the same
 * buildOpenApiDocument; test/foundation.e2e-spec.ts compares them). scripts/openapi.ts turns it into
 * the web's types; kept apart from it so tests can load this without openapi-typescript (ESM).
 */
import 'reflect-metadata';
import { join, relative } from 'path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadEnv } from '@apertura/config';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi';

const ROOT = join(__dirname, '..');

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
