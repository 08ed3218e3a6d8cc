/** Pure parts of the draft round editor (RoundAdmin's DraftEditSection). */

/** `datetime-local` value (local wall time) of an instant, and back. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (local: string): string => new Date(local).toISOString();

/** The settings textarea → a JSON object, or null when it is not valid JSON or not an object. */
export function parseSettingsJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Which field an API error belongs under: settings problems name a path inside the settings (settings.thresholds.x). */
export function draftErrorField(field: string | null | undefined): string | null {
  if (!field) return null;
  return field.startsWith('settings') ? 'settings' : field;
}

/** The round's current version stays selectable even when the list shows only others. */
export function withCurrent<Q extends { id: string }>(items: Q[] | undefined, current: Q): Q[] {
  return items?.some((q) => q.id === current.id) ? items : [current, ...(items ?? [])];
}

/** Problems with a round's window as typed in two `datetime-local` inputs: missing, or closing no later than opening. */
export function windowProblems(
  opensAt: string,
  closesAt: string,
): { opensAt?: 'console.dateRequired'; closesAt?: 'console.dateRequired' | 'console.closesAfterOpens' } {
  const out: ReturnType<typeof windowProblems> = {};
  if (!opensAt) out.opensAt = 'console.dateRequired';
  if (!closesAt) out.closesAt = 'console.dateRequired';
  if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) out.closesAt = 'console.closesAfterOpens';
  return out;
}

type RoundFormKey = 'console.nameRequired' | 'console.dateRequired' | 'console.closesAfterOpens';

/** Name and window problems shared by "create a round" and "edit the draft", as message keys per field. */
export function roundFormProblems(name: string, opensAt: string, closesAt: string): Record<string, RoundFormKey> {
  const out: Record<string, RoundFormKey> = {};
  if (!name.trim()) out.name = 'console.nameRequired';
  return { ...out, ...windowProblems(opensAt, closesAt) };
}

/** The draft editor's inputs: local wall times, questionnaire ids and the settings as editable JSON text. */
export interface DraftForm {
  name: string;
  opensAt: string;
  closesAt: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  settings: string;
}

export function draftFormOf(round: {
  name: string;
  opensAt: string;
  closesAt: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  settings: unknown;
}): DraftForm {
  return {
    name: round.name,
    opensAt: toLocalInput(round.opensAt),
    closesAt: toLocalInput(round.closesAt),
    institutionQuestionnaireId: round.institutionQuestionnaireId,
    citizenQuestionnaireId: round.citizenQuestionnaireId,
    settings: JSON.stringify(round.settings, null, 2),
  };
}

/** The PATCH body of a valid draft form (settings already parsed). */
export function draftPatch(form: DraftForm, settings: Record<string, unknown>) {
  return {
    name: form.name.trim(),
    opensAt: fromLocalInput(form.opensAt),
    closesAt: fromLocalInput(form.closesAt),
    institutionQuestionnaireId: form.institutionQuestionnaireId,
    citizenQuestionnaireId: form.citizenQuestionnaireId,
    settings,
  };
}
