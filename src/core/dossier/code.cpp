// Dossier code formatting and shape checks.
#include "core/dossier/code.hpp"

#include <cstdio>

namespace motcua::core::dossier {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsCodeChar(char c) { return IsDigit(c) || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string DayKey(std::chrono::year_month_day day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02u%02u", static_cast<int>(day.year()) % 100, static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return buf;
}

std::string FormatCode(std::string_view agency_code, std::chrono::year_month_day day, long long number) {
  char num[32];
  std::snprintf(num, sizeof num, "%04lld", number);
  std::string out(agency_code);
  out += '-';
  out += DayKey(day);
  out += '-';
  out += num;
  return out;
}

bool IsWellFormedCode(std::string_view code) {
  if (code.size() > 64) return false;
  auto dash = code.find('-');
  if (dash == std::string_view::npos) return false;
  auto agency = code.substr(0, dash);
  auto rest = code.substr(dash + 1);
  // Agency: four non-empty dot-separated parts of digits and capital letters.
  int parts = 1;
  size_t run = 0;
  for (char c : agency) {
    if (c == '.') {
      if (run == 0) return false;
      ++parts;
      run = 0;
    } else if (IsCodeChar(c)) {
      ++run;
    } else {
      return false;
    }
  }
  if (parts != 4 || run == 0) return false;
  if (rest.size() < 11 || rest[6] != '-') return false;
  for (size_t i = 0; i < rest.size(); ++i)
    if (i != 6 && !IsDigit(rest[i])) return false;
  return true;
}

}  // namespace motcua::core::dossier
