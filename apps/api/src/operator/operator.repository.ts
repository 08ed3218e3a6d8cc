import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OperatorKind } from '@apertura/db';

export interface OperatorRow {
  id: string;
  slug: string;
  name: string;
  kind: OperatorKind;
}

/** SQL of the operator profile (the guarantor row's public name and kind). */
@Injectable()
export class OperatorRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async byId(id: string, m?: EntityManager): Promise<OperatorRow | null> {
    const rows: OperatorRow[] = await (m ?? this.ds).query(
      `SELECT id, slug, name, kind FROM guarantor WHERE id = $1 ${m ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async bySlug(slug: string): Promise<OperatorRow | null> {
    const rows: OperatorRow[] = await this.ds.query('SELECT id, slug, name, kind FROM guarantor WHERE slug = $1', [
      slug,
    ]);
    return rows[0] ?? null;
  }

  async update(m: EntityManager, id: string, name: string, kind: OperatorKind): Promise<void> {
    await m.query('UPDATE guarantor SET name = $2, kind = $3 WHERE id = $1', [id, name, kind]);
  }
}
