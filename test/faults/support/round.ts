import { randomBytes, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { deriveToken, hashToken } from '@apertura/config';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';
import { INSTITUTION_V1_ANSWERS } from '../../../libs/questionnaire/fixtures/sample-answers';

export interface OpenRound {
  roundId: string;
  institutions: Array<{ id: string; token: string }>;
}

const MUNICIPALITIES = ['15106', '15054', '15057', '15058', '15104'];

/** An open round of the default instruments with `count` invited institutions (SQL: fast, and no Redis needed). */
export async function seedOpenRound(
  ds: DataSource,
  guarantorId: string,
  tokenSecret: string,
  count: number,
): Promise<OpenRound> {
  const tag = randomBytes(3).toString('hex');
  const questionnaire = async (kind: string, definition: object): Promise<string> => {
    const [q] = await ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
       VALUES ($1, $2, $3, 1, $4, $5::jsonb, repeat('f', 64)) RETURNING id`,
      [guarantorId, kind, `${kind}-${tag}`, `Cuestionario ${kind}`, JSON.stringify(definition)],
    );
    return q.id;
  };
  const iq = await questionnaire('institution', INSTITUTION_V1);
  const cq = await questionnaire('citizen', CITIZEN_V1);
  const [round] = await ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at)
     VALUES ($1, 'Ronda bajo fallas', 'open', now() - interval '1 day', now() + interval '30 days', $2, $3, now()) RETURNING id`,
    [guarantorId, iq, cq],
  );
  const institutions: OpenRound['institutions'] = [];
  for (let i = 0; i < count; i++) {
    const cvegeo = MUNICIPALITIES[i % MUNICIPALITIES.length];
    const [inst] = await ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       VALUES ($1, $2, $3, 'ayuntamiento', 'municipal', '15', $4, $5) RETURNING id`,
      [guarantorId, `f-${tag}-${i}`, `Institución ${i + 1}`, cvegeo, `ut${i}-${tag}@falla.example`],
    );
    await ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [round.id, inst.id]);
    const invitationId = randomUUID();
    const token = deriveToken(tokenSecret, 'invitation', invitationId);
    await ds.query('INSERT INTO invitation (id, round_id, institution_id, token_hash) VALUES ($1, $2, $3, $4)', [
      invitationId,
      round.id,
      inst.id,
      hashToken(token),
    ]);
    institutions.push({ id: inst.id, token });
  }
  return { roundId: round.id, institutions };
}

/** A complete self-report that differs between institutions, so results are not all equal. */
export function answersFor(i: number): Record<string, unknown> {
  return {
    ...INSTITUTION_V1_ANSWERS,
    tr_obligaciones_pct: (i * 37) % 101,
    seg_cumplidos_pct: (i * 53) % 101,
    tr_portal: i % 3 !== 0,
    fun_sesiones: i % 6,
  };
}
