// Dossier codes (Circular 01/2018/TT-VPCP art. 19): `<agency code>-<YYMMDD>-<NNNN>`, the receiving
// agency, the Vietnamese civil date, and that agency's sequence number of the day.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace motcua::core::dossier {

// "170221" for 21/02/2017: the day part of a code and the key of the daily sequence.
std::string DayKey(std::chrono::year_month_day day);

// "000.00.19.H26-170221-0001". The number has at least four digits (a 10 000th dossier gets five).
std::string FormatCode(std::string_view agency_code, std::chrono::year_month_day day, long long number);

// True when `code` has the shape of a dossier code (agency code of four dotted parts, six digits,
// four or more digits). Lookups reject anything else before touching the database.
bool IsWellFormedCode(std::string_view code);

}  // namespace motcua::core::dossier
