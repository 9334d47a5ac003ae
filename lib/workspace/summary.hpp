// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>

#include "config/model.hpp"

namespace kangle::workspace {

/// What a workspace holds, for `kangle status`.
struct Summary {
  std::filesystem::path root;
  config::Config config;
  std::optional<int> schema_version;  ///< nothing when kangle.db does not exist yet
};

/// The workspace at `root`; throws InputError when its config has errors.
Summary summarize(const std::filesystem::path& root);

}  // namespace kangle::workspace
