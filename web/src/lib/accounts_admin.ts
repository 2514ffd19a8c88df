// The user-management API of an agency's IT officer and the city admin: roles, officers and API
// tokens. State-changing calls carry the session's CSRF token (the api client adds it).
import type { Locale } from '../i18n';
import { api, type ApiClient } from './api';
import { roleLabel, type UnitRef } from './auth';

export interface RoleOption {
  role: string;
  label: string;
  label_en?: string;
}

export interface Officer {
  id: number;
  username: string;
  full_name: string;
  email: string;
  phone?: string;
  unit: UnitRef | null;
  roles: RoleOption[];
  status: 'active' | 'locked';
  version: number;
}

export interface ApiTokenInfo {
  id: number;
  name: string;
  // Codes, or {role, label} as the officers list gives them.
  roles: Array<string | RoleOption>;
  created_at?: string | null;
  last_used_at?: string | null;
}

export interface NewToken extends ApiTokenInfo {
  // The secret: shown once, never again.
  token: string;
}

export interface NewOfficer {
  username: string;
  full_name: string;
  email: string;
  phone: string;
  unit: string;
  roles: string[];
  password: string;
}

export interface OfficerChange {
  version: number;
  full_name?: string;
  unit?: string;
  roles?: string[];
  status?: 'active' | 'locked';
}

// Roles an officer can be given from an agency's page: never the city-wide admin role unless the
// one giving it is a city admin.
export function assignableRoles(all: readonly RoleOption[], isCityAdmin: boolean): RoleOption[] {
  return all.filter((r) => r.role !== 'city_admin' || isCityAdmin);
}

// Roles an API token may carry (a machine is never a city admin).
export function tokenRoles(all: readonly RoleOption[]): RoleOption[] {
  return all.filter((r) => r.role !== 'city_admin');
}

export function roleCode(role: string | RoleOption): string {
  return typeof role === 'string' ? role : role.role;
}

// A role's label in the person's language, from the role itself or the list of all roles.
export function roleText(role: string | RoleOption, all: readonly RoleOption[], locale: Locale): string {
  const code = roleCode(role);
  const known = typeof role === 'string' ? all.find((r) => r.role === code) : role;
  return roleLabel(known ?? { role: code, label: code }, locale);
}

const seg = encodeURIComponent;

export function createAdminApi(client: ApiClient = api) {
  return {
    // GET /roles is a bare array; a wrapped {items} is accepted too.
    roles: async (signal?: AbortSignal) => {
      const answer = await client.get<RoleOption[] | { items: RoleOption[] }>('/roles', signal ? { signal } : {});
      return Array.isArray(answer) ? answer : (answer?.items ?? []);
    },
    officers: (agency: string, signal?: AbortSignal) =>
      client.get<{ items: Officer[] }>(`/agencies/${seg(agency)}/officers`, signal ? { signal } : {}),
    createOfficer: (agency: string, body: NewOfficer) => client.post<Officer>(`/agencies/${seg(agency)}/officers`, body),
    updateOfficer: (id: number, change: OfficerChange) => client.patch<Officer>(`/officers/${id}`, change),
    tokens: (agency: string, signal?: AbortSignal) =>
      client.get<{ items: ApiTokenInfo[] }>(`/agencies/${seg(agency)}/tokens`, signal ? { signal } : {}),
    createToken: (agency: string, body: { name: string; roles: string[] }) =>
      client.post<NewToken>(`/agencies/${seg(agency)}/tokens`, body),
    revokeToken: (id: number) => client.delete<void>(`/tokens/${id}`),
  };
}

export const adminApi = createAdminApi();
