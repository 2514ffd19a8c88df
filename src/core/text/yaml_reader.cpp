// Typed reading of yaml-cpp nodes with every problem collected and located.
#include "core/text/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/common/time.hpp"
#include "core/text/fold.hpp"

namespace motcua::core::text {
namespace {

std::string KindName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Null:
      return "empty";
    default:
      return "'" + node.Scalar() + "'";
  }
}

bool IsQuoted(const YAML::Node& node) { return node.Tag() == "!"; }

}  // namespace

int LineOf(const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

int FirstInvalidUtf8Line(std::string_view text) {
  if (IsValidUtf8(text)) return 0;
  int line = 1;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (!IsValidUtf8(text.substr(start, i - start))) return line;
      ++line;
      start = i + 1;
    }
  }
  return line;
}

std::optional<YAML::Node> ParseYaml(const std::string& text, LineProblems& problems) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    problems.push_back({e.mark.is_null() ? 0 : e.mark.line + 1, "YAML syntax error: " + e.msg});
    return std::nullopt;
  }
}

std::optional<std::string> ReadString(const YAML::Node& node, std::string_view what, LineProblems& problems) {
  if (!node.IsScalar()) {
    problems.push_back({LineOf(node), std::string(what) + " must be a text, not " + KindName(node)});
    return std::nullopt;
  }
  const std::string& s = node.Scalar();
  if (!IsValidUtf8(s)) {
    problems.push_back({LineOf(node), std::string(what) + " is not valid UTF-8"});
  } else if (!IsNfc(s)) {
    problems.push_back({LineOf(node), std::string(what) +
                                          " is not in Unicode NFC (use precomposed letters, e.g. 'ấ' as one "
                                          "character): '" +
                                          s + "'"});
  }
  return s;
}

std::optional<long long> ReadInteger(const YAML::Node& node, std::string_view what, LineProblems& problems) {
  if (node.IsScalar() && !IsQuoted(node)) {
    const std::string& s = node.Scalar();
    long long value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
  }
  problems.push_back({LineOf(node), std::string(what) + " must be a whole number, not " + KindName(node)});
  return std::nullopt;
}

std::optional<double> ReadNumber(const YAML::Node& node, std::string_view what, LineProblems& problems) {
  if (node.IsScalar() && !IsQuoted(node)) {
    const std::string& s = node.Scalar();
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty() && std::isfinite(value)) return value;
  }
  problems.push_back({LineOf(node), std::string(what) + " must be a number, not " + KindName(node)});
  return std::nullopt;
}

std::optional<bool> ReadBool(const YAML::Node& node, std::string_view what, LineProblems& problems) {
  if (node.IsScalar() && !IsQuoted(node)) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  problems.push_back({LineOf(node), std::string(what) + " must be true or false, not " + KindName(node)});
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> ReadDate(const YAML::Node& node, std::string_view what,
                                                    LineProblems& problems) {
  if (node.IsScalar()) {
    if (auto d = ParseDate(node.Scalar())) return d;
  }
  problems.push_back({LineOf(node), std::string(what) + " must be a date YYYY-MM-DD, not " + KindName(node)});
  return std::nullopt;
}

MapReader::MapReader(const YAML::Node& node, std::string what, LineProblems& problems)
    : problems_(problems), what_(std::move(what)), line_(LineOf(node)), is_map_(node.IsMap()) {
  if (!is_map_) {
    Report(line_, "must be a mapping of keys to values, not " + KindName(node));
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      Report(LineOf(it->first), "a key must be a plain word, not " + KindName(it->first));
      continue;
    }
    std::string key = it->first.Scalar();
    if (const Entry* first = Find(key)) {
      Report(LineOf(it->first),
             "key '" + key + "' appears twice (first on line " + std::to_string(LineOf(first->key_node)) + ")");
      continue;
    }
    entries_.push_back(Entry{key, it->first, it->second});
  }
}

