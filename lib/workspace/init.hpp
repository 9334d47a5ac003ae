// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "present/document.hpp"

namespace kangle::workspace {

struct InitOptions {
  std::filesystem::path dir;
  std::optional<std::string> example;  ///< a bundled example, e.g. `kangjian`
  std::optional<Lang> language;        ///< default: the example's, else zh-CN
  /// Also the two sheets a new street fills in (the stations table, the sign-up sheet).
  bool with_templates = false;
};

struct InitResult {
  std::filesystem::path dir;
  std::vector<std::string> files;  ///< written, relative to `dir`
};

/// Makes a workspace in `dir` (created when missing) from the shipped config and, if
/// asked, a bundled example. Refuses with WorkspaceError when `dir` already holds
/// kangle.toml; writes that marker last, so an interrupted init can simply be re-run.
InitResult init_workspace(const InitOptions& options);

/// `kangle init`: makes the workspace and says what it wrote (`init`; facts `dir` and
/// `files`). A workspace made empty also gets the three commands that fill it from the
/// coordinator's own sheets and build the month after `today`'s (fact `next_steps`):
/// with templates, the sheets written into the workspace.
present::Document init_document(const InitOptions& options, const Date& today, Lang lang);

}  // namespace kangle::workspace
