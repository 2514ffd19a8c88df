// Hash-chained audit events.
#include "services/audit.hpp"

#include <sodium.h>

#include "core/common/time.hpp"

namespace motcua::services::audit {
namespace {

const store::Query kLast{"audit.last_hash", "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1"};
const store::Query kLockPg{"audit.lock", "SELECT pg_advisory_xact_lock(7265001)"};
const store::Query kInsert{
    "audit.insert",
    "INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, object_type, object_id, request_id, "
    "detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
const store::Query kAll{"audit.all",
                        "SELECT id, occurred_at, actor_id, actor_role, action, object_type, object_id, request_id, "
                        "detail, prev_hash, hash FROM audit_events ORDER BY id"};

std::string Hex(const unsigned char* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[p[i] >> 4]);
    out.push_back(kDigits[p[i] & 15]);
  }
  return out;
}

std::string ChainHash(const std::string& prev, const std::string& occurred_at, const std::string& actor_id,
                      const std::string& role, const std::string& action, const std::string& type,
                      const std::string& id, const std::string& request_id, const std::string& detail) {
  // Fields joined with a separator that cannot appear in JSON text or our identifiers.
  std::string material;
  for (const std::string* s : {&prev, &occurred_at, &actor_id, &role, &action, &type, &id, &request_id, &detail}) {
    material += *s;
    material.push_back('\x1f');
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(material.data()), material.size());
  return Hex(digest, sizeof digest);
}

}  // namespace

void Record(store::Transaction& tx, const core::Clock& clock, const Event& event) {
  if (tx.dialect() == store::Dialect::kPostgres) tx.Query(kLockPg);  // SQLite: writers are serialised already
  auto last = tx.QueryOne(kLast);
  std::string prev = last ? last->Text(0) : "";
  std::string occurred_at = core::FormatInstant(clock.Now());
  std::string actor = event.actor_id ? std::to_string(*event.actor_id) : "";
  std::string detail = event.detail.dump();
  auto hash = ChainHash(prev, occurred_at, actor, event.actor_role, event.action, event.object_type, event.object_id,
                        event.request_id, detail);
  store::Value actor_value = event.actor_id ? store::Value(static_cast<std::int64_t>(*event.actor_id)) : store::Null{};
  tx.Execute(kInsert,
             {occurred_at, actor_value, event.actor_role, event.action, event.object_type, event.object_id,
              event.request_id, detail, prev.empty() ? store::Value(store::Null{}) : store::Value(prev), hash});
}

std::optional<long long> VerifyChain(store::Transaction& tx) {
  std::string prev;
  for (const auto& r : tx.Query(kAll)) {
    auto expected = ChainHash(prev, r.Text(1), r.IsNull(2) ? "" : r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                              r.Text(7), r.Text(8));
    if (r.Text(9) != prev || r.Text(10) != expected) return r.Int(0);
    prev = r.Text(10);
  }
  return std::nullopt;
}

}  // namespace motcua::services::audit
