// The names people read for workflow actions (buttons, timeline, control sheet), Vietnamese and
// English. An action of workflows.yaml without a label here is shown by its name.
#pragma once

#include <string_view>

namespace motcua::core::workflow {

std::string_view ActionLabel(std::string_view action);    // Vietnamese
std::string_view ActionLabelEn(std::string_view action);  // English

}  // namespace motcua::core::workflow
