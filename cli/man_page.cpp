// SPDX-License-Identifier: Apache-2.0
// The manual page kangle.1, written from the command tree (describe.hpp) and the exit codes.
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "describe.hpp"
#include "help_text.hpp"
#include "workspace/workspace.hpp"

namespace kangle::cli {
namespace {

/// What an exit code means, for EXIT STATUS. No `default:`, so that the compiler
/// (-Wswitch) asks for the meaning of every code added to the enum.
std::string_view exit_meaning(ExitCode code) {
  switch (code) {
    case ExitCode::success: return "Success.";
    case ExitCode::problems_found: return "Problems found (check), or some input rejected.";
    case ExitCode::usage: return "Usage error: an unknown command or option, a bad value.";
    case ExitCode::bad_input: return "Bad input data: a config or input file that cannot be used.";
    case ExitCode::workspace:
      return "Workspace error: no workspace, or its database cannot be opened or written "
             "(also: written by a newer kangle).";
    case ExitCode::internal: return "Internal error (a bug: please report it).";
  }
  return {};
}

/// `s` as roff text: backslashes and dashes escaped, characters beyond ASCII as
/// \[uXXXX] (so that groff needs no input encoding) each a place where a Chinese line may
/// break, a leading . or ' made harmless.
std::string roff(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\\') out += "\\e";
      else if (c == '-') out += "\\-";
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t code = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < s.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    }
    out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(code));
    if (code >= 0x2E80) out += "\\:";  // Chinese has no spaces: a line may break after any character
    i += static_cast<std::size_t>(length);
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string bold(std::string_view s) { return "\\fB" + roff(s) + "\\fR"; }
std::string italic(std::string_view s) { return "\\fI" + roff(s) + "\\fR"; }

/// An option as the synopsis and the option lists show it: `--month TEXT`.
std::string option_usage(const OptionInfo& option, bool all_names) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back(bold(name));
  auto text = all_names ? text::join(names, ", ") : names.back();
  if (option.value != ValueKind::none) text += "\\ " + italic(option.type);  // no line break inside
  return text;
}

/// `kangle schedule show --month TEXT [--kiosk TEXT] ...`, help left out.
std::string usage(const CommandInfo& command) {
  std::vector<std::string> words{bold("kangle " + join_path(command.path))};
  for (const auto& option : command.options) {
    if (option.names.back() == "--help") continue;
    auto text = option_usage(option, false) + (option.repeatable ? "\\ ..." : "");
    words.push_back(option.required ? text : "[" + text + "]");
  }
  if (!command.commands.empty()) words.push_back(italic("COMMAND"));
  for (const auto& positional : command.positionals) {
    auto text = italic(positional.value == ValueKind::choice ? positional.type : positional.name);
    words.push_back(positional.required ? text : "[" + text + "]");
  }
  return text::join(words, " ");
}

/// The options as a list of .TP paragraphs; --help only where `with_help` (kangle's own).
void option_list(const std::vector<OptionInfo>& options, bool with_help, std::string& out) {
  for (const auto& option : options) {
    if (with_help || option.names.back() != "--help") {
      out += fmt::format(".TP\n{}\n{}\n", option_usage(option, true), roff(option.description));
    }
  }
}

/// `command` and the commands under it with their texts in `lang`.
void translate(CommandInfo& command, Lang lang) {
  command.summary = help_text(command.summary, lang);
  for (auto& option : command.options) option.description = help_text(option.description, lang);
  for (auto& positional : command.positionals) positional.description = help_text(positional.description, lang);
  for (auto& sub : command.commands) translate(sub, lang);
}

void command_section(const CommandInfo& command, Lang lang, std::string& out) {
  out += fmt::format(".SS \"{}\"\n{}\n.PP\n{}\n", roff("kangle " + join_path(command.path)), roff(command.summary),
                     usage(command));
  for (const auto& positional : command.positionals) {
    out += fmt::format(".TP\n{}\n{}\n", italic(positional.value == ValueKind::choice ? positional.type : positional.name),
                       roff(positional.description));
  }
  option_list(command.options, false, out);
  if (!command.commands.empty()) {
    std::vector<std::string> names;
    for (const auto& sub : command.commands) names.push_back(bold(sub.path.back()));
    out += fmt::format(".PP\n{} {}.\n", roff(help_text("Commands:", lang)), text::join(names, ", "));
  }
}

