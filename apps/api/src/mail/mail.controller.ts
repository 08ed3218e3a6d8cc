import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import {
  CapturedPageDto,
  DeliveryEventParamDto,
  DeliveryPageDto,
  ListDeliveriesQueryDto,
  MailResentDto,
  MailPreviewDto,
  MailTemplateDto,
  MailTemplateKeyDto,
  MailTemplateListDto,
  SaveMailTemplateDto,
  TestMailDto,
  TestMailQueuedDto,
} from './dto/mail.dto';
import { MailTemplatesService } from './mail-templates.service';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/mail')
export class MailController {
  constructor(
    private readonly mail: MailService,
    private readonly templates: MailTemplatesService,
  ) {}

  @Get('deliveries')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      "Where each of the guarantor's mails stands (queued, sent, skipped, failed with the server's reason, given up), trouble first; counts per state.",
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  deliveries(@CurrentUser() actor: UserPrincipal, @Query() q: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.mail.deliveries(actor, q);
  }

  @Post('deliveries/:eventId/resend')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Re-send a mail that failed or was given up: a copy of its outbox event is queued (a new delivery row, same content and link) and the old row ends resent (audited). 409 MAIL_ALREADY_SENT when it left; 409 MAIL_NOT_RESENDABLE when queued, skipped or already re-sent.',
  })
  @ApiAcceptedResponse({ type: MailResentDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'MAIL_ALREADY_SENT',
    'MAIL_NOT_RESENDABLE',
  )
  resend(@CurrentUser() actor: UserPrincipal, @Param() p: DeliveryEventParamDto): Promise<MailResentDto> {
    return this.mail.resend(actor, p.eventId);
  }

  @Get('captured')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Development only (404 in production): messages caught by the embedded mail catcher, newest first, with their links. ' +
      "Your guarantor's mail, and mail of no guarantor (password resets, verification) only when addressed to your own account.",
  })
  @ApiOkResponse({ type: CapturedPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  captured(@CurrentUser() actor: UserPrincipal, @Query() q: PageQueryDto): Promise<CapturedPageDto> {
    return this.mail.captured(actor, q.page, q.pageSize);
  }

  @Post('test')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Queue a test mail (to the admin's own address unless `to` is given); its delivery row shows whether it left (audited).",
  })
  @ApiAcceptedResponse({ type: TestMailQueuedDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  test(@CurrentUser() actor: UserPrincipal, @Body() dto: TestMailDto): Promise<TestMailQueuedDto> {
    return this.mail.sendTest(actor, dto.to);
  }

  @Get('templates')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      "The guarantor's invitation and reminder texts (es, en), the built-in ones where none is saved, and the allowed variables.",
  })
  @ApiOkResponse({ type: MailTemplateListDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  listTemplates(@CurrentUser() actor: UserPrincipal): Promise<MailTemplateListDto> {
    return this.templates.list(actor);
  }

  @Post('templates/preview')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Render a template with sample data exactly as the worker would send it (nothing saved). Same validation as saving.',
  })
  @ApiOkResponse({ type: MailPreviewDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'TEMPLATE_UNKNOWN_VARIABLE',
    'TEMPLATE_UNSAFE',
    'TEMPLATE_LINK_REQUIRED',
  )
  previewTemplate(@CurrentUser() actor: UserPrincipal, @Body() dto: SaveMailTemplateDto): Promise<MailPreviewDto> {
    return this.templates.preview(actor, dto);
  }

  @Put('templates')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Save an invitation or reminder text in one language: plain text with whitelisted {{variables}}; {{link}} required in the body (audited).',
  })
  @ApiOkResponse({ type: MailTemplateDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'TEMPLATE_UNKNOWN_VARIABLE',
    'TEMPLATE_UNSAFE',
    'TEMPLATE_LINK_REQUIRED',
  )
  saveTemplate(@CurrentUser() actor: UserPrincipal, @Body() dto: SaveMailTemplateDto): Promise<MailTemplateDto> {
    return this.templates.save(actor, dto);
  }

  @Post('templates/reset')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Go back to the built-in text of one kind and language (audited).' })
  @ApiOkResponse({ type: MailTemplateDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN')
  resetTemplate(@CurrentUser() actor: UserPrincipal, @Body() dto: MailTemplateKeyDto): Promise<MailTemplateDto> {
    return this.templates.reset(actor, dto);
  }
}
