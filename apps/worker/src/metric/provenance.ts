import type { InstitutionProvenance, QuestionnaireRecord, RoundRecord } from './metric-inputs';

/**
 * Questionnaire versions behind an institution's numbers: the round's two instruments plus any other
 * version a response or report was actually given with, institution first, then by id.
 */
export function questionnairesUsed(
  round: RoundRecord,
  known: ReadonlyMap<string, QuestionnaireRecord>,
  provenance: InstitutionProvenance,
): QuestionnaireRecord[] {
  const ids = new Set<string>([
    round.institutionQuestionnaireId,
    round.citizenQuestionnaireId,
    ...provenance.citizenQuestionnaireIds,
  ]);
  if (provenance.selfReport !== null) ids.add(provenance.selfReport.questionnaireId);
  const out: QuestionnaireRecord[] = [];
  for (const id of ids) {
    const q = known.get(id);
    if (q !== undefined) out.push(q);
  }
  const kindOrder = (k: string): number => (k === 'institution' ? 0 : 1);
  return out.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
