import { api, type Schema } from '../shared/api';
import type { SessionDto } from '../shared/auth';

/**
 * DTOs of apps/api/src/users and apps/api/src/audit (issue #15, item 5), from the generated OpenAPI types
 * (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type StaffRole = Schema<'InviteUserDto'>['role'];
export type StaffMember = Schema<'UserDto'>;
export type StaffStatus = StaffMember['status'];
export type AuditEntry = Schema<'AuditEntryDto'>;

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  roundId?: string;
  from?: string;
  to?: string;
}

export type StaffInviteInfo = Schema<'StaffInviteInfoDto'>;

const u = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const peopleApi = {
  list: (signal?: AbortSignal) => api<StaffMember[]>('/api/users', { signal }),
  invite: (body: Schema<'InviteUserDto'>) => api<StaffMember>('/api/users/invite', { method: 'POST', body }),
  resendInvite: (id: string) => api<StaffMember>(`${u(id)}/resend-invite`, { method: 'POST' }),
  changeRole: (id: string, role: StaffRole) =>
    api<StaffMember>(`${u(id)}/role`, { method: 'PATCH', body: { role } satisfies Schema<'UpdateRoleDto'> }),
  deactivate: (id: string) => api<StaffMember>(`${u(id)}/deactivate`, { method: 'POST' }),
  reactivate: (id: string) => api<StaffMember>(`${u(id)}/reactivate`, { method: 'POST' }),
  audit: (filters: AuditFilters, page: number, signal?: AbortSignal) =>
    api<Schema<'AuditPageDto'>>('/api/audit', { query: { ...filters, page, pageSize: 25 }, signal }),
  inspectInvite: (token: string) =>
    api<StaffInviteInfo>('/api/auth/staff-invite', {
      method: 'POST',
      body: { token } satisfies Schema<'StaffInviteTokenDto'>,
    }),
  acceptInvite: (token: string, password: string, displayName?: string) =>
    api<SessionDto>('/api/auth/staff-invite/accept', {
      method: 'POST',
      body: { token, password, displayName } satisfies Schema<'AcceptStaffInviteDto'>,
    }),
};
