import { allows } from './access-matrix';

describe('allows', () => {
  it.each([
    [{ kind: 'public' as const }, 'anonymous', true],
    [{ kind: 'public' as const }, 'invitation', true],
    [{ kind: 'invitation' as const }, 'invitation', true],
    [{ kind: 'invitation' as const }, 'guarantor_admin', false],
    [{ kind: 'roles' as const, roles: ['analyst' as const] }, 'analyst', true],
    [{ kind: 'roles' as const, roles: ['analyst' as const] }, 'guarantor_admin', false],
    [{ kind: 'roles' as const, roles: ['analyst' as const] }, 'anonymous', false],
    [undefined, 'guarantor_admin', false],
  ])('%j lets %s through: %s', (policy, caller, expected) => {
    expect(allows(policy, caller as never)).toBe(expected);
  });
});
