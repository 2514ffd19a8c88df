// The printable slips of the one-stop flow (Circular 01/2018/TT-VPCP, domain.md §3):
//   /can-bo/ho-so/{id}/phieu/{slip}     a slip (forms 01–04) as the officer prints it
//   /ho-so-cua-toi/{id}/phieu/{slip}    the same slip for its applicant
//   /can-bo/ho-so/{id}/phieu-kiem-soat  the process-control sheet (form 05)
// A slip is drawn from the content the workflow froze when it was issued (GET /dossiers/{id}/slips),
// never from the dossier as it is now. Its words are Vietnamese (an official paper, `lang="vi"`)
// whatever the interface language; the back link and the print button follow the interface.
// The print stylesheet (styles/slips.css) leaves only the slip on an A4 page.
import type { ComponentChildren } from 'preact';
import { QrImage } from '../components/qr_code';
import { ApiErrorBox } from '../components/api_error_box';
import { RequireLogin } from '../components/require_login';
import { TableScroll } from '../components/table_scroll';
import { useI18n } from '../i18n/use_i18n';
import { translate, type MessageKey } from '../i18n';
import type { ApiError } from '../lib/api';
import { paths } from '../lib/dossiers';
import {
  clockWords,
  dateWords,
  feeWords,
  formNumber,
  idNumberLabel,
  isSlipForm,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  paperKindLabel,
  placeDateLine,
  readSlip,
  SLIP_TITLES,
  statutoryTimeWords,
  timingWords,
  type SlipContent,
  type SlipForm,
} from '../lib/slip_format';
import { useApi } from '../lib/use_api';
import {
  HANDLING_ROLES,
  inboxDossierPath,
  sheetUnitName,
  workflowLabel,
  workspaceApi,
  type ControlSheetRow,
  type SlipRecord,
} from '../lib/workspace';
import { cityName } from '../lib/site';
import { usePageTitle } from '../page_title';
import type { PageProps } from '../router';
import { useSite } from '../site_context';
import { lookupUrl } from './dossier_flow';
import { useSheetAgencies } from './officer_dossier';

type Side = 'officer' | 'applicant';

function positive(text: string | undefined): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export function OfficerSlipPage({ params, title }: PageProps) {
  return (
    <RequireLogin kinds={['officer']} roles={HANDLING_ROLES}>
      {() => <SlipView side="officer" id={positive(params['id'])} slipId={positive(params['slip'])} title={title} />}
    </RequireLogin>
  );
}

export function ApplicantSlipPage({ params, title }: PageProps) {
  return (
    <RequireLogin kinds={['citizen', 'business']}>
      {() => <SlipView side="applicant" id={positive(params['id'])} slipId={positive(params['slip'])} title={title} />}
    </RequireLogin>
  );
}

export function ControlSheetPrintPage({ params, title }: PageProps) {
  return (
    <RequireLogin kinds={['officer']} roles={HANDLING_ROLES}>
      {() => <SheetView id={positive(params['id'])} title={title} />}
    </RequireLogin>
  );
}

// ---- the page around the paper ----------------------------------------------------------------

function backOf(side: Side, id: number): string {
  return side === 'officer' ? inboxDossierPath(id) : paths.dossier(id);
}

// Back link and the print button: the interface's language, not printed.
// `pdf`: the same paper rendered by the server (A4 PDF), to save, send or print elsewhere.
function PrintBar({ back, pdf }: { back: string; pdf: string }) {
  const { t } = useI18n();
  return (
    <div class="print-bar no-print">
      <p class="back-link-row back-link-row--top">
        <a class="back-link" href={back}>
          {t('print.back')}
        </a>
      </p>
      <p class="print-bar__hint">{t('print.hint')}</p>
      <button type="button" class="button" onClick={() => window.print()} data-testid="print-button">
        {t('print.button')}
      </button>
      <a class="button button--secondary" href={pdf} target="_blank" rel="noopener" data-testid="pdf-link">
        {t('print.pdf')}
      </a>
    </div>
  );
}

