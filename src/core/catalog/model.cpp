// Catalog enum names (as written in the YAML) and lookups.
#include "core/catalog/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace motcua::core::catalog {
namespace {

template <typename E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Tier, 4> kTiers = {
    {{Tier::kCity, "city"}, {Tier::kDepartment, "department"}, {Tier::kDistrict, "district"}, {Tier::kWard, "ward"}}};
constexpr Names<AgencyKind, 8> kKinds = {{{AgencyKind::kCity, "city"},
                                          {AgencyKind::kDepartment, "department"},
                                          {AgencyKind::kUrbanDistrict, "urban_district"},
                                          {AgencyKind::kRuralDistrict, "rural_district"},
                                          {AgencyKind::kTown, "town"},
                                          {AgencyKind::kWard, "ward"},
                                          {AgencyKind::kCommune, "commune"},
                                          {AgencyKind::kTownship, "township"}}};
constexpr Names<Applicant, 2> kApplicants = {{{Applicant::kCitizen, "citizen"}, {Applicant::kBusiness, "business"}}};
constexpr Names<WorkflowKind, 3> kWorkflows = {{{WorkflowKind::kStandard, "standard"},
                                                {WorkflowKind::kOneStopOnly, "one_stop_only"},
                                                {WorkflowKind::kInterAgency, "inter_agency"}}};
constexpr Names<ComponentKind, 3> kComponentKinds = {{{ComponentKind::kOriginal, "original"},
                                                      {ComponentKind::kCertifiedCopy, "certified_copy"},
                                                      {ComponentKind::kCopy, "copy"}}};
constexpr Names<FileType, 9> kFileTypes = {{{FileType::kPdf, "pdf"},
                                            {FileType::kJpeg, "jpeg"},
                                            {FileType::kPng, "png"},
                                            {FileType::kDocx, "docx"},
                                            {FileType::kDoc, "doc"},
                                            {FileType::kXlsx, "xlsx"},
                                            {FileType::kXls, "xls"},
                                            {FileType::kZip, "zip"},
                                            {FileType::kDwg, "dwg"}}};

template <typename E, size_t N>
std::string_view NameOf(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "?";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const Names<E, N>& names, std::string_view name) {
  for (const auto& [v, n] : names)
    if (n == name) return v;
  return std::nullopt;
}

template <typename T, typename Key>
const T* FindBy(const std::vector<T>& items, const Key& key, Key T::*member) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.*member == key; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view ToString(Tier tier) { return NameOf(kTiers, tier); }
std::optional<Tier> TierFromString(std::string_view name) { return ValueOf(kTiers, name); }
std::string_view ToString(AgencyKind kind) { return NameOf(kKinds, kind); }
std::optional<AgencyKind> AgencyKindFromString(std::string_view name) { return ValueOf(kKinds, name); }
std::string_view ToString(Applicant applicant) { return NameOf(kApplicants, applicant); }
std::optional<Applicant> ApplicantFromString(std::string_view name) { return ValueOf(kApplicants, name); }
std::string_view ToString(WorkflowKind workflow) { return NameOf(kWorkflows, workflow); }
std::optional<WorkflowKind> WorkflowKindFromString(std::string_view name) { return ValueOf(kWorkflows, name); }
std::string_view ToString(ComponentKind kind) { return NameOf(kComponentKinds, kind); }
std::optional<ComponentKind> ComponentKindFromString(std::string_view name) { return ValueOf(kComponentKinds, name); }
std::string_view ToString(FileType type) { return NameOf(kFileTypes, type); }
std::optional<FileType> FileTypeFromString(std::string_view name) { return ValueOf(kFileTypes, name); }

std::string_view ToString(TimeUnit unit) { return unit == TimeUnit::kWorkingDays ? "working_days" : "working_hours"; }

Tier TierOf(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kCity:
      return Tier::kCity;
    case AgencyKind::kDepartment:
      return Tier::kDepartment;
    case AgencyKind::kUrbanDistrict:
    case AgencyKind::kRuralDistrict:
    case AgencyKind::kTown:
      return Tier::kDistrict;
    case AgencyKind::kWard:
    case AgencyKind::kCommune:
    case AgencyKind::kTownship:
      return Tier::kWard;
  }
  return Tier::kWard;
}

std::optional<Level> LevelFromInt(long long level) {
  if (level < 2 || level > 4) return std::nullopt;
  return static_cast<Level>(level);
}

std::string_view ToString(Level level) {
  switch (level) {
    case Level::kLevel2:
      return "2";
    case Level::kLevel3:
      return "3";
    case Level::kLevel4:
      return "4";
  }
  return "?";
}

std::string_view VietnameseName(Level level) {
  switch (level) {
    case Level::kLevel2:
      return "mức độ 2";
    case Level::kLevel3:
      return "mức độ 3 (một phần)";
    case Level::kLevel4:
      return "mức độ 4 (toàn trình)";
  }
  return "?";
}

const Unit* Agency::FindUnit(const UnitKey& key) const { return FindBy(units, key, &Unit::key); }

bool Procedure::HandledAt(Tier tier) const { return std::find(tiers.begin(), tiers.end(), tier) != tiers.end(); }

const Field* Catalog::FindField(const FieldKey& key) const { return FindBy(fields, key, &Field::key); }
const Agency* Catalog::FindAgency(const AgencyCode& code) const { return FindBy(agencies, code, &Agency::code); }
const Procedure* Catalog::FindProcedure(const ProcedureCode& code) const {
  return FindBy(procedures, code, &Procedure::code);
}

}  // namespace motcua::core::catalog
