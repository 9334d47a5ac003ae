// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace CLI {
class App;
}

namespace kangle::cli {

/// What the value of an option or argument can be, for completion.
/// kiosk, person and month are the workspace's own values (`kangle __complete`).
enum class ValueKind { none, free, choice, file, folder, kiosk, person, month };

/// One option or positional argument, as help, completion and the man page show it.
struct OptionInfo {
  std::vector<std::string> names;    ///< "-w", "--workspace"; empty for a positional argument
  std::string name;                  ///< a positional's name ("file"), else the first long name without dashes
  std::string type;                  ///< its value as help shows it: "TEXT", "FILE", "text|json|csv"; empty for a flag
  std::string description;
  ValueKind value = ValueKind::none;
  std::vector<std::string> choices;  ///< the values it takes, for ValueKind::choice
  bool required = false;
  bool repeatable = false;
};

/// A command: kangle itself, a subcommand (`schedule`) or a sub-subcommand (`schedule show`).
struct CommandInfo {
  std::vector<std::string> path;  ///< the words after `kangle`: {} for kangle itself, {"schedule", "show"}
  std::string summary;
  std::vector<OptionInfo> options;
  std::vector<OptionInfo> positionals;
  std::vector<CommandInfo> commands;
};

/// The command tree under `app` as it is defined, hidden options and commands left out.
/// An option's values come from its type name: `a|b|c` (or a CLI::IsMember check) is a
/// choice, `FILE` a file, `DIR` a folder; anything else is free text.
CommandInfo describe(const CLI::App& app);

/// Splits `type` (as CLI::Option::get_type_name gives it) into what OptionInfo holds.
void classify_value(const std::string& type, OptionInfo& option);

/// `path` as one string, words separated by `separator`: "schedule show".
std::string join_path(const std::vector<std::string>& path, std::string_view separator = " ");

/// Every command of the tree, `root` first, each before its subcommands.
std::vector<const CommandInfo*> flatten(const CommandInfo& root);

/// The bash completion script: functions and `complete -F _kangle kangle`.
std::string bash_completion(const CommandInfo& root);

/// The zsh completion script: `#compdef kangle`, autoloaded from fpath or sourced.
std::string zsh_completion(const CommandInfo& root);

/// The manual page kangle.1 in roff (man macros), in `lang`.
std::string man_page(const CommandInfo& root, std::string_view version, Lang lang);

}  // namespace kangle::cli
