// SPDX-License-Identifier: Apache-2.0
// kangle init [DIR] [--example NAME] [--lang zh-CN|en]
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "core/i18n.hpp"
#include "workspace/init.hpp"

namespace kangle::cli {
namespace {

struct InitCommand {
  std::string dir = ".";
  std::optional<std::string> example;
};

int run_init(const InitCommand& options, Context& context) {
  workspace::InitOptions init;
  init.dir = options.dir;
  init.example = options.example;
  if (context.globals.lang) init.language = parse_lang(*context.globals.lang);
  auto result = workspace::init_workspace(init);
  fmt::print("{}\n", tr(Msg::workspace_created, result.dir.string()));
  for (const auto& file : result.files) fmt::print("  {}\n", file);
  return 0;
}

}  // namespace

void define_init(CLI::App& command, Action& action) {
  auto options = std::make_shared<InitCommand>();
  command.add_option("dir", options->dir, "Folder to make the workspace in (default: the current folder)")
      ->type_name("DIR");
  command.add_option("--example", options->example, "Start from a bundled example: kangjian");
  action = [options](Context& context) { return run_init(*options, context); };
}

}  // namespace kangle::cli
