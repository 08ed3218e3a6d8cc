import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/** Data-subject rights of citizen validators: erasure with pseudonymisation (docs/security.md §Privacy). */
@Module({ controllers: [PrivacyController], providers: [PrivacyRepository, PrivacyService] })
export class PrivacyModule {}
