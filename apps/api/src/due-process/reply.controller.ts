import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvitationAccess } from '../auth/access.decorator';
import { CurrentInvitation, InvitationPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateDisputeDto, RefutationDto, RefutationListDto } from './dto/due-process.dto';
import { DueProcessService } from './due-process.service';

/** The institution's right of reply (METHOD.md §3.1), reached with its invitation link. */
@ApiTags('respond')
@ApiSecurity('invitation')
@Controller('api/respond/refutations')
export class ReplyController {
  constructor(private readonly dueProcess: DueProcessService) {}

  @Get()
  @InvitationAccess()
  @ApiOperation({
    summary:
      "Notified refutations of this institution's claims, with the validator's evidence (never the validator's identity) and their standing.",
  })
  @ApiOkResponse({ type: RefutationListDto })
  @ApiErrors('INVALID_TOKEN')
  list(@CurrentInvitation() inv: InvitationPrincipal): Promise<RefutationListDto> {
    return this.dueProcess.refutations(inv);
  }

  @Get(':verdictId/evidence')
  @InvitationAccess()
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: "The validator's evidence file of a refutation (neutral file name)." })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'NOT_FOUND')
  async evidence(
    @CurrentInvitation() inv: InvitationPrincipal,
    @Param('verdictId', ParseUUIDPipe) verdictId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.dueProcess.refutationEvidence(inv, verdictId);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }

  @Post(':verdictId/dispute')
  @InvitationAccess()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Dispute a refutation within the reply window, with text and evidence; the guarantor decides. Audited.',
  })
  @ApiResponse({ status: 201, type: RefutationDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'NOT_FOUND', 'REPLY_WINDOW_CLOSED', 'DISPUTE_EXISTS')
  dispute(
    @CurrentInvitation() inv: InvitationPrincipal,
    @Param('verdictId', ParseUUIDPipe) verdictId: string,
    @Body() dto: CreateDisputeDto,
  ): Promise<RefutationDto> {
    return this.dueProcess.dispute(inv, verdictId, dto);
  }
}
