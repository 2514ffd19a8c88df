// A YAML document built in memory and printed in the catalog's canonical style (see catalog/FORMAT.md):
// 2-space indentation, block mappings, block lists of mappings, flow lists of short scalars, strings
// quoted only when YAML would otherwise misread them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::core::text {

// How a string is written when it is a scalar value.
// - kString: the value is text; quoted when a YAML reader would take it for something else
//   (a number, date, boolean, null) or when YAML syntax needs it.
// - kUntyped: the value's type is decided by whoever reads it (settings, show_if values): written
//   plain whenever YAML syntax allows, so `2017-02-20` or `true` stay what they were.
// - kVerbatim: already a valid plain scalar (numbers, booleans, dates, null, enum names).
enum class ScalarStyle { kString, kUntyped, kVerbatim };

// The text of one scalar as it is written; `in_flow` is true inside `[a, b]`.
std::string FormatScalar(std::string_view value, ScalarStyle style, bool in_flow);

class YamlNode {
 public:
  enum class Kind { kScalar, kMap, kBlockList, kFlowList };

  static YamlNode String(std::string_view s) { return Scalar(s, ScalarStyle::kString); }
  static YamlNode Untyped(std::string_view s) { return Scalar(s, ScalarStyle::kUntyped); }
  static YamlNode Verbatim(std::string_view s) { return Scalar(s, ScalarStyle::kVerbatim); }
  static YamlNode Int(long long v) { return Verbatim(std::to_string(v)); }
  static YamlNode Number(double v);
  static YamlNode Bool(bool v) { return Verbatim(v ? "true" : "false"); }
  static YamlNode Date(std::chrono::year_month_day d);
  static YamlNode Null() { return Verbatim("null"); }
  static YamlNode Map() { return YamlNode(Kind::kMap); }
  static YamlNode BlockList() { return YamlNode(Kind::kBlockList); }
  static YamlNode FlowList() { return YamlNode(Kind::kFlowList); }
  // A flow list of strings written with `style`.
  static YamlNode FlowList(const std::vector<std::string>& items, ScalarStyle style = ScalarStyle::kString);

  Kind kind() const { return kind_; }
  bool empty() const { return entries_.empty() && items_.empty(); }

  // Map entry (keys are identifiers and are written as they are).
  YamlNode& Add(std::string key, YamlNode value);
  // List item; a flow list takes scalars only.
  YamlNode& Append(YamlNode item);

  // The whole document: this node must be a map. Ends with exactly one newline.
  std::string Render() const;

 private:
  explicit YamlNode(Kind kind) : kind_(kind) {}
  static YamlNode Scalar(std::string_view s, ScalarStyle style);
  void RenderMap(int indent, bool first_inline, std::string& out) const;
  void RenderValue(int indent, std::string& out) const;
  std::string ScalarText(bool in_flow) const { return FormatScalar(scalar_, style_, in_flow); }

  Kind kind_;
  std::string scalar_;
  ScalarStyle style_ = ScalarStyle::kString;
  std::vector<std::pair<std::string, YamlNode>> entries_;
  std::vector<YamlNode> items_;
};

}  // namespace motcua::core::text
