// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/normalize.hpp"
#include "people/store.hpp"

namespace kangle::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "Make a workspace (optionally from a bundled example)", Needs::nothing, define_init},
      {"check", "Check every config file and the database; list every problem", Needs::workspace, define_check},
      {"status", "Show what the workspace holds: kiosks, menus, catalogue, holidays", Needs::workspace, define_status},
      {"import", "Import a spreadsheet (xlsx, csv) of volunteers, needs or resources", Needs::database, define_import},
      {"volunteers", "List and show the volunteers", Needs::database, define_volunteers},
      {"match", "List the needs and resources (需求清单, 资源清单) that matching pairs up", Needs::database, define_match},
      {"schedule", "Build, show and explain the monthly rota", Needs::database, define_schedule},
      {"completion", "Print a bash or zsh completion script (try: source <(kangle completion bash))", Needs::nothing,
       define_completion},
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

std::int64_t find_volunteer(Context& context, const std::string& who) {
  people::Store store(context.database->sql());
  if (auto phone = import::normalize_phone(who)) {
    if (auto v = store.find_by_phone(*phone)) return v->id;
  }
  auto found = store.find_by_name(import::clean(who));
  if (found.empty()) throw InputError(tr(Msg::volunteer_not_found, who));
  if (found.size() > 1) throw InputError(tr(Msg::volunteer_ambiguous, found.size(), who));
  return found.front().id;
}

void add_reveal_option(CLI::App& command, bool& reveal) {
  command.add_flag("--reveal", reveal, "Show phone and ID numbers in full (they are masked by default)");
}

}  // namespace kangle::cli
