import { Injectable } from '@nestjs/common';
import { queryOne, type Queryable } from '../common/persistence';
import type { GuarantorCountRow } from './guarantors.rows';

/** Reads of the guarantor table that decide the first run (the demo's synthetic guarantor does not count). */
@Injectable()
export class GuarantorsRepository {
  /** Guarantors that are not the demo's. */
  async countReal(q: Queryable): Promise<number> {
    const row = await queryOne<GuarantorCountRow>(q, 'SELECT count(*)::int AS n FROM guarantor WHERE NOT synthetic');
    return row?.n ?? 0;
  }

  async slugExists(q: Queryable, slug: string): Promise<boolean> {
    return (await queryOne(q, 'SELECT 1 FROM guarantor WHERE slug = $1', [slug])) !== undefined;
  }
}
