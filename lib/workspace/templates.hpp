// SPDX-License-Identifier: Apache-2.0
// `kangle init --template`: the two sheets a new street fills in, the stations table and
// the volunteers' sign-up sheet, each with a sheet saying how to fill every column.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "present/document.hpp"

namespace kangle::workspace {

/// The template of the stations table (`import kiosks` reads it as it is) and of the
/// sign-up sheet (`import volunteers`), in `lang`: a sheet of headers under a note, then
/// a sheet of the columns with how to fill each and an example.
present::Document stations_template(Lang lang);
present::Document signups_template(Lang lang);

/// The file names of the two templates, in every language: the names the coordinators'
/// own sheets go by, which `init` names in its next steps.
inline constexpr const char* stations_template_file = "站点表.xlsx";
inline constexpr const char* signups_template_file = "报名表.xlsx";

/// Writes both templates into `dir` as XLSX; their names, relative to `dir`.
std::vector<std::string> write_templates(const std::filesystem::path& dir, Lang lang);

}  // namespace kangle::workspace
