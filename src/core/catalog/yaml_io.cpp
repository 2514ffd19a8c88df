// Loading a catalog folder's YAML files with every problem located, and writing them back canonically.
#include "core/catalog/yaml_io.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/catalog/rollout.hpp"
#include "core/common/time.hpp"
#include "core/forms/schema_yaml.hpp"
#include "core/text/fold.hpp"
#include "core/text/yaml_reader.hpp"
#include "core/text/yaml_writer.hpp"

namespace motcua::core::catalog {
namespace {

using text::LineProblems;
using text::Located;
using text::MapReader;
using text::Need;
using text::YamlNode;

constexpr std::string_view kCatalogFile = "catalog.yaml";
constexpr std::string_view kFieldsFile = "fields.yaml";
constexpr std::string_view kAgenciesFile = "agencies.yaml";
constexpr std::string_view kWavesFile = "waves.yaml";
constexpr std::string_view kWardsDir = "wards/";
constexpr std::string_view kProceduresDir = "procedures/";
constexpr std::string_view kYamlExt = ".yaml";
constexpr std::string_view kHandlingTiers = "department, district, ward";

bool IsLowerDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsUpperDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// [a-z0-9-]+ : field keys, unit keys, ward file slugs.
bool IsSlug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsLowerDigit(c) || c == '-'; });
}
// [A-Z0-9.]+
bool IsProcedureCode(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsUpperDigit(c) || c == '.'; });
}
// [A-Z][0-9][0-9], e.g. H26.
bool IsProvinceCode(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && IsDigit(s[1]) && IsDigit(s[2]);
}
// QCVN 102:2016: V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.01.H26.
bool IsAgencyCodeShape(std::string_view s) {
  static constexpr std::string_view kShape = "999.99.99.A99";
  if (s.size() != kShape.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char want = kShape[i];
    if (want == '9' && !IsDigit(s[i])) return false;
    if (want == 'A' && !(s[i] >= 'A' && s[i] <= 'Z')) return false;
    if (want == '.' && s[i] != '.') return false;
  }
  return true;
}
bool IsSettingName(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) { return IsLowerDigit(c) || c == '_'; });
}

// Tiers that handle procedures (the city itself handles none here).
std::optional<Tier> HandlingTierFromString(std::string_view name) {
  auto tier = TierFromString(name);
  if (tier == Tier::kCity) return std::nullopt;
  return tier;
}

