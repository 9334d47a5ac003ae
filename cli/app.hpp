// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "help_text.hpp"

namespace kangle::cli {

/// kangle's command line as CLI11 parses it: the global options, a subcommand per
/// entry of the command table, `help [CMD [SUB]] [--man]`; help shown by `formatter`.
/// Its options are bound to its members: it stays where it was made.
struct KangleApp {
  KangleApp();
  KangleApp(const KangleApp&) = delete;
  KangleApp& operator=(const KangleApp&) = delete;

  CLI::App app;
  std::shared_ptr<HelpFormatter> formatter = std::make_shared<HelpFormatter>();
  GlobalOptions globals;
  std::vector<Action> actions;         ///< one for each entry of command_table()
  std::vector<CLI::App*> commands;     ///< likewise
  CLI::App* help = nullptr;
  std::vector<std::string> help_topic;  ///< `help schedule build`: {"schedule", "build"}
  bool man = false;

  /// The command `path` names (kangle itself for none), or null.
  const CLI::App* find(const std::vector<std::string>& path) const;
  /// The deepest command the command line named (kangle itself for none): the one
  /// whose help `--help` shows and whose options a parse error is about.
  const CLI::App& chosen() const;
};

}  // namespace kangle::cli
