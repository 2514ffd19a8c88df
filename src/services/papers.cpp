// Papers of a dossier: streamed uploads, type by content, the content-addressed store, purge.
#include "services/papers.hpp"

#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <system_error>

#include "core/common/time.hpp"
#include "core/dossier/paper.hpp"
#include "services/audit.hpp"
#include "services/catalog.hpp"
#include "services/dossiers.hpp"
#include "services/log.hpp"

namespace motcua::services::papers {

namespace fs = std::filesystem;
namespace cat = core::catalog;
namespace dp = core::dossier;
using nlohmann::json;

struct Upload::Hash {
  crypto_hash_sha256_state state;
};

namespace {

constexpr const char* kPaperColumns =
    "id, dossier_id, component, name, content_type, size, sha256, uploaded_at, uploaded_by";

const store::Query kDossier{
    "paper.dossier", "SELECT applicant_id, status, procedure_code, procedure_version FROM dossiers WHERE id = $1"};
const store::Query kProcedureVersion{"paper.procedure_version",
                                     "SELECT document FROM procedures WHERE code = $1 AND version = $2"};
const store::Query kDossierSize{"paper.dossier_size",
                                "SELECT COALESCE(SUM(size), 0) FROM documents WHERE dossier_id = $1"};
// Taking the dossier's row lock first serialises uploads to one dossier (its size limit) and makes
// the purge of an idle draft wait for an upload in flight (which also marks the draft as active).
const store::Query kTouch{"paper.touch_dossier",
                          "UPDATE dossiers SET updated_at = $1 WHERE id = $2 AND applicant_id = $3 "
                          "AND status IN ('draft', 'awaiting_supplement')"};
const std::string kInsertSql = std::string("INSERT INTO documents (dossier_id, component, name, content_type, size, ") +
                               "sha256, uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " +
                               kPaperColumns;
const store::Query kInsert{"paper.insert", kInsertSql};
const std::string kListSql =
    std::string("SELECT ") + kPaperColumns + " FROM documents WHERE dossier_id = $1 ORDER BY component, id";
const store::Query kList{"paper.list", kListSql};
const std::string kGetSql =
    std::string("SELECT ") + kPaperColumns + " FROM documents WHERE id = $1 AND dossier_id = $2";
const store::Query kGet{"paper.get", kGetSql};
const store::Query kDelete{"paper.delete", "DELETE FROM documents WHERE id = $1"};
const store::Query kComponentsPresent{"paper.components_present",
                                      "SELECT DISTINCT component FROM documents WHERE dossier_id = $1"};
const store::Query kReferences{"paper.references", "SELECT COUNT(*) FROM documents WHERE sha256 = $1"};
// PostgreSQL: one lock per content hash between placing/removing a stored file and the rows that
// reference it (SQLite writers are serialised already).
const store::Query kLockContent{"paper.lock_content", "SELECT pg_advisory_xact_lock($1)"};

const store::Query kStaleDraftPapers{"paper.purge.stale_draft_papers",
                                     "SELECT p.id, p.sha256 FROM documents p JOIN dossiers d ON d.id = p.dossier_id "
                                     "WHERE d.status = 'draft' AND p.uploaded_at < $1 ORDER BY p.id LIMIT $2"};
const store::Query kIdleDrafts{
    "paper.purge.idle_drafts",
    "SELECT id FROM dossiers WHERE status = 'draft' AND updated_at < $1 ORDER BY id LIMIT $2"};
const store::Query kLockIdleDraftSqlite{
    "paper.purge.lock_draft", "SELECT id FROM dossiers WHERE id = $1 AND status = 'draft' AND updated_at < $2"};
const store::Query kLockIdleDraftPostgres{
    "paper.purge.lock_draft",
    "SELECT id FROM dossiers WHERE id = $1 AND status = 'draft' AND updated_at < $2 FOR UPDATE"};
const store::Query kPapersOf{"paper.purge.papers_of", "SELECT sha256 FROM documents WHERE dossier_id = $1"};
const store::Query kDeletePapersOf{"paper.purge.delete_papers_of", "DELETE FROM documents WHERE dossier_id = $1"};
const store::Query kDeleteEventsOf{"paper.purge.delete_events_of", "DELETE FROM dossier_events WHERE dossier_id = $1"};
const store::Query kDeleteDraft{"paper.purge.delete_draft", "DELETE FROM dossiers WHERE id = $1 AND status = 'draft'"};

constexpr int kPurgeBatch = 200;
constexpr auto kPaperLifetimeOnDraft = std::chrono::hours(24);
constexpr auto kTempLifetime = std::chrono::hours(24);

core::Error NotFound() {
  return core::Error::Make(core::errc::kNotFound, "Không tìm thấy hồ sơ hoặc giấy tờ.", "No such dossier or paper.");
}
core::Error Unauthorized() {
  return core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập.", "Please log in.");
}
core::Error Forbidden() {
  return core::Error::Make(core::errc::kForbidden, "Chỉ người nộp hồ sơ mới đính kèm giấy tờ.",
                           "Only the applicant attaches papers.");
}
core::Error NotTakingPapers() {
  return core::Error::Make(core::errc::kConflict, "Hồ sơ ở trạng thái này không nhận thêm hoặc bớt giấy tờ.",
                           "The dossier takes no changes to its papers in this state.");
}
core::Error Invalid(const std::string& field, const char* code, std::string vi, std::string en) {
  auto e =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  e.fields[field] = {code, std::move(vi), std::move(en)};
  return e;
}
std::string Megabytes(long long bytes) { return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB"; }
core::Error FileTooLarge(long long limit) {
  return core::Error::Make(
      "file_too_large", "Tệp vượt quá dung lượng cho phép của thành phần hồ sơ này (tối đa " + Megabytes(limit) + ").",
      "The file is larger than this component allows (at most " + Megabytes(limit) + ").");
}
core::Error DossierTooLarge() {
  return core::Error::Make("dossier_too_large",
                           "Tổng dung lượng giấy tờ của hồ sơ vượt quá " + Megabytes(dp::kDossierMaxBytes) + ".",
                           "The dossier's papers together would exceed " + Megabytes(dp::kDossierMaxBytes) + ".");
}

bool IsApplicant(const core::access::Principal* who) {
  return who && !who->IsToken() && who->kind != core::access::AccountKind::kOfficer;
}
bool TakesPapers(std::string_view status) { return status == "draft" || status == "awaiting_supplement"; }

Paper FromRow(const store::Row& r) {
  Paper p;
  p.id = r.Int(0);
  p.dossier_id = r.Int(1);
  p.component = static_cast<int>(r.Int(2));
  p.name = r.Text(3);
  p.content_type = r.Text(4);
  p.size = r.Int(5);
  p.sha256 = r.Text(6);
  p.uploaded_at = r.Text(7);
  p.uploaded_by = r.Int(8);
  return p;
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 0xF];
  }
  return out;
}

// The content's type by its bytes. A libmagic handle per thread: it is not thread-safe.
std::string Sniff(const std::string& path) {
  struct Cookie {
    magic_t m = nullptr;
    Cookie() {
      m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
      if (m && magic_load(m, nullptr) != 0) {
        magic_close(m);
        m = nullptr;
      }
    }
    ~Cookie() {
      if (m) magic_close(m);
    }
  };
  thread_local Cookie cookie;
  if (!cookie.m) throw std::runtime_error("libmagic cannot load its database");
  const char* type = magic_file(cookie.m, path.c_str());
  if (!type)
    throw std::runtime_error(std::string("libmagic: ") + (magic_error(cookie.m) ? magic_error(cookie.m) : "?"));
  return type;
}

std::string TypesList(const cat::Component& c) {
  std::string out;
  for (auto t : c.file_types) {
    if (!out.empty()) out += ", ";
    std::string name(cat::ToString(t));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::toupper(ch); });
    out += name;
  }
  return out;
}

