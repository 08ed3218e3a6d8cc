import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GuarantorEntity, UserEntity } from '@apertura/db';
import { hashPassword } from '../auth/passwords';
import { DomainError } from '../common/domain-error';

export interface NewGuarantor {
  slug: string;
  name: string;
  cveEnt: string | null;
  adminEmail: string;
  adminPassword: string;
}

/**
 * Creates a guarantor body with its first admin. Not exposed over HTTP: an operator runs it from the
 * command line (`npm run cli -- create-guarantor …`), which is the trust anchor of the installation.
 */
@Injectable()
export class GuarantorsService {
  constructor(private readonly ds: DataSource) {}

  async create(input: NewGuarantor): Promise<{ guarantor: GuarantorEntity; admin: UserEntity }> {
    if (!/^[a-z0-9-]{2,64}$/.test(input.slug)) {
      throw new DomainError('VALIDATION_FAILED', { es: 'Clave no válida (minúsculas, dígitos y guiones).', en: 'Invalid slug (lower case, digits, hyphens).' }, 'slug');
    }
    if (input.adminPassword.length < 12) {
      throw new DomainError('VALIDATION_FAILED', { es: 'La contraseña debe tener al menos 12 caracteres.', en: 'The password must have at least 12 characters.' }, 'adminPassword');
    }
    const passwordHash = await hashPassword(input.adminPassword);
    return this.ds.transaction(async (m) => {
      const guarantor = await m.save(m.create(GuarantorEntity, { slug: input.slug, name: input.name, cveEnt: input.cveEnt }));
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
    });
  }
}
