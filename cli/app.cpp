// SPDX-License-Identifier: Apache-2.0
// kangle's command line: global options, the command table, help.
#include "app.hpp"

#include "commands.hpp"
#include "core/i18n.hpp"
#include "kangle/version.hpp"

namespace kangle::cli {

KangleApp::KangleApp() : app("kangle (康乐): the back office of neighbourhood service kiosks", "kangle") {
  app.formatter(formatter);  // before the subcommands, which take their parent's
  app.set_version_flag("--version", std::string("kangle ") + kangle::version);
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.add_option("-w,--workspace", globals.workspace, "Workspace folder (default: found from the current folder, or KANGLE_WORKSPACE)")
      ->type_name("DIR");
  app.add_option("--db", globals.db,
                 "The workspace's database: a postgresql:// URL or a SQLite file (default: KANGLE_DB, else kangle.toml's "
                 "[database] url, else kangle.db)")
      ->type_name("URL|FILE");
  app.add_option("--lang", globals.lang, "Language of messages and outputs: zh-CN or en (or KANGLE_LANG)")
      ->type_name("zh-CN|en")
      ->check([](const std::string& v) { return parse_lang(v) ? std::string() : "expected zh-CN or en"; });
  app.add_option("--color", globals.color, "Colour in error messages: auto (on a terminal, unless NO_COLOR), always, never")
      ->type_name("auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  const auto& table = command_table();
  actions.resize(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto* sub = app.add_subcommand(table[i].name, table[i].summary);
    table[i].define(*sub, actions[i]);
    commands.push_back(sub);
  }
  help = app.add_subcommand("help", "Show help for kangle or for one command");
  help->add_option("command", help_topic, "The command and its subcommand")->expected(0, 2);
  help->add_flag("--man", man, "Print the manual page kangle.1 (roff) instead");
}

const CLI::App* KangleApp::find(const std::vector<std::string>& path) const {
  const CLI::App* found = &app;
  for (const auto& word : path) {
    auto subs = found->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == word && !sub->get_group().empty(); });
    if (subs.empty()) return nullptr;
    found = subs.front();
  }
  return found;
}

const CLI::App& KangleApp::chosen() const {
  const CLI::App* chosen = &app;
  while (true) {
    auto parsed = chosen->get_subcommands();  // those the command line named, as CLI11's help() reads them
    if (parsed.empty()) return *chosen;
    chosen = parsed.front();
  }
}

}  // namespace kangle::cli