void LockContent(store::Transaction& tx, const std::string& sha256) {
  if (tx.dialect() != store::Dialect::kPostgres) return;
  // The first 60 bits of the hash: collisions only make two contents share a lock.
  std::int64_t key = static_cast<std::int64_t>(std::stoull(sha256.substr(0, 15), nullptr, 16));
  tx.Query(kLockContent, {key});
}

void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes the stored file of `sha256` when no row references it any more. True when removed.
bool ReleaseContent(Context& ctx, const std::string& sha256) {
  auto tx = ctx.db.Begin();
  LockContent(*tx, sha256);
  if (tx->QueryOne(kReferences, {sha256})->Int(0) > 0) return false;
  std::error_code ec;
  const fs::path path = StorePath(ctx.data_dir, sha256);
  const bool removed = fs::remove(path, ec);
  if (ec) Log(LogLevel::kWarn, "cannot remove a stored paper", {{"sha256", sha256}, {"error", ec.message()}});
  tx->Commit();
  return removed;
}

// The components of `code` as published in `version`: the current snapshot's when it is that
// version, else the stored version's text loaded in the stored catalog (a submitted dossier keeps
// the components it was submitted with, though the procedure has a newer version since).
std::optional<std::vector<cat::Component>> ComponentsOf(Context& ctx, const catalog::Snapshot& snap,
                                                        const std::string& code, int version) {
  const auto* current = snap.catalog().FindProcedure(cat::ProcedureCode{code});
  if (current && current->version == version) return current->components;
  std::string text;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kProcedureVersion, {code, static_cast<std::int64_t>(version)});
    if (!row) return std::nullopt;
    text = row->Text(0);
  }
  auto files = catalog::Export(ctx);
  if (!files) return std::nullopt;
  std::vector<cat::SourceFile> rest;
  for (auto& f : *files) {
    if (f.path == "workflows.yaml") continue;
    if (f.path == "procedures/" + code + ".yaml") f.text = text;
    rest.push_back(std::move(f));
  }
  auto loaded = cat::Load(rest);
  if (!loaded.ok()) {
    Log(LogLevel::kWarn, "cannot load a published procedure version", {{"procedure", code}, {"version", version}});
    return std::nullopt;
  }
  const auto* p = loaded.catalog->FindProcedure(cat::ProcedureCode{code});
  if (!p) return std::nullopt;
  return p->components;
}

