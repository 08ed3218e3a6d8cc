import { describe, expect, it } from '@jest/globals';
import { auditSubject, dayStart, EMPTY_AUDIT_FORM, toFilters } from './audit-view';

describe('toFilters', () => {
  it('sends nothing for an empty form', () => {
    expect(toFilters(EMPTY_AUDIT_FORM)).toEqual({
      action: undefined,
      actorUserId: undefined,
      roundId: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('includes the whole "to" day: it ends where the next local day starts', () => {
    const f = toFilters({ ...EMPTY_AUDIT_FORM, action: 'round.*', from: '2026-03-01', to: '2026-03-31' });
    expect(f.action).toBe('round.*');
    expect(f.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(f.to).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('ignores a date the input did not complete', () => {
    expect(dayStart('2026-3-1')).toBeUndefined();
    expect(dayStart('')).toBeUndefined();
  });
});

describe('auditSubject', () => {
  const names = new Map([['u-1', 'Ana Pérez']]);
  const rounds = new Map([['r-1', 'Ronda 2026']]);

  it('names a staff member the record is about', () => {
    expect(auditSubject({ entityType: 'user', entityId: 'u-1', details: {} }, names, rounds)).toBe('Ana Pérez');
  });

  it('names the round, whether it is the entity or only in the details', () => {
    expect(auditSubject({ entityType: 'round', entityId: 'r-1', details: {} }, names, rounds)).toBe('Ronda 2026');
    expect(
      auditSubject({ entityType: 'invitation', entityId: 'i-1', details: { roundId: 'r-1' } }, names, rounds),
    ).toBe('Ronda 2026');
  });

  it('falls back to the entity type and a short id', () => {
    expect(auditSubject({ entityType: 'invitation', entityId: '0123456789abcdef', details: {} }, names, rounds)).toBe(
      'invitation 01234567',
    );
    expect(auditSubject({ entityType: 'mail', entityId: null, details: {} }, names, rounds)).toBe('mail');
  });
});