MapReader::Entry* MapReader::Find(std::string_view key) {
  for (auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

const MapReader::Entry* MapReader::Find(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

std::string MapReader::Name(std::string_view key) const { return what_ + ": '" + std::string(key) + "'"; }

void MapReader::Report(int line, std::string message) {
  problems_.push_back({line, what_.empty() ? std::move(message) : what_ + ": " + message});
}

bool MapReader::Has(std::string_view key) {
  if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
  Entry* e = Find(key);
  if (!e) return false;
  e->known = true;
  return !e->value.IsNull();
}

bool MapReader::Present(std::string_view key) {
  Has(key);
  return Find(key) != nullptr;
}

std::vector<std::string> MapReader::Keys() const {
  std::vector<std::string> keys;
  for (const auto& e : entries_) keys.push_back(e.key);
  return keys;
}

int MapReader::KeyLine(std::string_view key) const {
  const Entry* e = Find(key);
  return e ? LineOf(e->key_node) : line_;
}

YAML::Node MapReader::Value(std::string_view key, Need need) {
  bool present = Has(key);
  if (!is_map_) return YAML::Node();
  if (!present) {
    if (need == Need::kRequired) {
      if (Find(key))
        Report(KeyLine(key), "key '" + std::string(key) + "' has no value");
      else
        Report(line_, "missing key '" + std::string(key) + "'");
    }
    return YAML::Node();
  }
  return Find(key)->value;
}

std::optional<Located<std::string>> MapReader::LocatedString(std::string_view key, Need need) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  auto s = ReadString(v, Name(key), problems_);
  if (!s) return std::nullopt;
  if (s->empty() && need == Need::kRequired) {
    Report(LineOf(v), "'" + std::string(key) + "' must not be empty");
    return std::nullopt;
  }
  if (s->empty()) return std::nullopt;
  return Located<std::string>{std::move(*s), LineOf(v)};
}

std::optional<std::string> MapReader::String(std::string_view key, Need need) {
  auto s = LocatedString(key, need);
  if (!s) return std::nullopt;
  return std::move(s->value);
}

std::optional<std::string> MapReader::Untyped(std::string_view key, Need need) {
  bool present = Has(key);
  if (!is_map_) return std::nullopt;
  if (!present) {
    if (Find(key)) return std::string();  // an explicit null
    if (need == Need::kRequired) Report(line_, "missing key '" + std::string(key) + "'");
    return std::nullopt;
  }
  return ReadString(Find(key)->value, Name(key), problems_);
}

std::optional<long long> MapReader::Integer(std::string_view key, Need need, long long min, long long max) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  auto n = ReadInteger(v, Name(key), problems_);
  if (n && (*n < min || *n > max)) {
    Report(LineOf(v), "'" + std::string(key) + "' must be between " + std::to_string(min) + " and " +
                          std::to_string(max) + ", not " + std::to_string(*n));
    return std::nullopt;
  }
  return n;
}

std::optional<double> MapReader::Number(std::string_view key, Need need) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  return ReadNumber(v, Name(key), problems_);
}

std::optional<bool> MapReader::Bool(std::string_view key, Need need) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  return ReadBool(v, Name(key), problems_);
}

std::optional<std::chrono::year_month_day> MapReader::Date(std::string_view key, Need need) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  return ReadDate(v, Name(key), problems_);
}

std::optional<YAML::Node> MapReader::List(std::string_view key, Need need, bool non_empty) {
  YAML::Node v = Value(key, need);
  if (v.IsNull()) return std::nullopt;
  if (!v.IsSequence()) {
    Report(LineOf(v), "'" + std::string(key) + "' must be a list, not " + KindName(v));
    return std::nullopt;
  }
  if (non_empty && v.size() == 0) {
    Report(LineOf(v), "'" + std::string(key) + "' must not be an empty list");
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<Located<std::string>>> MapReader::StringList(std::string_view key, Need need,
                                                                       bool non_empty) {
  auto list = List(key, need, non_empty);
  if (!list) return std::nullopt;
  std::vector<Located<std::string>> out;
  bool ok = true;
  for (const auto& item : *list) {
    auto s = ReadString(item, what_ + ": an item of '" + std::string(key) + "'", problems_);
    if (!s || s->empty()) {
      if (s) Report(LineOf(item), "an item of '" + std::string(key) + "' is empty");
      ok = false;
      continue;
    }
    out.push_back({std::move(*s), LineOf(item)});
  }
  if (!ok) return std::nullopt;
  return out;
}

void MapReader::Finish() {
  if (!is_map_) return;
  std::string expected;
  for (const auto& k : asked_) expected += (expected.empty() ? "" : ", ") + k;
  for (const auto& e : entries_) {
    if (e.known || std::find(asked_.begin(), asked_.end(), e.key) != asked_.end()) continue;
    Report(LineOf(e.key_node), "unknown key '" + e.key + "' (expected one of: " + expected + ")");
  }
}

}  // namespace motcua::core::text
