import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InjectQueue, QUEUES, type Queue } from '@apertura/queue';
import { Public } from '../auth/access.decorator';
import { MailRepository } from '../mail/mail.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @InjectQueue(QUEUES.metric) private readonly metricQueue: Queue,
    private readonly mailRepo: MailRepository,
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
  @ApiOperation({
    summary:
      'Readiness: PostgreSQL, Redis and the metric queue answer (503 otherwise). Also reports mail trouble (failed and given-up mails in the last 24 h, mails still queued) without failing on it.',
  })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.redisAndQueue(),
      () => this.mail(),
    ]);
  }

  /**
   * Mail that does not leave must be visible to whoever watches the service, but it is no reason to
   * take the API out of rotation: the indicator stays "up" and carries the counts.
   */
  private async mail(): Promise<HealthIndicatorResult> {
    try {
      const h = await this.mailRepo.health();
      return {
        mail: {
          status: 'up',
          ...h,
          ...(h.failed24h + h.givenUp24h > 0
            ? { warning: 'mail failures in the last 24 h: see the console (Correo / Mail)' }
            : {}),
        },
      };
    } catch (err) {
      // The database check already reports an unreachable database.
      return {
        mail: { status: 'up', message: `mail counts unavailable: ${err instanceof Error ? err.message : String(err)}` },
      };
    }
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
      throw new HealthCheckError('redis', {
        redis: { status: 'down', message: err instanceof Error ? err.message : String(err) },
      });
    }
  }
}
