// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <map>

namespace kangle::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "Make a workspace (optionally from a bundled example)", Needs::nothing, define_init},
      {"check", "Check every config file and the database; list every problem", Needs::workspace, define_check},
      {"status", "Show what the workspace holds: kiosks, menus, catalogue, holidays", Needs::workspace, define_status},
      {"import", "Import a spreadsheet (xlsx, csv) of volunteers", Needs::database, define_import},
      {"volunteers", "List and show the volunteers", Needs::database, define_volunteers},
      {"schedule", "Build, show and explain the monthly rota", Needs::database, define_schedule},
  };
  return table;
}

void add_format_option(CLI::App& command, Format& format, bool with_csv) {
  std::map<std::string, Format> names = {{"text", Format::text}, {"json", Format::json}};
  if (with_csv) names.emplace("csv", Format::csv);
  command.add_option("--format", format, with_csv ? "Output format: text, json or csv" : "Output format: text or json")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
      ->type_name(with_csv ? "text|json|csv" : "text|json");
}

void add_reveal_option(CLI::App& command, bool& reveal) {
  command.add_flag("--reveal", reveal, "Show phone and ID numbers in full (they are masked by default)");
}

}  // namespace kangle::cli
