import { InjectQueue } from '@nestjs/bull';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bull';
import { QUEUES } from '@apertura/queue';
import { Public } from '../auth/access.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @InjectQueue(QUEUES.metric) private readonly metricQueue: Queue,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis and the metric queue answer (503 otherwise).' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.redisAndQueue()]);
  }

  private async redisAndQueue(): Promise<HealthIndicatorResult> {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000));
    try {
      const client = this.metricQueue.client;
      const pong = await Promise.race([client.ping(), timeout]);
      const counts = await Promise.race([this.metricQueue.getJobCounts(), timeout]);
      return { redis: { status: 'up', pong }, queue: { status: 'up', ...counts } };
    } catch (err) {
      const { HealthCheckError } = await import('@nestjs/terminus');
      throw new HealthCheckError('redis', { redis: { status: 'down', message: err instanceof Error ? err.message : String(err) } });
    }
  }
}