// What another user sees: the dossier pages' own "not found" (the API answers 404 for a dossier
// outside the caller's reach, exactly as for one that does not exist).
function Problem({ side, id, error, title }: { side: Side; id: number; error: ApiError | undefined; title: string }) {
  const { t } = useI18n();
  const notFound = !error || error.status === 404;
  const heading = !notFound ? title : error ? t(side === 'officer' ? 'ws.not_found' : 'dossier.not_found') : t('print.slip_not_found');
  const text = error
    ? t(side === 'officer' ? 'ws.not_found_text' : 'dossier.not_found_text')
    : t('print.slip_not_found_text');
  usePageTitle(heading);
  return (
    <>
      <h1 class="heading-xl">{heading}</h1>
      {notFound ? <p>{text}</p> : error && <ApiErrorBox error={error} />}
      <p>
        <a href={error ? (side === 'officer' ? '/can-bo/ho-so' : '/ho-so-cua-toi') : backOf(side, id)}>
          {error ? t(side === 'officer' ? 'ws.back' : 'dossier.back_to_list') : t('print.back')}
        </a>
      </p>
    </>
  );
}

function Loading({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="loading" role="status">
        {t('print.loading')}
      </p>
    </>
  );
}

function SlipView({ side, id, slipId, title }: { side: Side; id: number; slipId: number; title: string }) {
  const { t } = useI18n();
  const slips = useApi((signal) => workspaceApi.slips(id, signal), [id]);
  const slip = slips.data?.items.find((s) => s.id === slipId && isSlipForm(s.form));
  const content = slip ? readSlip(slip.content) : undefined;
  const name = slip ? t(`slip.${slip.form}` as MessageKey) : '';
  usePageTitle(slip && content ? t('print.slip_title', { slip: name, code: content.code }) : null);
  if (slips.error) return <Problem side={side} id={id} error={slips.error} title={title} />;
  if (!slips.data) return <Loading title={title} />;
  if (!slip || !content) return <Problem side={side} id={id} error={undefined} title={title} />;
  return (
    <>
      <PrintBar back={backOf(side, id)} pdf={`/api/v1/dossiers/${id}/slips/${slip.id}/pdf`} />
      <Slip slip={slip} form={slip.form as SlipForm} c={content} />
    </>
  );
}

// ---- the paper --------------------------------------------------------------------------------

// The heading every form shares: the agency (and its one-stop section) on the left, the national
// name and motto on the right, then the place and date line.
function Letterhead({ agency, section, date }: { agency: string; section: string; date: string }) {
  const site = useSite();
  return (
    <>
      <div class="slip__head">
        <div class="slip__agency">
          <p class="slip__agency-name">{agency.toLocaleUpperCase('vi')}</p>
          {section && <p class="slip__section">{section}</p>}
        </div>
        <div class="slip__nation">
          <p class="slip__nation-name">{NATIONAL_NAME}</p>
          <p class="slip__motto">{NATIONAL_MOTTO}</p>
        </div>
      </div>
      <p class="slip__date" data-testid="slip-date">
        {placeDateLine(cityName(site, 'vi'), date)}
      </p>
    </>
  );
}

function Title({ form, children }: { form: SlipForm | 'form_05'; children?: ComponentChildren }) {
  return (
    <div class="slip__title-block">
      <p class="slip__form-number">{formNumber(form)}</p>
      <h1 class="slip__title" id="slip-title">
        {SLIP_TITLES[form]}
      </h1>
      {children}
    </div>
  );
}

// A labelled line of the form: "Mã hồ sơ: …".
function Line({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <p class="slip__line" data-testid={testid}>
      <span class="slip__label">{label}:</span> {children}
    </p>
  );
}

interface Signer {
  title: string;
  name: string;
  hint?: string;
}

function Signatures({ left, right }: { left?: Signer; right: Signer }) {
  const block = (s: Signer) => (
    <div class="slip__sign">
      <p class="slip__sign-title">{s.title}</p>
      <p class="slip__sign-hint">{s.hint ?? '(Ký và ghi rõ họ tên)'}</p>
      <p class="slip__sign-name">{s.name}</p>
    </div>
  );
  return (
    <div class={`slip__signatures${left ? '' : ' slip__signatures--one'}`}>
      {left && block(left)}
      {block(right)}
    </div>
  );
}

