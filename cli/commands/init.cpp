// SPDX-License-Identifier: Apache-2.0
// kangle init [DIR] [--example NAME] [--template] [--lang zh-CN|en] [--format text|json]
#include <memory>

#include "../commands.hpp"
#include "workspace/init.hpp"

namespace kangle::cli {

void define_init(CLI::App& command, Action& action) {
  define_leaves(command, action, {{"", "", {Format::text, Format::json}, [](CLI::App& sub) -> Run {
                                     auto options = std::make_shared<workspace::InitOptions>();
                                     options->dir = ".";
                                     sub.add_option("dir", options->dir,
                                                    "Folder to make the workspace in (default: the current folder)")
                                         ->type_name("DIR");
                                     sub.add_option("--example", options->example, "Start from a bundled example: kangjian");
                                     sub.add_flag("--template", options->with_templates,
                                                  "Also write the stations table and the sign-up sheet to fill in (站点表.xlsx, 报名表.xlsx)");
                                     return [options](Context& context) -> Outcome {
                                       auto init = *options;
                                       if (context.globals.lang) init.language = parse_lang(*context.globals.lang);
                                       return {workspace::init_document(init, context.today, context.lang)};
                                     };
                                   }}});
}

}  // namespace kangle::cli
