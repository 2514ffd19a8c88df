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

struct StateEntry {
  std::string_view name, vi, en;
};
// The workflow states of catalog/hanoi/workflows.yaml, as applicants and officers read them.
constexpr std::array<StateEntry, 17> kStates{{
    {"draft", "Bản nháp", "Draft"},
    {"submitted", "Đã nộp, chờ tiếp nhận", "Submitted, awaiting receipt"},
    {"received", "Đã tiếp nhận", "Received"},
    {"assigned", "Đang thụ lý", "Being handled"},
    {"awaiting_supplement", "Chờ bổ sung hồ sơ", "Awaiting supplementary papers"},
    {"proposed", "Đã đề xuất, chờ lãnh đạo phòng duyệt", "Proposed, awaiting the unit head"},
    {"reviewed", "Chờ lãnh đạo cơ quan phê duyệt", "Awaiting the leader's approval"},
    {"approved", "Đã phê duyệt, chờ ban hành", "Approved, awaiting issue"},
    {"handled", "Đã giải quyết, chờ ban hành", "Handled, awaiting issue"},
    {"issued", "Đã có kết quả, chờ trả", "Result ready for return"},
    {"returned", "Đã trả kết quả", "Result returned"},
    {"not_received", "Không tiếp nhận, cần bổ sung", "Not received: papers missing"},
    {"refused", "Từ chối tiếp nhận", "Refused"},
    {"withdrawn", "Đã rút hồ sơ", "Withdrawn"},
    {"not_eligible", "Không đủ điều kiện giải quyết", "Not eligible"},
    {"at_partner", "Đang xử lý tại cơ quan phối hợp", "At the partner agency"},
    {"back_at_lead", "Cơ quan phối hợp đã chuyển lại", "Back from the partner agency"},
}};

const StateEntry* FindState(std::string_view name) {
  for (const auto& e : kStates)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

std::string_view StateLabel(std::string_view state) {
  const auto* e = FindState(state);
  return e ? e->vi : state;
}
std::string_view StateLabelEn(std::string_view state) {
  const auto* e = FindState(state);
  return e ? e->en : state;
}

std::string_view ToString(Status status) { return Find(status).name; }
std::string_view Label(Status status) { return Find(status).vi; }
std::string_view LabelEn(Status status) { return Find(status).en; }

std::optional<Status> StatusFromString(std::string_view name) {
  for (const auto& e : kEntries)
    if (e.name == name) return e.status;
  return std::nullopt;
}

}  // namespace motcua::core::dossier
