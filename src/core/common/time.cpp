// ISO 8601 formatting and parsing of instants and dates in Vietnamese civil time.
#include "core/common/time.hpp"

#include <cstdio>

namespace motcua::core {
namespace {

using namespace std::chrono;

bool ReadInt(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::string FormatInstant(Instant t) {
  auto local = floor<seconds>(t) + kVietnamOffset;
  auto day = floor<days>(local);
  year_month_day ymd{day};
  hh_mm_ss hms{local - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld+07:00", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), static_cast<long long>(hms.hours().count()),
                static_cast<long long>(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
  return buf;
}

std::optional<Instant> ParseInstant(std::string_view s) {
  int y, mo, d, h, mi, sec = 0;
  if (s.size() < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return {};
  if (!ReadInt(s, 0, 4, y) || !ReadInt(s, 5, 2, mo) || !ReadInt(s, 8, 2, d) || !ReadInt(s, 11, 2, h) ||
      !ReadInt(s, 14, 2, mi))
    return {};
  size_t pos = 16;
  long long micros = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!ReadInt(s, pos + 1, 2, sec)) return {};
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      int digits = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 6) {
          micros = micros * 10 + (s[pos] - '0');
          ++digits;
        }
        ++pos;
      }
      if (digits == 0) return {};
      for (; digits < 6; ++digits) micros *= 10;
    }
  }
  if (pos >= s.size()) return {};
  minutes offset{0};
  if (s[pos] == 'Z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om;
    if (!ReadInt(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !ReadInt(s, pos + 4, 2, om))
      return {};
    if (oh > 14 || om > 59) return {};
    offset = minutes(oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return {};
  }
  if (pos != s.size()) return {};
  year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return {};
  auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} - offset;
  return Instant{duration_cast<microseconds>(t.time_since_epoch()) + microseconds{micros}};
}

std::string FormatDate(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

std::optional<year_month_day> ParseDate(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !ReadInt(s, 0, 4, y) || !ReadInt(s, 5, 2, m) ||
      !ReadInt(s, 8, 2, d))
    return {};
  year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!ymd.ok()) return {};
  return ymd;
}

year_month_day LocalDate(Instant t) { return year_month_day{floor<days>(t + kVietnamOffset)}; }

Instant LocalInstant(year_month_day d, minutes time_of_day) {
  return Instant{duration_cast<microseconds>((sys_days{d} + time_of_day - kVietnamOffset).time_since_epoch())};
}

}  // namespace motcua::core
