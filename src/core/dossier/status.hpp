// The states of a dossier as applicants and officers name them (Vietnamese and English labels).
#pragma once

#include <optional>
#include <string_view>

namespace motcua::core::dossier {

enum class Status {
  kDraft,      // bản nháp: being filled in by the applicant, no code yet
  kSubmitted,  // đã nộp: has a code, waits for the one-stop section to receive it
  kWithdrawn,  // đã rút: the applicant withdrew it before it was received
  kReceived,   // đã tiếp nhận: registered by the one-stop section (the workflow issue)
};

std::string_view ToString(Status status);  // "draft", "submitted", …
std::optional<Status> StatusFromString(std::string_view name);
std::string_view Label(Status status);  // Vietnamese
std::string_view LabelEn(Status status);

// Labels of any dossier status: "draft" and every workflow state name of catalog workflows.yaml
// (submitted, received, assigned, …). An unknown name is its own label.
std::string_view StateLabel(std::string_view state);  // Vietnamese
std::string_view StateLabelEn(std::string_view state);

}  // namespace motcua::core::dossier
