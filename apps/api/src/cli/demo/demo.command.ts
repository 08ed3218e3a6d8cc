import { randomBytes } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_SEED, DEMO_ADMIN_EMAIL, DEMO_GUARANTOR_SLUG, seedDemo } from './seed-demo';
import { formatDemoSummary } from './summary';

export interface DemoArgs {
  ifEmpty: boolean;
  seed: number;
}

/** `demo [--if-empty] [--seed N]` */
export function parseDemoArgs(args: readonly string[]): DemoArgs {
  const out: DemoArgs = { ifEmpty: false, seed: DEFAULT_DEMO_SEED };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--if-empty') out.ifEmpty = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const raw = a === '--seed' ? args[++i] : a.slice('--seed='.length);
      if (raw === undefined || !/^\d{1,10}$/.test(raw) || Number(raw) > 0xffffffff)
        throw new Error(`--seed needs an integer 0–4294967295, got '${raw ?? ''}'`);
      out.seed = Number(raw);
    } else throw new Error(`unknown option '${a}'. usage: demo [--if-empty] [--seed N]`);
  }
  return out;
}

/**
 * The demo password: DEMO_PASSWORD when set; otherwise a fixed, documented one for local demos, and a
 * random one in production (a forgotten demo must not leave a guessable admin behind).
 */
export function demoPassword(
  env: Pick<Env, 'NODE_ENV'>,
  override: string | undefined,
): { password: string; known: boolean } {
  if (override) return { password: override, known: false };
  if (env.NODE_ENV === 'production') return { password: randomBytes(12).toString('base64url'), known: false };
  return { password: DEFAULT_DEMO_PASSWORD, known: true };
}

/** `demo`: seeds the synthetic demo round into the CLI's database and prints how to sign in to it. */
@Injectable()
export class DemoCommand {
  constructor(
    private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async run({ ifEmpty, seed }: DemoArgs, passwordOverride: string | undefined): Promise<void> {
    const { password, known } = demoPassword(this.env, passwordOverride);
    const result = await seedDemo(this.ds, { seed, ifEmpty, password });
    if (!result.skipped) {
      console.log(formatDemoSummary(result, this.env.PUBLIC_URL));
      return;
    }
    const demo: unknown[] = await this.ds.query('SELECT 1 FROM guarantor WHERE slug = $1', [DEMO_GUARANTOR_SLUG]);
    console.log(`Demostración no generada: ${result.reason}. Abra / Open ${this.env.PUBLIC_URL.replace(/\/+$/, '')}/`);
    if (demo.length) {
      const pw = known
        ? password
        : passwordOverride
          ? 'DEMO_PASSWORD'
          : 'la contraseña impresa al generarla / the password printed when it was generated';
      console.log(`Demostración (datos sintéticos): ${DEMO_ADMIN_EMAIL} / ${pw}`);
    }
  }
}
