// Reading yaml-cpp nodes into typed values while collecting every problem with its line, instead of
// stopping at the first: the catalog loader and the form schema parser are built on it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::core::text {

// One problem in one YAML text. `line` is 1-based; 0 when the problem concerns the whole text.
struct LineProblem {
  int line = 0;
  std::string message;
  bool operator==(const LineProblem&) const = default;
};
using LineProblems = std::vector<LineProblem>;

template <typename T>
struct Located {
  T value;
  int line = 0;
};

enum class Need { kRequired, kOptional };

// The 1-based line of a node (0 for a node that did not come from a text).
int LineOf(const YAML::Node& node);

// Parses `text` (already checked to be UTF-8). On a syntax error reports it and returns nullopt.
std::optional<YAML::Node> ParseYaml(const std::string& text, LineProblems& problems);

// The 1-based line of the first byte that is not well-formed UTF-8, or 0 when all is well-formed.
int FirstInvalidUtf8Line(std::string_view text);

// Scalar conversions; each reports on `problems` and returns nullopt when the node is not one.
// `what` names the value in messages ("key 'count'", "item of 'tiers'").
std::optional<std::string> ReadString(const YAML::Node& node, std::string_view what, LineProblems& problems);
std::optional<long long> ReadInteger(const YAML::Node& node, std::string_view what, LineProblems& problems);
std::optional<double> ReadNumber(const YAML::Node& node, std::string_view what, LineProblems& problems);
std::optional<bool> ReadBool(const YAML::Node& node, std::string_view what, LineProblems& problems);
std::optional<std::chrono::year_month_day> ReadDate(const YAML::Node& node, std::string_view what,
                                                    LineProblems& problems);

// Reads one mapping. Every key the caller asks about becomes "known"; Finish() reports the rest
// as unknown (listing the known ones), so the accepted keys are exactly those the code reads.
// Duplicate keys and non-scalar keys are reported on construction.
class MapReader {
 public:
  // `what` names the mapping in messages, e.g. "agency" or "procedure H26.QH.XD.01".
  MapReader(const YAML::Node& node, std::string what, LineProblems& problems);

  bool is_map() const { return is_map_; }
  int line() const { return line_; }
  const std::string& what() const { return what_; }
  void set_what(std::string what) { what_ = std::move(what); }

  // True when the key is present with a non-null value. Marks the key known.
  bool Has(std::string_view key);
  // True when the key is written, even with a null value. Marks the key known.
  bool Present(std::string_view key);
  // The keys in the order written (duplicates left out).
  std::vector<std::string> Keys() const;
  // The line of the key (or of the mapping when absent).
  int KeyLine(std::string_view key) const;
  // The value node (a Null node when absent). Marks the key known. With kRequired, reports a
  // missing or null value.
  YAML::Node Value(std::string_view key, Need need = Need::kOptional);

  std::optional<std::string> String(std::string_view key, Need need);
  std::optional<Located<std::string>> LocatedString(std::string_view key, Need need);
  // Any scalar's text, for values whose type is decided later (settings). Null reads as "".
  std::optional<std::string> Untyped(std::string_view key, Need need);
  std::optional<long long> Integer(std::string_view key, Need need, long long min, long long max);
  std::optional<double> Number(std::string_view key, Need need);
  std::optional<bool> Bool(std::string_view key, Need need);
  std::optional<std::chrono::year_month_day> Date(std::string_view key, Need need);
  // A list of scalars (flow or block). `non_empty` reports an empty list.
  std::optional<std::vector<Located<std::string>>> StringList(std::string_view key, Need need, bool non_empty);
  // A list node of mappings or anything: returns the sequence node, reporting a non-list.
  std::optional<YAML::Node> List(std::string_view key, Need need, bool non_empty);

  // Enum values parsed by `parse`; `allowed` lists the names for the message ("city, ward").
  template <typename E, typename Parse>
  std::optional<E> Enum(std::string_view key, Need need, Parse parse, std::string_view allowed) {
    auto text = LocatedString(key, need);
    if (!text) return std::nullopt;
    std::optional<E> value = parse(text->value);
    if (!value)
      Report(text->line,
             "'" + text->value + "' is not a valid " + std::string(key) + " (one of: " + std::string(allowed) + ")");
    return value;
  }

  void Report(int line, std::string message);
  // Reports keys present but never asked about.
  void Finish();

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
    bool known = false;
  };
  Entry* Find(std::string_view key);
  const Entry* Find(std::string_view key) const;
  std::string Name(std::string_view key) const;

  LineProblems& problems_;
  std::string what_;
  int line_ = 0;
  bool is_map_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> asked_;
};

}  // namespace motcua::core::text
