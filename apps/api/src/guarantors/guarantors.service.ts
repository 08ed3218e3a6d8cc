import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GuarantorEntity, UserEntity } from '@apertura/db';
import { hashPassword } from '../auth/passwords';
import { GuarantorErrors } from './guarantors.errors';

export interface NewGuarantor {
  slug: string;
  name: string;
  cveEnt: string | null;
  adminEmail: string;
  adminPassword: string;
}

/**
 * Creates a guarantor body with its first admin: from the command line (`create-guarantor`, for
 * automation) or, once, from the first-run page with the setup code printed in the API log (SetupService).
 */
@Injectable()
export class GuarantorsService {
  constructor(private readonly ds: DataSource) {}

  async create(input: NewGuarantor): Promise<{ guarantor: GuarantorEntity; admin: UserEntity }> {
    return this.ds.transaction((m) => this.createIn(m, input));
  }

  /** The same, inside the caller's transaction. */
  async createIn(m: EntityManager, input: NewGuarantor): Promise<{ guarantor: GuarantorEntity; admin: UserEntity }> {
    if (!/^[a-z0-9-]{2,64}$/.test(input.slug)) {
      throw GuarantorErrors.invalidSlug();
    }
    if (input.adminPassword.length < 12) {
      throw GuarantorErrors.adminPasswordTooShort();
    }
    const passwordHash = await hashPassword(input.adminPassword);
    const guarantor = await m.save(
      m.create(GuarantorEntity, { slug: input.slug, name: input.name, cveEnt: input.cveEnt }),
    );
    const admin = await m.save(
      m.create(UserEntity, {
        email: input.adminEmail.toLowerCase(),
        passwordHash,
        displayName: `Administración ${input.name}`,
        role: 'guarantor_admin',
        guarantorId: guarantor.id,
        emailVerifiedAt: new Date(),
      }),
    );
    return { guarantor, admin };
  }
}
