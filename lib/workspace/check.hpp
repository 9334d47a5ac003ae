// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "config/diagnostics.hpp"
#include "core/dates.hpp"
#include "present/document.hpp"

namespace kangle::workspace {

/// Every problem in every config file and in the database of the workspace at `root`,
/// sorted by file and position. Reads only: the database is opened read-only. Given
/// `today`, also a warning for each year of this month and the next without its
/// holidays/YEAR.toml (provisional: statutory holidays only, make-up workdays unknown).
std::vector<config::Diagnostic> check_workspace(const std::filesystem::path& root,
                                                std::optional<Date> today = std::nullopt);

/// `kangle check`'s `problems` (of the workspace at `root`) in `lang`: a row each, as editors
/// read it (`file:line:column: message`) and, for scripts, its file, line, column, severity
/// (`error`, `warning`), code (the message's stable name: `toml_unknown_key`) and message;
/// the count of errors and warnings as facts.
present::Document check_document(const std::vector<config::Diagnostic>& problems, const std::filesystem::path& root,
                                 Lang lang);

}  // namespace kangle::workspace
