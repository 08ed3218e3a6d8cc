import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { notFound } from '../common/domain-error';
import { ExportQueryDto } from '../exports/dto/export-query.dto';
import { parseExportFile } from '../exports/export-columns';
import { ExportsService } from '../exports/exports.service';
import { CosignService } from './cosign.service';
import {
  CosignReviewDto,
  CosignRoundItemDto,
  CosignSummaryDto,
  DecideDto,
  InviteCosignerDto,
  SetQuorumDto,
  StaffCosignSummaryDto,
} from './dto/cosign.dto';

/** The operator's side: quorum and co-signers of its rounds. */
@ApiTags('co-signing')
@ApiBearerAuth()
@Controller('api/rounds')
export class StaffCosignController {
  constructor(private readonly cosign: CosignService) {}

  @Get(':roundId/cosign')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Co-signing of a round: quorum, co-signers (with their contact), every decision, the current fingerprint and whether it is met.',
  })
  @ApiOkResponse({ type: StaffCosignSummaryDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  summary(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<StaffCosignSummaryDto> {
    return this.cosign.staffSummary(actor, roundId);
  }

  @Put(':roundId/cosign/quorum')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Set coSignQuorum (0 = no co-signing). Raised until publication; lowered only while draft (audited).',
  })
  @ApiOkResponse({ type: StaffCosignSummaryDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'COSIGN_QUORUM_LOCKED',
    'COSIGN_DECISIONS_CLOSED',
  )
  setQuorum(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: SetQuorumDto,
  ): Promise<StaffCosignSummaryDto> {
    return this.cosign.setQuorum(actor, roundId, dto.coSignQuorum);
  }

  @Post(':roundId/cosigners')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Invite a co-signing organisation by e-mail (audited). A new address gets a co-signer account and a single-use activation link (7 days); ' +
      'an existing co-signer account of this operator gets a sign-in link. Addresses of other accounts are refused (409 EMAIL_TAKEN).',
  })
  @ApiOkResponse({ type: StaffCosignSummaryDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'EMAIL_TAKEN',
    'CONFLICT',
    'COSIGN_DECISIONS_CLOSED',
  )
  invite(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: InviteCosignerDto,
  ): Promise<StaffCosignSummaryDto> {
    return this.cosign.invite(actor, roundId, dto);
  }

  @Delete(':roundId/cosigners/:cosignerId')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Remove a co-signer that has not decided yet (audited). One that approved or objected stays: 409 COSIGNER_HAS_DECIDED.',
  })
  @ApiOkResponse({ type: StaffCosignSummaryDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'COSIGNER_HAS_DECIDED',
    'COSIGN_DECISIONS_CLOSED',
  )
  remove(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('cosignerId', ParseUUIDPipe) cosignerId: string,
  ): Promise<StaffCosignSummaryDto> {
    return this.cosign.remove(actor, roundId, cosignerId);
  }
}

/** The co-signer's side: the rounds it co-signs, what it reviews, and its decisions. */
@ApiTags('co-signing')
@ApiBearerAuth()
@Controller('api/cosign/rounds')
export class CosignerController {
  constructor(
    private readonly cosign: CosignService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @Roles('cosigner')
  @ApiOperation({ summary: 'Rounds the signed-in co-signer is invited to, with its current state in each.' })
  @ApiOkResponse({ type: [CosignRoundItemDto] })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  mine(@CurrentUser() actor: UserPrincipal): Promise<CosignRoundItemDto[]> {
    return this.cosign.myRounds(actor);
  }

  @Get(':roundId')
  @Roles('cosigner')
  @ApiOperation({
    summary:
      'What the co-signer reviews: method settings and design, the questionnaires (with checksums), the results as computed now, every decision, and the fingerprint to approve.',
  })
  @ApiOkResponse({ type: CosignReviewDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  review(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<CosignReviewDto> {
    return this.cosign.review(actor, roundId);
  }

  @Post(':roundId/decisions')
  @HttpCode(200)
  @Roles('cosigner')
  @ApiOperation({
    summary:
      'Approve or object (with reasons) to the round as reviewed: the fingerprint must be the current one (409 COSIGN_FINGERPRINT_CHANGED). ' +
      'Only while the round is closed and not published. Public with the results; audited.',
  })
  @ApiOkResponse({ type: CosignReviewDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'COSIGN_REASON_REQUIRED',
    'COSIGN_FINGERPRINT_CHANGED',
    'COSIGN_DECISIONS_CLOSED',
  )
  decide(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: DecideDto,
  ): Promise<CosignReviewDto> {
    return this.cosign.decide(actor, roundId, dto);
  }

  @Get(':roundId/export/:file')
  @Roles('cosigner')
  @ApiOperation({
    summary:
      "The round's results as open data (same files as the public export), before publication, for the co-signers to review. Never validator data.",
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE')
  async download(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('file') file: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const target = parseExportFile(file);
    if (!target) throw notFound('archivo de exportación', 'file');
    await this.cosign.review(actor, roundId); // membership check (404 otherwise)
    const round = await this.exports.anyRound(roundId);
    await this.exports.send(round, target, 'public', { bom: q.bom }, res);
  }
}

/** The public record: co-signatures of a published round, as JSON and as open data. */
@ApiTags('co-signing')
@Controller('api/public/rounds')
export class PublicCosignController {
  constructor(private readonly cosign: CosignService) {}

  @Get(':roundId/co-signatures')
  @Public()
  @ApiOperation({
    summary:
      'The operator (name and kind), the quorum, each co-signing organisation and every approval and objection with its reasons, of a published round.',
  })
  @ApiOkResponse({ type: CosignSummaryDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  summary(@Param('roundId', ParseUUIDPipe) roundId: string): Promise<CosignSummaryDto> {
    return this.cosign.publicSummary(roundId);
  }

  @Get(':roundId/co-signatures.csv')
  @Public()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The same record as CSV: one row per decision (open data).' })
  @ApiProduces('text/csv')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async csv(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.cosign.publicCsv(roundId);
    res.setHeader('Content-Disposition', `attachment; filename="apertura-${roundId}-co-signatures.csv"`);
    return body;
  }
}
