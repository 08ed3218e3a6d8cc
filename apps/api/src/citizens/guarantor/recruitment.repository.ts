import { Injectable } from '@nestjs/common';
import { queryRows, type Queryable } from '../../common/persistence';
import type { MunicipalityLoadRow, MunicipalityNeedRow } from './recruitment.rows';

/** Citizen work on a round's universe in one municipality (counts only, never personal data). */
export interface MunicipalityLoad {
  cvegeo: string;
  name: string;
  cveEnt: string;
  stateName: string;
  /** Institutions of the universe there. */
  subjects: number;
  /** Of those, with at least one citizen report. */
  withData: number;
  reports: number;
  /** Active assignments not yet past their expiry. */
  active: number;
  /** Reports still missing for every institution to reach the institution minimum. */
  shortfall: number;
}

export interface MunicipalityNeed {
  cvegeo: string;
  needed: number | null;
  neededSubjects: number | null;
}

/**
 * The recruitment planner's reads (METHOD.md §6): per-municipality load of a round's universe,
 * verified validators per home municipality, and the metric's remaining need.
 */
@Injectable()
export class RecruitmentRepository {
  /** Per municipality of the universe (optionally of one state); `minReports` is the institution minimum. */
  async municipalityLoads(
    m: Queryable,
    roundId: string,
    now: Date,
    minReports: number,
    cveEnt: string | null,
  ): Promise<MunicipalityLoad[]> {
    const rows = await queryRows<MunicipalityLoadRow>(
      m,
      `WITH inst AS (
         SELECT i.id, i.cvegeo FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
         WHERE ri.round_id = $1 AND ($4::text IS NULL OR i.cve_ent = $4::text)),
       rep AS (SELECT institution_id, count(*)::int AS n FROM citizen_report WHERE round_id = $1 GROUP BY institution_id),
       act AS (SELECT institution_id, count(*)::int AS n FROM assignment
               WHERE round_id = $1 AND status = 'active' AND expires_at > $2 GROUP BY institution_id)
       SELECT inst.cvegeo, mu.nom_mun AS name, mu.cve_ent, mu.nom_ent AS state_name,
              count(*)::int AS subjects, count(rep.n)::int AS with_data,
              COALESCE(sum(rep.n), 0)::int AS reports, COALESCE(sum(act.n), 0)::int AS active,
              sum(GREATEST(0, $3::int - COALESCE(rep.n, 0)))::int AS shortfall
       FROM inst JOIN municipality mu ON mu.cvegeo = inst.cvegeo
       LEFT JOIN rep ON rep.institution_id = inst.id LEFT JOIN act ON act.institution_id = inst.id
       GROUP BY inst.cvegeo, mu.nom_mun, mu.cve_ent, mu.nom_ent`,
      [roundId, now, minReports, cveEnt],
    );
    return rows.map((r) => ({
      cvegeo: r.cvegeo,
      name: r.name,
      cveEnt: r.cve_ent,
      stateName: r.state_name,
      subjects: r.subjects,
      withData: r.with_data,
      reports: r.reports,
      active: r.active,
      shortfall: r.shortfall,
    }));
  }

  /**
   * Live, verified validators per home municipality. The demo's generated validators count for the
   * demo round only, never in a real guarantor's planner (same synthetic flag as the round).
   */
  async validatorsByMunicipality(m: Queryable, roundId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ cvegeo: string; n: number }>(
      m,
      `SELECT p.cvegeo, count(*)::int AS n FROM validator_profile p JOIN app_user u ON u.id = p.user_id
       WHERE p.cvegeo IS NOT NULL AND u.deleted_at IS NULL AND u.email_verified_at IS NOT NULL
         AND u.synthetic = (SELECT r.synthetic FROM round r WHERE r.id = $1)
       GROUP BY p.cvegeo`,
      [roundId],
    );
    return new Map(rows.map((r) => [r.cvegeo, r.n]));
  }

  /** The metric's remaining need per municipality (indicator I, unweighted), if computed. */
  async municipalityNeeds(m: Queryable, roundId: string): Promise<MunicipalityNeed[]> {
    const rows = await queryRows<MunicipalityNeedRow>(
      m,
      `SELECT scope_key, needed, needed_subjects FROM metric_result
       WHERE round_id = $1 AND scope = 'municipality' AND indicator = 'I' AND aggregation = 'unweighted'`,
      [roundId],
    );
    return rows.map((r) => ({ cvegeo: r.scope_key, needed: r.needed, neededSubjects: r.needed_subjects }));
  }
}