function ApplicantLines({ c, label }: { c: SlipContent; label: string }) {
  const a = c.applicant;
  return (
    <>
      <Line label={label} testid="slip-applicant">
        <strong>{a.name}</strong>
      </Line>
      {a.id_number && <Line label={idNumberLabel(a.kind)}>{a.id_number}</Line>}
      {a.address && <Line label="Địa chỉ">{a.address}</Line>}
      {(a.phone || a.email) && (
        <p class="slip__line">
          {a.phone && (
            <>
              <span class="slip__label">Số điện thoại:</span> {a.phone}
            </>
          )}
          {a.phone && a.email && <span class="slip__gap"> </span>}
          {a.email && (
            <>
              <span class="slip__label">Thư điện tử:</span> {a.email}
            </>
          )}
        </p>
      )}
    </>
  );
}

function Slip({ slip, form, c }: { slip: SlipRecord; form: SlipForm; c: SlipContent }) {
  const officer = c.officer.full_name || c.officer.username;
  const section = form === 'form_04' ? '' : 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ';
  return (
    <article class="slip" lang="vi" aria-labelledby="slip-title" data-testid="slip" data-form={form}>
      <Letterhead agency={c.agency.name} section={section} date={slip.issued_at} />
      {form === 'form_01' && <Receipt c={c} officer={officer} />}
      {form === 'form_02' && <SupplementRequest c={c} officer={officer} />}
      {form === 'form_03' && <Refusal c={c} officer={officer} />}
      {form === 'form_04' && <Apology c={c} officer={officer} />}
    </article>
  );
}

