import { describe, expect, it } from '@jest/globals';
import {
  draftErrorField,
  draftFormOf,
  draftPatch,
  fromLocalInput,
  parseSettingsJson,
  roundFormProblems,
  toLocalInput,
  windowProblems,
  withCurrent,
} from './round-draft';

describe('toLocalInput / fromLocalInput', () => {
  it('round-trips an instant at minute precision through the local wall time', () => {
    const iso = new Date(2026, 4, 17, 9, 5).toISOString();
    expect(toLocalInput(iso)).toBe('2026-05-17T09:05');
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });
});

describe('parseSettingsJson', () => {
  it('accepts only a JSON object', () => {
    expect(parseSettingsJson('{"a": 1}')).toEqual({ a: 1 });
    expect(parseSettingsJson('[1]')).toBeNull();
    expect(parseSettingsJson('null')).toBeNull();
    expect(parseSettingsJson('3')).toBeNull();
    expect(parseSettingsJson('{a: 1}')).toBeNull();
  });
});

describe('draftErrorField', () => {
  it('puts any settings path under the settings box and keeps other fields', () => {
    expect(draftErrorField('settings.thresholds.x')).toBe('settings');
    expect(draftErrorField('name')).toBe('name');
    expect(draftErrorField(undefined)).toBeNull();
    expect(draftErrorField('')).toBeNull();
  });
});

describe('withCurrent', () => {
  const current = { id: 'q1' };
  it('adds the current version in front when the list lacks it', () => {
    expect(withCurrent([{ id: 'q2' }], current)).toEqual([current, { id: 'q2' }]);
    expect(withCurrent(undefined, current)).toEqual([current]);
  });
  it('keeps the list as is when it has it', () => {
    const items = [{ id: 'q2' }, { id: 'q1' }];
    expect(withCurrent(items, current)).toBe(items);
  });
});

describe('windowProblems', () => {
  it('requires both ends and a close after the open', () => {
    expect(windowProblems('', '')).toEqual({ opensAt: 'console.dateRequired', closesAt: 'console.dateRequired' });
    expect(windowProblems('2026-05-01T10:00', '2026-05-01T10:00')).toEqual({ closesAt: 'console.closesAfterOpens' });
    expect(windowProblems('2026-05-01T10:00', '2026-04-30T10:00')).toEqual({ closesAt: 'console.closesAfterOpens' });
    expect(windowProblems('2026-05-01T10:00', '2026-05-01T10:01')).toEqual({});
  });
});

describe('roundFormProblems', () => {
  it('adds a blank name to the window problems', () => {
    expect(roundFormProblems('  ', '', '2026-05-01T10:00')).toEqual({
      name: 'console.nameRequired',
      opensAt: 'console.dateRequired',
    });
    expect(roundFormProblems('Ronda', '2026-05-01T10:00', '2026-06-01T10:00')).toEqual({});
  });
});

describe('draftFormOf / draftPatch', () => {
  it('round-trips a round through the form unchanged (name trimmed)', () => {
    const round = {
      name: 'Ronda 2026',
      opensAt: new Date(2026, 4, 1, 9, 0).toISOString(),
      closesAt: new Date(2026, 5, 1, 18, 30).toISOString(),
      institutionQuestionnaireId: 'qi',
      citizenQuestionnaireId: 'qc',
      settings: { thresholds: { caution: 0.5 } },
    };
    const form = draftFormOf(round);
    expect(form.settings).toBe(JSON.stringify(round.settings, null, 2));
    const settings = parseSettingsJson(form.settings);
    expect(settings).not.toBeNull();
    expect(draftPatch({ ...form, name: ` ${form.name} ` }, settings ?? {})).toEqual(round);
  });
});
