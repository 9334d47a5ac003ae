// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "config/diagnostics.hpp"
#include "core/dates.hpp"

namespace kangle::workspace {

/// Every problem in every config file and in the database of the workspace at `root`,
/// sorted by file and position. Reads only: the database is opened read-only. Given
/// `today`, also a warning for each year of this month and the next without its
/// holidays/YEAR.toml (provisional: statutory holidays only, make-up workdays unknown).
std::vector<config::Diagnostic> check_workspace(const std::filesystem::path& root,
                                                std::optional<Date> today = std::nullopt);

}  // namespace kangle::workspace