// Form 01: the receipt and appointment slip.
function Receipt({ c, officer }: { c: SlipContent; officer: string }) {
  const url = lookupUrl(location.origin, c.code, undefined);
  return (
    <>
      <div class="slip__code-row">
        <div>
          <Title form="form_01">
            <p class="slip__code" data-testid="slip-code">
              Mã hồ sơ: <strong>{c.code}</strong>
            </p>
          </Title>
        </div>
        <figure class="slip__qr">
          <QrImage text={url} alt={`Mã QR tra cứu hồ sơ ${c.code}`} size={120} testid="slip-qr" />
          <figcaption class="slip__qr-text">Quét mã để tra cứu hồ sơ (cần mã tra cứu cấp khi nộp)</figcaption>
        </figure>
      </div>
      <p class="slip__line">
        {`Bộ phận tiếp nhận và trả kết quả ${c.agency.name} đã tiếp nhận hồ sơ của:`}
      </p>
      <ApplicantLines c={c} label="Ông/Bà/Tổ chức" />
      <Line label="Nội dung yêu cầu giải quyết" testid="slip-procedure">
        {c.procedure.name}
      </Line>
      <p class="slip__line slip__label">1. Thành phần hồ sơ nộp gồm:</p>
      {c.papers.length > 0 ? (
        <TableScroll label="Thành phần hồ sơ">
          <table class="slip__table" data-testid="slip-papers">
            <thead>
              <tr>
                <th scope="col" class="slip__num">
                  TT
                </th>
                <th scope="col">Tên giấy tờ</th>
                <th scope="col">Hình thức (bản chính, bản sao có chứng thực, bản sao)</th>
                <th scope="col" class="slip__num">
                  Số lượng
                </th>
              </tr>
            </thead>
            <tbody>
              {c.papers.map((p, i) => (
                <tr key={i}>
                  <td class="slip__num">{i + 1}</td>
                  <th scope="row">{p.name}</th>
                  <td>{paperKindLabel(p.kind)}</td>
                  <td class="slip__num">{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p class="slip__line">Theo hồ sơ điện tử đã nộp.</p>
      )}
      {c.statutory_time && (
        <Line label="2. Thời gian giải quyết hồ sơ theo quy định">{statutoryTimeWords(c.statutory_time)}</Line>
      )}
      <Line label="3. Thời gian nhận hồ sơ" testid="slip-received">
        {clockWords(c.received_at)}
      </Line>
      <Line label="4. Thời gian trả kết quả giải quyết hồ sơ" testid="slip-appointment">
        <strong>{clockWords(c.appointment_at) || 'Trả ngay trong ngày'}</strong>
      </Line>
      <Line label="5. Đăng ký nhận kết quả tại">{c.collect_at || c.agency.name}</Line>
      <Line label="6. Phí, lệ phí" testid="slip-fee">
        {feeWords(c.fee, c.fee_paid)}
      </Line>
      <Signatures
        left={{ title: 'NGƯỜI NỘP HỒ SƠ', name: c.applicant.name }}
        right={{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: officer }}
      />
    </>
  );
}

// Form 02: what is missing, asked once, in one list.
function SupplementRequest({ c, officer }: { c: SlipContent; officer: string }) {
  return (
    <>
      <Title form="form_02" />
      <ApplicantLines c={c} label="Hồ sơ của" />
      <Line label="Nội dung yêu cầu giải quyết" testid="slip-procedure">
        {c.procedure.name}
      </Line>
      {c.code && <Line label="Mã hồ sơ">{c.code}</Line>}
      <p class="slip__line">
        {`Sau khi xem xét thành phần hồ sơ, ${c.agency.name} đề nghị Ông/Bà/Tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung và lý do sau:`}
      </p>
      <p class="slip__text pre-line" data-testid="slip-reason">
        {c.items_and_reason}
      </p>
      <p class="slip__line">
        {`Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà/Tổ chức liên hệ với ${officer} (Bộ phận tiếp nhận và trả kết quả ${c.agency.name}) để được hướng dẫn.`}
      </p>
      <Signatures right={{ title: 'NGƯỜI HƯỚNG DẪN', name: officer }} />
    </>
  );
}

// Form 03: the refusal, with its reasons.
function Refusal({ c, officer }: { c: SlipContent; officer: string }) {
  return (
    <>
      <Title form="form_03" />
      <p class="slip__line">{`Bộ phận tiếp nhận và trả kết quả ${c.agency.name} tiếp nhận hồ sơ của:`}</p>
      <ApplicantLines c={c} label="Ông/Bà/Tổ chức" />
      <Line label="Nội dung yêu cầu giải quyết" testid="slip-procedure">
        {c.procedure.name}
      </Line>
      <p class="slip__line">
        Sau khi nghiên cứu, đối chiếu các quy định hiện hành, cơ quan từ chối tiếp nhận, giải quyết hồ sơ này với lý
        do cụ thể như sau:
      </p>
      <p class="slip__text pre-line" data-testid="slip-reason">
        {c.reasons}
      </p>
      <p class="slip__line">Xin thông báo để Ông/Bà/Tổ chức được biết và thực hiện./.</p>
      <Signatures right={{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: officer }} />
    </>
  );
}

// Form 04: the apology and the new return date, signed by the processing agency's head.
function Apology({ c, officer }: { c: SlipContent; officer: string }) {
  return (
    <>
      <Title form="form_04" />
      <Line label="Kính gửi" testid="slip-applicant">
        <strong>{c.applicant.name}</strong>
      </Line>
      <p class="slip__line">
        {`${capitalise(dateWords(c.received_at))}, ${c.agency.name} tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức đề nghị giải quyết thủ tục ${c.procedure.name}.`}
      </p>
      <Line label="Mã hồ sơ">{c.code}</Line>
      <Line label="Thời gian hẹn trả kết quả giải quyết hồ sơ">{clockWords(c.original_appointment_at)}</Line>
      <p class="slip__line">
        {`Tuy nhiên đến nay, ${c.agency.name} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức đúng hẹn, lý do:`}
      </p>
      <p class="slip__text pre-line" data-testid="slip-reason">
        {c.reason}
      </p>
      <p class="slip__line">
        {`Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà/Tổ chức. ${c.agency.name} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ vào `}
        <strong data-testid="slip-appointment">{clockWords(c.new_appointment_at)}</strong>.
      </p>
      <p class="slip__line">Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.</p>
      {/* Issued by the extending action, which only the processing agency's head may take. */}
      <Signatures right={{ title: 'THỦ TRƯỞNG CƠ QUAN', name: officer, hint: '(Ký, ghi rõ họ tên và đóng dấu)' }} />
    </>
  );
}

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

// ---- form 05 ------------------------------------------------------------------------------------

// The sheet names each step in Vietnamese, as the rest of the paper.
const vi = (key: MessageKey) => translate('vi', key);

function SheetView({ id, title }: { id: number; title: string }) {
  const { t } = useI18n();
  const dossier = useApi((signal) => workspaceApi.dossier(id, signal), [id]);
  const sheet = useApi((signal) => workspaceApi.controlSheet(id, signal), [id]);
  const agencies = useSheetAgencies(dossier.data?.agency.code ?? '', sheet.data?.rows ?? []);
  usePageTitle(dossier.data?.code ? t('print.sheet_title', { code: dossier.data.code }) : null);
  const error = dossier.error ?? sheet.error;
  if (error) return <Problem side="officer" id={id} error={error} title={title} />;
  if (!dossier.data || !sheet.data) return <Loading title={title} />;
  const d = dossier.data;
  const applicant = sheet.data.applicant;
  const rows = sheet.data.rows;
  const agencyName = d.agency.name;
  const unitName = (row: ControlSheetRow) =>
    row.agency === d.agency.code && !row.unit ? agencyName : sheetUnitName(row, d.agency.code, agencies);
  const person = (username: string | null, name: string | null | undefined) => name || username || '';
  const partners = [...new Set(rows.filter((r) => r.agency !== d.agency.code).map((r) => r.agency))];
  return (
    <>
      <PrintBar back={inboxDossierPath(id)} pdf={`/api/v1/dossiers/${id}/control-sheet/pdf`} />
      <article class="slip slip--sheet" lang="vi" aria-labelledby="slip-title" data-testid="slip" data-form="form_05">
        <Letterhead agency={agencyName} section="BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" date={d.received_at ?? ''} />
        <Title form="form_05" />
        <Line label="Mã hồ sơ" testid="slip-code">
          <strong>{d.code}</strong>
        </Line>
        <Line label="Kèm theo hồ sơ của" testid="slip-applicant">
          {applicant?.name || d.applicant?.name || ''}
        </Line>
        <Line label="Số điện thoại" testid="slip-phone">
          {applicant?.phone ?? ''}
        </Line>
        <Line label="Nội dung yêu cầu giải quyết" testid="slip-procedure">
          {d.procedure.name}
        </Line>
        <Line label="Thời gian nhận hồ sơ" testid="slip-received">
          {clockWords(d.received_at)}
        </Line>
        <Line label="Thời gian hẹn trả kết quả" testid="slip-appointment">
          {clockWords(d.extension_due || d.due_at) || 'Trả ngay trong ngày'}
        </Line>
        <Line label="Cơ quan (bộ phận) giải quyết hồ sơ">{d.unit ? (agencies.get(d.agency.code)?.units.find((u) => u.key === d.unit)?.name ?? d.unit) : agencyName}</Line>
        {partners.length > 0 && <Line label="Cơ quan phối hợp giải quyết hồ sơ">{partners.map((code) => agencies.get(code)?.name ?? code).join(', ')}</Line>}
        {rows.length === 0 ? (
          <p class="slip__line">Chưa có bước giao, nhận nào.</p>
        ) : (
          <TableScroll label="Quá trình giao, nhận hồ sơ">
            <table class="slip__table slip__table--sheet" data-testid="sheet-rows">
              <thead>
                <tr>
                  <th scope="col" class="slip__num">
                    TT
                  </th>
                  <th scope="col">Tên cơ quan, đơn vị</th>
                  <th scope="col">Thời gian giao, nhận hồ sơ</th>
                  <th scope="col">Người giao</th>
                  <th scope="col">Người nhận</th>
                  <th scope="col">Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)</th>
                  <th scope="col">Ghi chú</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    <td class="slip__num">{i + 1}</td>
                    <th scope="row">
                      {unitName(row)}
                      <span class="slip__cell-line slip__step">({workflowLabel('action', row.action, vi)})</span>
                    </th>
                    <td>
                      <span class="slip__cell-line">Giao: {clockWords(row.handed_at)}</span>
                      <span class="slip__cell-line">Xong: {clockWords(row.done_at)}</span>
                    </td>
                    <td>{person(row.giver, row.giver_name)}</td>
                    <td>{person(row.receiver, row.receiver_name)}</td>
                    <td>{timingWords(row.timing)}</td>
                    <td class="pre-line">{row.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </article>
    </>
  );
}
