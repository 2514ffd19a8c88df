// The dossiers API (issue 5) as the applicant's pages use it: drafts, papers (uploads with
// progress), submission with an Idempotency-Key, withdrawal and supplements, "my dossiers", and
// the public lookup. Shapes follow src/api/dossiers.cpp and helpers/contracts.md.
import { api, ApiError, buildUrl, parseErrorBody, type ApiClient } from './api';
import type { FormData } from './form_schema';

export interface NamedRef {
  code: string;
  name: string;
  name_en?: string | null;
}

export interface ProcedureRef extends NamedRef {
  version?: number;
}

export interface DossierDocument {
  id: number;
  component: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
}

export interface TimelineEntry {
  at: string;
  actor_role: string;
  action: string;
  detail?: Record<string, unknown> | null;
}

export interface DossierSummary {
  id: number;
  code: string | null;
  status: string;
  status_label: string;
  status_label_en: string;
  procedure: ProcedureRef;
  agency: NamedRef;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  due_at: string | null;
}

export interface Dossier extends DossierSummary {
  version: number;
  form_data: FormData;
  received_at: string | null;
  timeline?: TimelineEntry[];
  documents?: DossierDocument[];
  appointment_at?: string | null;
  // The workflow's clock (helpers' contract): working days left, 1 decimal, negative when late.
  working_days_left?: number | null;
  paused?: boolean;
}

export interface SubmitAnswer extends Dossier {
  lookup_secret: string | null;
  replayed: boolean;
}

export interface LookupAnswer {
  code: string;
  status: string;
  status_label: string;
  status_label_en: string;
  procedure: NamedRef;
  agency: NamedRef;
  submitted_at: string | null;
  received_at: string | null;
  appointment_at: string | null;
}

const base = (id: number) => `/dossiers/${encodeURIComponent(String(id))}`;

// A fresh key for one submission attempt; kept per dossier in sessionStorage so that a retry after
// a lost answer (or a reload mid-submit) sends the same key and never makes a second dossier.
export function submissionKey(id: number, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeSession()): string {
  const name = `motcua.submit.${id}`;
  const existing = storage?.getItem(name);
  if (existing) return existing;
  const key =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  storage?.setItem(name, key);
  return key;
}

function safeSession(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export function createDossiersApi(client: ApiClient = api) {
  return {
    create: (procedure: string, agency: string) => client.post<Dossier>('/dossiers', { procedure, agency }),
    get: (id: number, signal?: AbortSignal) => client.get<Dossier>(base(id), signal ? { signal } : {}),
    save: (id: number, version: number, form_data: FormData) =>
      client.patch<Dossier>(base(id), { version, form_data }),
    submit: (id: number, key: string) =>
      client.post<SubmitAnswer>(`${base(id)}/submit`, undefined, { headers: { 'Idempotency-Key': key } }),
    withdraw: (id: number) => client.post<Dossier>(`${base(id)}/withdraw`),
    supplement: (id: number, version: number, comment: string) =>
      client.post<Dossier>(`${base(id)}/actions/supplement`, { version, comment }),
    list: (query: { status?: string; page?: number; per_page?: number } = {}, signal?: AbortSignal) =>
      client.get<{ items: DossierSummary[]; total: number }>('/dossiers', signal ? { query, signal } : { query }),
    documents: (id: number, signal?: AbortSignal) =>
      client.get<{ items: DossierDocument[] }>(`${base(id)}/documents`, signal ? { signal } : {}),
    deleteDocument: (id: number, doc: number) => client.delete<void>(`${base(id)}/documents/${doc}`),
    documentUrl: (id: number, doc: number) => buildUrl(`${base(id)}/documents/${doc}`),
    lookup: (code: string, secret: string, signal?: AbortSignal) =>
      client.get<LookupAnswer>(`/lookup/${encodeURIComponent(code)}`, signal ? { query: { secret }, signal } : { query: { secret } }),
    // multipart upload through XMLHttpRequest: fetch has no upload progress.
    upload: (id: number, component: string, file: File, onProgress: (p: UploadProgress) => void) =>
      new Promise<DossierDocument>((resolve, reject) => {
        const body = new window.FormData();
        body.append('component', component);
        body.append('file', file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', buildUrl(`${base(id)}/documents`));
        xhr.setRequestHeader('Accept', 'application/json');
        const token = client.csrfToken();
        if (token) xhr.setRequestHeader('X-CSRF-Token', token);
        xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
        xhr.onerror = () =>
          reject(
            new ApiError(0, {
              code: 'network',
              message: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
              message_en: 'Could not reach the server. Check your connection and try again.',
              fields: {},
            }),
          );
        xhr.onload = () => {
          let payload: unknown;
          try {
            payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
          } catch {
            payload = undefined;
          }
          if (xhr.status >= 200 && xhr.status < 300 && payload) resolve(payload as DossierDocument);
          else reject(new ApiError(xhr.status, parseErrorBody(xhr.status, payload)));
        };
        xhr.send(body);
      }),
  };
}

export const dossiersApi = createDossiersApi();

// The secret of a submission, kept in memory only until the receipt page has shown it once.
const secrets = new Map<number, string>();
export function rememberSecret(id: number, secret: string): void {
  secrets.set(id, secret);
}
export function takeSecret(id: number): string | undefined {
  return secrets.get(id);
}

// Paths of the applicant's pages (the route table has the same shapes).
export const paths = {
  start: (procedure: string, agency: string) =>
    `/nop-ho-so/${encodeURIComponent(procedure)}?co-quan=${encodeURIComponent(agency)}`,
  dossier: (id: number) => `/ho-so-cua-toi/${id}`,
  section: (id: number, n: number) => `/ho-so-cua-toi/${id}/buoc/${n}`,
  papers: (id: number) => `/ho-so-cua-toi/${id}/giay-to`,
  check: (id: number) => `/ho-so-cua-toi/${id}/kiem-tra`,
  receipt: (id: number) => `/ho-so-cua-toi/${id}/bien-nhan`,
  lookup: (code: string, secret: string) => `/tra-cuu?ma=${encodeURIComponent(code)}&bi-mat=${encodeURIComponent(secret)}`,
};
