import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { ListResponsesQueryDto, ResponsePageDto, StaffResponseDto, StaffVersionDto } from './dto/staff-responses.dto';
import { StaffResponsesService } from './staff-responses.service';

/** Self-reports of a round for the guarantor's staff (other guarantors' rounds answer NOT_FOUND). */
@ApiTags('responses')
@ApiBearerAuth()
@Controller('api/rounds/:roundId')
export class StaffResponsesController {
  constructor(private readonly staff: StaffResponsesService) {}

  @Get('responses')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: 'Institutions of the round with the state of their self-report (paginated; filters status, cveEnt).',
  })
  @ApiResponse({ status: 200, type: ResponsePageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  list(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() query: ListResponsesQueryDto,
  ): Promise<ResponsePageDto> {
    return this.staff.list(user, roundId, query);
  }

  @Get('responses/:institutionId')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "An institution's current submitted answers, its versions and evidence." })
  @ApiResponse({ status: 200, type: StaffResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  detail(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<StaffResponseDto> {
    return this.staff.detail(user, roundId, institutionId);
  }

  @Get('responses/:institutionId/versions/:version')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'One submitted version as it was stored, with the evidence it was submitted with.' })
  @ApiResponse({ status: 200, type: StaffVersionDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  version(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<StaffVersionDto> {
    return this.staff.version(user, roundId, institutionId, version);
  }

  @Get('evidence/:id')
  @Roles('guarantor_admin', 'analyst')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download an evidence file of the round (as an attachment, with its detected type).' })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async download(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.staff.download(user, roundId, id);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }
}
