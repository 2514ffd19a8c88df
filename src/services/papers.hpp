// Papers (giấy tờ) of a dossier: uploads streamed to a temporary file while hashed, checked by
// content (libmagic) against the component's file types, kept once per content in the data
// folder's store (papers/<ab>/<cd>/<sha256>), listed, downloaded, deleted, and purged when a
// draft's upload was never submitted.
//
// The data folder (Context::data_dir):
//   tmp/                       uploads in progress (upload-XXXXXX); removed when refused or aborted
//   papers/ab/cd/<sha256>      one file per distinct content, shared by every row that has it
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/roles.hpp"
#include "core/catalog/model.hpp"
#include "core/common/error.hpp"
#include "core/common/result.hpp"
#include "services/accounts.hpp"
#include "services/context.hpp"

namespace motcua::services::papers {

using Caller = accounts::Caller;

struct Paper {
  std::int64_t id = 0;
  std::int64_t dossier_id = 0;
  int component = 0;  // 1-based
  std::string name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string uploaded_at;
  std::int64_t uploaded_by = 0;
};

// One file being received. Begin() checks the caller and the dossier before a byte is read;
// Write() takes the file's bytes as they come (to a temporary file, hashed on the way) and refuses
// as soon as a limit is passed; Finish() checks the content's type and records the paper.
// Destroying an Upload that did not finish removes its temporary file.
class Upload {
 public:
  // The owner of a dossier in `draft` or `awaiting_supplement`: else not_found (not the owner, or
  // no such dossier), forbidden (not an applicant) or conflict (a state that takes no papers).
  static core::Result<std::unique_ptr<Upload>> Begin(Context& ctx, const Caller& caller, std::int64_t dossier_id);
  ~Upload();
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;

  // The component number ("1", "2", …). When it comes before the file, the component's limit
  // applies while the bytes arrive; otherwise the largest limit does, and the component's at the end.
  std::optional<core::Error> SetComponent(std::string_view number);
  // The file part begins: its name as the client gave it. A second file → validation_failed.
  std::optional<core::Error> StartFile(std::string_view client_name);
  std::optional<core::Error> Write(std::string_view bytes);
  core::Result<Paper> Finish();

 private:
  Upload() = default;
  std::optional<core::Error> TooLarge() const;
  void Discard();

  Context* ctx_ = nullptr;
  core::access::Principal principal_;
  std::string request_id_;
  std::int64_t dossier_id_ = 0;
  std::vector<core::catalog::Component> components_;
  std::optional<std::size_t> component_;  // 0-based
  long long dossier_budget_ = 0;          // bytes the dossier may still take
  bool file_started_ = false;
  std::string name_;
  std::string temp_path_;
  int fd_ = -1;
  long long size_ = 0;
  struct Hash;
  std::unique_ptr<Hash> hash_;
  bool finished_ = false;
};

// The dossier's papers, for the owner or an officer who may see the dossier (the rule of
// dossiers::Get); anyone else gets not_found.
core::Result<std::vector<Paper>> List(Context& ctx, const Caller& caller, std::int64_t dossier_id);
// The papers of a dossier the caller was already allowed to see.
std::vector<Paper> ListOf(Context& ctx, std::int64_t dossier_id);

struct Download {
  Paper paper;
  std::string path;  // the stored file
};
core::Result<Download> Open(Context& ctx, const Caller& caller, std::int64_t dossier_id, std::int64_t paper_id);

// The owner removes a paper while the dossier takes papers (draft, awaiting_supplement).
std::optional<core::Error> Delete(Context& ctx, const Caller& caller, std::int64_t dossier_id, std::int64_t paper_id);

// Required components of `procedure` without a paper on the dossier: "documents.<n>" → required.
std::map<std::string, core::FieldError> MissingRequired(store::Transaction& tx,
                                                        const core::catalog::Procedure& procedure,
                                                        std::int64_t dossier_id);

struct PurgeReport {
  int papers = 0;      // rows removed (of drafts' papers older than a day, and of idle drafts)
  int drafts = 0;      // idle drafts removed
  int files = 0;       // stored files removed (no row referenced them any more)
  int temp_files = 0;  // leftovers of interrupted uploads
};
// Removes papers uploaded to drafts more than a day ago, drafts not touched for `draft_idle`
// (with their papers and timeline), stored files no row references any more, and temporary files
// older than a day. One audit event when anything was removed.
core::Result<PurgeReport> Purge(Context& ctx, std::chrono::hours draft_idle);

// Where the store keeps content with this hash.
std::string StorePath(const std::string& data_dir, const std::string& sha256);

}  // namespace motcua::services::papers
