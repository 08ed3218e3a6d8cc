import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../../common/principal';
import { ApiErrors } from '../../common/api-errors.decorator';
import { VerifiedEmailGuard } from '../verified-email.guard';
import {
  EvidenceFileDto,
  EvidenceUploadDto,
  EvidenceUploadFormDto,
  SaveReportDto,
  SaveReportResultDto,
  SaveVerdictDto,
  SaveVerdictResultDto,
  SaveVerdictsDto,
  SaveVerdictsResultDto,
} from './dto/work.dto';
import { CITIZEN_EVIDENCE_LIMITS, UploadedFileLike, WorkService } from './work.service';

/** In memory, bounded: one file of ≤ 10 MB and one small field; filenames read as UTF-8. */
const UPLOAD_OPTIONS = {
  defParamCharset: 'utf8',
  limits: {
    fileSize: CITIZEN_EVIDENCE_LIMITS.maxFileBytes,
    files: 1,
    fields: 2,
    fieldSize: 1024,
    fieldNameSize: 100,
    parts: 4,
    headerPairs: 50,
  },
};

const WRITE_ERRORS = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'EMAIL_NOT_VERIFIED',
  'NOT_ASSIGNED',
  'CONFLICT_OF_INTEREST',
  'ASSIGNMENT_EXPIRED',
  'VALIDATION_CLOSED',
  'ROUND_NOT_OPEN',
  'ROUND_CLOSED',
] as const;

@ApiTags('citizens')
@ApiBearerAuth()
@Roles('citizen_validator')
@UseGuards(VerifiedEmailGuard)
@Controller('api/citizens/assignments/:assignmentId')
export class WorkController {
  constructor(private readonly work: WorkService) {}

  @Put('verdicts')
  @ApiOperation({
    summary: 'Save all your verdicts on the assignment at once (one transaction).',
    description:
      'All or nothing: any invalid item answers 400 VALIDATION_FAILED with details.errors = [{ index, questionName, field, messages }] (one entry per claim and field) and nothing is stored.',
  })
  @ApiOkResponse({ type: SaveVerdictsResultDto })
  @ApiErrors(...WRITE_ERRORS)
  saveVerdicts(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: SaveVerdictsDto,
  ): Promise<SaveVerdictsResultDto> {
    return this.work.saveVerdicts(user.userId, assignmentId, dto.verdicts);
  }

  @Put('verdicts/:questionName')
  @ApiParam({ name: 'questionName', description: 'Name of a verifiable claim of the institution questionnaire.' })
  @ApiOperation({
    summary: 'Save your verdict on a verifiable claim (saving again updates it); editable until the round closes.',
  })
  @ApiOkResponse({ type: SaveVerdictResultDto })
  @ApiErrors(...WRITE_ERRORS, 'NOT_FOUND', 'SUBMISSION_INVALID')
  saveVerdict(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Param('questionName') questionName: string,
    @Body() dto: SaveVerdictDto,
  ): Promise<SaveVerdictResultDto> {
    return this.work.saveVerdict(user.userId, assignmentId, questionName, dto);
  }

  @Put('report')
  @ApiOperation({
    summary:
      'Save your citizen report (citizen questionnaire) on the institution; validated like institution submissions.',
  })
  @ApiOkResponse({ type: SaveReportResultDto })
  @ApiErrors(...WRITE_ERRORS, 'SUBMISSION_INVALID')
  saveReport(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: SaveReportDto,
  ): Promise<SaveReportResultDto> {
    return this.work.saveReport(user.userId, assignmentId, dto.data);
  }

  @Post('evidence')
  @UseInterceptors(FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadFormDto })
  @ApiOperation({ summary: 'Upload an evidence file for your verdicts (≤ 10 MB; type detected from the content).' })
  @ApiResponse({ status: 201, type: EvidenceFileDto })
  @ApiErrors(...WRITE_ERRORS, 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT')
  upload(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @UploadedFile() file: UploadedFileLike | undefined,
    @Body() dto: EvidenceUploadDto,
  ): Promise<EvidenceFileDto> {
    return this.work.uploadEvidence(user.userId, assignmentId, file, dto.questionName);
  }

  @Get('evidence/:fileId')
  @ApiProduces('application/octet-stream')
  @ApiOperation({
    summary: "Download an evidence file of the assigned institution's self-report, or one you uploaded.",
  })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED', 'NOT_ASSIGNED', 'NOT_FOUND')
  async download(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.work.downloadEvidence(user.userId, assignmentId, fileId);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }
}
