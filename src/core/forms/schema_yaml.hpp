// Reading a form schema from the catalog's YAML (with every problem located) and writing it back in
// canonical form.
#pragma once

#include <yaml-cpp/yaml.h>

#include "core/forms/schema.hpp"
#include "core/text/yaml_reader.hpp"
#include "core/text/yaml_writer.hpp"

namespace motcua::core::forms {

// Reads the `form:` list. Problems (unknown keys or types, choices without options, show_if
// pointing at a missing field, ...) are appended to `problems`; the returned schema is only
// meaningful when none were added.
Schema ParseSchema(const YAML::Node& list, text::LineProblems& problems);

// The `form:` list in canonical form (keys in FORMAT.md order, empty values left out).
text::YamlNode EmitSchema(const Schema& schema);

}  // namespace motcua::core::forms
