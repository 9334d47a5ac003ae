// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "present/emit.hpp"
#include "storage/database.hpp"

namespace kangle::cli {

/// Options every command takes, defined once in main.cpp.
struct GlobalOptions {
  std::optional<std::string> workspace;  ///< -w/--workspace
  std::optional<std::string> lang;       ///< --lang
  std::optional<std::string> color;      ///< --color
  std::optional<std::string> db;         ///< --db
};

/// What the dispatcher hands a command: the workspace already found (for the
/// commands that need one) and the language already set.
struct Context {
  GlobalOptions globals;
  Lang lang = Lang::zh_CN;  ///< of everything the command says: `--lang`, KANGLE_LANG or the workspace's
  std::filesystem::path workspace;               ///< empty for commands that need none
  std::optional<config::Config> config;          ///< loaded for Needs::config and Needs::database
  std::unique_ptr<storage::Database> database; ///< opened (and migrated) for Needs::database
  /// The time of the run as an ISO-8601 UTC timestamp (KANGLE_NOW fixes it, for tests).
  std::string now;
  /// The day of the run in the workspace's time zone (kangle.toml's `timezone`).
  Date today;
  /// Where the leaf's document goes (`--format`, `-o`, `--encoding`): a leaf that must put
  /// it out before it commits (what was sent is recorded) emits it itself.
  present::Output output;
};

using Action = std::function<int(Context&)>;

/// What a leaf command gives back: the document to put out in the format asked for
/// (none when the leaf put it out itself), the exit code, and what the leaf is still
/// storing (ready once committed; rethrows what stopped it), if anything.
struct Outcome {
  std::optional<present::Document> document;
  int exit_code = 0;
  std::future<void> stored{};
};
using Run = std::function<Outcome(Context&)>;

/// The formats of a listing: every one, XLSX to a file.
inline const std::vector<present::Format> listing_formats = {
    present::Format::text, present::Format::json, present::Format::csv,
    present::Format::md,   present::Format::html, present::Format::xlsx};

/// The formats of what a command says it did (an entry written, rows imported): text,
/// or JSON with the ids and figures in `facts`; printed only, never to a file, so that
/// nothing written to the database is followed by a failed write of its output.
inline const std::vector<present::Format> message_formats = {present::Format::text, present::Format::json};

/// One leaf command (`schedule build`, `points history`, `check`): `define` adds its
/// options, bound to an options struct of its own, and returns its run. `formats` are
/// those its document may take, the first the default: with more than one it gets
/// `--format`, and with a table format (CSV, Markdown, HTML, XLSX) also `-o/--output`
/// and (with CSV) `--encoding`; with none it prints text.
struct Leaf {
  const char* name;  ///< "" for a command that has no subcommands
  const char* summary;
  std::vector<present::Format> formats;
  std::function<Run(CLI::App&)> define;
};

/// Adds `leaves` as the subcommands of `command` (a leaf named "" adds its options to
/// `command` itself) and sets `action` to run the one parsed and put its document out.
void define_leaves(CLI::App& command, Action& action, std::vector<Leaf> leaves);

/// How much a command needs before it runs: nothing, the workspace's folder, its
/// config loaded (refused when it has errors), or that and its database open.
enum class Needs { nothing, workspace, config, database };

/// One built-in command. To add a command: write cli/commands/NAME.cpp with a
/// `define_NAME` that adds its options to the subcommand and sets the action,
/// declare it in commands.hpp, add a line to the table in commands.cpp, list the
/// file in cli/CMakeLists.txt. Help, `help CMD`, typo suggestions, the
/// per-command help tests, shell completion and the man page all come from the
/// table. Completion reads an option's type name: `a|b|c` (or a CLI::IsMember
/// check) for a fixed set of values, `FILE` for a file, `DIR` for a folder.
struct CommandSpec {
  const char* name;
  const char* summary;
  Needs needs;
  void (*define)(CLI::App& command, Action& action);
};

const std::vector<CommandSpec>& command_table();

/// `--format` shared by the commands that print data, of the formats `allowed`
/// (`table` is accepted for `text`).
using present::Format;
void add_format_option(CLI::App& command, Format& format, std::vector<Format> allowed);

/// Prints `document` in `output`'s format, or writes it to `output.path` (present::write)
/// and says so. XLSX needs a file.
void emit(const present::Document& document, const present::Output& output, std::future<void> stored = {});

/// Where a command's document goes: `--format` (of those `allowed`), `-o/--output FILE`
/// and, when CSV is allowed, `--encoding utf-8|gb18030` for old WPS and Excel.
void add_output_options(CLI::App& command, present::Output& output, std::vector<Format> allowed);

/// `-o/--output FILE` shared by the commands that write something to post or send.
void add_output_option(CLI::App& command, std::string& output);
/// Prints `content`, or with an output file writes it there atomically (temp file and
/// rename: the old file or the whole new one, never half) and says so.
void print_or_write(const std::string& content, const std::string& output, Lang lang);


/// Who enters what a command writes by hand: `--by`, else the login name.
void add_by_option(CLI::App& command, std::string& by);
std::string who_enters(const std::string& by);

/// A progress line on stderr for long work, rewritten in place: only on a terminal and
/// without `--quiet` (never in cron's mail or a log). Cleared when done.
class ProgressLine {
public:
  ProgressLine(Msg message, bool quiet, Lang lang);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void show(std::size_t count);
  bool enabled() const { return enabled_; }

private:
  Msg message_;
  Lang lang_;
  bool enabled_;
  bool shown_ = false;
};
void add_quiet_option(CLI::App& command, bool& quiet);

/// Says on stderr, once each, the years of `from`…`to` whose holidays are provisional
/// (no holidays/YEAR.toml): the statutory holidays stand in, make-up workdays unknown.
void warn_provisional_years(const config::HolidayCalendar& calendar, const Date& from, const Date& to, Lang lang);
void warn_provisional_years(const std::vector<int>& years, Lang lang);

/// `--reveal`: show phone and ID numbers in full instead of masked.
void add_reveal_option(CLI::App& command, bool& reveal);

}  // namespace kangle::cli
