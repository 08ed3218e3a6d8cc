import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Env, loadEnv } from '@apertura/config';
import { dataSourceOptions } from '@apertura/db';
import { GuarantorsService } from '../guarantors/guarantors.service';
import { PrivacyService } from '../privacy/privacy.service';
import { readPassword } from './cli-password';
import { CliModule } from './cli.module';
import { DemoCommand, parseDemoArgs } from './demo/demo.command';

/**
 * Operator commands (compiled to dist/apps/api/src/cli/cli.js):
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

/**
 * `migrate` stays outside Nest: it may first have to create the database the application context
 * would connect to.
 */
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

/**
 * Runs one command inside a Nest application context (CliModule), so the services come wired as the API
 * wires them, and closes it — and with it the database pool — whatever happens.
 */
async function withContext<T>(env: Env, run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // No Nest logger: stdout carries the commands' output (scripts/start.js captures it), and a failure is
  // thrown to main's handler, which prints its message once. abortOnError: false lets it get there
  // (e.g. an unreachable database) and exit 1 instead of aborting the process.
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), {
    logger: false,
    abortOnError: false,
  });
  try {
    return await run(app);
  } finally {
    await app.close();
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
      const { guarantor } = await withContext(env, (app) =>
        app.get(GuarantorsService).create({ slug, name, adminEmail, adminPassword, cveEnt: cveEnt ?? null }),
      );
      console.log(`Created guarantor ${guarantor.slug} (${guarantor.id}) with admin ${adminEmail}`);
      return;
    }
    case 'retention': {
      // Daily, from cron or a scheduler: erases what the privacy notice promises not to keep.
      const { unverified, inactive } = await withContext(env, (app) => app.get(PrivacyService).applyRetention());
      console.log(`Retention: erased ${unverified} unverified and ${inactive} inactive validator accounts.`);
      return;
    }
    case 'demo': {
      const options = parseDemoArgs(args); // a usage error is reported before any connection is made
      return withContext(env, (app) => app.get(DemoCommand).run(options, process.env.DEMO_PASSWORD));
    }
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
