import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROLES, Role } from '@apertura/db';
import { ACCESS_KEY, AccessPolicy } from './access.decorator';

/** One route of the API with the access policy its decorators declare. */
export interface RouteAccess {
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
}

/** Callers the matrix distinguishes: anonymous, each account role, and an institution's invitation. */
export const CALLERS = ['anonymous', ...ROLES, 'invitation'] as const;
export type Caller = (typeof CALLERS)[number];

const joinPath = (...parts: string[]): string =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Reads the authorization matrix from the running application: every controller route with its
 * policy. The matrix is data derived from the same decorators the guard enforces, so documentation
 * (docs/security.md) and the generated test cannot drift from what is enforced.
 */
export function collectRoutes(app: INestApplication): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, metatype) as string | undefined) ?? '';
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as (...args: unknown[]) => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (sub === undefined || verb === undefined) continue;
      const policy = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, [handler, metatype]);
      for (const p of Array.isArray(sub) ? sub : [sub]) {
        routes.push({
          method: RequestMethod[verb],
          path: joinPath(base, p),
          controller: metatype.name,
          handler: name,
          policy,
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Whether a policy lets a caller past the guard (ownership is then the service's job). */
export function allows(policy: AccessPolicy | undefined, caller: Caller): boolean {
  if (!policy) return false;
  switch (policy.kind) {
    case 'public':
      return true;
    case 'invitation':
      return caller === 'invitation';
    case 'roles':
      return (policy.roles as readonly string[]).includes(caller) && caller !== 'anonymous' && caller !== 'invitation';
  }
}

export function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'NONE (refused)';
  if (policy.kind === 'public') return 'public';
  if (policy.kind === 'invitation') return 'invitation token';
  return (policy.roles as Role[]).join(', ');
}

/** Markdown table of the matrix (route × caller), used to regenerate docs/authorization-matrix.md. */
export function matrixMarkdown(routes: RouteAccess[]): string {
  const head = `| method | path | ${CALLERS.join(' | ')} |\n| --- | --- | ${CALLERS.map(() => '---').join(' | ')} |`;
  const rows = routes.map(
    (r) => `| ${r.method} | \`${r.path}\` | ${CALLERS.map((c) => (allows(r.policy, c) ? '✔' : '·')).join(' | ')} |`,
  );
  return [head, ...rows].join('\n');
}
