import { FULL_PASS_AT_LEAST_EVERY_MS, FULL_PASS_SHARE, mayDeferFullPass } from './area-recompute.service';

describe('mayDeferFullPass', () => {
  const now = 1_000_000;

  it('never defers before this process wrote every area once', () => {
    expect(mayDeferFullPass(undefined, now)).toBe(false);
  });

  it('defers while passes over every area would take more than their share of the time', () => {
    const tookMs = 5_000; // a national pass under load
    const allowed = tookMs / FULL_PASS_SHARE;
    expect(mayDeferFullPass({ at: now - (allowed - 1), tookMs }, now)).toBe(true);
    expect(mayDeferFullPass({ at: now - allowed, tookMs }, now)).toBe(false);
  });

  it('never defers past the longest wait, however long a pass takes', () => {
    const tookMs = 60_000;
    expect(mayDeferFullPass({ at: now - (FULL_PASS_AT_LEAST_EVERY_MS - 1), tookMs }, now)).toBe(true);
    expect(mayDeferFullPass({ at: now - FULL_PASS_AT_LEAST_EVERY_MS, tookMs }, now)).toBe(false);
  });

  it('hardly defers for a small round, whose pass over every area takes milliseconds', () => {
    expect(mayDeferFullPass({ at: now - 100, tookMs: 8 }, now)).toBe(false);
  });
});