void definition(std::string_view term, std::string_view text, std::string& out) {
  out += fmt::format(".TP\n{}\n{}\n", term, roff(text));
}

}  // namespace

std::string man_page(const CommandInfo& tree, std::string_view version, Lang lang) {
  auto root = tree;
  translate(root, lang);
  auto t = [lang](std::string_view english) { return help_text(english, lang); };
  auto section = [&](std::string_view heading) { return ".SH " + roff(t(heading)) + "\n"; };
  std::string out = fmt::format(".\\\" Written by `kangle help --man` from kangle's command table: do not edit.\n"
                                ".TH KANGLE 1 \"\" \"kangle {}\" \"{}\"\n"
                                ".nh\n.ad l\n",  // no hyphenation, ragged right: options stay whole
                                roff(version), roff(t("User Commands")));
  out += section("NAME") + "kangle \\- " + roff(t("the back office of neighbourhood service kiosks")) + "\n";
  out += section("SYNOPSIS") + fmt::format("{} [{}] {} [{}]\n.br\n{} {}\n", bold("kangle"), italic("OPTIONS"),
                     italic("COMMAND"), italic("ARGS"), bold("kangle"), italic("NAME ARGS"));
  out += section("DESCRIPTION") + roff(root.summary) + ".\n";
  out += ".PP\n" + roff(t("kangle keeps the monthly volunteer rota, the needs, resources and projects lists, the points "
                        "ledger and the reports of a network of kiosks, from a workspace: a folder of TOML files and "
                        "a SQLite database. kangle finds the workspace from the current folder upwards, as git does, "
                        "or from -w or KANGLE_WORKSPACE.")) + "\n";
  out += ".PP\n" + roff(t("Messages and outputs are in Chinese (zh-CN) by default; the workspace's language, "
                        "KANGLE_LANG or --lang en change that.")) + "\n";
  out += ".PP\n" + roff(t("An unknown COMMAND NAME runs the plugin kangle-NAME, from the workspace's plugins/ folder or "
                        "from PATH, with KANGLE_WORKSPACE set; its exit status is kangle's.")) + "\n";
  out += section("OPTIONS");
  option_list(root.options, true, out);
  out += section("COMMANDS");
  auto commands = flatten(root);
  for (std::size_t i = 1; i < commands.size(); ++i) command_section(*commands[i], lang, out);
  out += section("EXIT STATUS");
  for (int code = 0; code < 256; ++code) {
    auto meaning = exit_meaning(static_cast<ExitCode>(code));
    if (!meaning.empty()) definition(bold(std::to_string(code)), t(meaning), out);
  }
  out += section("ENVIRONMENT");
  definition(bold("KANGLE_WORKSPACE"), t("The workspace folder, when -w is not given."), out);
  definition(bold("KANGLE_DB"),
             t("The workspace's database, when --db is not given, instead of kangle.db in its folder or kangle.toml's [database] url: a "
               "postgresql:// URL (its password from ~/.pgpass, PGPASSWORD or a service file), or a SQLite file."),
             out);
  definition(bold("KANGLE_LANG"),
             t("The language of messages and outputs, zh-CN or en, when --lang is not given; it wins over the "
               "workspace's language."),
             out);
  definition(bold("NO_COLOR"),
             t("When set to anything, no colour. (kangle prints no colour yet; it will honour this when it does.)"),
             out);
  out += section("FILES") + roff(t("In the workspace folder:")) + "\n";
  definition(bold(workspace::marker_file), t("The workspace: name, language, time zone, defaults. Its folder is the workspace."), out);
  definition(bold("services.toml"), t("The catalogue: categories, skills, services."), out);
  definition(bold("kiosks/*.toml"), t("One file per kiosk; the file name (without .toml) is its id."), out);
  definition(bold("holidays/*.toml"), t("Public holidays and make-up workdays, one file a year."), out);
  definition(bold("points.toml"), t("How points are earned and spent."), out);
  definition(bold("columns.toml"), t("The spreadsheet headers kangle import recognises."), out);
  definition(bold("plugins/kangle-NAME"), t("Optional executables run as kangle NAME."), out);
  definition(bold(workspace::database_file), t("The SQLite database, written by kangle only."), out);
  out += section("SEE ALSO") + roff(t("README.md, docs/workspace.md and docs/import.md in kangle's documentation folder (/usr/share/doc/kangle/ on Debian).")) + "\n";
  return out;
}

}  // namespace kangle::cli
