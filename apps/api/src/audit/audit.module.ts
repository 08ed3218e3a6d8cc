import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditLogService } from './audit.service';

/** Read side of the audit log (AuditService, the writer, is provided globally by InfrastructureModule). */
@Module({ controllers: [AuditController], providers: [AuditLogService, AuditRepository] })
export class AuditModule {}
