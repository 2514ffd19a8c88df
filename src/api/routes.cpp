// The route table. Every route names the permission it needs ("public" or a permission name that
// the authorization layer checks); docs/openapi.yaml is checked against this table by a test.
#include "api/routes.hpp"

#include "api/calendar.hpp"
#include "api/catalog.hpp"
#include "api/system.hpp"

namespace motcua::api {

void RegisterRoutes(http::Router& router, services::Context& ctx, http::Metrics& metrics) {
  auto add = [&](std::string method, std::string pattern, std::string permission, std::string summary,
                 http::Handler handler) {
    router.Add({std::move(method), std::move(pattern), std::move(handler), std::move(permission), std::move(summary)});
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
  add("GET", "/api/v1/rollout/waves", "public", "Rollout waves", [&ctx](Request& r) { return ListWaves(ctx, r); });
  add("GET", "/api/v1/rollout/progress", "public", "Rollout progress per tier and agency",
      [&ctx](Request& r) { return RolloutProgress(ctx, r); });

  // Working-day calendar: public, so anyone can check the deadline arithmetic.
  add("GET", "/api/v1/calendar/due", "public", "Official receipt and due time of a dossier",
      [&ctx](Request& r) { return CalendarDue(ctx, r); });
  add("GET", "/api/v1/calendar/holidays", "public", "Days off of a year",
      [&ctx](Request& r) { return CalendarHolidays(ctx, r); });
}

}  // namespace motcua::api
