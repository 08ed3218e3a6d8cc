import { Injectable } from '@nestjs/common';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { guarantorOf } from '../common/guarantor-of';
import type { OperatorDto, UpdateOperatorDto } from '../cosign/dto/cosign.dto';
import { OperatorRepository } from './operator.repository';

/**
 * The operator of rounds: its public name and kind (issue #18). Since the national guarantor was
 * dissolved, rounds are run by transparency authorities, comptrollers, civil-society or academic teams;
 * public pages say which, from here.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly repo: OperatorRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: UserPrincipal): Promise<OperatorDto> {
    const op = await this.repo.byId(guarantorOf(actor));
    if (!op) throw notFound('organismo operador');
    return { name: op.name, kind: op.kind };
  }

  async publicBySlug(slug: string): Promise<OperatorDto & { slug: string }> {
    const op = await this.repo.bySlug(slug);
    if (!op) throw notFound('organismo operador', 'slug');
    return { slug: op.slug, name: op.name, kind: op.kind };
  }

  async update(actor: UserPrincipal, dto: UpdateOperatorDto): Promise<OperatorDto> {
    const id = guarantorOf(actor);
    return this.repo.transaction(async (m) => {
      const op = await this.repo.byId(id, m);
      if (!op) throw notFound('organismo operador');
      const name = dto.name ?? op.name;
      const kind = dto.kind ?? op.kind;
      if (name !== op.name || kind !== op.kind) {
        await this.repo.update(m, id, name, kind);
        await this.audit.record(m, actor, {
          action: 'operator.update',
          entityType: 'guarantor',
          entityId: id,
          guarantorId: id,
          details: { from: { name: op.name, kind: op.kind }, to: { name, kind } },
        });
      }
      return { name, kind };
    });
  }
}
