// The printed slips of the one-stop flow (Circular 01/2018/TT-VPCP, domain.md §3): forms 01–04 as
// the workflow froze them (GET /dossiers/{id}/slips → content) and form 05, the process-control
// sheet. A slip is an official paper: its words are Vietnamese whatever the interface language,
// so these helpers return Vietnamese text and take no locale. Times are Vietnam civil time.
import { componentKindName } from './catalog_format';
import { formatMoney, vietnamParts } from './format';

export type SlipForm = 'form_01' | 'form_02' | 'form_03' | 'form_04';
export const SLIP_FORMS: readonly SlipForm[] = ['form_01', 'form_02', 'form_03', 'form_04'];

export function isSlipForm(form: string): form is SlipForm {
  return (SLIP_FORMS as readonly string[]).includes(form);
}

// The printed titles, in capitals as on the official forms; form_05 is the control sheet.
export const SLIP_TITLES: Record<SlipForm | 'form_05', string> = {
  form_01: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  form_02: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  form_03: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  form_04: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  form_05: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

// "form_01" → "Mẫu số 01".
export function formNumber(form: string): string {
  const m = /^form_(\d\d)$/.exec(form);
  return m ? `Mẫu số ${m[1]}` : '';
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dayParts(iso: string | null | undefined): { d: string; m: string; y: string } | null {
  if (!iso) return null;
  const only = DATE_ONLY.exec(iso);
  if (only) return { d: only[3] ?? '', m: only[2] ?? '', y: only[1] ?? '' };
  const p = vietnamParts(iso);
  return p ? { d: pad2(p.d), m: pad2(p.m), y: String(p.y) } : null;
}

// "2017-03-05T02:00:00Z" or "2017-03-05" → "ngày 05 tháng 03 năm 2017"; "" when unreadable.
export function dateWords(iso: string | null | undefined): string {
  const p = dayParts(iso);
  return p ? `ngày ${p.d} tháng ${p.m} năm ${p.y}` : '';
}

// The place as the date line writes it: "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Lào Cai" → "Lào Cai".
export function placeName(city: string): string {
  return city.trim().replace(/^(thành phố|tỉnh)\s+/i, '');
}

// The place and date line under the motto: "Hà Nội, ngày 05 tháng 03 năm 2017". Without a
// readable date the blanks stay for a pen, as on a blank form.
export function placeDateLine(place: string, iso: string | null | undefined): string {
  const words = dateWords(iso) || 'ngày ..... tháng ..... năm .....';
  const where = placeName(place);
  return where ? `${where}, ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
}

// "2017-01-19T01:30:00Z" → "08 giờ 30 phút, ngày 19/01/2017" (received and appointment times).
export function clockWords(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vietnamParts(iso);
  return p ? `${pad2(p.hh)} giờ ${pad2(p.mm)} phút, ngày ${pad2(p.d)}/${pad2(p.m)}/${p.y}` : '';
}

// "original" → "Bản chính", "certified_copy" → "Bản sao có chứng thực", "copy" → "Bản sao".
export function paperKindLabel(kind: string): string {
  return componentKindName(kind, 'vi');
}

// {amount: 15, unit: "working_days"} → "15 ngày làm việc"; hours likewise.
export function statutoryTimeWords(time: { amount: number; unit: string } | null | undefined): string {
  if (!time || !Number.isFinite(time.amount) || time.amount <= 0) return '';
  const n = String(time.amount).replace('.', ',');
  if (time.unit === 'working_hours') return `${n} giờ làm việc`;
  if (time.unit === 'working_days') return `${n} ngày làm việc`;
  return '';
}

// The fee line of form 01: the total in "1.500.000 ₫" and whether it was paid.
export function feeWords(fee: readonly { amount: number }[], paid: boolean): string {
  const total = fee.reduce((sum, item) => sum + (Number.isFinite(item.amount) ? item.amount : 0), 0);
  if (total <= 0) return 'Không thu phí, lệ phí';
  return `${formatMoney(total, 'vi')} (${paid ? 'đã nộp' : 'chưa nộp'})`;
}

// A step's result on form 05.
export function timingWords(timing: string): string {
  switch (timing) {
    case 'before_time':
      return 'Trước hạn';
    case 'on_time':
      return 'Đúng hạn';
    case 'late':
      return 'Quá hạn';
    default:
      return '';
  }
}

// The applicant's number as its label says it: a citizen's ID, a business's tax code.
export function idNumberLabel(kind: string): string {
  return kind === 'business' ? 'Mã số thuế' : 'Số định danh cá nhân';
}

// ---- a slip's frozen content, read defensively (it is JSON stored years ago) ---------------------

export interface SlipPaper {
  name: string;
  kind: string;
  count: number;
}
export interface SlipFee {
  name: string;
  amount: number;
}
export interface SlipContent {
  code: string;
  agency: { code: string; name: string };
  applicant: { name: string; kind: string; id_number: string; phone: string; email: string; address: string };
  procedure: { code: string; name: string };
  officer: { username: string; full_name: string };
  statutory_time: { amount: number; unit: string } | null;
  received_at: string;
  appointment_at: string;
  papers: SlipPaper[];
  fee: SlipFee[];
  collect_at: string;
  fee_paid: boolean;
  items_and_reason: string;
  reasons: string;
  original_appointment_at: string;
  reason: string;
  new_appointment_at: string;
}

type Obj = Record<string, unknown>;
function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function readSlip(content: unknown): SlipContent {
  const c = obj(content);
  const agency = obj(c['agency']);
  const applicant = obj(c['applicant']);
  const procedure = obj(c['procedure']);
  const officer = obj(c['officer']);
  const time = obj(c['statutory_time']);
  const papers = Array.isArray(c['papers']) ? c['papers'] : [];
  const fee = Array.isArray(c['fee']) ? c['fee'] : [];
  return {
    code: str(c['code']),
    agency: { code: str(agency['code']), name: str(agency['name']) },
    applicant: {
      name: str(applicant['name']),
      kind: str(applicant['kind']),
      id_number: str(applicant['id_number']),
      phone: str(applicant['phone']),
      email: str(applicant['email']),
      address: str(applicant['address']),
    },
    procedure: { code: str(procedure['code']), name: str(procedure['name']) },
    officer: { username: str(officer['username']), full_name: str(officer['full_name']) },
    statutory_time: 'amount' in time ? { amount: num(time['amount']), unit: str(time['unit']) } : null,
    received_at: str(c['received_at']),
    appointment_at: str(c['appointment_at']),
    papers: papers.map((p) => {
      const o = obj(p);
      return { name: str(o['name']), kind: str(o['kind']), count: num(o['count']) };
    }),
    fee: fee.map((f) => {
      const o = obj(f);
      return { name: str(o['name']), amount: num(o['amount']) };
    }),
    collect_at: str(c['collect_at']),
    fee_paid: c['fee_paid'] === true,
    items_and_reason: str(c['items_and_reason']),
    reasons: str(c['reasons']),
    original_appointment_at: str(c['original_appointment_at']),
    reason: str(c['reason']),
    new_appointment_at: str(c['new_appointment_at']),
  };
}

// The print pages' addresses.
export const slipPaths = {
  officer: (dossier: number, slip: number) => `/can-bo/ho-so/${dossier}/phieu/${slip}`,
  applicant: (dossier: number, slip: number) => `/ho-so-cua-toi/${dossier}/phieu/${slip}`,
  controlSheet: (dossier: number) => `/can-bo/ho-so/${dossier}/phieu-kiem-soat`,
};
