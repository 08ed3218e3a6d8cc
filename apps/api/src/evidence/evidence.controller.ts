import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvitationAccess } from '../auth/access.decorator';
import { CurrentInvitation, InvitationPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { EvidenceDto, UploadEvidenceDto, UploadEvidenceFormDto } from './dto/evidence.dto';
import { EvidenceService, UploadedEvidence } from './evidence.service';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';

@ApiTags('respond')
@ApiSecurity('invitation')
@Controller('api/respond/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @InvitationAccess()
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadEvidenceFormDto })
  @ApiOperation({ summary: 'Upload an evidence file for a question (type detected from the content; ≤ 10 MB).' })
  @ApiResponse({ status: 201, type: EvidenceDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'INVALID_TOKEN',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    'SUBMISSION_INVALID',
    'ROUND_NOT_OPEN',
    'ROUND_CLOSED',
    'CONFLICT',
  )
  upload(
    @CurrentInvitation() inv: InvitationPrincipal,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body() dto: UploadEvidenceDto,
  ): Promise<EvidenceDto> {
    return this.evidence.upload(inv, file, dto.questionName);
  }

  @Get(':id')
  @InvitationAccess()
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download one of your evidence files (as an attachment, with its detected type).' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'NOT_FOUND')
  async download(
    @CurrentInvitation() inv: InvitationPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.downloadOwn(inv, id);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }

  @Delete(':id')
  @InvitationAccess()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an evidence file while the round is open (versions that cite it keep it).' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'NOT_FOUND', 'ROUND_NOT_OPEN', 'ROUND_CLOSED')
  async remove(@CurrentInvitation() inv: InvitationPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.evidence.remove(inv, id);
  }
}
