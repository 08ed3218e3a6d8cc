import type { AuditEntry, AuditFilters } from './people-api';

/** The audit page's filter form, as typed (strings straight from the inputs). */
export interface AuditForm {
  action: string;
  actorUserId: string;
  roundId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FORM: AuditForm = { action: '', actorUserId: '', roundId: '', from: '', to: '' };

/** `yyyy-mm-dd` of a date input → the instant its day starts in the browser's time zone (plus `days`). */
export function dayStart(value: string, days = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}

export function toFilters(f: AuditForm): AuditFilters {
  return {
    action: f.action || undefined,
    actorUserId: f.actorUserId || undefined,
    roundId: f.roundId || undefined,
    from: dayStart(f.from),
    // The "to" day is included: records before the next day starts.
    to: dayStart(f.to, 1),
  };
}

type SubjectFields = Pick<AuditEntry, 'entityType' | 'entityId' | 'details'>;

/** What an audit record is about, in words: a staff name, a round name, or the entity type and a short id. */
export function auditSubject(
  entry: SubjectFields,
  names: ReadonlyMap<string, string>,
  roundNames: ReadonlyMap<string, string>,
): string {
  const roundId =
    entry.entityType === 'round'
      ? entry.entityId
      : typeof entry.details.roundId === 'string'
        ? entry.details.roundId
        : null;
  const subjectUser = entry.entityType === 'user' && entry.entityId ? names.get(entry.entityId) : undefined;
  return (
    subjectUser ??
    (roundId ? roundNames.get(roundId) : undefined) ??
    `${entry.entityType}${entry.entityId ? ` ${entry.entityId.slice(0, 8)}` : ''}`
  );
}
