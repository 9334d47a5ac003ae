// SPDX-License-Identifier: Apache-2.0
// The kangle binary: global options, the command table, plugins, errors and exit codes.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "command.hpp"
#include "config/loader.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "describe.hpp"
#include "kangle/version.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

namespace fs = std::filesystem;
using namespace kangle;
using namespace kangle::cli;

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::optional<fs::path> as_path(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return fs::path(*s);
}

/// The language of what this run says, its errors included: chosen as soon as the
/// command line is read, again once the workspace is known.
Lang run_language = Lang::zh_CN;

/// `--lang`, else KANGLE_LANG, else the workspace's language, else Chinese.
Lang choose_language(const GlobalOptions& globals, const fs::path& workspace) {
  std::optional<Lang> lang;
  if (globals.lang) lang = parse_lang(*globals.lang);
  if (!lang) if (auto v = env("KANGLE_LANG")) lang = parse_lang(*v);
  if (!lang && !workspace.empty()) lang = config::peek_language(workspace);
  run_language = lang.value_or(Lang::zh_CN);
  return run_language;
}

fs::path find_workspace(const GlobalOptions& globals) {
  return workspace::find_workspace(fs::current_path(), as_path(globals.workspace), as_path(env("KANGLE_WORKSPACE")));
}

std::string current_timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// The first argument that is not a global option: the command's name.
std::optional<std::string> command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-w" || arg == "--workspace" || arg == "--lang" || arg == "--color") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    return std::string(arg);
  }
  return std::nullopt;
}

