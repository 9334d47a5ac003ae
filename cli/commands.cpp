// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <map>

namespace kangle::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "Make a workspace (optionally from a bundled example)", Needs::nothing, define_init},
      {"check", "Check every config file and the database; list every problem", Needs::workspace, define_check},
      {"status", "Show what the workspace holds: kiosks, menus, catalogue, holidays", Needs::workspace, define_status},
  };
  return table;
}

void add_format_option(CLI::App& command, Format& format) {
  static const std::map<std::string, Format> names = {{"text", Format::text}, {"json", Format::json}};
  command.add_option("--format", format, "Output format: text or json")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
      ->type_name("text|json");
}

}  // namespace kangle::cli
