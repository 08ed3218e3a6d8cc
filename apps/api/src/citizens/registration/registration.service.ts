import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { hashPassword } from '../../auth/passwords';
import { hashToken } from '@apertura/config';
import { OutboxService } from '../../common/outbox/outbox.service';
import { CitizenErrors } from '../citizens.errors';
import type { Queryable } from '../../common/persistence';
import { ValidatorsRepository } from '../validators.repository';
import { RegisterValidatorDto } from './dto/registration.dto';
import { newPseudonym } from './pseudonym';
import { createVerification } from './verification';

/** A new verification mail at most once a minute per account (resend cannot be used to flood a mailbox). */
const RESEND_INTERVAL_MS = 60_000;
const PSEUDONYM_ATTEMPTS = 8;
/** At most one "someone tried to register your address" mail per account in this interval. */
export const ACCOUNT_NOTICE_INTERVAL_MS = 15 * 60_000;

export async function assertMunicipalityExists(
  validators: ValidatorsRepository,
  m: Queryable,
  cvegeo: string,
): Promise<void> {
  if (!(await validators.municipalityExists(m, cvegeo))) throw CitizenErrors.unknownMunicipality();
}

/** Self-registration of citizen validators and e-mail verification. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly validators: ValidatorsRepository,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Registers a validator. The answer is the same whether or not the address already has an account
   * (no enumeration): a new address gets the verification mail, an existing one a notice to its owner
   * (at most one per ACCOUNT_NOTICE_INTERVAL_MS) saying that someone tried, with the way to reset the password.
   */
  async register(dto: RegisterValidatorDto, now = new Date()): Promise<void> {
    const email = dto.email.trim().toLowerCase();
    if (dto.cvegeo) await assertMunicipalityExists(this.validators, this.ds, dto.cvegeo);
    // Hash before looking at the e-mail: a taken address costs the same time as a new one.
    const passwordHash = await hashPassword(dto.password);
    await this.ds.transaction(async (m) => {
      // Two simultaneous registrations of one address give one account (the insert yields to the other).
      const userId = await this.validators.insertUser(m, {
        email,
        passwordHash,
        displayName: dto.displayName || null,
      });
      if (userId === undefined) {
        const owner = await this.validators.stampAccountNotice(
          m,
          email,
          now,
          new Date(now.getTime() - ACCOUNT_NOTICE_INTERVAL_MS),
        );
        if (owner !== undefined) await this.outbox.emit(m, { type: 'mail.account-exists', payload: { userId: owner } });
        return;
      }
      await this.insertProfile(m, userId, dto, now);
      await createVerification(m, this.validators, this.outbox, this.env.TOKEN_SECRET, userId, now);
    });
  }

  private async insertProfile(m: EntityManager, userId: string, dto: RegisterValidatorDto, now: Date): Promise<void> {
    for (let attempt = 0; attempt < PSEUDONYM_ATTEMPTS; attempt++) {
      const inserted = await this.validators.insertProfile(m, {
        userId,
        pseudonym: newPseudonym(),
        cvegeo: dto.cvegeo ?? null,
        consentAt: now,
        privacyNoticeVersion: dto.privacyNoticeVersion,
      });
      if (inserted) return;
    }
    throw new Error('could not draw a free validator pseudonym');
  }

  /**
   * Spends the link (it works once and for 48 hours) and marks the address verified; returns the
   * account, which the controller signs in.
   */
  async verify(token: string, now = new Date()): Promise<{ userId: string }> {
    return this.ds.transaction(async (m) => {
      const userId = await this.validators.spendVerification(m, hashToken(token), now);
      if (userId === undefined) throw CitizenErrors.invalidVerificationToken();
      if (!(await this.validators.markEmailVerified(m, userId, now))) throw CitizenErrors.invalidVerificationToken();
      // Older links of the same account are spent too: one verification, no stray working links.
      await this.validators.spendOpenVerifications(m, userId, now);
      return { userId };
    });
  }

  /** Always "accepted": whether the address exists is never revealed. */
  async resend(emailInput: string, now = new Date()): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.ds.transaction(async (m) => {
      const userId = await this.validators.lockUnverified(m, email);
      if (userId === undefined) return;
      if (await this.validators.hasVerificationSince(m, userId, new Date(now.getTime() - RESEND_INTERVAL_MS))) return;
      await createVerification(m, this.validators, this.outbox, this.env.TOKEN_SECRET, userId, now);
    });
  }
}
