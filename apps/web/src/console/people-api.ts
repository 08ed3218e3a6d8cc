import { api, type Page } from '../shared/api';
import type { SessionDto } from '../shared/auth';

/** DTOs of apps/api/src/users and apps/api/src/audit (issue #15, item 5). */
export type StaffRole = 'guarantor_admin' | 'analyst';
export type StaffStatus = 'active' | 'invited' | 'deactivated';

export interface StaffMember {
  id: string;
  email: string | null;
  displayName: string | null;
  role: StaffRole;
  createdAt: string;
  status: StaffStatus;
  deactivatedAt: string | null;
  invitationExpiresAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  roundId?: string;
  from?: string;
  to?: string;
}

export interface StaffInviteInfo {
  email: string;
  /** The same activation link serves co-signing organisations (issue #18). */
  role: StaffRole | 'cosigner';
  guarantorName: string;
  displayName: string | null;
  expiresAt: string;
}

const u = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const peopleApi = {
  list: (signal?: AbortSignal) => api<StaffMember[]>('/api/users', { signal }),
  invite: (body: { email: string; role: StaffRole; displayName?: string }) =>
    api<StaffMember>('/api/users/invite', { method: 'POST', body }),
  resendInvite: (id: string) => api<StaffMember>(`${u(id)}/resend-invite`, { method: 'POST' }),
  changeRole: (id: string, role: StaffRole) => api<StaffMember>(`${u(id)}/role`, { method: 'PATCH', body: { role } }),
  deactivate: (id: string) => api<StaffMember>(`${u(id)}/deactivate`, { method: 'POST' }),
  reactivate: (id: string) => api<StaffMember>(`${u(id)}/reactivate`, { method: 'POST' }),
  audit: (filters: AuditFilters, page: number, signal?: AbortSignal) =>
    api<Page<AuditEntry>>('/api/audit', { query: { ...filters, page, pageSize: 25 }, signal }),
  inspectInvite: (token: string) => api<StaffInviteInfo>('/api/auth/staff-invite', { method: 'POST', body: { token } }),
  acceptInvite: (token: string, password: string, displayName?: string) =>
    api<SessionDto>('/api/auth/staff-invite/accept', { method: 'POST', body: { token, password, displayName } }),
};