void AuditPaper(store::Transaction& tx, Context& ctx, const core::access::Principal& who, const std::string& request_id,
                const std::string& action, std::int64_t dossier_id, json detail) {
  audit::Event e;
  if (who.user_id) e.actor_id = who.user_id;
  e.actor_role = who.MainRole();
  e.action = action;
  e.object_type = "dossier";
  e.object_id = std::to_string(dossier_id);
  e.request_id = request_id;
  e.detail = std::move(detail);
  audit::Record(tx, ctx.clock, e);
}

}  // namespace

std::string StorePath(const std::string& data_dir, const std::string& sha256) {
  return (fs::path(data_dir) / "papers" / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256).string();
}

// ---- Upload ------------------------------------------------------------------------------------

core::Result<std::unique_ptr<Upload>> Upload::Begin(Context& ctx, const Caller& caller, std::int64_t dossier_id) {
  if (!caller.principal) return Unauthorized();
  if (!IsApplicant(caller.principal)) return Forbidden();
  if (ctx.data_dir.empty()) return core::Error::Internal("no data folder (MOTCUA_DATA_DIR) configured");
  std::string procedure;
  std::string status;
  int version = 0;
  long long used = 0;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kDossier, {dossier_id});
    if (!row || row->Int(0) != caller.principal->user_id) return NotFound();
    status = row->Text(1);
    if (!TakesPapers(status)) return NotTakingPapers();
    procedure = row->Text(2);
    version = static_cast<int>(row->Int(3));
    used = tx->QueryOne(kDossierSize, {dossier_id})->Int(0);
  }
  auto snap = catalog::Current(ctx);
  // A draft is submitted with the current version (its components are numbered so); a dossier
  // that was submitted keeps the version frozen then.
  std::optional<std::vector<cat::Component>> components;
  if (status == "draft") {
    if (const auto* p = snap->catalog().FindProcedure(cat::ProcedureCode{procedure})) components = p->components;
  } else {
    components = ComponentsOf(ctx, *snap, procedure, version);
  }
  if (!components || components->empty())
    return core::Error::Make(core::errc::kConflict, "Thủ tục này không có thành phần hồ sơ để đính kèm.",
                             "This procedure has no components to attach papers to.");
  if (used >= dp::kDossierMaxBytes) return DossierTooLarge();

  std::unique_ptr<Upload> up(new Upload());
  up->ctx_ = &ctx;
  up->principal_ = *caller.principal;
  up->request_id_ = caller.request_id;
  up->dossier_id_ = dossier_id;
  up->components_ = std::move(*components);
  up->dossier_budget_ = dp::kDossierMaxBytes - used;
  const fs::path tmp = fs::path(ctx.data_dir) / "tmp";
  std::error_code ec;
  fs::create_directories(tmp, ec);
  if (ec) return core::Error::Internal("cannot create " + tmp.string() + ": " + ec.message());
  std::string pattern = (tmp / "upload-XXXXXX").string();
  up->fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (up->fd_ < 0) return core::Error::Internal("cannot create a temporary file: " + std::string(std::strerror(errno)));
  up->temp_path_ = pattern;
  up->hash_ = std::make_unique<Hash>();
  crypto_hash_sha256_init(&up->hash_->state);
  return up;
}

