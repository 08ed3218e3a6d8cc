import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CapturedPageDto, DeliveryPageDto, ListDeliveriesQueryDto, TestMailDto, TestMailQueuedDto } from './dto/mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get('deliveries')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "Where each of the guarantor's mails stands (queued, sent, skipped, failed with the server's reason, given up), trouble first; counts per state." })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  deliveries(@CurrentUser() actor: UserPrincipal, @Query() q: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.mail.deliveries(actor, q);
  }

  @Get('captured')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Development only (404 in production): messages caught by the embedded mail catcher, newest first, with their links.' })
  @ApiOkResponse({ type: CapturedPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  captured(@CurrentUser() actor: UserPrincipal, @Query() q: PageQueryDto): Promise<CapturedPageDto> {
    return this.mail.captured(actor, q.page, q.pageSize);
  }

  @Post('test')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: "Queue a test mail (to the admin's own address unless `to` is given); its delivery row shows whether it left (audited)." })
  @ApiAcceptedResponse({ type: TestMailQueuedDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  test(@CurrentUser() actor: UserPrincipal, @Body() dto: TestMailDto): Promise<TestMailQueuedDto> {
    return this.mail.sendTest(actor, dto.to);
  }
}
