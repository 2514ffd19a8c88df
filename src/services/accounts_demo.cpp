// The demo accounts: found by agency and unit names in whatever catalog was imported (the Hanoi
// catalog or a test's small one), so that codes stay data.
#include <nlohmann/json.hpp>

#include "services/accounts.hpp"
#include "services/accounts_internal.hpp"

namespace motcua::services::accounts {

using namespace internal;  // NOLINT: the service's own helpers

namespace {

const store::Query kAgencyByName{"accounts.demo.agency_by_name",
                                 "SELECT code FROM agencies WHERE name = $1 ORDER BY code LIMIT 1"};
const store::Query kCityAgency{"accounts.demo.city",
                               "SELECT code FROM agencies WHERE tier = 'city' ORDER BY code LIMIT 1"};
const store::Query kUnits{"accounts.demo.units",
                          "SELECT key, name, one_stop FROM units WHERE agency_code = $1 ORDER BY position"};
const store::Query kUserExists{"accounts.demo.user_exists", "SELECT id FROM users WHERE username = $1"};

struct UnitRow {
  std::string key, name;
  bool one_stop = false;
};

struct DemoUser {
  std::string username, full_name;
  access::Role role;
  std::string unit;  // key, "" for none
};

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

DemoReport CreateDemoUsers(Context& ctx) {
  DemoReport report;
  auto exists = [&](const std::string& username) {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    return tx->QueryOne(kUserExists, {username}).has_value();
  };
  auto add = [&](NewUserRow row, std::vector<access::RoleGrant> grants) {
    if (exists(row.username)) {
      ++report.existing;
      return;
    }
    row.password_hash = HashPassword(kDemoPassword);  // its own salt, like any account
    row.status = "active";
    row.verified = true;
    row.email = row.username + "@demo.motcua.vn";
    auto tx = ctx.db.Begin();
    auto id = InsertUser(*tx, Now(ctx), row);
    ReplaceRoles(*tx, id, grants);
    Audit(*tx, ctx, Caller{nullptr, "", ""}, "user.create", "user", std::to_string(id), {{"demo", true}});
    tx->Commit();
    ++report.created;
  };

  std::string city;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (auto row = tx->QueryOne(kCityAgency)) city = row->Text(0);
  }
  NewUserRow admin;
  admin.username = "admin";
  admin.kind = "officer";
  admin.full_name = "Quản trị hệ thống";
  admin.agency_code = city;
  add(admin, {{access::Role::kCityAdmin, city, ""}});
  NewUserRow auditor = admin;
  auditor.username = "thanhtra";
  auditor.full_name = "Đỗ Minh Thanh";
  add(auditor, {{access::Role::kAuditor, city, ""}});

  NewUserRow citizen;
  citizen.username = "congdan";
  citizen.kind = "citizen";
  citizen.full_name = "Nguyễn Văn An";
  citizen.id_number = "001090012345";
  citizen.date_of_birth = "1990-05-12";
  citizen.phone = "0912345678";
  citizen.address = "Số 12 phố Đội Cấn, phường Cống Vị, quận Ba Đình, Hà Nội";
  add(citizen, {});
  NewUserRow business;
  business.username = "doanhnghiep";
  business.kind = "business";
  business.full_name = "Công ty TNHH Ánh Dương";
  business.tax_code = "0101234567";
  business.representative = "Trần Thị Bình";
  business.phone = "02438251234";
  business.address = "Số 5 phố Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội";
  add(business, {});

  struct Place {
    std::string prefix, name;
    std::vector<std::string> people;  // names for motcua, chuyenvien, truongphong, lanhdao, vanthu, cntt
  };
  const std::vector<Place> places = {
      {"badinh.",
       "Quận Ba Đình",
       {"Lê Thị Hoa", "Phạm Văn Bình", "Hoàng Minh Châu", "Vũ Đức Dũng", "Đặng Thị Giang", "Bùi Quang Huy"}},
      {"hoankiem.",
       "Quận Hoàn Kiếm",
       {"Ngô Thị Lan", "Trịnh Văn Long", "Đinh Thị Mai", "Phan Văn Nam", "Lý Thị Oanh", "Tạ Quang Phúc"}},
      {"soct.",
       "Sở Công Thương",
       {"Cao Thị Quyên", "Lương Văn Sơn", "Mai Thị Tâm", "Hà Văn Thắng", "Kiều Thị Uyên", "Chu Minh Vũ"}},
  };
  for (const auto& place : places) {
    std::string code;
    std::vector<UnitRow> units;
    {
      auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
      if (auto row = tx->QueryOne(kAgencyByName, {place.name})) code = row->Text(0);
      if (!code.empty())
        for (const auto& r : tx->Query(kUnits, {code})) units.push_back({r.Text(0), r.Text(1), r.Bool(2)});
    }
    if (code.empty()) {
      report.missing.push_back(place.name);
      continue;
    }
    auto find = [&](auto pred) -> std::string {
      for (const auto& u : units)
        if (pred(u)) return u.key;
      return "";
    };
    std::string one_stop = find([](const UnitRow& u) { return u.one_stop; });
    std::string office = find([](const UnitRow& u) { return !u.one_stop && StartsWith(u.name, "Văn phòng"); });
    if (office.empty()) office = find([](const UnitRow& u) { return StartsWith(u.name, "Văn phòng"); });
    std::string handling = find([](const UnitRow& u) { return u.name == "Phòng Quản lý đô thị"; });
    if (handling.empty())
      handling = find([](const UnitRow& u) { return !u.one_stop && !StartsWith(u.name, "Văn phòng"); });
    std::vector<DemoUser> people = {
        {place.prefix + "motcua", place.people[0], access::Role::kOneStopOfficer, one_stop},
        {place.prefix + "chuyenvien", place.people[1], access::Role::kSpecialist, handling},
        {place.prefix + "truongphong", place.people[2], access::Role::kUnitHead, handling},
        {place.prefix + "lanhdao", place.people[3], access::Role::kAgencyLeader, ""},
        {place.prefix + "vanthu", place.people[4], access::Role::kClerk, office},
        {place.prefix + "cntt", place.people[5], access::Role::kAgencyIt, ""},
    };
    if (place.prefix == "badinh.") {
      std::string vhtt = find([](const UnitRow& u) { return u.name == "Phòng Văn hóa và Thông tin"; });
      if (vhtt.empty())
        report.missing.push_back(place.name + ": Phòng Văn hóa và Thông tin");
      else
        people.push_back({"badinh.vhtt", "Nguyễn Thị Xuân", access::Role::kSpecialist, vhtt});
    }
    for (const auto& p : people) {
      NewUserRow row;
      row.username = p.username;
      row.kind = "officer";
      row.full_name = p.full_name;
      row.agency_code = code;
      row.unit_key = p.unit;
      add(row, {{p.role, code, access::UnitScoped(p.role) ? p.unit : ""}});
    }
  }
  return report;
}

}  // namespace motcua::services::accounts