Upload::~Upload() { Discard(); }

void Upload::Discard() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

std::optional<core::Error> Upload::SetComponent(std::string_view number) {
  auto index = dp::ComponentIndex(number, components_.size());
  if (!index)
    return Invalid("component", number.empty() ? "required" : "unknown_value",
                   "Thành phần hồ sơ không hợp lệ (từ 1 đến " + std::to_string(components_.size()) + ").",
                   "Not a component of this dossier (1 to " + std::to_string(components_.size()) + ").");
  if (component_ && *component_ != *index)
    return Invalid("component", "invalid_format", "Chỉ gửi một thành phần hồ sơ mỗi lần.",
                   "Send one component per request.");
  component_ = index;
  return TooLarge();
}

std::optional<core::Error> Upload::StartFile(std::string_view client_name) {
  if (file_started_) return Invalid("file", "invalid_format", "Chỉ gửi một tệp mỗi lần.", "Send one file per request.");
  file_started_ = true;
  name_ = dp::SanitizeFileName(client_name);
  return std::nullopt;
}

// The limit that applies now: the component's when known, else the largest of any component;
// and the dossier's budget.
std::optional<core::Error> Upload::TooLarge() const {
  long long paper_limit = 0;
  if (component_) {
    paper_limit = dp::MaxPaperBytes(components_[*component_]);
  } else {
    for (const auto& c : components_) paper_limit = std::max(paper_limit, dp::MaxPaperBytes(c));
  }
  if (size_ > paper_limit) return FileTooLarge(paper_limit);
  if (size_ > dossier_budget_) return DossierTooLarge();
  return std::nullopt;
}

