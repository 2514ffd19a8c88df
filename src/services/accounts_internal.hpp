// Helpers shared by the accounts service's files (accounts.cpp, accounts_admin.cpp, accounts_demo.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/accounts.hpp"
#include "store/db.hpp"

namespace motcua::services::accounts::internal {

std::string Now(Context& ctx);

core::Error Validation(std::map<std::string, core::FieldError> fields);
core::Error Conflict();
core::FieldError Required();
core::FieldError InvalidFormat(std::string vi, std::string en);

// A full name or address: trimmed, NFC, valid UTF-8, `min`–`max` characters; none otherwise.
std::optional<std::string> CleanText(std::string_view text, std::size_t min, std::size_t max);

std::optional<User> LoadUser(store::Transaction& tx, std::int64_t id);

struct NewUserRow {
  std::string username, email, kind, full_name, password_hash, status;
  std::string agency_code, unit_key;
  std::string id_number, date_of_birth, tax_code, representative, phone, address;
  bool verified = false;
};
// Inserts a user; throws DbError kUniqueViolation on a taken user name or e-mail.
std::int64_t InsertUser(store::Transaction& tx, const std::string& now, const NewUserRow& row);
bool UsernameOrEmailTaken(store::Transaction& tx, const std::string& username, const std::string& email);
void ReplaceRoles(store::Transaction& tx, std::int64_t user_id, const std::vector<access::RoleGrant>& grants);
void RevokeSessions(store::Transaction& tx, std::int64_t user_id, const std::string& now, std::int64_t except = 0);

void Audit(store::Transaction& tx, Context& ctx, const Caller& caller, std::string action, std::string object_type,
           std::string object_id, nlohmann::json detail = nlohmann::json::object());

}  // namespace motcua::services::accounts::internal
