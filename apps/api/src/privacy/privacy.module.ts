import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** Data-subject rights of citizen validators: erasure with pseudonymisation (docs/security.md §Privacy). */
@Module({ controllers: [PrivacyController], providers: [PrivacyService] })
export class PrivacyModule {}
