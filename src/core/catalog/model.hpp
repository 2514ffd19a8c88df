// The procedure catalog: the province, fields, the agency tree with its units, procedures (one
// version each) and the rollout waves that switch procedures on at agencies. Plain values: the YAML
// text form is in yaml_io.hpp, the rollout arithmetic in rollout.hpp.
#pragma once

#include <chrono>
#include <compare>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/forms/schema.hpp"

namespace motcua::core::catalog {

// A string id of one kind, so that an agency code cannot be passed where a procedure code is due.
template <typename Tag>
struct StrongId {
  std::string value;
  auto operator<=>(const StrongId&) const = default;  // NOLINT(modernize-use-nullptr): clang-tidy misreads it
  bool operator==(const StrongId&) const = default;
};
using AgencyCode = StrongId<struct AgencyCodeTag>;        // "000.00.01.H26" (QCVN 102:2016)
using ProcedureCode = StrongId<struct ProcedureCodeTag>;  // "H26.QH.XD.01"
using FieldKey = StrongId<struct FieldKeyTag>;            // "xay-dung"
using UnitKey = StrongId<struct UnitKeyTag>;              // "qldt", unique within one agency

// The tier that handles procedures: the city, a department (Sở), a district-level committee, a
// commune-level committee.
enum class Tier { kCity, kDepartment, kDistrict, kWard };
std::string_view ToString(Tier tier);
std::optional<Tier> TierFromString(std::string_view name);

enum class AgencyKind { kCity, kDepartment, kUrbanDistrict, kRuralDistrict, kTown, kWard, kCommune, kTownship };
std::string_view ToString(AgencyKind kind);
std::optional<AgencyKind> AgencyKindFromString(std::string_view name);
// quận/huyện/thị xã are the district tier; phường/xã/thị trấn the ward tier.
Tier TierOf(AgencyKind kind);

// Online service level: 3 = "một phần" (partial), 4 = "toàn trình" (full online).
enum class Level { kLevel2 = 2, kLevel3 = 3, kLevel4 = 4 };
inline int ToInt(Level level) { return static_cast<int>(level); }
std::optional<Level> LevelFromInt(long long level);
std::string_view ToString(Level level);        // "2", "3", "4"
std::string_view VietnameseName(Level level);  // "mức độ 3 (một phần)"

enum class Applicant { kCitizen, kBusiness };
std::string_view ToString(Applicant applicant);
std::optional<Applicant> ApplicantFromString(std::string_view name);

enum class WorkflowKind { kStandard, kOneStopOnly, kInterAgency };
std::string_view ToString(WorkflowKind workflow);
std::optional<WorkflowKind> WorkflowKindFromString(std::string_view name);

enum class ComponentKind { kOriginal, kCertifiedCopy, kCopy };
std::string_view ToString(ComponentKind kind);
std::optional<ComponentKind> ComponentKindFromString(std::string_view name);

enum class FileType { kPdf, kJpeg, kPng, kDocx, kDoc, kXlsx, kXls, kZip, kDwg };
std::string_view ToString(FileType type);
std::optional<FileType> FileTypeFromString(std::string_view name);

enum class TimeUnit { kWorkingDays, kWorkingHours };
std::string_view ToString(TimeUnit unit);  // "working_days", "working_hours"

struct Field {  // lĩnh vực
  FieldKey key;
  std::string name;
  std::string name_en;
  bool operator==(const Field&) const = default;
};

struct Unit {  // a division of an agency
  UnitKey key;
  std::string name;
  bool one_stop = false;  // houses the one-stop section (Bộ phận Tiếp nhận và Trả kết quả)
  bool operator==(const Unit&) const = default;
};

struct Agency {
  AgencyCode code;
  std::string name;
  std::string name_en;
  AgencyKind kind = AgencyKind::kCity;
  Tier tier = Tier::kCity;
  std::optional<AgencyCode> parent;  // none only for the city
  bool inner = false;                // one of the inner (urban) districts
  std::string address;
  std::string phone;
  std::vector<Unit> units;

