// SPDX-License-Identifier: Apache-2.0
// The kangle binary: global options, the command table, plugins, errors and exit codes.
#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>

#include "app.hpp"
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
    if (arg == "-w" || arg == "--workspace" || arg == "--db" || arg == "--lang" || arg == "--color") {
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

/// The global options as written, read before the real parse (which may fail, or
/// find an unknown command): for the language of help and errors, the colour, plugins.
GlobalOptions early_globals(int argc, char** argv) {
  GlobalOptions globals;
  CLI::App pre;
  pre.allow_extras();
  pre.set_help_flag();
  pre.add_option("-w,--workspace", globals.workspace);
  pre.add_option("--db", globals.db);
  pre.add_option("--lang", globals.lang);
  pre.add_option("--color", globals.color);
  try {
    pre.parse(argc, argv);
  } catch (const CLI::ParseError&) {
    // reported by the real parse
  }
  return globals;
}

/// The language of help and parse errors: the same rule as a command's, with the
/// workspace's language when there is one (none is no error here).
Lang help_language(const GlobalOptions& globals) {
  fs::path workspace;
  try {
    workspace = find_workspace(globals);
  } catch (const Error&) {
    // outside a workspace: --lang, KANGLE_LANG or Chinese
  }
  return choose_language(globals, workspace);
}

int print_help(KangleApp& kangle, const CLI::App& command, const GlobalOptions& globals) {
  kangle.formatter->set_language(help_language(globals));
  std::vector<std::string> path;
  for (const auto* app = command.get_parent(); app; app = app->get_parent()) path.insert(path.begin(), app->get_name());
  fmt::print("{}", command.help(text::join(path, " ")));
  return 0;
}

int run(int argc, char** argv) {
  auto early = early_globals(argc, argv);
  choose_colour(early.color);
  // --db is KANGLE_DB for this run: every part of kangle that opens the database, and
  // every plugin it runs, reads it there.
  if (early.db) {
    // A file as named from here: a plugin or a message naming it may be elsewhere.
    auto named = early.db->find("://") == std::string::npos ? fs::absolute(*early.db).string() : *early.db;
    ::setenv("KANGLE_DB", named.c_str(), 1);
  }
  KangleApp kangle;
  const auto& table = command_table();

  // An unknown word in the command's place: a plugin, or a suggestion.
  if (auto word = command_word(argc, argv)) {
    auto names = command_names();
    if (std::find(names.begin(), names.end(), *word) == names.end()) {
      choose_language(early, {});
      run_plugin_if_any(*word, argc, argv, early);
      if (auto suggestion = text::closest(*word, names)) {
        return print_error(tr(run_language, Msg::unknown_command_suggest, *word, *suggestion), ExitCode::usage);
      }
      return print_error(tr(run_language, Msg::unknown_command, *word), ExitCode::usage);
    }
  }

  try {
    kangle.app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return print_help(kangle, kangle.chosen(), early);
  } catch (const CLI::CallForVersion& e) {
    fmt::print("{}\n", e.what());
    return 0;
  } catch (const CLI::ParseError& e) {
    auto lang = help_language(early);
    return print_error(parse_error_message(e, kangle.chosen(), lang), ExitCode::usage);
  }

  if (kangle.help->parsed()) {
    if (kangle.man) {
      fmt::print("{}", man_page(describe(kangle.app), kangle::version, help_language(early)));
      return 0;
    }
    if (const auto* topic = kangle.find(kangle.help_topic)) return print_help(kangle, *topic, early);
    choose_language(early, {});
    return print_error(tr(run_language, Msg::unknown_command, text::join(kangle.help_topic, " ")), ExitCode::usage);
  }
  const auto& globals = kangle.globals;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!kangle.commands[i]->parsed()) continue;
    Context context;
    context.globals = globals;
    context.lang = choose_language(globals, {});
    context.now = env("KANGLE_NOW").value_or(current_timestamp());
    if (table[i].needs != Needs::nothing) {
      context.workspace = find_workspace(globals);
      context.lang = choose_language(globals, context.workspace);
    }
    if (table[i].needs == Needs::config || table[i].needs == Needs::database) {
      context.config = config::load_valid_config(context.workspace);
    }
    if (table[i].needs == Needs::database) {
      // An upgrade over years of records is a quiet minute: a terminal's user is told why.
      if (::isatty(STDERR_FILENO) == 1) {
        storage::on_upgrade([lang = context.lang](int from, int to) {
          std::fprintf(stderr, "kangle: %s\n", tr(lang, Msg::database_upgrading, from, to).c_str());
        });
      }
      context.database = std::make_unique<storage::Database>(
          workspace::database_location(context.workspace, context.config->settings), storage::Access::read_write);
    }
    context.today = local_date(context.now, context.config ? context.config->settings.timezone : config::Settings{}.timezone);
    try {
      return kangle.actions[i](context);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      // A full disk, a read-only or damaged file: said with the file's name.
      auto database = context.config ? workspace::database_location(context.workspace, context.config->settings).shown()
                                     : (context.workspace / workspace::database_file).string();
      if (auto failure = storage::storage_failure(e, database)) throw *failure;
      throw;
    }
  }
  print_help(kangle, kangle.app, early);
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

int main(int argc, char** argv) {
  // One command, then exit: memory freed is kept for the next allocations rather than
  // handed back to the kernel, which zeroes every page again when it is touched (the
  // solver's arrays, hundreds of MB at a district's size: a quarter of a district
  // matching's page faults, 3–10% of its time).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
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