std::optional<core::Error> Upload::Write(std::string_view bytes) {
  if (fd_ < 0) return core::Error::Internal("upload already closed");
  size_ += static_cast<long long>(bytes.size());
  if (auto e = TooLarge()) {
    Discard();  // stop at once: nothing of a refused file stays on disk
    return e;
  }
  crypto_hash_sha256_update(&hash_->state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  while (!bytes.empty()) {
    const auto n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      Discard();
      return core::Error::Internal("cannot write an upload: " + why);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return std::nullopt;
}

core::Result<Paper> Upload::Finish() {
  if (fd_ < 0) return core::Error::Internal("upload already closed");
  core::Error missing =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  if (!component_)
    missing.fields["component"] = {"required", "Cần chọn thành phần hồ sơ.", "The component is required."};
  if (!file_started_)
    missing.fields["file"] = {"required", "Cần chọn tệp đính kèm.", "A file is required."};
  else if (size_ == 0)
    missing.fields["file"] = {"empty", "Tệp rỗng.", "The file is empty."};
  if (!missing.fields.empty()) return missing;
  if (auto e = TooLarge()) return *e;
  const auto& component = components_[*component_];

  if (::fsync(fd_) != 0) return core::Error::Internal("cannot sync an upload: " + std::string(std::strerror(errno)));
  const std::string mime = Sniff(temp_path_);
  if (!dp::AcceptsMime(component, mime)) {
    auto e = core::Error::Make(
        "file_type_not_allowed",
        "Loại tệp không được chấp nhận cho thành phần này. Chấp nhận: " + TypesList(component) + ".",
        "This kind of file is not accepted for this component. Accepted: " + TypesList(component) + ".",
        "sniffed " + mime);
    e.fields["file"] = {"file_type_not_allowed", e.message, e.message_en};
    return e;
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash_->state, digest);
  const std::string sha = Hex(digest, sizeof digest);
  const fs::path target = StorePath(ctx_->data_dir, sha);

  Context& ctx = *ctx_;
  const auto now = core::FormatInstant(ctx.clock.Now());
  bool placed = false;
  try {
    auto tx = ctx.db.Begin();
    if (tx->Execute(kTouch, {now, dossier_id_, static_cast<std::int64_t>(principal_.user_id)}) != 1) {
      auto row = tx->QueryOne(kDossier, {dossier_id_});
      if (!row || row->Int(0) != principal_.user_id) return NotFound();
      return NotTakingPapers();
    }
    if (tx->QueryOne(kDossierSize, {dossier_id_})->Int(0) + size_ > dp::kDossierMaxBytes) return DossierTooLarge();
    LockContent(*tx, sha);
    std::error_code ec;
    if (!fs::exists(target, ec)) {
      fs::create_directories(target.parent_path(), ec);
      if (ec) throw std::runtime_error("cannot create " + target.parent_path().string() + ": " + ec.message());
      // A hard link: the temporary file stays ours to remove, the stored one appears whole or not at all.
      if (::link(temp_path_.c_str(), target.c_str()) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot store a paper: " + std::string(std::strerror(errno)));
      placed = true;
      SyncDirectory(target.parent_path());
    }
    auto row = tx->QueryOne(
        kInsert, {dossier_id_, static_cast<std::int64_t>(*component_ + 1), name_, mime,
                  static_cast<std::int64_t>(size_), sha, now, static_cast<std::int64_t>(principal_.user_id)});
    Paper paper = FromRow(*row);
    AuditPaper(*tx, ctx, principal_, request_id_, "dossier.document_upload", dossier_id_,
               {{"document", paper.id},
                {"component", paper.component},
                {"size", paper.size},
                {"sha256", sha},
                {"content_type", mime}});
    tx->Commit();
    finished_ = true;
    Discard();
    return paper;
  } catch (...) {
    if (placed) ReleaseContent(ctx, sha);
    throw;
  }
}

// ---- reading and deleting -----------------------------------------------------------------------

std::vector<Paper> ListOf(Context& ctx, std::int64_t dossier_id) {
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  std::vector<Paper> out;
  for (const auto& r : tx->Query(kList, {dossier_id})) out.push_back(FromRow(r));
  return out;
}

core::Result<std::vector<Paper>> List(Context& ctx, const Caller& caller, std::int64_t dossier_id) {
  auto d = dossiers::Get(ctx, caller, dossier_id);
  if (!d) return std::move(d).error();
  return ListOf(ctx, dossier_id);
}

core::Result<Download> Open(Context& ctx, const Caller& caller, std::int64_t dossier_id, std::int64_t paper_id) {
  auto d = dossiers::Get(ctx, caller, dossier_id);
  if (!d) return std::move(d).error();
  std::optional<store::Row> row;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    row = tx->QueryOne(kGet, {paper_id, dossier_id});
  }
  if (!row) return NotFound();
  Download out{FromRow(*row), {}};
  out.path = StorePath(ctx.data_dir, out.paper.sha256);
  std::error_code ec;
  if (!fs::exists(out.path, ec)) return core::Error::Internal("stored paper missing: " + out.paper.sha256);
  return out;
}

std::optional<core::Error> Delete(Context& ctx, const Caller& caller, std::int64_t dossier_id, std::int64_t paper_id) {
  if (!caller.principal) return Unauthorized();
  if (!IsApplicant(caller.principal)) return Forbidden();
  std::string sha;
  {
    auto tx = ctx.db.Begin();
    auto d = tx->QueryOne(kDossier, {dossier_id});
    if (!d || d->Int(0) != caller.principal->user_id) return NotFound();
    auto row = tx->QueryOne(kGet, {paper_id, dossier_id});
    if (!row) return NotFound();
    if (!TakesPapers(d->Text(1)) || tx->Execute(kTouch, {core::FormatInstant(ctx.clock.Now()), dossier_id,
                                                         static_cast<std::int64_t>(caller.principal->user_id)}) != 1)
      return NotTakingPapers();
    auto paper = FromRow(*row);
    sha = paper.sha256;
    tx->Execute(kDelete, {paper_id});
    AuditPaper(*tx, ctx, *caller.principal, caller.request_id, "dossier.document_delete", dossier_id,
               {{"document", paper_id}, {"component", paper.component}, {"sha256", sha}});
    tx->Commit();
  }
  ReleaseContent(ctx, sha);
  return std::nullopt;
}

std::map<std::string, core::FieldError> MissingRequired(store::Transaction& tx, const cat::Procedure& procedure,
                                                        std::int64_t dossier_id) {
  std::set<std::int64_t> present;
  for (const auto& r : tx.Query(kComponentsPresent, {dossier_id})) present.insert(r.Int(0));
  std::map<std::string, core::FieldError> out;
  for (std::size_t i = 0; i < procedure.components.size(); ++i) {
    const auto& c = procedure.components[i];
    const auto number = static_cast<std::int64_t>(i + 1);
    if (c.required && !present.count(number))
      out["documents." + std::to_string(number)] = {"required", "Cần đính kèm: " + c.name + ".",
                                                    "This paper is required: " + c.name + "."};
  }
  return out;
}

// ---- purge --------------------------------------------------------------------------------------

core::Result<PurgeReport> Purge(Context& ctx, std::chrono::hours draft_idle) {
  PurgeReport report;
  const auto now = ctx.clock.Now();
  const std::string paper_cutoff = core::FormatInstant(now - kPaperLifetimeOnDraft);
  const std::string draft_cutoff = core::FormatInstant(now - draft_idle);
  std::set<std::string> released;
  for (;;) {
    auto tx = ctx.db.Begin();
    auto stale = tx->Query(kStaleDraftPapers, {paper_cutoff, std::int64_t{kPurgeBatch}});
    auto idle = tx->Query(kIdleDrafts, {draft_cutoff, std::int64_t{kPurgeBatch}});
    if (stale.empty() && idle.empty()) break;
    int papers = 0;
    json drafts = json::array();
    for (const auto& r : stale) {
      released.insert(r.Text(1));
      papers += static_cast<int>(tx->Execute(kDelete, {r.Int(0)}));
    }
    const auto& lock = tx->dialect() == store::Dialect::kPostgres ? kLockIdleDraftPostgres : kLockIdleDraftSqlite;
    for (const auto& r : idle) {
      const auto id = r.Int(0);
      if (!tx->QueryOne(lock, {id, draft_cutoff})) continue;  // touched meanwhile
      for (const auto& p : tx->Query(kPapersOf, {id})) released.insert(p.Text(0));
      papers += static_cast<int>(tx->Execute(kDeletePapersOf, {id}));
      tx->Execute(kDeleteEventsOf, {id});
      if (tx->Execute(kDeleteDraft, {id}) == 1) drafts.push_back(id);
    }
    audit::Event e;
    e.actor_role = "system";
    e.action = "dossier.purge";
    e.object_type = "dossier";
    e.detail = {{"papers", papers},
                {"drafts", drafts},
                {"papers_uploaded_before", paper_cutoff},
                {"drafts_idle_since", draft_cutoff}};
    audit::Record(*tx, ctx.clock, e);
    tx->Commit();
    report.papers += papers;
    report.drafts += static_cast<int>(drafts.size());
  }
  for (const auto& sha : released)
    if (ReleaseContent(ctx, sha)) ++report.files;

  // Temporary files of uploads interrupted by a crash (a live upload's is minutes old). Their age is
  // the file system's: they belong to this machine's real time, not to the dossiers' clock.
  const fs::path tmp = fs::path(ctx.data_dir) / "tmp";
  std::error_code ec;
  if (!ctx.data_dir.empty() && fs::is_directory(tmp, ec)) {
    const auto limit = fs::file_time_type::clock::now() - kTempLifetime;
    for (const auto& entry : fs::directory_iterator(tmp, ec)) {
      std::error_code e2;
      if (entry.is_regular_file(e2) && entry.last_write_time(e2) < limit && fs::remove(entry.path(), e2))
        ++report.temp_files;
    }
  }
  return report;
}

}  // namespace motcua::services::papers
