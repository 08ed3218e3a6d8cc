import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorator';
import { OptionalPrincipal, Principal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { STAFF_ROLES } from '../common/users/staff';
import { DomainError } from '../common/domain-error';
import { ResultErrors } from './results.errors';
import { ResultsEventsService } from './results-events.service';
import { ResultsAccess, ResultsService } from './results.service';

/**
 * Live results (issue #17, item 3). Public as a route, with the results routes' rules applied by
 * round: anyone may follow a published round; staff of the round's guarantor may follow it in any
 * status; every other round is NOT_FOUND (no existence leak). The web app's session cookie rides
 * along with EventSource, so a signed-in page needs no token in the URL.
 */
@ApiTags('results')
@Controller('api/rounds/:roundId/results')
export class ResultsEventsController {
  constructor(
    private readonly results: ResultsService,
    private readonly events: ResultsEventsService,
  ) {}

  @Get('events')
  @Public()
  @ApiOperation({
    summary:
      'Server-Sent Events: `results` whenever the round’s stored results change (id = the round’s change version; data: roundId, version, watermark, scope institution|areas|all, institutionId), `ready` on connection. Reconnect with Last-Event-ID to get one catch-up event for changes missed meanwhile. Published rounds for anyone, any round of the caller’s guarantor for staff.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last event id received (sent by EventSource on reconnect).',
  })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'Same as Last-Event-ID, for clients that cannot set headers.',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE')
  async stream(
    @OptionalPrincipal() principal: Principal | undefined,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.readable(principal, roundId);
    const last = header ?? query;
    if (last !== undefined && !/^\d{1,19}$/.test(last)) {
      throw ResultErrors.invalidLastEventId();
    }
    await this.events.open(roundId, req.ip ?? 'unknown', last, res);
  }

  /** NOT_FOUND unless the caller may read the round's results (same rule as the results routes). */
  private async readable(principal: Principal | undefined, roundId: string): Promise<void> {
    const staffOf =
      principal?.kind === 'user' && principal.guarantorId && (STAFF_ROLES as readonly string[]).includes(principal.role)
        ? principal.guarantorId
        : null;
    if (staffOf) {
      const access: ResultsAccess = { kind: 'staff', guarantorId: staffOf };
      const own = await this.results.round(access, roundId).then(
        () => true,
        (err: unknown) => {
          // Another guarantor's round: the staff may still follow it once it is published.
          if (err instanceof DomainError && err.code === 'NOT_FOUND') return false;
          throw err;
        },
      );
      if (own) return;
    }
    await this.results.round({ kind: 'public' }, roundId);
  }
}
