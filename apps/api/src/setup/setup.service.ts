import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomInt } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { AuditService } from '../common/audit/audit.service';
import { GuarantorErrors } from '../guarantors/guarantors.errors';
import { UserErrors } from '../users/users.errors';
import { SetupErrors } from './setup.errors';
import { GuarantorsRepository } from '../guarantors/guarantors.repository';
import { GuarantorsService } from '../guarantors/guarantors.service';
import { UsersRepository } from '../common/users/users.repository';
import { SetupRepository } from './setup.repository';
import type { FirstRunSetupDto, FirstRunSetupResultDto } from './dto/setup.dto';

/** A code is good for a day: long enough to read the log and open the page, short enough not to linger. */
export const SETUP_CODE_TTL_MS = 24 * 3_600_000;

/** Crockford-like alphabet without 0/O, 1/I/L: the code is read off a terminal and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 5;
const GROUP_LENGTH = 4;

/** 20 characters of a 31-letter alphabet ≈ 99 bits: guessing is hopeless within the rate limit. */
export function generateSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let s = '';
    for (let i = 0; i < GROUP_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** What people type: case, spaces and dashes do not matter. */
export function normalizeSetupCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export const hashSetupCode = (raw: string): string =>
  createHash('sha256')
    .update(`apertura-setup:${normalizeSetupCode(raw)}`)
    .digest('hex');

/**
 * First run in the browser (issue #15, item 6). While no real guarantor exists (the demo's does not
 * count), each API process prints a one-time code at start; whoever can read the server's log can
 * then create the first guarantor and its admin at /configuracion. The CLI's create-guarantor stays
 * for automation; either way, once a real guarantor exists every code stops working.
 */
@Injectable()
export class SetupService {
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: SetupRepository,
    private readonly guarantorsRepo: GuarantorsRepository,
    private readonly users: UsersRepository,
    private readonly guarantors: GuarantorsService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async needed(m: EntityManager = this.ds.manager): Promise<boolean> {
    return (await this.guarantorsRepo.countReal(m)) === 0;
  }

  /**
   * A fresh code when the installation is unconfigured (null otherwise). Only its hash is stored; the
   * caller prints it. Codes of earlier starts stay valid until they expire, so several replicas may
   * each print their own.
   */
  async issue(now = new Date()): Promise<{ code: string; expiresAt: Date } | null> {
    if (!(await this.needed())) return null;
    const code = generateSetupCode();
    const expiresAt = new Date(now.getTime() + SETUP_CODE_TTL_MS);
    await this.repo.insertCode(this.ds, hashSetupCode(code), now, expiresAt);
    return { code, expiresAt };
  }

  /**
   * Issues and logs the code, framed so it stands out in `npm start`'s interleaved output. At warn
   * level: an unconfigured installation deserves attention, and LOG_LEVEL=warn must not hide the code.
   */
  async announce(): Promise<void> {
    const issued = await this.issue();
    if (!issued) return;
    const url = `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/configuracion`;
    const line = '─'.repeat(72);
    this.logger.warn(
      [
        'Primera configuración · First-run setup',
        line,
        `Código de configuración / Setup code: ${issued.code}`,
        `Abra / Open ${url} y cree el primer órgano garante y su administración / and create the first guarantor and its admin.`,
        `Válido hasta / Valid until ${issued.expiresAt.toISOString()}, una sola vez / once. (CLI: create-guarantor)`,
        line,
      ].join('\n'),
    );
  }

  async complete(dto: FirstRunSetupDto, ip: string | undefined, now = new Date()): Promise<FirstRunSetupResultDto> {
    const hash = hashSetupCode(dto.code);
    // Outside the transaction: a wrong code is refused without queueing behind a setup in progress.
    if (!(await this.needed())) throw SetupErrors.alreadyDone();
    const created = await this.ds.transaction(async (m) => {
      // One setup at a time: of two simultaneous requests with good codes the second waits here,
      // then sees the guarantor the first created and is refused.
      await this.repo.serialiseSetups(m);
      if (!(await this.needed(m))) throw SetupErrors.alreadyDone();
      const row = await this.repo.lockCode(m, hash);
      if (!row || row.usedAt) {
        await this.audit.record(m, 'system', {
          action: 'setup.refused',
          entityType: 'setup',
          details: { reason: row ? 'used' : 'wrong_code', ip: ip ?? null },
        });
        return { refused: 'invalid' as const };
      }
      if (row.expiresAt.getTime() <= now.getTime()) {
        await this.audit.record(m, 'system', {
          action: 'setup.refused',
          entityType: 'setup',
          entityId: row.id,
          details: { reason: 'expired', ip: ip ?? null },
        });
        return { refused: 'expired' as const };
      }
      await this.assertAvailable(m, dto);
      const { guarantor, admin } = await this.guarantors.createIn(m, {
        slug: dto.slug,
        name: dto.name,
        cveEnt: dto.cveEnt ?? null,
        adminEmail: dto.adminEmail,
        adminPassword: dto.adminPassword,
      });
      // Every code goes with the first guarantor: those printed by other replicas must not open a second door.
      await this.repo.spendAll(m, now);
      await this.audit.record(m, 'system', {
        action: 'setup.complete',
        entityType: 'guarantor',
        entityId: guarantor.id,
        guarantorId: guarantor.id,
        details: { slug: guarantor.slug, adminUserId: admin.id, codeId: row.id, ip: ip ?? null },
      });
      return {
        refused: null,
        guarantorId: guarantor.id,
        slug: guarantor.slug,
        adminEmail: admin.email ?? dto.adminEmail.toLowerCase(),
      };
    });
    // Refusals are committed (with their audit record) before being raised.
    if (created.refused !== null) throw SetupErrors.refusedCode(created.refused);
    return { guarantorId: created.guarantorId, slug: created.slug, adminEmail: created.adminEmail };
  }

  /** The admin's e-mail and the guarantor's slug must both be free. */
  private async assertAvailable(m: EntityManager, dto: FirstRunSetupDto): Promise<void> {
    if (await this.users.emailExistsAnyCase(m, dto.adminEmail)) {
      throw UserErrors.emailTaken('adminEmail');
    }
    if (await this.guarantorsRepo.slugExists(m, dto.slug)) {
      throw GuarantorErrors.slugTaken();
    }
  }
}
