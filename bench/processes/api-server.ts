/**
 * The production API (createApp from apps/api/src/bootstrap.ts) as its own process for the
 * benchmarks, listening on 127.0.0.1 on a free port that it reports to the parent over IPC.
 *
 * One addition, for the ingest baseline only: POST /api/bench/echo, a trivial route of the SAME
 * Nest application (same helmet, JSON body parser, global access guard, rate limiter, validation
 * pipe and error filter) that accepts the same body as a submission and does nothing with it. It
 * is added by appending a module to FEATURE_MODULES before the app is built; nothing of it exists
 * outside the benchmark.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { IsObject, IsString, Length } from 'class-validator';
import type { AddressInfo } from 'net';
import { loadEnv } from '@apertura/config';
import { Public } from '../../apps/api/src/auth/access.decorator';
import { createApp } from '../../apps/api/src/bootstrap';
import { FEATURE_MODULES } from '../../apps/api/src/features';

class EchoDto {
  @IsObject()
  data: Record<string, unknown>;

  @IsString()
  @Length(8, 128)
  idempotencyKey: string;
}

@Controller('api/bench')
class EchoController {
  @Post('echo')
  @Public()
  @HttpCode(201)
  echo(@Body() dto: EchoDto): { answers: number } {
    return { answers: Object.keys(dto.data).length };
  }
}

@Module({ controllers: [EchoController] })
class BenchEchoModule {}

async function main(): Promise<void> {
  FEATURE_MODULES.push(BenchEchoModule);
  const app = await createApp(loadEnv());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  // createApp enables Nest's shutdown hooks: SIGTERM from the parent closes the app cleanly.
  process.send?.({ port });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
