// The route table. Every route names the permission it needs ("public" or a permission name that
// the authorization layer checks); docs/openapi.yaml is checked against this table by a test.
#include "api/routes.hpp"

#include "api/auth.hpp"
#include "api/calendar.hpp"
#include "api/catalog.hpp"
#include "api/catalog_admin.hpp"
#include "api/documents.hpp"
#include "api/dossiers.hpp"
#include "api/system.hpp"
#include "api/users.hpp"
#include "api/workflow.hpp"

namespace motcua::api {

void RegisterRoutes(http::Router& router, services::Context& ctx, http::Metrics& metrics) {
  auto add = [&](std::string method, std::string pattern, std::string permission, std::string summary,
                 http::Handler handler) {
    router.Add(
        {std::move(method), std::move(pattern), std::move(handler), std::move(permission), std::move(summary), {}});
  };
  using http::Request;

  add("GET", "/healthz", "public", "The process is up", [](Request& r) { return Healthz(r); });
  add("GET", "/readyz", "public", "The database answers", [&ctx](Request& r) { return Readyz(ctx, r); });
  add("GET", "/metrics", "public", "Prometheus metrics", [&metrics](Request& r) { return MetricsText(metrics, r); });
  add("GET", "/api/v1/site", "public", "Public facts about this installation",
      [&ctx](Request& r) { return Site(ctx, r); });

  // Catalog: public information (level 1–2 of every procedure).
  add("GET", "/api/v1/fields", "public", "Fields of procedures", [&ctx](Request& r) { return ListFields(ctx, r); });
  add("GET", "/api/v1/agencies", "public", "Agencies, filtered", [&ctx](Request& r) { return ListAgencies(ctx, r); });
  add("GET", "/api/v1/agencies/{code}", "public", "One agency with its units and procedures online today",
      [&ctx](Request& r) { return GetAgency(ctx, r); });
  add("GET", "/api/v1/procedures", "public", "Procedures, searched and filtered",
      [&ctx](Request& r) { return ListProcedures(ctx, r); });
  add("GET", "/api/v1/procedures/{code}", "public", "One procedure in full",
      [&ctx](Request& r) { return GetProcedure(ctx, r); });
  add("GET", "/api/v1/procedures/{code}/blank-form.pdf", "public",
      "The procedure's paper form (tờ khai) as a PDF, generated from its form schema",
      [&ctx](Request& r) { return ProcedureBlankForm(ctx, r); });
  add("GET", "/api/v1/rollout/waves", "public", "Rollout waves", [&ctx](Request& r) { return ListWaves(ctx, r); });
  add("GET", "/api/v1/rollout/progress", "public", "Rollout progress per tier and agency",
      [&ctx](Request& r) { return RolloutProgress(ctx, r); });

  // Catalog admin (city_admin): every edit is validated as a whole catalog and audited.
  add("PUT", "/api/v1/admin/agencies/{code}", "catalog.admin", "Create or update an agency with its units",
      [&ctx](Request& r) { return AdminSaveAgency(ctx, r); });
  add("PUT", "/api/v1/admin/procedures/{code}", "catalog.admin", "Publish a procedure version (YAML body)",
      [&ctx](Request& r) { return AdminSaveProcedure(ctx, r); });
  add("PUT", "/api/v1/admin/waves/{number}", "catalog.admin", "Create or replace a rollout wave",
      [&ctx](Request& r) { return AdminSaveWave(ctx, r); });
  add("PUT", "/api/v1/admin/settings/{key}", "catalog.admin", "Set a catalog setting (e.g. wave2_date)",
      [&ctx](Request& r) { return AdminSetSetting(ctx, r); });
  add("GET", "/api/v1/admin/catalog/history", "catalog.admin", "Who changed the catalog, and when",
      [&ctx](Request& r) { return AdminCatalogHistory(ctx, r); });

  // Working-day calendar: public, so anyone can check the deadline arithmetic.
  add("GET", "/api/v1/calendar/due", "public", "Official receipt and due time of a dossier",
      [&ctx](Request& r) { return CalendarDue(ctx, r); });
  add("GET", "/api/v1/calendar/holidays", "public", "Days off of a year",
      [&ctx](Request& r) { return CalendarHolidays(ctx, r); });

  // Accounts and sessions (issue 4). Object scope (the agency in the path) is checked by the service.
  add("GET", "/api/v1/roles", "public", "Officer roles with their Vietnamese labels",
      [](Request& r) { return ListRoles(r); });
  add("POST", "/api/v1/auth/register", "public", "Register a citizen or business account",
      [&ctx](Request& r) { return Register(ctx, r); });
  add("POST", "/api/v1/auth/verify", "public", "Verify an e-mail address with the one-time link's token",
      [&ctx](Request& r) { return Verify(ctx, r); });
  add("POST", "/api/v1/auth/login", "public", "Log in: session cookie and CSRF token",
      [&ctx](Request& r) { return Login(ctx, r); });
  add("POST", "/api/v1/auth/logout", "authenticated", "Log out (revoke this session)",
      [&ctx](Request& r) { return Logout(ctx, r); });
  add("POST", "/api/v1/auth/logout-all", "authenticated", "Log out everywhere (revoke every session)",
      [&ctx](Request& r) { return LogoutAll(ctx, r); });
  add("GET", "/api/v1/me", "authenticated", "The signed-in user and the CSRF token",
      [&ctx](Request& r) { return Me(ctx, r); });
  add("POST", "/api/v1/auth/password", "authenticated", "Change the password",
      [&ctx](Request& r) { return ChangePassword(ctx, r); });
  add("POST", "/api/v1/auth/password-reset", "public", "Ask for a password reset link",
      [&ctx](Request& r) { return RequestPasswordReset(ctx, r); });
  add("POST", "/api/v1/auth/password-reset/confirm", "public", "Set a new password with a reset link's token",
      [&ctx](Request& r) { return ConfirmPasswordReset(ctx, r); });

  // Officers and API tokens of an agency: its agency_it, or city_admin.
  add("GET", "/api/v1/agencies/{code}/officers", "users.manage", "Officers of an agency",
      [&ctx](Request& r) { return ListOfficers(ctx, r); });
  add("POST", "/api/v1/agencies/{code}/officers", "users.manage", "Create an officer account",
      [&ctx](Request& r) { return CreateOfficer(ctx, r); });
  add("PATCH", "/api/v1/officers/{id}", "users.manage", "Change an officer's name, unit, roles or status",
      [&ctx](Request& r) { return UpdateOfficer(ctx, r); });
  add("GET", "/api/v1/agencies/{code}/tokens", "tokens.manage", "API tokens of an agency",
      [&ctx](Request& r) { return ListTokens(ctx, r); });
  add("POST", "/api/v1/agencies/{code}/tokens", "tokens.manage", "Create an API token (shown once)",
      [&ctx](Request& r) { return CreateToken(ctx, r); });
  add("DELETE", "/api/v1/tokens/{id}", "tokens.manage", "Revoke an API token",
      [&ctx](Request& r) { return RevokeToken(ctx, r); });
  // ---- Dossiers (issue 5): applicants' drafts and submissions; officers read their agency's. ----
  // dossiers.own routes are for applicants only (the service refuses officers, city_admin included);
  // reads are for any signed-in caller and show only what the caller may see (else 404).
  add("POST", "/api/v1/dossiers", "dossiers.own", "Start a draft dossier of a procedure at an agency",
      [&ctx](Request& r) { return CreateDossier(ctx, r); });
  add("GET", "/api/v1/dossiers", "authenticated", "Dossiers the caller may see (own, or the agency's)",
      [&ctx](Request& r) { return ListDossiers(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}", "authenticated", "One dossier with its timeline (owner or handling officer)",
      [&ctx](Request& r) { return GetDossier(ctx, r); });
  add("PATCH", "/api/v1/dossiers/{id}", "dossiers.own", "Save a draft's form data (optimistic version)",
      [&ctx](Request& r) { return SaveDossierDraft(ctx, r); });
  add("POST", "/api/v1/dossiers/{id}/submit", "dossiers.own", "Submit a draft (Idempotency-Key header required)",
      [&ctx](Request& r) { return SubmitDossier(ctx, r); });
  add("POST", "/api/v1/dossiers/{id}/withdraw", "dossiers.own", "Withdraw a submitted dossier not yet received",
      [&ctx](Request& r) { return WithdrawDossier(ctx, r); });
  // Papers (multipart upload streamed to disk; the owner while the dossier takes papers; reads for
  // whoever may see the dossier).
  {
    http::Route upload;
    upload.method = "POST";
    upload.pattern = "/api/v1/dossiers/{id}/documents";
    upload.permission = "dossiers.own";
    upload.summary = "Attach a paper to a component (multipart: component, file; streamed)";
    upload.stream = [&ctx](Request& r) { return UploadDocument(ctx, r); };
    router.Add(std::move(upload));
  }
  add("GET", "/api/v1/dossiers/{id}/documents", "authenticated", "The dossier's papers (owner or handling officer)",
      [&ctx](Request& r) { return ListDocuments(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/documents/{doc}", "authenticated",
      "Download a paper's bytes (owner or handling officer)", [&ctx](Request& r) { return DownloadDocument(ctx, r); });
  add("DELETE", "/api/v1/dossiers/{id}/documents/{doc}", "dossiers.own", "Remove a paper (draft or supplement)",
      [&ctx](Request& r) { return DeleteDocument(ctx, r); });
  add("GET", "/api/v1/lookup/{code}", "public", "Public lookup of a dossier by code and secret (rate limited)",
      [&ctx](Request& r) { return LookupDossier(ctx, r); });
  // ---- end of dossiers ----

  // ---- Processing (issue 6): the workflow engine over dossiers. The service checks the object's
  // scope: the dossier's agency (404 when the caller may not see it) and the engine's role, unit,
  // assignee and state rules (403 / 409 action_not_allowed). ----
  add("GET", "/api/v1/inbox", "dossiers.handle", "The caller's work: dossiers waiting for them, soonest due first",
      [&ctx](Request& r) { return Inbox(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/actions", "dossiers.act", "The workflow actions the caller may take now",
      [&ctx](Request& r) { return DossierActions(ctx, r); });
  add("POST", "/api/v1/dossiers/{id}/actions/{action}", "dossiers.act",
      "Take a workflow action (optimistic version; one transaction)",
      [&ctx](Request& r) { return TakeDossierAction(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/control-sheet", "dossiers.handle",
      "The process-control sheet (form 05) of a dossier", [&ctx](Request& r) { return DossierControlSheet(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/slips", "authenticated",
      "The slips issued for a dossier (forms 01–04): its owner or a handling officer",
      [&ctx](Request& r) { return DossierSlips(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/slips/{slip}/pdf", "authenticated",
      "One slip as a printable PDF (A4, Vietnamese): its owner or a handling officer",
      [&ctx](Request& r) { return DossierSlipPdf(ctx, r); });
  add("GET", "/api/v1/dossiers/{id}/control-sheet/pdf", "dossiers.handle",
      "The process-control sheet (form 05) as a printable PDF",
      [&ctx](Request& r) { return DossierControlSheetPdf(ctx, r); });
  // ---- end of processing ----
}

}  // namespace motcua::api
