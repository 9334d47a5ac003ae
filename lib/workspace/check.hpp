// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <vector>

#include "config/diagnostics.hpp"

namespace kangle::workspace {

/// Every problem in every config file and in the database of the workspace at `root`,
/// sorted by file and position. Reads only: the database is opened read-only.
std::vector<config::Diagnostic> check_workspace(const std::filesystem::path& root);

}  // namespace kangle::workspace
