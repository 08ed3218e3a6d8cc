import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DUE_PROCESS_LIMITS, invalidSettings, parseSetting } from './due-process-settings';

describe('parseSetting', () => {
  it('accepts exactly the whole numbers inside the bounds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('replyWindowDays' as const, 'maxConflicts' as const),
        fc.integer({ min: -5, max: 200 }),
        (k, n) => {
          const [min, max] = DUE_PROCESS_LIMITS[k];
          expect(parseSetting(k, String(n))).toBe(n >= min && n <= max ? n : null);
        },
      ),
    );
  });

  it('trims around the number but refuses decimals, signs and empty input', () => {
    expect(parseSetting('replyWindowDays', ' 10 ')).toBe(10);
    expect(parseSetting('replyWindowDays', '1.5')).toBeNull();
    expect(parseSetting('replyWindowDays', '+3')).toBeNull();
    expect(parseSetting('maxConflicts', '')).toBeNull();
    expect(parseSetting('maxConflicts', '0')).toBe(0);
  });
});

describe('invalidSettings', () => {
  it('lists the keys to complain about', () => {
    expect(invalidSettings({ replyWindowDays: '10', maxConflicts: '3' })).toEqual([]);
    expect(invalidSettings({ replyWindowDays: '0', maxConflicts: '51' })).toEqual(['replyWindowDays', 'maxConflicts']);
  });
});
