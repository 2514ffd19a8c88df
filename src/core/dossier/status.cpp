// Dossier status names and labels.
#include "core/dossier/status.hpp"

#include <array>

namespace motcua::core::dossier {
namespace {

struct Entry {
  Status status;
  std::string_view name, vi, en;
};
constexpr std::array<Entry, 4> kEntries{{
    {Status::kDraft, "draft", "Bản nháp", "Draft"},
    {Status::kSubmitted, "submitted", "Đã nộp, chờ tiếp nhận", "Submitted, awaiting receipt"},
    {Status::kWithdrawn, "withdrawn", "Đã rút hồ sơ", "Withdrawn"},
    {Status::kReceived, "received", "Đã tiếp nhận", "Received"},
}};

const Entry& Find(Status s) {
  for (const auto& e : kEntries)
    if (e.status == s) return e;
  return kEntries[0];
}

}  // namespace

std::string_view ToString(Status status) { return Find(status).name; }
std::string_view Label(Status status) { return Find(status).vi; }
std::string_view LabelEn(Status status) { return Find(status).en; }

std::optional<Status> StatusFromString(std::string_view name) {
  for (const auto& e : kEntries)
    if (e.name == name) return e.status;
  return std::nullopt;
}

}  // namespace motcua::core::dossier
