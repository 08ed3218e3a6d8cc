import { loadMunicipalities } from '@apertura/geo';
import { VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { SYNTHETIC_NOTICE } from '../../exports/export-columns';
import { DEMO_GUARANTOR_NAME, DEMO_ROUND_NAME, DemoSummary } from './seed-demo';

const fmt = (n: number): string => n.toLocaleString('es-MX');
const pct = (part: number, whole: number): string => `${whole ? Math.round((100 * part) / whole) : 0} %`;

/** What `cli demo` prints: where to go, how to sign in, what was generated, and that it is synthetic. */
export function formatDemoSummary(s: DemoSummary, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const names = new Map(loadMunicipalities().map((m) => [m.cvegeo, m.nomMun]));
  const c = s.counts;
  const line = '─'.repeat(78);
  return [
    line,
    ' Apertura · ronda de demostración — DATOS SINTÉTICOS · demo round — SYNTHETIC DATA',
    line,
    ` Abra / Open:          ${base}/`,
    ` Consola de la ronda:  ${base}/consola/rondas/${s.roundId}`,
    ` Datos abiertos:       ${base}/api/public/rounds/${s.roundId}/export/municipalities.csv`,
    ` API (OpenAPI):        ${base}/docs`,
    '',
    ` Ingreso / Sign in: ${base}/ingresar — contraseña / password: ${s.password}`,
    `   ${s.adminEmail.padEnd(28)} administración de «${DEMO_GUARANTOR_NAME}» (guarantor_admin)`,
    `   ${s.analystEmail.padEnd(28)} análisis (analyst)`,
    `   ${s.validatorEmails[0]} … ${s.validatorEmails[s.validatorEmails.length - 1]}  personas validadoras sintéticas`,
    '',
    ` Generado / Generated (semilla / seed ${s.seed}):`,
    `   ${c.municipalities} municipios del Estado de México; ${fmt(c.institutions)} sujetos obligados ` +
      `(municipal ${c.byLevel.municipal}, estatal ${c.byLevel.estatal}, autónomo ${c.byLevel.autonomo}, federal ${c.byLevel.federal})`,
    `   ${fmt(c.selfReports)} autodiagnósticos enviados (${pct(c.selfReports, c.institutions)}), generados y validados con el cuestionario institucional`,
    `   ${c.validators} personas validadoras; ${fmt(c.citizenReports)} reportes ciudadanos en ${c.municipalitiesWithReports} municipios ` +
      `(bien cubiertos: ${c.wellCovered.map((g) => names.get(g) ?? g).join(', ')}; el resto, pocos o ninguno)`,
    `   ${fmt(c.verdicts)} verificaciones de afirmaciones (${fmt(c.refuted)} refutadas)`,
    `   Ronda «${DEMO_ROUND_NAME}»: publicada (published) para que los tableros públicos funcionen de inmediato.`,
    `   Resultados: recálculo completo solicitado (recompute_run ${s.recomputeRunId}); el worker lo calcula al arrancar (npm start lo ejecuta).`,
    '',
    ` ${SYNTHETIC_NOTICE.es}`,
    ` ${SYNTHETIC_NOTICE.en}`,
    ` ${VOLUNTEER_SAMPLE_NOTICE.es}`,
    line,
  ].join('\n');
}
