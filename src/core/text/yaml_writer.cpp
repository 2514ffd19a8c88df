// The canonical YAML printer: explicit formatting instead of yaml-cpp's Emitter, so that the output
// is exactly the catalog's canonical form and reads back as the same values.
#include "core/text/yaml_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/common/time.hpp"

namespace motcua::core::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Words that YAML 1.1 or 1.2 readers resolve to null or a boolean (yaml-cpp follows 1.1 here).
bool IsReservedWord(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kWords = {"~",    "null",  "y",  "n",   "yes", "no",
                                                              "true", "false", "on", "off", "=",   "<<"};
  std::string lower = Lower(s);
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Anything a YAML 1.1 or 1.2 reader might take for a number or a timestamp: ints, floats, hex,
// octal, binary, sexagesimal (1:30), exponents, .inf/.nan, and anything starting like a date.
bool LooksNumericOrDate(std::string_view s) {
  std::string lower = Lower(s);
  std::string_view body = lower;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (body == ".inf" || body == ".nan") return true;
  if (s.size() >= 6 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) && s[4] == '-' && IsDigit(s[5]))
    return true;
  if (body.empty() || !(IsDigit(body[0]) || (body[0] == '.' && body.size() > 1 && IsDigit(body[1])))) return false;
  static constexpr std::string_view kNumberChars = "0123456789abcdefxob._:+-";
  return std::all_of(body.begin(), body.end(), [](char c) { return kNumberChars.find(c) != std::string_view::npos; });
}

// Characters that a plain or single-quoted scalar cannot carry: C0 controls, DEL, and the
// Unicode line/paragraph separators, NEL and BOM (YAML treats them as breaks or forbids them).
bool NeedsEscapes(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return true;  // NEL
    if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
      return true;  // U+2028, U+2029
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF)
      return true;  // BOM
  }
  return false;
}

bool SyntaxNeedsQuotes(std::string_view s, bool in_flow, bool allow_leading_dash) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  char first = s.front();
  static constexpr std::string_view kIndicators = ",[]{}#&*!|>'\"%@`";
  if (kIndicators.find(first) != std::string_view::npos) return true;
  if (first == '-' || first == '?' || first == ':') {
    // "-5" may stay plain; "- x", "-", "---" may not.
    if (!allow_leading_dash || s.size() == 1 || s[1] == ' ' || s.substr(0, 3) == "---") return true;
    if (in_flow && std::string_view(",[]{}").find(s[1]) != std::string_view::npos) return true;
  }
  if (s.substr(0, 3) == "...") return true;
  if (s.back() == ':') return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return true;
  if (in_flow && s.find_first_of(",[]{}") != std::string_view::npos) return true;
  if (in_flow && s.find(':') != std::string_view::npos) return true;
  return false;
}

std::string SingleQuoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string DoubleQuoted(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    switch (s[i]) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      default:
        break;
    }
    char buf[8];
    if (b < 0x20 || b == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02X", b);
      out += buf;
    } else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      out += "\\N";
      ++i;
    } else if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";
      i += 2;
    } else if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
               static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += s[i];
    }
  }
  out += '"';
  return out;
}

}  // namespace

std::string FormatScalar(std::string_view value, ScalarStyle style, bool in_flow) {
  if (style == ScalarStyle::kVerbatim) return std::string(value);
  if (NeedsEscapes(value)) return DoubleQuoted(value);
  bool quote = SyntaxNeedsQuotes(value, in_flow, style == ScalarStyle::kUntyped);
  if (!quote && style == ScalarStyle::kString) quote = IsReservedWord(value) || LooksNumericOrDate(value);
  return quote ? SingleQuoted(value) : std::string(value);
}

YamlNode YamlNode::Scalar(std::string_view s, ScalarStyle style) {
  YamlNode n(Kind::kScalar);
  n.scalar_ = std::string(s);
  n.style_ = style;
  return n;
}

YamlNode YamlNode::Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return Int(static_cast<long long>(v));
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) throw std::runtime_error("cannot format a number");
  return Verbatim(std::string(buf, end));
}

YamlNode YamlNode::Date(std::chrono::year_month_day d) { return Verbatim(FormatDate(d)); }

YamlNode YamlNode::FlowList(const std::vector<std::string>& items, ScalarStyle style) {
  YamlNode list(Kind::kFlowList);
  for (const auto& item : items) list.Append(Scalar(item, style));
  return list;
}

YamlNode& YamlNode::Add(std::string key, YamlNode value) {
  if (kind_ != Kind::kMap) throw std::logic_error("YamlNode::Add on a non-map");
  entries_.emplace_back(std::move(key), std::move(value));
  return entries_.back().second;
}

YamlNode& YamlNode::Append(YamlNode item) {
  if (kind_ != Kind::kBlockList && kind_ != Kind::kFlowList) throw std::logic_error("YamlNode::Append on a non-list");
  if (kind_ == Kind::kFlowList && item.kind_ != Kind::kScalar) throw std::logic_error("a flow list holds scalars only");
  items_.push_back(std::move(item));
  return items_.back();
}

std::string YamlNode::Render() const {
  if (kind_ != Kind::kMap) throw std::logic_error("a document is a mapping");
  std::string out;
  RenderMap(0, false, out);
  if (out.empty()) out = "{}\n";
  return out;
}

// Writes `key: value` lines at `indent`; with `first_inline` the first line follows a "- " already
// written by the enclosing list.
void YamlNode::RenderMap(int indent, bool first_inline, std::string& out) const {
  bool first = true;
  for (const auto& [key, value] : entries_) {
    if (!(first && first_inline)) out.append(static_cast<size_t>(indent), ' ');
    first = false;
    out += key;
    out += ':';
    value.RenderValue(indent, out);
  }
}

// Writes what follows "key:" (the rest of the line and any nested lines) for a value whose key is
// at `indent`.
void YamlNode::RenderValue(int indent, std::string& out) const {
  switch (kind_) {
    case Kind::kScalar:
      out += ' ';
      out += ScalarText(false);
      out += '\n';
      return;
    case Kind::kFlowList: {
      out += " [";
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i > 0) out += ", ";
        out += items_[i].ScalarText(true);
      }
      out += "]\n";
      return;
    }
    case Kind::kMap:
      if (entries_.empty()) {
        out += " {}\n";
        return;
      }
      out += '\n';
      RenderMap(indent + 2, false, out);
      return;
    case Kind::kBlockList:
      if (items_.empty()) {
        out += " []\n";
        return;
      }
      out += '\n';
      for (const auto& item : items_) {
        out.append(static_cast<size_t>(indent) + 2, ' ');
        out += "- ";
        if (item.kind_ == Kind::kMap && !item.entries_.empty()) {
          item.RenderMap(indent + 4, true, out);
        } else if (item.kind_ == Kind::kScalar) {
          out += item.ScalarText(false);
          out += '\n';
        } else {
          throw std::logic_error("a block list holds mappings or scalars");
        }
      }
      return;
  }
}

}  // namespace motcua::core::text
