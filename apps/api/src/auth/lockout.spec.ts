import { lockoutMinutes } from './lockout';

describe('lockoutMinutes', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [8, 8],
    [20, 60],
  ])('after %i failures locks for %i minutes', (failures, minutes) => {
    expect(lockoutMinutes(failures)).toBe(minutes);
  });
});
