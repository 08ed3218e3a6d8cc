import type { QuestionnaireKind } from './types';

/**
 * Component codes accepted per questionnaire kind (METHOD.md §3–4). The self-report only feeds the
 * government perspective (TG, PG); citizen reports only the citizen perspective (TC, PC). Mixing
 * them would let an institution score its own citizen perspective, so lint rejects it.
 */
export const COMPONENTS: Readonly<Record<QuestionnaireKind, readonly string[]>> = Object.freeze({
  institution: Object.freeze(['TG.AI', 'TG.TR', 'TG.TP', 'TG.DA', 'PG.Mec', 'PG.Act', 'PG.Fun', 'PG.Form', 'PG.Seg']),
  citizen: Object.freeze(['TC.Disp', 'TC.Clar', 'TC.Comp', 'TC.Cel', 'PC.Met', 'PC.Recep', 'PC.Act', 'PC.Cel']),
});

export function isComponentOf(kind: QuestionnaireKind, code: string): boolean {
  return COMPONENTS[kind].includes(code);
}
