import type { Type } from '@nestjs/common';
import { InvitationsModule } from './invitations/invitations.module';
import { ResponsesModule } from './responses/responses.module';

/**
 * Feature modules of the API, one per capability (rounds, universe, questionnaires, invitations,
 * responses, validators, results, exports, …). Each feature adds itself here.
 */
export const FEATURE_MODULES: Type<unknown>[] = [InvitationsModule, ResponsesModule];
