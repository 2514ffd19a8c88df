// The route table: one line per page. To add a page, write it in pages/ and add its path here
// (and its title to both message catalogs). The first matching entry wins.
import type { RouteDef } from './router';
import { HomePage } from './pages/home';
import { AccessibilityPage } from './pages/accessibility';
import { CatalogPage } from './pages/catalog';
import { ProcedureDetailPage } from './pages/procedure_detail';
import { RolloutAdminPage } from './pages/rollout_admin';
import { NotFoundPage } from './pages/not_found';
import { LoginPage } from './pages/login';
import { MyDossiersPage } from './pages/my_dossiers';
import { OfficerDeskPage } from './pages/officer_desk';
import { OfficersAdminPage } from './pages/officers_admin';
import { RegisterPage } from './pages/register';
import { VerifyPage } from './pages/verify';
import { AccountPage } from './pages/account';
import { ForgotPasswordPage } from './pages/forgot_password';
import { ResetPasswordPage } from './pages/reset_password';
import { SubmitStartPage } from './pages/submit_start';
import { CheckPage, PapersPage, ReceiptPage, SectionPage } from './pages/dossier_flow';
import { DossierDetailPage } from './pages/dossier_detail';
import { LookupPage } from './pages/lookup';
import { OfficerInboxPage } from './pages/officer_inbox';
import { OfficerDossierPage } from './pages/officer_dossier';
import { ApplicantSlipPage, ControlSheetPrintPage, OfficerSlipPage } from './pages/slip_print';

export const routes: readonly RouteDef[] = [
  { path: '/', page: HomePage, title: 'home.title' },
  { path: '/thu-tuc', page: CatalogPage, title: 'nav.procedures' },
  { path: '/thu-tuc/:code', page: ProcedureDetailPage, title: 'procedure.title' },
  // Read-only until admin sign-in exists.
  { path: '/quan-tri/trien-khai', page: RolloutAdminPage, title: 'rollout.title' },
  { path: '/quan-tri/can-bo', page: OfficersAdminPage, title: 'officers.title' },
  // Accounts: sign-in, registration, the landing pages of applicants and officers.
  { path: '/dang-nhap', page: LoginPage, title: 'login.title' },
  { path: '/dang-ky', page: RegisterPage, title: 'register.title' },
  { path: '/xac-thuc', page: VerifyPage, title: 'verify.title' },
  { path: '/tai-khoan', page: AccountPage, title: 'account.title' },
  { path: '/quen-mat-khau', page: ForgotPasswordPage, title: 'forgot.title' },
  { path: '/dat-lai-mat-khau', page: ResetPasswordPage, title: 'reset.title' },
  { path: '/ho-so-cua-toi', page: MyDossiersPage, title: 'my_dossiers.title' },
  // Online submission (issue 5): start, one page per form section, papers, check, receipt; follow.
  { path: '/nop-ho-so/:code', page: SubmitStartPage, title: 'start.title' },
  { path: '/ho-so-cua-toi/:id', page: DossierDetailPage, title: 'dossier.title' },
  { path: '/ho-so-cua-toi/:id/buoc/:n', page: SectionPage, title: 'flow.title' },
  { path: '/ho-so-cua-toi/:id/giay-to', page: PapersPage, title: 'flow.papers_title' },
  { path: '/ho-so-cua-toi/:id/kiem-tra', page: CheckPage, title: 'flow.check_title' },
  { path: '/ho-so-cua-toi/:id/bien-nhan', page: ReceiptPage, title: 'receipt.title' },
  // A slip issued for the dossier (forms 01–04), to print.
  { path: '/ho-so-cua-toi/:id/phieu/:slip', page: ApplicantSlipPage, title: 'print.slip_page_title' },
  { path: '/can-bo', page: OfficerDeskPage, title: 'desk.title' },
  // The officers' workspace (issue 6): the inbox and one dossier with its actions and control sheet.
  { path: '/can-bo/ho-so', page: OfficerInboxPage, title: 'inbox.title' },
  { path: '/can-bo/ho-so/:id', page: OfficerDossierPage, title: 'ws.title' },
  // Printable slips (forms 01–04) and the process-control sheet (form 05).
  { path: '/can-bo/ho-so/:id/phieu/:slip', page: OfficerSlipPage, title: 'print.slip_page_title' },
  { path: '/can-bo/ho-so/:id/phieu-kiem-soat', page: ControlSheetPrintPage, title: 'print.sheet_page_title' },
  // The public dossier lookup by code and secret (no login).
  { path: '/tra-cuu', page: LookupPage, title: 'nav.lookup' },
  { path: '/kha-nang-tiep-can', page: AccessibilityPage, title: 'a11y.title' },
];

// Shown for any path no route matches.
export const notFoundRoute: RouteDef = { path: '*', page: NotFoundPage, title: 'not_found.title' };
