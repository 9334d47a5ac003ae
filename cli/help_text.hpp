// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace kangle::cli {

/// A text that help shows (a command's summary, an option's description, a check's
/// complaint) in `lang`: its Chinese from the catalogue of help_text.cpp, keyed by the
/// English as the command files write it; as written in English, or when it has none.
std::string help_text(std::string_view english, Lang lang);

/// Whether the catalogue has the Chinese of `english` (a unit test asks it of every
/// text in the command tree, so that no option ships in English only).
bool has_chinese(std::string_view english);

/// CLI11's help in the language set last: its labels (用法, 选项, 子命令, 必填) and
/// every summary and description through help_text. Shared by every command.
class HelpFormatter : public CLI::Formatter {
public:
  void set_language(Lang lang);
  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_footer(const CLI::App* app) const override;
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_desc(const CLI::Option* opt) const override;

private:
  Lang lang_ = Lang::zh_CN;
};

/// What a parse error (an unexpected word, a missing option, a bad value) says, in
/// `lang`, with the command whose help to see: `failed` is the command being parsed.
std::string parse_error_message(const CLI::ParseError& error, const CLI::App& failed, Lang lang);

}  // namespace kangle::cli
