import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { FirstRunSetupDto, FirstRunSetupResultDto, SetupStatusDto } from './dto/setup.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Public()
@Controller('api/setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get('status')
  @ApiOperation({
    summary: 'Whether the installation still needs its first guarantor (the first-run page is offered).',
  })
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { needed: await this.setup.needed() };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create the first guarantor and its admin with the one-time setup code printed in the API log at start.',
    description:
      'Works once: afterwards (or when a guarantor was created with the CLI) 409 `SETUP_ALREADY_DONE`. A wrong or used code is ' +
      '403 `SETUP_CODE_INVALID`, an expired one 410 `SETUP_CODE_EXPIRED` (restart the API for a new one). Rate-limited like sign-in; audited.',
  })
  @ApiOkResponse({ type: FirstRunSetupResultDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'SETUP_CODE_INVALID',
    'SETUP_CODE_EXPIRED',
    'SETUP_ALREADY_DONE',
    'EMAIL_TAKEN',
    'CONFLICT',
    'RATE_LIMITED',
  )
  complete(@Body() dto: FirstRunSetupDto, @Ip() ip: string): Promise<FirstRunSetupResultDto> {
    return this.setup.complete(dto, ip);
  }
}
