// The form schema in YAML: a located, problem-collecting reader and the canonical writer.
#include "core/forms/schema_yaml.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <string>

namespace motcua::core::forms {
namespace {

using text::LineProblems;
using text::MapReader;
using text::Need;
using text::YamlNode;

constexpr long long kMaxLength = 1'000'000;
constexpr long long kMaxMoney = 1'000'000'000'000'000;  // 10^15 đồng: exact in a double

bool IsFieldKey(std::string_view key) {
  if (key.empty() || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// A show_if waiting for the whole schema to be read, so that it can point forwards.
struct PendingShowIf {
  std::vector<size_t> index_path;  // indexes from the root down to the field that has it
  std::string what;
  int field_line = 0;
  int equals_line = 0;
};

class Parser {
 public:
  explicit Parser(LineProblems& problems) : problems_(problems) {}

  std::vector<Field> ParseList(const YAML::Node& list, const std::string& parent_path,
                               const std::vector<size_t>& parent_index) {
    std::vector<Field> out;
    std::map<std::string, int> seen;  // key -> line
    for (const auto& item : list) {
      std::vector<size_t> index = parent_index;
      index.push_back(out.size());
      int key_line = 0;
      std::optional<Field> field = ParseField(item, parent_path, index, &key_line);
      if (!field) continue;
      if (!field->key.empty()) {
        auto [it, inserted] = seen.emplace(field->key, key_line);
        if (!inserted)
          problems_.push_back({key_line, "form field '" + Join(parent_path, field->key) +
                                             "': the key is used twice among its siblings (first on line " +
                                             std::to_string(it->second) + ")"});
      }
      out.push_back(std::move(*field));
    }
    return out;
  }

  void ResolveShowIfs(const Schema& schema) {
    for (const auto& p : pending_) {
      const std::vector<Field>* siblings = &schema.fields;
      const Field* self = nullptr;
      for (size_t depth = 0; depth < p.index_path.size(); ++depth) {
        self = &(*siblings)[p.index_path[depth]];
        if (depth + 1 < p.index_path.size()) siblings = &self->fields;
      }
      const ShowIf& show_if = *self->show_if;
      const Field* target = FindField(*siblings, show_if.field);
      if (!target) target = FindField(schema.fields, show_if.field);
      if (!target) {
        problems_.push_back({p.field_line, p.what + ": show_if refers to '" + show_if.field +
                                               "', which is neither a sibling field nor a path from the form root"});
        continue;
      }
      if (target == self) {
        problems_.push_back({p.field_line, p.what + ": show_if refers to the field itself"});
        continue;
      }
      if (target->type == FieldType::kGroup || target->type == FieldType::kRepeat) {
        problems_.push_back({p.field_line, p.what + ": show_if must refer to a field with a value, not the " +
                                               std::string(ToString(target->type)) + " '" + show_if.field + "'"});
        continue;
      }
      for (const auto& value : show_if.equals) {
        bool ok = true;
        std::string expected;
        if (target->type == FieldType::kChoice || target->type == FieldType::kMultiChoice) {
          ok = false;
          for (const auto& o : target->options) {
            ok = ok || o.value == value;
            expected += (expected.empty() ? "" : ", ") + o.value;
          }
        } else if (target->type == FieldType::kYesNo) {
          ok = value == "true" || value == "false";
          expected = "true, false";
        }
        if (!ok)
          problems_.push_back({p.equals_line, p.what + ": show_if value '" + value + "' is not a value of '" +
                                                  show_if.field + "' (one of: " + expected + ")"});
      }
    }
  }

 private:
  static std::string Join(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
  }

  std::optional<Field> ParseField(const YAML::Node& node, const std::string& parent_path,
                                  const std::vector<size_t>& index, int* key_line) {
    MapReader r(node, parent_path.empty() ? "form field" : "form field in '" + parent_path + "'", problems_);
    if (!r.is_map()) return std::nullopt;
    Field f;
    std::string path = parent_path;
    if (auto key = r.LocatedString("key", Need::kRequired)) {
      *key_line = key->line;
      if (!IsFieldKey(key->value))
        r.Report(key->line,
                 "key '" + key->value + "' must be lower-case letters, digits and '_', starting with a letter");
      f.key = key->value;
      path = Join(parent_path, f.key);
      r.set_what("form field '" + path + "'");
    }
    std::optional<FieldType> type = r.Enum<FieldType>("type", Need::kRequired, FieldTypeFromString, kFieldTypeNames);
    if (type) f.type = *type;
    if (auto v = r.String("label", Need::kRequired)) f.label = *v;
    if (auto v = r.String("label_en", Need::kOptional)) f.label_en = *v;
    if (auto v = r.String("help", Need::kOptional)) f.help = *v;
    if (auto v = r.String("help_en", Need::kOptional)) f.help_en = *v;
    if (auto v = r.Bool("required", Need::kOptional)) f.required = *v;
    if (auto v = r.Integer("min_length", Need::kOptional, 0, kMaxLength)) f.min_length = static_cast<int>(*v);
    if (auto v = r.Integer("max_length", Need::kOptional, 1, kMaxLength)) f.max_length = static_cast<int>(*v);
    if (f.min_length && f.max_length && *f.min_length > *f.max_length)
      r.Report(r.KeyLine("min_length"), "min_length is greater than max_length");
    if (auto v = r.LocatedString("pattern", Need::kOptional)) {
      try {
        std::regex re(v->value, std::regex::ECMAScript);
        f.pattern = v->value;
      } catch (const std::regex_error& e) {
        r.Report(v->line, "pattern is not a valid regular expression: " + std::string(e.what()));
      }
    }
    f.prefill = r.Enum<Prefill>("prefill", Need::kOptional, PrefillFromString, kPrefillNames);
    if (r.Has("show_if")) ParseShowIf(r, f, index);
    if (!type) return f;  // unknown type: its other keys cannot be judged

    switch (f.type) {
      case FieldType::kNumber: {
        if (auto v = r.Bool("integer", Need::kOptional)) f.integer = *v;
        f.min = r.Number("min", Need::kOptional);
        f.max = r.Number("max", Need::kOptional);
        if (f.integer)
          for (const auto& [name, bound] : {std::pair{"min", f.min}, std::pair{"max", f.max}})
            if (bound && *bound != std::floor(*bound))
              r.Report(r.KeyLine(name), std::string(name) + " must be a whole number for an integer field");
        break;
      }
      case FieldType::kMoney:
        if (auto v = r.Integer("min", Need::kOptional, 0, kMaxMoney)) f.min = static_cast<double>(*v);
        if (auto v = r.Integer("max", Need::kOptional, 0, kMaxMoney)) f.max = static_cast<double>(*v);
        break;
      case FieldType::kDate:
        f.min_date = ReadBound(r, "min");
        f.max_date = ReadBound(r, "max");
        if (f.min_date && f.max_date && !f.min_date->today && !f.max_date->today && f.min_date->date > f.max_date->date)
          r.Report(r.KeyLine("min"), "min is after max");
        break;
      case FieldType::kChoice:
      case FieldType::kMultiChoice:
        ParseOptions(r, f);
        break;
      case FieldType::kRepeat:
        if (auto v = r.Integer("min_items", Need::kOptional, 0, 10'000)) f.min_items = static_cast<int>(*v);
        if (auto v = r.Integer("max_items", Need::kOptional, 1, 10'000)) f.max_items = static_cast<int>(*v);
        if (f.min_items && f.max_items && *f.min_items > *f.max_items)
          r.Report(r.KeyLine("min_items"), "min_items is greater than max_items");
        [[fallthrough]];
      case FieldType::kGroup:
        if (auto list = r.List("fields", Need::kRequired, true)) f.fields = ParseList(*list, path, index);
        break;
      default:
        break;
    }
    if (f.min && f.max && *f.min > *f.max) r.Report(r.KeyLine("min"), "min is greater than max");
    r.Finish();
    return f;
  }

  std::optional<DateBound> ReadBound(MapReader& r, std::string_view key) {
    YAML::Node v = r.Value(key);
    if (v.IsNull()) return std::nullopt;
    if (v.IsScalar() && v.Scalar() == "today") return DateBound{true, {}};
    auto d = text::ReadDate(v, r.what() + ": '" + std::string(key) + "' (a date or 'today')", problems_);
    if (!d) return std::nullopt;
    return DateBound{false, *d};
  }

  void ParseOptions(MapReader& r, Field& f) {
    auto list = r.List("options", Need::kRequired, true);
    if (!list) return;
    std::map<std::string, int> seen;
    for (const auto& item : *list) {
      MapReader o(item, r.what() + ": option", problems_);
      if (!o.is_map()) continue;
      Option option;
      if (auto v = o.LocatedString("value", Need::kRequired)) {
        option.value = v->value;
        o.set_what(r.what() + ": option '" + v->value + "'");
        auto [it, inserted] = seen.emplace(v->value, v->line);
        if (!inserted) o.Report(v->line, "the value is used twice (first on line " + std::to_string(it->second) + ")");
      }
      if (auto v = o.String("label", Need::kRequired)) option.label = *v;
      if (auto v = o.String("label_en", Need::kOptional)) option.label_en = *v;
      o.Finish();
      f.options.push_back(std::move(option));
    }
  }

  void ParseShowIf(MapReader& r, Field& f, const std::vector<size_t>& index) {
    MapReader s(r.Value("show_if"), r.what() + ": show_if", problems_);
    if (!s.is_map()) return;
    auto field = s.LocatedString("field", Need::kRequired);
    auto equals = s.StringList("equals", Need::kRequired, true);
    s.Finish();
    if (!field || !equals) return;
    ShowIf show_if{field->value, {}};
    for (auto& e : *equals) show_if.equals.push_back(std::move(e.value));
    f.show_if = std::move(show_if);
    pending_.push_back({index, r.what(), field->line, equals->front().line});
  }

  LineProblems& problems_;
  std::vector<PendingShowIf> pending_;
};

void AddBound(YamlNode& map, const char* key, const std::optional<DateBound>& bound) {
  if (!bound) return;
  map.Add(key, bound->today ? YamlNode::Verbatim("today") : YamlNode::Date(bound->date));
}

YamlNode EmitField(const Field& f) {
  YamlNode m = YamlNode::Map();
  m.Add("key", YamlNode::String(f.key));
  m.Add("type", YamlNode::Verbatim(ToString(f.type)));
  m.Add("label", YamlNode::String(f.label));
  if (!f.label_en.empty()) m.Add("label_en", YamlNode::String(f.label_en));
  if (!f.help.empty()) m.Add("help", YamlNode::String(f.help));
  if (!f.help_en.empty()) m.Add("help_en", YamlNode::String(f.help_en));
  if (!f.options.empty()) {
    YamlNode& options = m.Add("options", YamlNode::BlockList());
    for (const auto& o : f.options) {
      YamlNode option = YamlNode::Map();
      option.Add("value", YamlNode::String(o.value));
      option.Add("label", YamlNode::String(o.label));
      if (!o.label_en.empty()) option.Add("label_en", YamlNode::String(o.label_en));
      options.Append(std::move(option));
    }
  }
  if (f.required) m.Add("required", YamlNode::Bool(true));
  if (f.integer) m.Add("integer", YamlNode::Bool(true));
  if (f.min) m.Add("min", YamlNode::Number(*f.min));
  if (f.max) m.Add("max", YamlNode::Number(*f.max));
  AddBound(m, "min", f.min_date);
  AddBound(m, "max", f.max_date);
  if (f.min_length) m.Add("min_length", YamlNode::Int(*f.min_length));
  if (f.max_length) m.Add("max_length", YamlNode::Int(*f.max_length));
  if (!f.pattern.empty()) m.Add("pattern", YamlNode::String(f.pattern));
  if (f.prefill) m.Add("prefill", YamlNode::Verbatim(ToString(*f.prefill)));
  if (f.min_items) m.Add("min_items", YamlNode::Int(*f.min_items));
  if (f.max_items) m.Add("max_items", YamlNode::Int(*f.max_items));
  if (f.show_if) {
    YamlNode& s = m.Add("show_if", YamlNode::Map());
    s.Add("field", YamlNode::String(f.show_if->field));
    s.Add("equals", YamlNode::FlowList(f.show_if->equals, text::ScalarStyle::kUntyped));
  }
  if (!f.fields.empty()) {
    YamlNode& fields = m.Add("fields", YamlNode::BlockList());
    for (const auto& child : f.fields) fields.Append(EmitField(child));
  }
  return m;
}

}  // namespace

Schema ParseSchema(const YAML::Node& list, LineProblems& problems) {
  Schema schema;
  if (!list.IsSequence()) {
    problems.push_back({text::LineOf(list), "form must be a list of fields"});
    return schema;
  }
  Parser parser(problems);
  schema.fields = parser.ParseList(list, "", {});
  parser.ResolveShowIfs(schema);
  return schema;
}

YamlNode EmitSchema(const Schema& schema) {
  YamlNode list = YamlNode::BlockList();
  for (const auto& f : schema.fields) list.Append(EmitField(f));
  return list;
}

}  // namespace motcua::core::forms
