import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnv } from '@apertura/config';
import { AuditLogEntity, dataSourceOptions } from '@apertura/db';
import { AuditService } from './common/audit/audit.service';
import { PrivacyService } from './privacy/privacy.service';
import { GuarantorsService } from './guarantors/guarantors.service';
import { runDemoCommand } from './demo/demo.command';
import { readPassword } from './cli-password';

/**
 * Operator commands (compiled to dist/apps/api/src/cli.js):
 *   migrate                        create the database if missing and apply pending migrations
 *   retention                      erase validator data past the privacy notice's retention periods (run daily)
 *   create-guarantor <slug> <name> <admin-email> [cve_ent]   (password: prompted, or the first line of stdin)
 *   demo [--if-empty] [--seed N]  seed the synthetic demo round (password: DEMO_PASSWORD or a printed one)
 */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`Unsupported database name: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await c.query(`CREATE DATABASE ${name}`);
      console.log(`Created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

export async function migrate(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

async function main(argv: string[]): Promise<void> {
  const env = loadEnv();
  const [command, ...args] = argv;
  switch (command) {
    case 'migrate': {
      const applied = await migrate(env.DATABASE_URL);
      console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
      return;
    }
    case 'create-guarantor': {
      const [slug, name, adminEmail, cveEnt, ...extra] = args;
      const usage =
        "usage: create-guarantor <slug> <name> <admin-email> [cve_ent]; the admin's password is asked for (or read from the first line of stdin)";
      if (!slug || !name || !adminEmail) throw new Error(usage);
      // The former form took the password as the fourth argument: refuse it rather than store it as a state code.
      if (extra.length > 0 || (cveEnt !== undefined && !/^\d{2}$/.test(cveEnt))) {
        throw new Error(
          `Passwords are never taken on the command line (they would show in ps and the shell history). ${usage}`,
        );
      }
      const adminPassword = await readPassword(`Password for ${adminEmail} (at least 12 characters): `);
      const ds = await new DataSource(dataSourceOptions(env.DATABASE_URL)).initialize();
      try {
        const { guarantor } = await new GuarantorsService(ds).create({
          slug,
          name,
          adminEmail,
          adminPassword,
          cveEnt: cveEnt ?? null,
        });
        console.log(`Created guarantor ${guarantor.slug} (${guarantor.id}) with admin ${adminEmail}`);
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'retention': {
      // Daily, from cron or a scheduler: erases what the privacy notice promises not to keep.
      const ds = await new DataSource(dataSourceOptions(env.DATABASE_URL)).initialize();
      try {
        const privacy = new PrivacyService(ds, new AuditService(ds.getRepository(AuditLogEntity)));
        const { unverified, inactive } = await privacy.applyRetention();
        console.log(`Retention: erased ${unverified} unverified and ${inactive} inactive validator accounts.`);
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'demo':
      return runDemoCommand(env, args, process.env.DEMO_PASSWORD);
    default:
      throw new Error(`unknown command '${command ?? ''}'. Commands: migrate, create-guarantor, demo, retention`);
  }
}

export { main };

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
