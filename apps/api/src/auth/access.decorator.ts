import { SetMetadata } from '@nestjs/common';
import type { Role } from '@apertura/db';

/**
 * Who may call a route. Every route must declare one (the guard refuses routes without it), so the
 * authorization matrix can be read from the code and tested (docs/security.md).
 *  - public:     anyone, no credentials
 *  - roles:      a signed-in account with one of these roles (ownership is then checked by the service)
 *  - invitation: an institution's invitation token (scoped to one round and one institution)
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: Role[] } | { kind: 'invitation' };

export const ACCESS_KEY = 'apertura:access';

export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessPolicy);
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessPolicy);
export const InvitationAccess = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'invitation' } satisfies AccessPolicy);
