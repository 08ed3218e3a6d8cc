import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { InstitutionPageDto } from '../universe/dto/universe.dto';
import {
  CreateRoundDto,
  ListRoundsQueryDto,
  RoundDetailDto,
  RoundPageDto,
  RoundUniverseQueryDto,
  UpdateRoundDto,
} from './dto/round.dto';
import { PublishPreviewDto, PublishRoundDto } from './dto/publish.dto';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('api/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Create a round (draft): window, universe selection, questionnaire versions, method settings and design (census | sample).',
    description:
      'Questionnaires must belong to the guarantor and be of the right kind (422 QUESTIONNAIRE_KIND_MISMATCH). A `sample` design is checked ' +
      'against the institutions the selection matches (400 VALIDATION_FAILED with `field` such as `design.states[0].population` and ' +
      '`details.problems: [{ path, es, en }]`).',
  })
  @ApiCreatedResponse({ type: RoundDetailDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'QUESTIONNAIRE_KIND_MISMATCH',
    'SETTINGS_INVALID',
  )
  create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateRoundDto): Promise<RoundDetailDto> {
    return this.rounds.create(actor, dto);
  }

  @Get()
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "Rounds of the caller's guarantor, newest first." })
  @ApiOkResponse({ type: RoundPageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  list(@CurrentUser() actor: UserPrincipal, @Query() q: ListRoundsQueryDto): Promise<RoundPageDto> {
    return this.rounds.list(actor, q);
  }

  @Get(':id')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'A round with its universe size and states, questionnaires, invitation/response counts, design and any design problems.',
  })
  @ApiOkResponse({ type: RoundDetailDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<RoundDetailDto> {
    return this.rounds.get(actor, id);
  }

  @Patch(':id')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Change a draft round (including switching to a newer questionnaire version or its design).',
    description:
      'Refused with 409 ROUND_NOT_DRAFT once the round has opened: questionnaires, universe and design are then frozen. A given `design` ' +
      'replaces the stored one and is checked against the universe as patched (400 VALIDATION_FAILED with the field path); a change is audited ' +
      'with the design before and after.',
  })
  @ApiOkResponse({ type: RoundDetailDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'ROUND_NOT_DRAFT',
    'QUESTIONNAIRE_KIND_MISMATCH',
    'SETTINGS_INVALID',
  )
  update(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRoundDto,
  ): Promise<RoundDetailDto> {
    return this.rounds.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Delete a draft round (audited).',
    description:
      'Refused with 409 ROUND_NOT_DRAFT once the round has opened: its invitations, responses and audit trail are kept.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'ROUND_NOT_DRAFT')
  remove(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rounds.remove(actor, id);
  }

  @Get(':id/publish-preview')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Coverage before publishing: institutions in the universe, submitted, validated by citizens, and the status counts of their I values.',
    description:
      '`needsAcknowledgement` is true when most values are not conclusive or most institutions never answered; POST …/publish then ' +
      'needs `acknowledgeInconclusive: true`. Values are as last computed (`computedAt`); publishing recomputes them first.',
  })
  @ApiOkResponse({ type: PublishPreviewDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  publishPreview(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublishPreviewDto> {
    return this.rounds.publishPreview(actor, id);
  }

  @Get(':id/universe')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      "The round's institutions (frozen at opening; for a draft, what its selection matches now), filtered and paginated.",
  })
  @ApiOkResponse({ type: InstitutionPageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  universe(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: RoundUniverseQueryDto,
  ): Promise<InstitutionPageDto> {
    return this.rounds.universePage(actor, id, q);
  }

  @Post(':id/open')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'draft → open: freeze the universe from the selection and invite every institution (one transaction).',
    description:
      'An empty universe is refused (422 UNIVERSE_EMPTY); so is a round whose window has already ended (409 INVALID_TRANSITION), and a ' +
      '`sample` round whose design no longer matches the universe being frozen (422 DESIGN_INVALID, field and `details.problems` as in PATCH).',
  })
  @ApiOkResponse({ type: RoundDetailDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INVALID_TRANSITION',
    'UNIVERSE_EMPTY',
    'DESIGN_INVALID',
  )
  open(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<RoundDetailDto> {
    return this.rounds.transition(actor, id, 'open');
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'open → closed: no more submissions (they get 409 ROUND_CLOSED).' })
  @ApiOkResponse({ type: RoundDetailDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_TRANSITION')
  close(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<RoundDetailDto> {
    return this.rounds.transition(actor, id, 'close');
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'closed → published: rebuilds every result first (a full recompute); the round turns published, and its results public, when that rebuild is done (see publication). Final state.',
    description:
      'When most institution values are not conclusive or most institutions never answered (GET …/publish-preview), the body must carry ' +
      '`acknowledgeInconclusive: true` (409 PUBLISH_ACKNOWLEDGEMENT_REQUIRED otherwise, with the coverage in `details`). A co-signed round ' +
      '(coSignQuorum > 0) needs that many current approvals of the method settings, instrument and results (409 COSIGN_QUORUM_NOT_MET); ' +
      'if the rebuild changes the results, the approvals go stale and the round stays closed until the co-signers decide again.',
  })
  @ApiOkResponse({ type: RoundDetailDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INVALID_TRANSITION',
    'PUBLISH_ACKNOWLEDGEMENT_REQUIRED',
    'COSIGN_QUORUM_NOT_MET',
  )
  publish(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto?: PublishRoundDto,
  ): Promise<RoundDetailDto> {
    return this.rounds.transition(actor, id, 'publish', { acknowledgeInconclusive: dto?.acknowledgeInconclusive });
  }
}
