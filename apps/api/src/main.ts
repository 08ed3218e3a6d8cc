import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadEnv } from '@apertura/config';
import { collectRoutes } from './auth/access-matrix';
import { SetupService } from './setup/setup.service';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  await app.listen(env.PORT, '0.0.0.0');
  // One line instead of Nest's one per route (those are at debug level: LOG_LEVEL=debug).
  new Logger('Apertura').log(
    `API listening on ${env.PUBLIC_URL} (${collectRoutes(app).length} routes; OpenAPI at /docs)`,
  );
  // Only while no real guarantor exists: the one-time code for /configuracion, in this log.
  await app.get(SetupService).announce();
}

main().catch((err: unknown) => {
  // Boot errors (invalid env, unreachable database) are printed plainly and exit non-zero.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