  const Unit* FindUnit(const UnitKey& key) const;
  bool operator==(const Agency&) const = default;
};

struct ProcessingTime {
  TimeUnit unit = TimeUnit::kWorkingDays;
  int amount = 0;
  bool operator==(const ProcessingTime&) const = default;
};

struct FeeItem {
  std::string name;
  long long amount = 0;  // đồng
  std::string per;       // empty: a fixed amount; else the amount is per this unit ("m² sàn")
  bool operator==(const FeeItem&) const = default;
};

struct Component {  // thành phần hồ sơ
  std::string name;
  ComponentKind kind = ComponentKind::kOriginal;
  int count = 1;
  bool required = false;
  std::vector<FileType> file_types;
  int max_size_mb = 0;
  std::string template_file;  // YAML `template`: a downloadable template's file name
  bool operator==(const Component&) const = default;
};

struct Procedure {
  ProcedureCode code;
  int version = 1;
  std::chrono::year_month_day valid_from{};
  std::string name;
  std::string name_en;
  FieldKey field;
  std::vector<Tier> tiers;               // of department, district, ward
  std::optional<AgencyCode> department;  // the Sở, when tiers has department
  Level level = Level::kLevel3;
  ProcessingTime processing_time;
  std::vector<FeeItem> fee;  // empty: free
  std::vector<Applicant> applicants;
  UnitKey handling_unit;
  WorkflowKind workflow = WorkflowKind::kStandard;
  std::string result;
  std::vector<std::string> legal_basis;
  std::vector<Component> components;
  forms::Schema form;

  bool HandledAt(Tier tier) const;
  bool operator==(const Procedure&) const = default;
};

// Which agencies a rollout switches its procedures on at.
struct TierSelector {  // every agency of these tiers that handles the procedure
  std::vector<Tier> tiers;
  bool inner_only = false;  // district tier: inner districts only; ward tier: wards of inner districts
  bool operator==(const TierSelector&) const = default;
};
struct HandlingSelector {  // every agency that handles the procedure (for a Sở's procedure: that Sở)
  bool operator==(const HandlingSelector&) const = default;
};
struct CodeSelector {  // an explicit list
  std::vector<AgencyCode> codes;
  bool operator==(const CodeSelector&) const = default;
};
using AgencySelector = std::variant<TierSelector, HandlingSelector, CodeSelector>;

struct Rollout {
  std::vector<ProcedureCode> procedures;
  AgencySelector agencies;
  bool operator==(const Rollout&) const = default;
};

struct Wave {
  int number = 0;
  std::string name;
  // Exactly one of the two: the official date, or the name of the catalog setting that holds it.
  std::optional<std::chrono::year_month_day> date;
  std::string date_setting;
  std::vector<Rollout> rollouts;
  bool operator==(const Wave&) const = default;
};

struct Catalog {
  std::string province;       // "Thành phố Hà Nội"
  std::string province_en;    // "Hanoi City"
  std::string province_code;  // "H26": the last part of every agency code
  // Admin-set values (e.g. wave2_date: 2017-02-20), kept as text; "" is an unset (null) value.
  std::map<std::string, std::string> settings;
  std::vector<Field> fields;
  // agencies.yaml in file order, then wards/*.yaml by file name, each in file order.
  std::vector<Agency> agencies;
  std::vector<Procedure> procedures;  // by code
  std::vector<Wave> waves;
  // District code → the <slug> of wards/<slug>.yaml that lists its communes and wards.
  std::map<AgencyCode, std::string> ward_files;

  const Field* FindField(const FieldKey& key) const;
  const Agency* FindAgency(const AgencyCode& code) const;
  const Procedure* FindProcedure(const ProcedureCode& code) const;
  bool operator==(const Catalog&) const = default;
};

}  // namespace motcua::core::catalog
