// Password policy and the shapes of account fields.
#include "core/access/credentials.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace motcua::core::access {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The passwords people pick first, world-wide and in Vietnam (lower case; compared after
// lower-casing). Written for this project from the well-known patterns: digit runs, keyboard rows,
// "password"/"matkhau" variants, names of the city and the country, common Vietnamese words.
constexpr std::array<std::string_view, 132> kCommonPasswords{{
    "12345678",     "123456789",   "1234567890",    "0123456789", "87654321",    "987654321",     "9876543210",
    "11111111",     "00000000",    "22222222",      "88888888",   "66666666",    "99999999",      "12341234",
    "11223344",     "12344321",    "123123123",     "123456123",  "1234512345",  "147258369",     "123654789",
    "159753456",    "password",    "password1",     "password12", "password123", "passw0rd",      "p@ssw0rd",
    "p@ssword",     "pa$$word",    "password!",     "admin123",   "admin1234",   "administrator", "adminadmin",
    "root1234",     "qwertyui",    "qwerty123",     "qwertyuiop", "qwerty12",    "1qaz2wsx",      "1q2w3e4r",
    "1q2w3e4r5t",   "zaq12wsx",    "asdfghjk",      "asdfghjkl",  "zxcvbnm1",    "zxcvbnm123",    "abcd1234",
    "abc12345",     "abcdefgh",    "a1234567",      "aa123456",   "iloveyou",    "iloveyou1",     "sunshine",
    "princess",     "football",    "baseball",      "superman",   "trustno1",    "welcome1",      "welcome123",
    "letmein1",     "changeme",    "monkey123",     "dragon123",  "master123",   "whatever",      "starwars",
    "computer",     "internet",    "samsung1",      "google123",  "matkhau1",    "matkhau123",    "matkhau@123",
    "matkhaumoi",   "doimatkhau",  "anhyeuem",      "anhyeuem1",  "emyeuanh",    "yeuemnhieu",    "vietnam1",
    "vietnam123",   "vietnam@123", "vietnamvodich", "hanoi123",   "hanoi@123",   "hanoi2017",     "hanoi1234",
    "hanoivietnam", "saigon123",   "hochiminh",     "truongsa",   "nguyen123",   "nguyenvan",     "tranvan123",
    "leloi123",     "conmeo123",   "motcua123",     "motcua2017", "dichvucong",  "dichvucong1",   "congdan123",
    "canbo123",     "quantri123",  "demo1234",      "test1234",   "testtest",    "tester123",     "guest123",
    "user1234",     "12345678a",   "123456789a",    "a123456789", "aa12345678",  "qwe12345",      "qweasdzxc",
    "1234qwer",     "q1w2e3r4",    "qazwsxedc",     "0987654321", "0912345678",  "0123456789a",   "10101010",
    "12121212",     "13579246",    "20172017",      "19001900",   "01234567",    "76543210",
}};

}  // namespace

std::size_t CountChars(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsCommonPassword(std::string_view password) {
  auto lower = AsciiLower(password);
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) != kCommonPasswords.end()) return true;
  // One character repeated ("aaaaaaaa", "ầầầầầầầầ") is as weak as any list entry.
  if (lower.empty()) return false;
  size_t first = 1;
  while (first < lower.size() && (static_cast<unsigned char>(lower[first]) & 0xC0) == 0x80) ++first;
  for (size_t i = 0; i < lower.size(); i += first)
    if (lower.compare(i, first, lower, 0, first) != 0) return false;
  return lower.size() % first == 0;
}

std::optional<FieldError> CheckPassword(std::string_view password, std::string_view username, std::string_view email) {
  auto chars = CountChars(password);
  if (chars < kPasswordMinChars)
    return FieldError{"too_short", "Mật khẩu phải có ít nhất 8 ký tự.",
                      "The password must have at least 8 characters."};
  if (chars > kPasswordMaxChars)
    return FieldError{"too_long", "Mật khẩu dài tối đa 128 ký tự.", "The password may have at most 128 characters."};
  if (IsCommonPassword(password))
    return FieldError{"too_common", "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.",
                      "This password is too common and easy to guess; choose another one."};
  auto lower = AsciiLower(password);
  auto local = email.substr(0, email.find('@'));
  if ((!username.empty() && lower == AsciiLower(username)) || (!local.empty() && lower == AsciiLower(local)))
    return FieldError{"like_username", "Mật khẩu không được trùng tên đăng nhập hoặc thư điện tử.",
                      "The password must not be the user name or the e-mail address."};
  return std::nullopt;
}

std::optional<std::string> NormalizeUsername(std::string_view text) {
  auto s = AsciiLower(Trim(text));
  if (s.size() < 3 || s.size() > 50) return std::nullopt;
  if (!std::isalnum(static_cast<unsigned char>(s.front()))) return std::nullopt;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return std::nullopt;
  return s;
}

std::optional<std::string> NormalizeEmail(std::string_view text) {
  auto s = AsciiLower(Trim(text));
  if (s.size() > 254) return std::nullopt;
  auto at = s.find('@');
  if (at == std::string::npos || at == 0 || at > 64 || s.find('@', at + 1) != std::string::npos) return std::nullopt;
  std::string_view local(s.data(), at), domain(s.data() + at + 1, s.size() - at - 1);
  auto printable = [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7F; };
  if (!std::all_of(local.begin(), local.end(), printable)) return std::nullopt;
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos)
    return std::nullopt;
  for (char c : domain)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80))
      return std::nullopt;
  return s;
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  std::string digits;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') continue;
    digits += c;
  }
  if (digits.rfind("+84", 0) == 0) digits = "0" + digits.substr(3);
  if (!AllDigits(digits) || digits[0] != '0') return std::nullopt;
  if (digits.size() == 10 && std::string_view("35789").find(digits[1]) != std::string_view::npos) return digits;
  if (digits.size() == 11 && digits[1] == '2') return digits;
  return std::nullopt;
}

std::optional<std::string> NormalizeCitizenId(std::string_view text) {
  std::string s;
  for (char c : Trim(text))
    if (c != ' ') s += c;
  if (s.size() != 12 || !AllDigits(s)) return std::nullopt;
  int province = std::stoi(s.substr(0, 3));
  if (province < 1 || province > 96) return std::nullopt;
  return s;
}

std::optional<std::string> NormalizeTaxCode(std::string_view text) {
  std::string s;
  for (char c : Trim(text))
    if (c != ' ') s += c;
  if (s.size() == 10 && AllDigits(s)) return s;
  if (s.size() == 13 && AllDigits(s)) return s.substr(0, 10) + "-" + s.substr(10);
  if (s.size() == 14 && s[10] == '-' && AllDigits(s.substr(0, 10)) && AllDigits(s.substr(11))) return s;
  return std::nullopt;
}

}  // namespace motcua::core::access
