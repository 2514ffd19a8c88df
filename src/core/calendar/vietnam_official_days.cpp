// Official days off for the civil service in years we have checked, as published by the Ministry of
// Labour, Invalids and Social Affairs and the Government portal. Only what differs from the rules
// computed by HolidayCalendar is written here.
#include "core/calendar/vietnam_official_days.hpp"

#include <cassert>

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;

std::vector<year_month_day> Range(year_month_day first, year_month_day last) {
  std::vector<year_month_day> out;
  for (sys_days d{first}; d <= sys_days{last}; d += days{1}) out.emplace_back(d);
  return out;
}

std::vector<YearOverrides> Make() {
  std::vector<YearOverrides> years;

  // 2017 (Labour Code 2012). Tết Đinh Dậu: Thu 26/01 (29 tháng Chạp) to Wed 01/02 (mùng 5), with
  // no swapped days. The rule alone would give 27/01–02/02. Everything else in 2017 follows the
  // rules: 02/01 for New Year on a Sunday, 06/04 Hùng Kings, 02/05 for 30/4 on a Sunday, 04/09
  // for 2/9 on a Saturday.
  YearOverrides y2017;
  y2017.year = 2017;
  y2017.tet_days = Range(year{2017} / January / 26, year{2017} / February / 1);
  y2017.source = "Tết Đinh Dậu 2017: nghỉ từ 26/01 đến hết 01/02/2017, không hoán đổi ngày làm việc";
  years.push_back(std::move(y2017));

  // 2024 (Labour Code 2019). Tết Giáp Thìn: Thu 08/02 (29 tháng Chạp) to Wed 14/02 (mùng 5).
  // 30/4–1/5: Monday 29/04 off, swapped with Saturday 04/05 worked (off 27/04–01/05).
  // National Day: 02/09 and the day after, 03/09 (off 31/08–03/09).
  YearOverrides y2024;
  y2024.year = 2024;
  y2024.tet_days = Range(year{2024} / February / 8, year{2024} / February / 14);
  y2024.days_off.push_back(DayOff{year{2024} / April / 29, HolidayKind::kOther,
                                  "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)",
                                  "Swapped day off (Saturday 04/05/2024 is worked)"});
  y2024.working_days.push_back(year{2024} / May / 4);
  y2024.national_day_extra = year{2024} / September / 3;
  y2024.source =
      "Thông báo của Bộ LĐ-TB&XH về nghỉ Tết Âm lịch và Quốc khánh 2024; Thủ tướng đồng ý hoán đổi "
      "ngày làm việc dịp 30/4–1/5/2024";
  years.push_back(std::move(y2024));

  return years;
}

}  // namespace

const std::vector<YearOverrides>& VietnamOfficialDays() {
  static const std::vector<YearOverrides> days = Make();
  return days;
}

const HolidayCalendar& VietnamHolidayCalendar() {
  static const HolidayCalendar calendar = [] {
    Result<HolidayCalendar> made = HolidayCalendar::Create(VietnamOfficialDays());
    assert(made.ok());
    return std::move(made).value();
  }();
  return calendar;
}

}  // namespace motcua::core::calendar
