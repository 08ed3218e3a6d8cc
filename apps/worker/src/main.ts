import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadEnv, QuietStartupLogger } from '@apertura/config';
import { WorkerModule } from './worker.module';

/** Worker entry point: an application context (no HTTP server) running Bull processors and the relay. */
export async function startWorker(env = loadEnv()) {
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), {
    logger: new QuietStartupLogger(env.NODE_ENV === 'test' ? ['error'] : ['error', 'warn', 'log']),
  });
  ctx.enableShutdownHooks();
  return ctx;
}

if (require.main === module) {
  startWorker()
    .then(() => new Logger('Apertura').log('Worker started'))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
