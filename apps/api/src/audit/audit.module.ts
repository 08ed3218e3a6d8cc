import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** Read side of the audit log (AuditService itself is provided globally by InfrastructureModule). */
@Module({ controllers: [AuditController] })
export class AuditModule {}