/// `kangle NAME ARGS` for an unknown NAME: runs `kangle-NAME` from the workspace's
/// plugins/ or from PATH (never the current folder unless PATH says so), with
/// KANGLE_WORKSPACE set; returns only when there is no such plugin.
void run_plugin_if_any(const std::string& name, int argc, char** argv, const GlobalOptions& globals) {
  std::string program = "kangle-" + name;
  std::vector<fs::path> candidates;
  fs::path workspace;
  try {
    workspace = find_workspace(globals);
    candidates.push_back(workspace / "plugins" / program);
  } catch (const Error&) {
    // outside a workspace, plugins from PATH still run
  }
  if (auto path = env("PATH")) {
    std::string_view rest = *path;
    while (true) {
      auto colon = rest.find(':');
      auto dir = rest.substr(0, colon);
      if (!dir.empty()) candidates.push_back(fs::path(dir) / program);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const auto& candidate : candidates) {
    if (::access(candidate.c_str(), X_OK) != 0 || fs::is_directory(candidate)) continue;
    std::vector<char*> args{const_cast<char*>(candidate.c_str())};
    bool after_name = false;
    for (int i = 1; i < argc; ++i) {
      if (!after_name && argv[i] == name) {
        after_name = true;
        continue;
      }
      if (after_name) args.push_back(argv[i]);
    }
    args.push_back(nullptr);
    if (!workspace.empty()) ::setenv("KANGLE_WORKSPACE", workspace.c_str(), 1);
    std::fflush(stdout);
    ::execv(candidate.c_str(), args.data());
    throw Error(Message(Msg::plugin_failed, candidate.string(), std::strerror(errno)), ExitCode::internal);
  }
}

std::vector<std::string> command_names() {
  std::vector<std::string> names{"help"};
  for (const auto& spec : command_table()) names.emplace_back(spec.name);
  return names;
}

/// Whether errors on stderr are coloured: `--color always|never`, else not with NO_COLOR
/// set, else only on a terminal (never in cron's mail or a log file).
bool colour_errors = false;

void choose_colour(const std::optional<std::string>& option) {
  if (option == "always") colour_errors = true;
  else if (option == "never") colour_errors = false;
  else colour_errors = !env("NO_COLOR") && ::isatty(STDERR_FILENO) == 1;
}

int print_error(const std::string& message, ExitCode code) {
  std::fflush(stdout);
  const char* label = run_language == Lang::zh_CN ? "错误：" : "error: ";
  if (colour_errors) {
    std::fprintf(stderr, "kangle: \033[1;31m%s\033[0m%s\n", label, message.c_str());
  } else {
    std::fprintf(stderr, "kangle: %s%s\n", label, message.c_str());
  }
  return static_cast<int>(code);
}

int run(int argc, char** argv) {
  choose_colour(std::nullopt);
  CLI::App app{"kangle (康乐): the back office of neighbourhood service kiosks", "kangle"};
  app.set_version_flag("--version", std::string("kangle ") + kangle::version);
  app.fallthrough();
  app.require_subcommand(0, 1);
  GlobalOptions globals;
  app.add_option("-w,--workspace", globals.workspace, "Workspace folder (default: found from the current folder, or KANGLE_WORKSPACE)")
      ->type_name("DIR");
  app.add_option("--lang", globals.lang, "Language of messages and outputs: zh-CN or en (or KANGLE_LANG)")
      ->type_name("zh-CN|en")
      ->check([](const std::string& v) { return parse_lang(v) ? std::string() : "expected zh-CN or en"; });
  app.add_option("--color", globals.color, "Colour in error messages: auto (on a terminal, unless NO_COLOR), always, never")
      ->type_name("auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  const auto& table = command_table();
  std::vector<Action> actions(table.size());
  std::vector<CLI::App*> subcommands;
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto* sub = app.add_subcommand(table[i].name, table[i].summary);
    table[i].define(*sub, actions[i]);
    subcommands.push_back(sub);
  }
  std::optional<std::string> help_topic;
  auto* help = app.add_subcommand("help", "Show help for kangle or for one command");
  help->add_option("command", help_topic, "The command");
  bool man = false;
  help->add_flag("--man", man, "Print the manual page kangle.1 (roff) instead");

  // An unknown word in the command's place: a plugin, or a suggestion.
  if (auto word = command_word(argc, argv)) {
    auto names = command_names();
    if (std::find(names.begin(), names.end(), *word) == names.end()) {
      CLI::App pre;
      pre.allow_extras();
      pre.add_option("-w,--workspace", globals.workspace);
      pre.add_option("--lang", globals.lang);
      pre.add_option("--color", globals.color);
      try {
        pre.parse(argc, argv);
      } catch (const CLI::ParseError&) {
        // reported by the real parse below
      }
      choose_colour(globals.color);
      choose_language(globals, {});
      run_plugin_if_any(*word, argc, argv, globals);
      if (auto suggestion = text::closest(*word, names)) {
        return print_error(tr(run_language, Msg::unknown_command_suggest, *word, *suggestion), ExitCode::usage);
      }
      return print_error(tr(run_language, Msg::unknown_command, *word), ExitCode::usage);
    }
  }

  try {
    app.parse(argc, argv);
    choose_colour(globals.color);
  } catch (const CLI::ParseError& e) {
    choose_language(globals, {});
    int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  if (help->parsed()) {
    if (man) {
      fmt::print("{}", man_page(describe(app), kangle::version));
      return 0;
    }
    if (!help_topic) {
      fmt::print("{}", app.help());
      return 0;
    }
    for (auto* sub : subcommands) {
      if (sub->get_name() == *help_topic) {
        fmt::print("{}", sub->help());
        return 0;
      }
    }
    choose_language(globals, {});
    return print_error(tr(run_language, Msg::unknown_command, *help_topic), ExitCode::usage);
  }
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!subcommands[i]->parsed()) continue;
    Context context;
    context.globals = globals;
    context.lang = choose_language(globals, {});
    context.now = env("KANGLE_NOW").value_or(current_timestamp());
    if (table[i].needs != Needs::nothing) {
      context.workspace = find_workspace(globals);
      context.lang = choose_language(globals, context.workspace);
    }
    if (table[i].needs == Needs::database) {
      context.config = config::load_valid_config(context.workspace);
      context.database = std::make_unique<storage::Database>(context.workspace / workspace::database_file,
                                                               storage::Access::read_write);
    }
    context.today = local_date(context.now, context.config ? context.config->settings.timezone : config::Settings{}.timezone);
    try {
      return actions[i](context);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      // A full disk, a read-only or damaged file: said with the file's name.
      if (auto failure = storage::storage_failure(e, context.workspace / workspace::database_file)) throw *failure;
      throw;
    }
  }
  fmt::print("{}", app.help());
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

int main(int argc, char** argv) {
  int code = 0;
  try {
    code = run(argc, argv);
  } catch (const Error& e) {
    return print_error(e.message().in(run_language), e.exit_code());
  } catch (const std::exception& e) {
    if (auto failure = storage::storage_failure(e, workspace::database_file)) {
      return print_error(failure->message().in(run_language), failure->exit_code());
    }
    return print_error(fmt::format("internal error: {}", e.what()), ExitCode::internal);
  }
  // A failed write to stdout (a full disk, a closed pipe) is an error, not a success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    return print_error(tr(run_language, Msg::cannot_write_file, "stdout", std::strerror(errno)), ExitCode::internal);
  }
  return code;
}
