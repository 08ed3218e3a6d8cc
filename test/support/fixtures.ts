import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { GuarantorsService } from '../../apps/api/src/guarantors/guarantors.service';
import { DataSource } from 'typeorm';
import { Client } from './http';

export interface Staff {
  guarantorId: string;
  adminToken: string;
  adminEmail: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A guarantor with its first admin, signed in. */
export async function guarantorWithAdmin(
  ds: DataSource,
  http: Client,
  slug = `g-${randomBytes(3).toString('hex')}`,
  cveEnt: string | null = '15',
): Promise<Staff> {
  const adminEmail = `admin@${slug}.example`;
  const { guarantor } = await new GuarantorsService(ds).create({
    slug,
    name: `Órgano garante ${slug}`,
    cveEnt,
    adminEmail,
    adminPassword: TEST_PASSWORD,
  });
  const login = await http.post('/api/auth/login', { email: adminEmail, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { guarantorId: guarantor.id, adminToken: login.body.accessToken, adminEmail };
}

export async function staffToken(
  http: Client,
  adminToken: string,
  role: 'analyst' | 'guarantor_admin',
): Promise<string> {
  const email = `${role}-${randomBytes(3).toString('hex')}@example.org`;
  const created = await http.post('/api/users', { email, password: TEST_PASSWORD, role }, { token: adminToken });
  if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
  const login = await http.post('/api/auth/login', { email, password: TEST_PASSWORD });
  return login.body.accessToken;
}

export type { INestApplication };

/**
 * The id of the account with this e-mail. Registration answers 202 `{ accepted: true }` without the id
 * (the same answer for new and existing addresses, issue #13), so tests look it up.
 */
export async function userIdByEmail(ds: DataSource, email: string): Promise<string> {
  const rows: Array<{ id: string }> = await ds.query('SELECT id FROM app_user WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  if (rows.length !== 1) throw new Error(`no account with e-mail ${email}`);
  return rows[0].id;
}
