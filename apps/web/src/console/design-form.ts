import type { Bilingual, MessageKey } from '../shared/i18n';
import type { DesignProblem, RoundDesign, RoundDetail } from './api';

/**
 * The console's round-design form, without React: what the inputs hold, the body they make, and where
 * each error (the form's own or the API's `design.states[i].population` paths) is shown. The rows of
 * the states table follow `universeStates`, and the body lists states in that order, so an API path
 * `design.states[i]` is row i of the table and `design.municipalities[i]` is line i + 1 of the text.
 */

export type UniverseState = RoundDetail['universeStates'][number];

export interface DesignFormValues {
  kind: 'census' | 'sample';
  /** cveEnt → text of the population input */
  populations: Record<string, string>;
  /** One `cvegeo,population` per line (also `;`, tab or spaces), CSV-friendly. */
  municipalities: string;
}

/** A message of the form itself (translated by the page) or one the API sent in both languages. */
export type FormMessage = { key: MessageKey; vars?: Record<string, string | number> } | { text: Bilingual };

/** Where a message goes: the radio group, a state row, the table as a whole, or the municipal text. */
export type Slot = 'kind' | 'states' | 'municipalities' | `state:${string}`;

export interface SlotMessage {
  slot: Slot;
  /** 1-based line of the municipal text, when the message is about one. */
  line?: number;
  message: FormMessage;
}

export function designFormValues(design: RoundDesign, states: readonly UniverseState[]): DesignFormValues {
  const declared = new Map(design.kind === 'sample' ? design.states.map((s) => [s.cveEnt, s.population]) : []);
  const populations: Record<string, string> = {};
  for (const s of states) populations[s.cveEnt] = declared.has(s.cveEnt) ? String(declared.get(s.cveEnt)) : '';
  // States declared but no longer in the universe are dropped here; saving then clears them.
  const municipalities =
    design.kind === 'sample' ? (design.municipalities ?? []).map((m) => `${m.cvegeo},${m.population}`).join('\n') : '';
  return { kind: design.kind, populations, municipalities };
}

/**
 * Slot of an API field path, with the municipal line when there is one (`lines[i]`: the text line of
 * the i-th municipality sent, as buildDesign returned it; blank lines are not sent).
 */
export function slotOf(
  path: string | undefined,
  states: readonly UniverseState[],
  lines: readonly number[] = [],
): { slot: Slot; line?: number } | null {
  if (!path || !path.startsWith('design')) return null;
  const state = /^design\.states\[(\d+)\]/.exec(path);
  if (state) {
    const row = states[Number(state[1])];
    return { slot: row ? `state:${row.cveEnt}` : 'states' };
  }
  const mun = /^design\.municipalities\[(\d+)\]/.exec(path);
  if (mun) return { slot: 'municipalities', line: lines[Number(mun[1])] ?? Number(mun[1]) + 1 };
  if (path.startsWith('design.municipalities')) return { slot: 'municipalities' };
  if (path.startsWith('design.states')) return { slot: 'states' };
  return { slot: 'kind' };
}

/** Every problem the API reported (details.problems, else its one field), placed by slot. */
export function apiMessages(
  err: { field?: string; messages: Bilingual; details?: unknown },
  states: readonly UniverseState[],
  lines: readonly number[] = [],
): SlotMessage[] | null {
  const details = err.details as { problems?: DesignProblem[] } | undefined;
  const problems: DesignProblem[] = Array.isArray(details?.problems)
    ? details.problems
    : err.field
      ? [{ path: err.field, ...err.messages }]
      : [];
  const placed: SlotMessage[] = [];
  for (const p of problems) {
    const at = slotOf(p.path, states, lines);
    if (at) placed.push({ ...at, message: { text: { es: p.es, en: p.en } } });
  }
  return placed.length ? placed : null;
}

const INTEGER = /^\d+$/;

/**
 * The design body the form describes, or the form's own errors. Only what the API would refuse for
 * sure is checked here (empty, not a whole number, below the institutions already in the round, bad
 * lines, repeated codes); the API checks the rest against the catalogue and the frozen universe.
 */
export function buildDesign(
  values: DesignFormValues,
  states: readonly UniverseState[],
): { design: RoundDesign | null; errors: SlotMessage[]; lines: number[] } {
  if (values.kind === 'census') return { design: { kind: 'census' }, errors: [], lines: [] };
  const errors: SlotMessage[] = [];
  if (!states.length) errors.push({ slot: 'states', message: { key: 'design.noStates' } });
  const rows: { cveEnt: string; population: number }[] = [];
  for (const s of states) {
    const raw = (values.populations[s.cveEnt] ?? '').trim().replace(/[\s,](?=\d{3}\b)/g, '');
    const slot: Slot = `state:${s.cveEnt}`;
    if (!raw) errors.push({ slot, message: { key: 'design.populationRequired' } });
    else if (!INTEGER.test(raw) || Number(raw) < 1) errors.push({ slot, message: { key: 'design.populationInteger' } });
    else if (Number(raw) < s.institutions)
      errors.push({ slot, message: { key: 'design.populationBelow', vars: { count: s.institutions } } });
    else rows.push({ cveEnt: s.cveEnt, population: Number(raw) });
  }
  const municipalities: { cvegeo: string; population: number }[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  values.municipalities.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    const parts = text.trim().split(/\s*[,;\t]\s*|\s+/);
    const [cvegeo, population] = parts;
    if (parts.length !== 2 || !/^\d{5}$/.test(cvegeo) || !INTEGER.test(population) || Number(population) < 1) {
      errors.push({ slot: 'municipalities', line, message: { key: 'design.municipalityLine' } });
      return;
    }
    const earlier = seen.get(cvegeo);
    if (earlier !== undefined) {
      errors.push({
        slot: 'municipalities',
        line,
        message: { key: 'design.municipalityRepeated', vars: { cvegeo, line: earlier } },
      });
      return;
    }
    seen.set(cvegeo, line);
    municipalities.push({ cvegeo, population: Number(population) });
    lines.push(line);
  });
  if (errors.length) return { design: null, errors, lines };
  return {
    design: municipalities.length ? { kind: 'sample', states: rows, municipalities } : { kind: 'sample', states: rows },
    errors,
    lines,
  };
}