template <typename E, typename Parse>
std::optional<std::vector<E>> EnumList(MapReader& r, std::string_view key, Need need, Parse parse,
                                       std::string_view allowed) {
  auto items = r.StringList(key, need, true);
  if (!items) return std::nullopt;
  std::vector<E> out;
  bool ok = true;
  for (const auto& item : *items) {
    std::optional<E> value = parse(item.value);
    if (!value) {
      r.Report(item.line, "'" + item.value + "' is not a valid item of '" + std::string(key) +
                              "' (one of: " + std::string(allowed) + ")");
      ok = false;
    } else if (std::find(out.begin(), out.end(), *value) != out.end()) {
      r.Report(item.line, "'" + item.value + "' is listed twice in '" + std::string(key) + "'");
      ok = false;
    } else {
      out.push_back(*value);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::string JoinTiers(const std::vector<Tier>& tiers) {
  std::string out;
  for (Tier t : tiers) out += (out.empty() ? "" : ", ") + std::string(ToString(t));
  return out;
}

int FileRank(std::string_view path) {
  if (path == kCatalogFile) return 0;
  if (path == kFieldsFile) return 1;
  if (path == kAgenciesFile) return 2;
  if (path.substr(0, kWardsDir.size()) == kWardsDir) return 3;
  if (path.substr(0, kProceduresDir.size()) == kProceduresDir) return 4;
  if (path == kWavesFile) return 5;
  return 6;
}

// Where things were written, for problems found once everything is read.
struct AgencyLoc {
  std::string file;
  int code_line = 0;
  int parent_line = 0;
};
struct ProcedureLoc {
  std::string file;
  int code_line = 0;
  int field_line = 0;
  int department_line = 0;
  int handling_unit_line = 0;
};
struct RolloutLoc {
  int line = 0;
  int selector_line = 0;
  std::vector<int> procedure_lines;
  std::vector<int> code_lines;
};
struct WaveLoc {
  int number_line = 0;
  std::vector<RolloutLoc> rollouts;
};

class Loader {
 public:
  LoadResult Run(const std::vector<SourceFile>& files) {
    std::map<std::string, const SourceFile*> by_path;
    for (const auto& f : files) {
      if (!by_path.emplace(f.path, &f).second) Add(f.path, 0, "the file is given twice");
    }
    std::vector<std::pair<const SourceFile*, std::string>> ward_files, procedure_files;  // file, stem
    for (const auto& [path, file] : by_path) {
      std::string_view p = path;
      bool yaml = p.size() > kYamlExt.size() && p.substr(p.size() - kYamlExt.size()) == kYamlExt;
      if (p == kCatalogFile || p == kFieldsFile || p == kAgenciesFile || p == kWavesFile) continue;
      if (yaml && p.substr(0, kWardsDir.size()) == kWardsDir) {
        std::string stem(p.substr(kWardsDir.size(), p.size() - kWardsDir.size() - kYamlExt.size()));
        if (IsSlug(stem)) {
          ward_files.emplace_back(file, stem);
          continue;
        }
      }
      if (yaml && p.substr(0, kProceduresDir.size()) == kProceduresDir) {
        std::string stem(p.substr(kProceduresDir.size(), p.size() - kProceduresDir.size() - kYamlExt.size()));
        if (stem.find('/') == std::string::npos) {
          procedure_files.emplace_back(file, stem);
          continue;
        }
      }
      Add(path, 0,
          "unexpected file: a catalog holds catalog.yaml, fields.yaml, agencies.yaml, "
          "wards/<district-slug>.yaml ([a-z0-9-]), procedures/<code>.yaml and waves.yaml");
    }
    for (std::string_view required : {kCatalogFile, kFieldsFile, kAgenciesFile, kWavesFile}) {
      if (!by_path.count(std::string(required))) Add(std::string(required), 0, "the file is missing");
    }

    auto run = [&](const SourceFile& f, auto&& load) {
      auto root = Parse(f);
      if (!root) return;
      LineProblems lp;
      try {
        load(*root, lp);
      } catch (const YAML::Exception& e) {
        lp.push_back({e.mark.is_null() ? 0 : e.mark.line + 1, std::string("cannot read: ") + e.what()});
      }
      Absorb(f.path, lp);
    };
    if (auto it = by_path.find(std::string(kCatalogFile)); it != by_path.end())
      run(*it->second, [&](const YAML::Node& n, LineProblems& lp) { LoadCatalogFile(n, lp); });
    if (auto it = by_path.find(std::string(kFieldsFile)); it != by_path.end())
      run(*it->second, [&](const YAML::Node& n, LineProblems& lp) { LoadFields(n, lp); });
    if (auto it = by_path.find(std::string(kAgenciesFile)); it != by_path.end())
      run(*it->second, [&](const YAML::Node& n, LineProblems& lp) { LoadAgencies(*it->second, n, "", lp); });
    for (const auto& ward : ward_files)
      run(*ward.first, [&](const YAML::Node& n, LineProblems& lp) { LoadAgencies(*ward.first, n, ward.second, lp); });
    for (const auto& proc : procedure_files)
      run(*proc.first, [&](const YAML::Node& n, LineProblems& lp) { LoadProcedure(*proc.first, proc.second, n, lp); });
    if (auto it = by_path.find(std::string(kWavesFile)); it != by_path.end())
      run(*it->second, [&](const YAML::Node& n, LineProblems& lp) { LoadWaves(n, lp); });

    CheckAgencies();
    CheckProcedures();
    CheckWaves();

    LoadResult result;
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
      return std::tuple(FileRank(a.file), a.file, a.line) < std::tuple(FileRank(b.file), b.file, b.line);
    });
    result.problems = std::move(problems_);
    if (result.problems.empty()) {
      std::sort(catalog_.procedures.begin(), catalog_.procedures.end(),
                [](const Procedure& a, const Procedure& b) { return a.code < b.code; });
      result.catalog = std::move(catalog_);
    }
    return result;
  }

 private:
  void Add(std::string file, int line, std::string message) {
    problems_.push_back({std::move(file), line, std::move(message)});
  }
  void Absorb(const std::string& file, LineProblems& lp) {
    for (auto& p : lp) Add(file, p.line, std::move(p.message));
    lp.clear();
  }
  std::string Where(const std::string& file, int line) const { return file + ":" + std::to_string(line); }

  std::optional<YAML::Node> Parse(const SourceFile& f) {
    if (int line = text::FirstInvalidUtf8Line(f.text)) {
      Add(f.path, line, "the file is not valid UTF-8");
      return std::nullopt;
    }
    LineProblems lp;
    auto root = text::ParseYaml(f.text, lp);
    Absorb(f.path, lp);
    if (root && root->IsNull()) {
      Add(f.path, 0, "the file is empty");
      return std::nullopt;
    }
    return root;
  }

  // ---- catalog.yaml
  void LoadCatalogFile(const YAML::Node& root, LineProblems& lp) {
    MapReader r(root, "catalog", lp);
    if (auto v = r.String("province", Need::kRequired)) catalog_.province = *v;
    if (auto v = r.String("province_en", Need::kOptional)) catalog_.province_en = *v;
    if (auto v = r.LocatedString("province_code", Need::kRequired)) {
      if (!IsProvinceCode(v->value))
        r.Report(v->line, "province_code '" + v->value + "' must be a letter and two digits, e.g. H26");
      catalog_.province_code = v->value;
    }
    if (r.Has("settings")) {
      MapReader s(r.Value("settings"), "settings", lp);
      for (const auto& key : s.Keys()) {
        if (!IsSettingName(key))
          s.Report(s.KeyLine(key), "setting name '" + key + "' must be lower-case letters, digits and '_'");
        if (auto value = s.Untyped(key, Need::kOptional)) catalog_.settings[key] = *value;
      }
      s.Finish();
    }
    r.Finish();
  }

  // ---- fields.yaml
  void LoadFields(const YAML::Node& root, LineProblems& lp) {
    MapReader r(root, "fields.yaml", lp);
    auto list = r.List("fields", Need::kRequired, false);
    r.Finish();
    if (!list) return;
    for (const auto& item : *list) {
      MapReader fr(item, "field", lp);
      if (!fr.is_map()) continue;
      Field f;
      if (auto key = fr.LocatedString("key", Need::kRequired)) {
        f.key = FieldKey{key->value};
        fr.set_what("field " + key->value);
        if (!IsSlug(key->value)) fr.Report(key->line, "key must be lower-case letters, digits and '-'");
        auto [it, inserted] = field_lines_.emplace(key->value, key->line);
        if (!inserted)
          fr.Report(key->line,
                    "key '" + key->value + "' is used twice (first on line " + std::to_string(it->second) + ")");
      }
      if (auto v = fr.String("name", Need::kRequired)) f.name = *v;
      if (auto v = fr.String("name_en", Need::kOptional)) f.name_en = *v;
      fr.Finish();
      catalog_.fields.push_back(std::move(f));
    }
  }

  // ---- agencies.yaml and wards/<slug>.yaml (slug empty for agencies.yaml)
  void LoadAgencies(const SourceFile& file, const YAML::Node& root, const std::string& slug, LineProblems& lp) {
    const bool ward_file = !slug.empty();
    MapReader r(root, ward_file ? "wards file" : "agencies.yaml", lp);
    auto list = r.List("agencies", Need::kRequired, true);
    r.Finish();
    if (!list) return;
    std::optional<Located<AgencyCode>> file_parent;
    for (const auto& item : *list) {
      AgencyLoc loc{file.path, text::LineOf(item), 0};
      auto agency = ReadAgency(item, loc, lp);
      if (!agency) continue;
      if (ward_file && agency->tier != Tier::kWard)
        lp.push_back({loc.code_line, "agency " + agency->code.value +
                                         ": wards/*.yaml lists only ward-tier agencies (ward, commune, township); "
                                         "others go in agencies.yaml"});
      if (!ward_file && agency->tier == Tier::kWard)
        lp.push_back({loc.code_line, "agency " + agency->code.value +
                                         ": ward-tier agencies go in wards/<district-slug>.yaml, not agencies.yaml"});
      if (ward_file && agency->parent) {
        if (!file_parent) {
          file_parent = Located<AgencyCode>{*agency->parent, loc.parent_line};
          auto [it, inserted] = catalog_.ward_files.emplace(*agency->parent, slug);
          if (!inserted)
            lp.push_back({loc.parent_line, "the wards of " + agency->parent->value + " are already listed in wards/" +
                                               it->second + ".yaml (one file per district)"});
        } else if (file_parent->value != *agency->parent) {
          lp.push_back({loc.parent_line, "agency " + agency->code.value +
                                             ": every agency in this file must have the same parent district (" +
                                             file_parent->value.value + ", line " + std::to_string(file_parent->line) +
                                             ")"});
        }
      }
      catalog_.agencies.push_back(std::move(*agency));
      agency_locs_.push_back(std::move(loc));
    }
  }

  std::optional<Agency> ReadAgency(const YAML::Node& item, AgencyLoc& loc, LineProblems& lp) {
    MapReader r(item, "agency", lp);
    if (!r.is_map()) return std::nullopt;
    Agency a;
    loc.code_line = r.line();
    if (auto code = r.LocatedString("code", Need::kRequired)) {
      a.code = AgencyCode{code->value};
      loc.code_line = code->line;
      r.set_what("agency " + code->value);
      if (!IsAgencyCodeShape(code->value)) {
        r.Report(code->line, "code must have the QCVN 102:2016 shape 000.00.00.H26 (digits, then the province code)");
      } else if (!catalog_.province_code.empty() && code->value.substr(10) != catalog_.province_code) {
        r.Report(code->line, "code must end in the province code " + catalog_.province_code);
      }
    }
    if (auto v = r.String("name", Need::kRequired)) a.name = *v;
    if (auto v = r.String("name_en", Need::kOptional)) a.name_en = *v;
    auto kind = r.Enum<AgencyKind>("kind", Need::kRequired, AgencyKindFromString,
                                   "city, department, urban_district, rural_district, town, ward, commune, township");
    if (kind) a.kind = *kind;
    int tier_line = r.KeyLine("tier");
    auto tier = r.Enum<Tier>("tier", Need::kRequired, TierFromString, "city, department, district, ward");
    if (tier) a.tier = *tier;
    loc.parent_line = r.KeyLine("parent");
    if (!r.Present("parent")) {
      r.Report(r.line(), "missing key 'parent' (the parent agency's code; null for the city)");
    } else if (auto parent = r.LocatedString("parent", Need::kOptional)) {
      a.parent = AgencyCode{parent->value};
      loc.parent_line = parent->line;
    }
    if (auto v = r.Bool("inner", Need::kOptional)) a.inner = *v;
    if (auto v = r.String("address", Need::kRequired)) a.address = *v;
    if (auto v = r.String("phone", Need::kOptional)) a.phone = *v;
    if (auto list = r.List("units", Need::kOptional, false)) {
      std::map<std::string, int> seen;
      int one_stop_line = 0;
      for (const auto& u : *list) {
        MapReader ur(u, r.what() + ": unit", lp);
        if (!ur.is_map()) continue;
        Unit unit;
        if (auto key = ur.LocatedString("key", Need::kRequired)) {
          unit.key = UnitKey{key->value};
          ur.set_what(r.what() + ": unit " + key->value);
          if (!IsSlug(key->value)) ur.Report(key->line, "key must be lower-case letters, digits and '-'");
          auto [it, inserted] = seen.emplace(key->value, key->line);
          if (!inserted)
            ur.Report(key->line, "key '" + key->value + "' is used twice in this agency (first on line " +
                                     std::to_string(it->second) + ")");
        }
        if (auto v = ur.String("name", Need::kRequired)) unit.name = *v;
        if (auto v = ur.Bool("one_stop", Need::kOptional)) unit.one_stop = *v;
        if (unit.one_stop) {
          if (one_stop_line)
            ur.Report(ur.KeyLine("one_stop"),
                      "the agency already has a one-stop unit (line " + std::to_string(one_stop_line) + ")");
          else
            one_stop_line = ur.KeyLine("one_stop");
        }
        ur.Finish();
        a.units.push_back(std::move(unit));
      }
    }
    r.Finish();
    if (kind && tier && TierOf(*kind) != *tier)
      r.Report(tier_line, "an agency of kind '" + std::string(ToString(*kind)) + "' belongs to tier '" +
                              std::string(ToString(TierOf(*kind))) + "', not '" + std::string(ToString(*tier)) + "'");
    if (tier && *tier == Tier::kCity && a.parent)
      r.Report(loc.parent_line, "the city has no parent: write parent: null");
    if (tier && *tier != Tier::kCity && !a.parent && r.Present("parent"))
      r.Report(loc.parent_line, "parent must be the parent agency's code (null only for the city)");
    if (tier && *tier != Tier::kDistrict && a.inner)
      r.Report(r.KeyLine("inner"), "inner applies to district-tier agencies only");
    return a;
  }

  // ---- procedures/<code>.yaml
  void LoadProcedure(const SourceFile& file, const std::string& stem, const YAML::Node& root, LineProblems& lp) {
    MapReader r(root, "procedure", lp);
    if (!r.is_map()) return;
    Procedure p;
    ProcedureLoc loc{file.path, r.line(), r.line(), r.line(), r.line()};
    if (auto code = r.LocatedString("code", Need::kRequired)) {
      p.code = ProcedureCode{code->value};
      loc.code_line = code->line;
      r.set_what("procedure " + code->value);
      if (!IsProcedureCode(code->value))
        r.Report(code->line, "code must be upper-case letters, digits and '.', e.g. H26.QH.XD.01");
      if (code->value != stem)
        r.Report(code->line,
                 "the file of procedure " + code->value + " must be named procedures/" + code->value + ".yaml");
    }
    if (auto v = r.Integer("version", Need::kRequired, 1, 1'000'000)) p.version = static_cast<int>(*v);
    if (auto v = r.Date("valid_from", Need::kRequired)) p.valid_from = *v;
    if (auto v = r.String("name", Need::kRequired)) p.name = *v;
    if (auto v = r.String("name_en", Need::kOptional)) p.name_en = *v;
    if (auto v = r.LocatedString("field", Need::kRequired)) {
      p.field = FieldKey{v->value};
      loc.field_line = v->line;
    }
    auto tiers = EnumList<Tier>(r, "tiers", Need::kRequired, HandlingTierFromString, kHandlingTiers);
    if (tiers) p.tiers = *tiers;
    if (auto v = r.LocatedString("department", Need::kOptional)) {
      p.department = AgencyCode{v->value};
      loc.department_line = v->line;
      if (tiers && !p.HandledAt(Tier::kDepartment))
        r.Report(v->line, "department is only for procedures of the department tier");
    } else if (tiers && p.HandledAt(Tier::kDepartment) && !r.Present("department")) {
      r.Report(r.line(), "missing key 'department' (the Sở that handles this department-tier procedure)");
    }
    if (auto v = r.Integer("level", Need::kRequired, 2, 4)) p.level = *LevelFromInt(*v);
    if (!r.Has("processing_time")) {
      r.Value("processing_time", Need::kRequired);
    } else {
      MapReader t(r.Value("processing_time"), r.what() + ": processing_time", lp);
      auto days = t.Integer("working_days", Need::kOptional, 1, 3650);
      auto hours = t.Integer("working_hours", Need::kOptional, 1, 100'000);
      bool has_days = t.Present("working_days"), has_hours = t.Present("working_hours");
      t.Finish();
      if (t.is_map() && has_days && has_hours)
        t.Report(t.line(), "give working_days or working_hours, not both");
      else if (t.is_map() && !has_days && !has_hours)
        t.Report(t.line(), "give working_days or working_hours");
      if (days) p.processing_time = {TimeUnit::kWorkingDays, static_cast<int>(*days)};
      if (hours) p.processing_time = {TimeUnit::kWorkingHours, static_cast<int>(*hours)};
    }
    if (auto list = r.List("fee", Need::kOptional, false)) {
      for (const auto& item : *list) {
        MapReader f(item, r.what() + ": fee item", lp);
        if (!f.is_map()) continue;
        FeeItem fee;
        if (auto v = f.String("name", Need::kRequired)) fee.name = *v;
        if (auto v = f.Integer("amount", Need::kRequired, 0, 1'000'000'000'000'000)) fee.amount = *v;
        if (auto v = f.String("per", Need::kOptional)) fee.per = *v;
        f.Finish();
        p.fee.push_back(std::move(fee));
      }
    }
    if (auto v = EnumList<Applicant>(r, "applicants", Need::kRequired, ApplicantFromString, "citizen, business"))
      p.applicants = *v;
    if (auto v = r.LocatedString("handling_unit", Need::kRequired)) {
      p.handling_unit = UnitKey{v->value};
      loc.handling_unit_line = v->line;
    }
    if (auto v = r.Enum<WorkflowKind>("workflow", Need::kRequired, WorkflowKindFromString,
                                      "standard, one_stop_only, inter_agency"))
      p.workflow = *v;
    if (auto v = r.String("result", Need::kRequired)) p.result = *v;
    if (auto v = r.StringList("legal_basis", Need::kRequired, true))
      for (auto& item : *v) p.legal_basis.push_back(std::move(item.value));
    if (auto list = r.List("components", Need::kRequired, true)) {
      int n = 0;
      for (const auto& item : *list) {
        MapReader c(item, r.what() + ": component " + std::to_string(++n), lp);
        if (!c.is_map()) continue;
        Component component;
        if (auto v = c.String("name", Need::kRequired)) component.name = *v;
        if (auto v = c.Enum<ComponentKind>("kind", Need::kRequired, ComponentKindFromString,
                                           "original, certified_copy, copy"))
          component.kind = *v;
        if (auto v = c.Integer("count", Need::kRequired, 1, 1000)) component.count = static_cast<int>(*v);
        if (auto v = c.Bool("required", Need::kOptional)) component.required = *v;
        if (auto v = EnumList<FileType>(c, "file_types", Need::kRequired, FileTypeFromString,
                                        "pdf, jpeg, png, docx, doc, xlsx, xls, zip, dwg"))
          component.file_types = *v;
        if (auto v = c.Integer("max_size_mb", Need::kRequired, 1, 1024)) component.max_size_mb = static_cast<int>(*v);
        if (auto v = c.String("template", Need::kOptional)) component.template_file = *v;
        c.Finish();
        p.components.push_back(std::move(component));
      }
    }
    if (auto list = r.List("form", Need::kOptional, false)) p.form = forms::ParseSchema(*list, lp);
    r.Finish();
    catalog_.procedures.push_back(std::move(p));
    procedure_locs_.push_back(std::move(loc));
  }

  // ---- waves.yaml
  void LoadWaves(const YAML::Node& root, LineProblems& lp) {
    MapReader r(root, "waves.yaml", lp);
    auto list = r.List("waves", Need::kRequired, false);
    r.Finish();
    if (!list) return;
    for (const auto& item : *list) {
      MapReader w(item, "wave", lp);
      if (!w.is_map()) continue;
      Wave wave;
      WaveLoc loc;
      loc.number_line = w.line();
      if (auto v = w.Integer("number", Need::kRequired, 1, 1000)) {
        wave.number = static_cast<int>(*v);
        loc.number_line = w.KeyLine("number");
        w.set_what("wave " + std::to_string(wave.number));
      }
      if (auto v = w.String("name", Need::kRequired)) wave.name = *v;
      wave.date = w.Date("date", Need::kOptional);
      bool has_date = w.Present("date");
      if (auto v = w.LocatedString("setting", Need::kOptional)) {
        wave.date_setting = v->value;
        auto it = catalog_.settings.find(v->value);
        if (it == catalog_.settings.end())
          w.Report(v->line, "setting '" + v->value + "' is not in catalog.yaml's settings");
        else if (!it->second.empty() && !ParseDate(it->second))
          w.Report(v->line, "setting '" + v->value + "' holds '" + it->second + "', not a date YYYY-MM-DD");
      }
      bool has_setting = w.Present("setting");
      if (has_date && has_setting) w.Report(w.line(), "give either date or setting, not both");
      if (!has_date && !has_setting) w.Report(w.line(), "give the wave's date, or the setting that holds it");
      if (auto rollouts = w.List("rollouts", Need::kRequired, true)) {
        int n = 0;
        for (const auto& ro_node : *rollouts) {
          MapReader ro(ro_node, w.what() + ": rollout " + std::to_string(++n), lp);
          if (!ro.is_map()) continue;
          Rollout rollout;
          RolloutLoc rloc;
          rloc.line = ro.line();
          rloc.selector_line = ro.KeyLine("agencies");
          if (auto codes = ro.StringList("procedures", Need::kRequired, true)) {
            for (auto& c : *codes) {
              rollout.procedures.push_back(ProcedureCode{std::move(c.value)});
              rloc.procedure_lines.push_back(c.line);
            }
          }
          if (!ro.Has("agencies")) {
            ro.Value("agencies", Need::kRequired);
          } else {
            rollout.agencies = ReadSelector(ro.Value("agencies"), ro.what() + ": agencies", rloc, lp);
          }
          ro.Finish();
          wave.rollouts.push_back(std::move(rollout));
          loc.rollouts.push_back(std::move(rloc));
        }
      }
      w.Finish();
      catalog_.waves.push_back(std::move(wave));
      wave_locs_.push_back(std::move(loc));
    }
  }

  AgencySelector ReadSelector(const YAML::Node& node, const std::string& what, RolloutLoc& loc, LineProblems& lp) {
    MapReader s(node, what, lp);
    if (!s.is_map()) return HandlingSelector{};
    int present = 0;
    AgencySelector selector = HandlingSelector{};
    auto tiers = EnumList<Tier>(s, "tiers", Need::kOptional, HandlingTierFromString, kHandlingTiers);
    auto inner_only = s.Bool("inner_only", Need::kOptional);
    if (s.Present("tiers")) {
      ++present;
      TierSelector t;
      if (tiers) t.tiers = *tiers;
      t.inner_only = inner_only.value_or(false);
      if (t.inner_only && tiers && !std::count(tiers->begin(), tiers->end(), Tier::kDistrict) &&
          !std::count(tiers->begin(), tiers->end(), Tier::kWard))
        s.Report(s.KeyLine("inner_only"), "inner_only needs the district or ward tier");
      selector = t;
    } else if (s.Present("inner_only")) {
      s.Report(s.KeyLine("inner_only"), "inner_only goes with tiers");
    }
    if (s.Present("handling")) {
      ++present;
      auto handling = s.Bool("handling", Need::kOptional);
      if (handling && !*handling) s.Report(s.KeyLine("handling"), "handling can only be true");
      if (present == 1) selector = HandlingSelector{};
    }
    if (s.Present("codes")) {
      ++present;
      CodeSelector c;
      if (auto codes = s.StringList("codes", Need::kRequired, true)) {
        for (auto& code : *codes) {
          c.codes.push_back(AgencyCode{std::move(code.value)});
          loc.code_lines.push_back(code.line);
        }
      }
      if (present == 1) selector = c;
    }
    s.Finish();
    if (present != 1) s.Report(s.line(), "give exactly one of tiers (with optional inner_only), handling or codes");
    return selector;
  }

  // ---- checks across files
  void CheckAgencies() {
    std::map<AgencyCode, size_t> seen;
    int cities = 0;
    for (size_t i = 0; i < catalog_.agencies.size(); ++i) {
      const Agency& a = catalog_.agencies[i];
      const AgencyLoc& loc = agency_locs_[i];
      if (a.code.value.empty()) continue;
      auto [it, inserted] = seen.emplace(a.code, i);
      if (!inserted)
        Add(loc.file, loc.code_line,
            "agency code " + a.code.value + " is used twice (first at " +
                Where(agency_locs_[it->second].file, agency_locs_[it->second].code_line) + ")");
      if (a.tier == Tier::kCity && ++cities > 1)
        Add(loc.file, loc.code_line, "agency " + a.code.value + ": there can be only one city agency");
    }
    if (cities == 0 && !catalog_.agencies.empty())
      Add(std::string(kAgenciesFile), 0, "there is no agency of the city tier (the root of the agency tree)");
    for (size_t i = 0; i < catalog_.agencies.size(); ++i) {
      const Agency& a = catalog_.agencies[i];
      if (!a.parent) continue;
      const AgencyLoc& loc = agency_locs_[i];
      auto it = seen.find(*a.parent);
      if (it == seen.end()) {
        Add(loc.file, loc.parent_line, "agency " + a.code.value + ": parent " + a.parent->value + " does not exist");
        continue;
      }
      const Agency& parent = catalog_.agencies[it->second];
      std::optional<Tier> expected;
      if (a.tier == Tier::kDepartment || a.tier == Tier::kDistrict) expected = Tier::kCity;
      if (a.tier == Tier::kWard) expected = Tier::kDistrict;
      if (expected && parent.tier != *expected)
        Add(loc.file, loc.parent_line,
            "agency " + a.code.value + ": the parent of a " + std::string(ToString(a.tier)) +
                "-tier agency must be of the " + std::string(ToString(*expected)) + " tier, and " + parent.code.value +
                " is of the " + std::string(ToString(parent.tier)) + " tier");
    }
  }

  void CheckProcedures() {
    std::map<ProcedureCode, size_t> seen;
    for (size_t i = 0; i < catalog_.procedures.size(); ++i) {
      const Procedure& p = catalog_.procedures[i];
      const ProcedureLoc& loc = procedure_locs_[i];
      const std::string what = "procedure " + p.code.value + ": ";
      if (!p.code.value.empty()) {
        auto [it, inserted] = seen.emplace(p.code, i);
        if (!inserted)
          Add(loc.file, loc.code_line,
              what + "the code is used twice (first in " + procedure_locs_[it->second].file + ")");
      }
      if (!p.field.value.empty() && !catalog_.FindField(p.field))
        Add(loc.file, loc.field_line, what + "field '" + p.field.value + "' is not in fields.yaml");
      if (p.department) {
        const Agency* d = catalog_.FindAgency(*p.department);
        if (!d) {
          Add(loc.file, loc.department_line, what + "department " + p.department->value + " does not exist");
        } else if (d->tier != Tier::kDepartment) {
          Add(loc.file, loc.department_line,
              what + p.department->value + " is a " + std::string(ToString(d->tier)) +
                  "-tier agency, not a department");
        } else if (!p.handling_unit.value.empty() && !d->FindUnit(p.handling_unit)) {
          std::string units;
          for (const auto& u : d->units) units += (units.empty() ? "" : ", ") + u.key.value;
          Add(loc.file, loc.handling_unit_line,
              what + "the department " + d->code.value + " has no unit '" + p.handling_unit.value +
                  "' (its units: " + units + ")");
        }
      }
      if (p.handling_unit.value.empty()) continue;
      for (Tier tier : {Tier::kDistrict, Tier::kWard}) {
        if (!p.HandledAt(tier)) continue;
        bool found = std::any_of(catalog_.agencies.begin(), catalog_.agencies.end(),
                                 [&](const Agency& a) { return a.tier == tier && a.FindUnit(p.handling_unit); });
        if (!found)
          Add(loc.file, loc.handling_unit_line,
              what + "no " + std::string(ToString(tier)) + "-tier agency has a unit '" + p.handling_unit.value + "'");
      }
    }
  }

  void CheckWaves() {
    const std::string file(kWavesFile);
    std::map<int, int> numbers;                               // number -> line
    std::map<ProcedureCode, std::pair<int, int>> first_wave;  // code -> wave number, line
    for (size_t w = 0; w < catalog_.waves.size(); ++w) {
      const Wave& wave = catalog_.waves[w];
      const WaveLoc& wloc = wave_locs_[w];
      const std::string what = "wave " + std::to_string(wave.number) + ": ";
      if (wave.number > 0) {
        auto [it, inserted] = numbers.emplace(wave.number, wloc.number_line);
        if (!inserted)
          Add(file, wloc.number_line,
              what + "the number is used twice (first on line " + std::to_string(it->second) + ")");
      }
      for (size_t r = 0; r < wave.rollouts.size(); ++r) {
        const Rollout& rollout = wave.rollouts[r];
        const RolloutLoc& rloc = wloc.rollouts[r];
        std::vector<const Agency*> listed;  // for codes selectors
        if (const auto* by_code = std::get_if<CodeSelector>(&rollout.agencies)) {
          for (size_t c = 0; c < by_code->codes.size() && c < rloc.code_lines.size(); ++c) {
            const Agency* a = catalog_.FindAgency(by_code->codes[c]);
            if (!a) Add(file, rloc.code_lines[c], what + "agency " + by_code->codes[c].value + " does not exist");
            listed.push_back(a);
          }
        }
        std::set<ProcedureCode> in_rollout;
        for (size_t i = 0; i < rollout.procedures.size() && i < rloc.procedure_lines.size(); ++i) {
          const ProcedureCode& code = rollout.procedures[i];
          const int line = rloc.procedure_lines[i];
          if (!in_rollout.insert(code).second) {
            Add(file, line, what + "procedure " + code.value + " is listed twice in this rollout");
            continue;
          }
          const Procedure* p = catalog_.FindProcedure(code);
          if (!p) {
            Add(file, line,
                what + "procedure " + code.value + " does not exist (no procedures/" + code.value + ".yaml)");
            continue;
          }
          auto [it, inserted] = first_wave.emplace(code, std::pair(wave.number, line));
          if (!inserted && it->second.first != wave.number)
            Add(file, line,
                what + "procedure " + code.value + " is already in wave " + std::to_string(it->second.first) +
                    " (line " + std::to_string(it->second.second) + "); a procedure belongs to one wave");
          CheckSelection(*p, rollout, rloc, listed, what, line);
        }
      }
    }
  }

  void CheckSelection(const Procedure& p, const Rollout& rollout, const RolloutLoc& rloc,
                      const std::vector<const Agency*>& listed, const std::string& what, int line) {
    const std::string file(kWavesFile);
    if (const auto* by_tier = std::get_if<TierSelector>(&rollout.agencies)) {
      for (Tier t : by_tier->tiers)
        if (!p.HandledAt(t))
          Add(file, rloc.selector_line,
              what + "procedure " + p.code.value + " is not handled at the " + std::string(ToString(t)) +
                  " tier (its tiers: " + JoinTiers(p.tiers) + ")");
    }
    for (const Agency* a : listed) {
      if (a && !Handles(p, *a))
        Add(file, rloc.selector_line,
            what + "agency " + a->code.value + " (" + std::string(ToString(a->tier)) +
                " tier) does not handle procedure " + p.code.value);
    }
    std::vector<const Agency*> selected = SelectAgencies(catalog_, p, rollout.agencies);
    if (selected.empty()) {
      Add(file, line, what + "the rollout selects no agency for procedure " + p.code.value);
      return;
    }
    std::vector<std::string> without_unit;
    for (const Agency* a : selected)
      if (a->tier != Tier::kDepartment && !a->FindUnit(p.handling_unit)) without_unit.push_back(a->code.value);
    if (without_unit.empty() || p.handling_unit.value.empty()) return;
    std::string list;
    for (size_t i = 0; i < without_unit.size() && i < 5; ++i) list += (i ? ", " : "") + without_unit[i];
    if (without_unit.size() > 5) list += " and " + std::to_string(without_unit.size() - 5) + " more";
    Add(file, line,
        what + "procedure " + p.code.value + " is switched on at " + std::to_string(without_unit.size()) + " agenc" +
            (without_unit.size() == 1 ? "y" : "ies") + " without a unit '" + p.handling_unit.value +
            "' to handle it: " + list);
  }

  Catalog catalog_;
  std::vector<AgencyLoc> agency_locs_;        // parallel to catalog_.agencies
  std::vector<ProcedureLoc> procedure_locs_;  // parallel to catalog_.procedures
  std::vector<WaveLoc> wave_locs_;            // parallel to catalog_.waves
  std::map<std::string, int> field_lines_;
  std::vector<Problem> problems_;
};

// ---- export

std::string WardSlug(const Catalog& catalog, const AgencyCode& district) {
  if (auto it = catalog.ward_files.find(district); it != catalog.ward_files.end()) return it->second;
  const Agency* d = catalog.FindAgency(district);
  std::vector<std::string> words = text::Words(text::Fold(d ? d->name : district.value));
  static const std::vector<std::vector<std::string>> kPrefixes = {
      {"uy", "ban", "nhan", "dan"}, {"ubnd"}, {"quan"}, {"huyen"}, {"thi", "xa"}};
  for (const auto& prefix : kPrefixes) {
    if (words.size() > prefix.size() && std::equal(prefix.begin(), prefix.end(), words.begin()))
      words.erase(words.begin(), words.begin() + static_cast<long>(prefix.size()));
  }
  std::string slug;
  for (const auto& w : words) slug += (slug.empty() ? "" : "-") + w;
  return slug.empty() ? "district" : slug;
}

YamlNode TierList(const std::vector<Tier>& tiers) {
  YamlNode list = YamlNode::FlowList();
  for (Tier t : tiers) list.Append(YamlNode::Verbatim(ToString(t)));
  return list;
}

void AddString(YamlNode& map, const char* key, const std::string& value, bool optional) {
  if (optional && value.empty()) return;
  map.Add(key, YamlNode::String(value));
}

YamlNode EmitAgency(const Agency& a) {
  YamlNode m = YamlNode::Map();
  m.Add("code", YamlNode::String(a.code.value));
  AddString(m, "name", a.name, false);
  AddString(m, "name_en", a.name_en, true);
  m.Add("kind", YamlNode::Verbatim(ToString(a.kind)));
  m.Add("tier", YamlNode::Verbatim(ToString(a.tier)));
  m.Add("parent", a.parent ? YamlNode::String(a.parent->value) : YamlNode::Null());
  if (a.inner) m.Add("inner", YamlNode::Bool(true));
  AddString(m, "address", a.address, false);
  AddString(m, "phone", a.phone, true);
  if (!a.units.empty()) {
    YamlNode& units = m.Add("units", YamlNode::BlockList());
    for (const auto& u : a.units) {
      YamlNode unit = YamlNode::Map();
      unit.Add("key", YamlNode::String(u.key.value));
      AddString(unit, "name", u.name, false);
      if (u.one_stop) unit.Add("one_stop", YamlNode::Bool(true));
      units.Append(std::move(unit));
    }
  }
  return m;
}

SourceFile AgencyFile(std::string path, const std::vector<const Agency*>& agencies) {
  YamlNode doc = YamlNode::Map();
  YamlNode& list = doc.Add("agencies", YamlNode::BlockList());
  for (const Agency* a : agencies) list.Append(EmitAgency(*a));
  return {std::move(path), doc.Render()};
}

YamlNode EmitProcedure(const Procedure& p) {
  YamlNode m = YamlNode::Map();
  m.Add("code", YamlNode::String(p.code.value));
  m.Add("version", YamlNode::Int(p.version));
  m.Add("valid_from", YamlNode::Date(p.valid_from));
  AddString(m, "name", p.name, false);
  AddString(m, "name_en", p.name_en, true);
  m.Add("field", YamlNode::String(p.field.value));
  m.Add("tiers", TierList(p.tiers));
  if (p.department) m.Add("department", YamlNode::String(p.department->value));
  m.Add("level", YamlNode::Int(ToInt(p.level)));
  YamlNode& time = m.Add("processing_time", YamlNode::Map());
  time.Add(std::string(ToString(p.processing_time.unit)), YamlNode::Int(p.processing_time.amount));
  if (!p.fee.empty()) {
    YamlNode& fee = m.Add("fee", YamlNode::BlockList());
    for (const auto& item : p.fee) {
      YamlNode f = YamlNode::Map();
      AddString(f, "name", item.name, false);
      f.Add("amount", YamlNode::Int(item.amount));
      AddString(f, "per", item.per, true);
      fee.Append(std::move(f));
    }
  }
  YamlNode applicants = YamlNode::FlowList();
  for (Applicant a : p.applicants) applicants.Append(YamlNode::Verbatim(ToString(a)));
  m.Add("applicants", std::move(applicants));
  m.Add("handling_unit", YamlNode::String(p.handling_unit.value));
  m.Add("workflow", YamlNode::Verbatim(ToString(p.workflow)));
  AddString(m, "result", p.result, false);
  YamlNode& legal = m.Add("legal_basis", YamlNode::BlockList());
  for (const auto& l : p.legal_basis) legal.Append(YamlNode::String(l));
  YamlNode& components = m.Add("components", YamlNode::BlockList());
  for (const auto& c : p.components) {
    YamlNode cm = YamlNode::Map();
    AddString(cm, "name", c.name, false);
    cm.Add("kind", YamlNode::Verbatim(ToString(c.kind)));
    cm.Add("count", YamlNode::Int(c.count));
    if (c.required) cm.Add("required", YamlNode::Bool(true));
    YamlNode types = YamlNode::FlowList();
    for (FileType t : c.file_types) types.Append(YamlNode::Verbatim(ToString(t)));
    cm.Add("file_types", std::move(types));
    cm.Add("max_size_mb", YamlNode::Int(c.max_size_mb));
    AddString(cm, "template", c.template_file, true);
    components.Append(std::move(cm));
  }
  if (!p.form.empty()) m.Add("form", forms::EmitSchema(p.form));
  return m;
}

YamlNode EmitWave(const Wave& w) {
  YamlNode m = YamlNode::Map();
  m.Add("number", YamlNode::Int(w.number));
  AddString(m, "name", w.name, false);
  if (w.date)
    m.Add("date", YamlNode::Date(*w.date));
  else
    m.Add("setting", YamlNode::String(w.date_setting));
  YamlNode& rollouts = m.Add("rollouts", YamlNode::BlockList());
  for (const auto& r : w.rollouts) {
    YamlNode rm = YamlNode::Map();
    YamlNode procedures = YamlNode::FlowList();
    for (const auto& code : r.procedures) procedures.Append(YamlNode::String(code.value));
    rm.Add("procedures", std::move(procedures));
    YamlNode& agencies = rm.Add("agencies", YamlNode::Map());
    if (const auto* by_tier = std::get_if<TierSelector>(&r.agencies)) {
      agencies.Add("tiers", TierList(by_tier->tiers));
      if (by_tier->inner_only) agencies.Add("inner_only", YamlNode::Bool(true));
    } else if (std::holds_alternative<HandlingSelector>(r.agencies)) {
      agencies.Add("handling", YamlNode::Bool(true));
    } else {
      YamlNode codes = YamlNode::FlowList();
      for (const auto& code : std::get<CodeSelector>(r.agencies).codes) codes.Append(YamlNode::String(code.value));
      agencies.Add("codes", std::move(codes));
    }
    rollouts.Append(std::move(rm));
  }
  return m;
}

}  // namespace

std::string ToString(const Problem& problem) {
  std::string out = problem.file;
  if (problem.line > 0) out += ":" + std::to_string(problem.line);
  return out + ": " + problem.message;
}

LoadResult Load(const std::vector<SourceFile>& files) { return Loader().Run(files); }

std::vector<SourceFile> Export(const Catalog& catalog) {
  std::vector<SourceFile> out;

  YamlNode root = YamlNode::Map();
  root.Add("province", YamlNode::String(catalog.province));
  if (!catalog.province_en.empty()) root.Add("province_en", YamlNode::String(catalog.province_en));
  root.Add("province_code", YamlNode::String(catalog.province_code));
  if (!catalog.settings.empty()) {
    YamlNode& settings = root.Add("settings", YamlNode::Map());
    for (const auto& [key, value] : catalog.settings)
      settings.Add(key, value.empty() ? YamlNode::Null() : YamlNode::Untyped(value));
  }
  out.push_back({std::string(kCatalogFile), root.Render()});

  YamlNode fields_doc = YamlNode::Map();
  YamlNode& fields = fields_doc.Add("fields", YamlNode::BlockList());
  for (const auto& f : catalog.fields) {
    YamlNode m = YamlNode::Map();
    m.Add("key", YamlNode::String(f.key.value));
    m.Add("name", YamlNode::String(f.name));
    if (!f.name_en.empty()) m.Add("name_en", YamlNode::String(f.name_en));
    fields.Append(std::move(m));
  }
  out.push_back({std::string(kFieldsFile), fields_doc.Render()});

  std::vector<const Agency*> top;
  std::map<std::string, std::vector<const Agency*>> wards;  // slug -> agencies, in catalog order
  for (const auto& a : catalog.agencies) {
    if (a.tier == Tier::kWard)
      wards[a.parent ? WardSlug(catalog, *a.parent) : "district"].push_back(&a);
    else
      top.push_back(&a);
  }
  out.push_back(AgencyFile(std::string(kAgenciesFile), top));
  for (const auto& [slug, agencies] : wards)
    out.push_back(AgencyFile(std::string(kWardsDir) + slug + std::string(kYamlExt), agencies));

  std::vector<const Procedure*> procedures;
  for (const auto& p : catalog.procedures) procedures.push_back(&p);
  std::sort(procedures.begin(), procedures.end(),
            [](const Procedure* a, const Procedure* b) { return a->code.value + ".yaml" < b->code.value + ".yaml"; });
  for (const Procedure* p : procedures)
    out.push_back({std::string(kProceduresDir) + p->code.value + std::string(kYamlExt), EmitProcedure(*p).Render()});

  YamlNode waves_doc = YamlNode::Map();
  YamlNode& waves = waves_doc.Add("waves", YamlNode::BlockList());
  for (const auto& w : catalog.waves) waves.Append(EmitWave(w));
  out.push_back({std::string(kWavesFile), waves_doc.Render()});
  return out;
}

}  // namespace motcua::core::catalog
