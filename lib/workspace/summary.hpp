// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>

#include "config/model.hpp"
#include "present/document.hpp"

namespace kangle::workspace {

/// What a workspace holds, for `kangle status`.
struct Summary {
  std::filesystem::path root;
  config::Config config;
  std::optional<int> schema_version;  ///< nothing when the database does not exist yet
  std::string database;               ///< where it is, as shown: kangle.db in the workspace, a file, a URL
};

/// The workspace at `root`; throws InputError when its config has errors.
Summary summarize(const std::filesystem::path& root);

/// `kangle status` in `lang`: the workspace, its language, database, catalogue and holidays (lines,
/// and their figures as facts), then a section per kiosk: its address, and a row per
/// opening hours, equipment, menu entry of each cadence and closure.
present::Document status_document(const Summary& summary, Lang lang);

}  // namespace kangle::workspace
