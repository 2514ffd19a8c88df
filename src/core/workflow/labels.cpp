// Labels of the actions of catalog/hanoi/workflows.yaml.
#include "core/workflow/labels.hpp"

#include <array>

namespace motcua::core::workflow {
namespace {

struct Entry {
  std::string_view name, vi, en;
};
constexpr std::array<Entry, 18> kActions{{
    {"receive", "Tiếp nhận", "Receive"},
    {"request_supplement_at_reception", "Yêu cầu bổ sung, không tiếp nhận", "Ask for papers (not received)"},
    {"refuse", "Từ chối tiếp nhận", "Refuse"},
    {"withdraw", "Rút hồ sơ", "Withdraw"},
    {"assign", "Phân công", "Assign"},
    {"extend", "Gia hạn, xin lỗi", "Extend with apology"},
    {"propose", "Đề xuất kết quả", "Propose the result"},
    {"request_supplement", "Yêu cầu bổ sung hồ sơ", "Request supplementary papers"},
    {"return_not_eligible", "Trả hồ sơ không đủ điều kiện", "Return as not eligible"},
    {"supplement", "Bổ sung hồ sơ", "Supplement the dossier"},
    {"review", "Duyệt", "Review"},
    {"send_back", "Trả lại để xử lý lại", "Send back"},
    {"approve", "Phê duyệt", "Approve"},
    {"issue", "Ban hành kết quả", "Issue the result"},
    {"return_result", "Trả kết quả", "Return the result"},
    {"handle", "Giải quyết", "Handle"},
    {"hand_over", "Chuyển cơ quan phối hợp", "Hand over to the partner agency"},
    {"hand_back", "Chuyển trả cơ quan chủ trì", "Hand back to the lead agency"},
}};

const Entry* Find(std::string_view name) {
  for (const auto& e : kActions)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

std::string_view ActionLabel(std::string_view action) {
  const auto* e = Find(action);
  return e ? e->vi : action;
}
std::string_view ActionLabelEn(std::string_view action) {
  const auto* e = Find(action);
  return e ? e->en : action;
}

}  // namespace motcua::core::workflow
