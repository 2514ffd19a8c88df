// The catalog API (issue 3): fields, agencies, procedures, rollout waves and progress — the JSON
// shapes the server sends and one small function per endpoint.
import { api, type ApiClient } from './api';

export type Tier = 'city' | 'department' | 'district' | 'ward';
export type AgencyKind =
  | 'city'
  | 'department'
  | 'urban_district'
  | 'rural_district'
  | 'town'
  | 'ward'
  | 'commune'
  | 'township';
export type ComponentKind = 'original' | 'certified_copy' | 'copy';
export type Applicant = 'citizen' | 'business';
export type Workflow = 'standard' | 'one_stop_only' | 'inter_agency';

export interface Named {
  name: string;
  name_en?: string | null;
}

export interface Field extends Named {
  key: string;
}

export interface Agency extends Named {
  code: string;
  kind: AgencyKind;
  tier: Tier;
  parent: string | null;
  inner?: boolean;
  address?: string;
  phone?: string;
}

export interface Unit {
  key: string;
  name: string;
  one_stop: boolean;
}

export interface OnlineProcedure {
  code: string;
  name: string;
  level: number;
  since: string;
}

export interface AgencyDetail extends Agency {
  units: Unit[];
  procedures_online: OnlineProcedure[];
}

// Exactly one of the two is present.
export interface ProcessingTime {
  working_days?: number;
  working_hours?: number;
}

export interface FeeItem {
  name: string;
  amount: number;
  // The amount is per this unit ("trang", "m² sàn").
  per?: string | null;
}

export interface Fee {
  items: FeeItem[];
  total: number;
}

export interface ProcedureSummary extends Named {
  code: string;
  field: Field;
  level: number;
  level_name?: string;
  tier: Tier;
  tiers: Tier[];
  wave?: number | null;
  processing_time: ProcessingTime;
  fee: Fee;
}

export interface ProcedureComponent {
  name: string;
  kind: ComponentKind;
  count: number;
  required: boolean;
  file_types: string[];
  max_size_mb: number;
  template?: string | null;
}

export interface AgencyRef {
  code: string;
  name: string;
  name_en?: string | null;
}

export interface OnlineAt {
  agency: AgencyRef;
  since: string;
}

export interface OnlineHere {
  agency: AgencyRef;
  online: boolean;
  since: string | null;
}

export interface ProcedureDetail extends ProcedureSummary {
  version: number;
  valid_from: string;
  applicants: Applicant[];
  result: string;
  legal_basis: string[];
  handling_unit: { key: string; name: string } | null;
  department: AgencyRef | null;
  workflow: Workflow | string;
  components: ProcedureComponent[];
  form?: unknown;
  online_at: OnlineAt[];
  online_here?: OnlineHere;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export interface Wave {
  number: number;
  name: string;
  date: string | null;
  // The setting that holds the date when the seed gives none (the admin sets it).
  date_setting: string | null;
  procedure_count: number;
  agency_count: number;
  live: boolean;
}

// Per service level ("3", "4"): the number online, or (as the server sends it today) both counts.
export type LevelCount = number | { live: number; planned: number };
export type LevelCounts = Record<string, LevelCount>;

export interface TierProgress {
  tier: Tier;
  planned: number;
  live: number;
  by_level: LevelCounts;
}

export interface AgencyProgress {
  code: string;
  name: string;
  name_en?: string | null;
  tier: Tier;
  planned: number;
  live: number;
  by_level: LevelCounts;
}

export interface RolloutProgress {
  date: string;
  tiers: TierProgress[];
  agencies: AgencyProgress[];
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function createCatalogApi(client: ApiClient = api) {
  const path = (base: string, code: string) => `${base}/${encodeURIComponent(code)}`;
  return {
    fields: (signal?: AbortSignal) => client.get<{ items: Field[] }>('/fields', signal ? { signal } : {}),
    agencies: (query: Query = {}, signal?: AbortSignal) =>
      client.get<{ items: Agency[]; total: number }>('/agencies', signal ? { query, signal } : { query }),
    agency: (code: string, signal?: AbortSignal) =>
      client.get<AgencyDetail>(path('/agencies', code), signal ? { signal } : {}),
    procedures: (query: Query, signal?: AbortSignal) =>
      client.get<Page<ProcedureSummary>>('/procedures', signal ? { query, signal } : { query }),
    procedure: (code: string, agency?: string, signal?: AbortSignal) => {
      const query: Query = agency ? { agency } : {};
      return client.get<ProcedureDetail>(path('/procedures', code), signal ? { query, signal } : { query });
    },
    waves: (signal?: AbortSignal) => client.get<{ items: Wave[] }>('/rollout/waves', signal ? { signal } : {}),
    progress: (signal?: AbortSignal) =>
      client.get<RolloutProgress>('/rollout/progress', signal ? { signal } : {}),
  };
}

export type CatalogApi = ReturnType<typeof createCatalogApi>;

export const catalogApi: CatalogApi = createCatalogApi();
