// SPDX-License-Identifier: Apache-2.0
// kangle db copy --to URL|FILE: the workspace's database copied into a new one, SQLite or PostgreSQL.
#include "../commands.hpp"
#include "workspace/copy.hpp"

namespace kangle::cli {

void define_db(CLI::App& command, Action& action) {
  define_leaves(command, action,
                {{"copy", "Copy the workspace's database into a new or empty one (SQLite to PostgreSQL, or back), then check the copy",
                  message_formats, [](CLI::App& sub) -> Run {
                    auto target = std::make_shared<std::string>();
                    sub.add_option("--to", *target, "The database to copy into: a postgresql:// URL or a SQLite file")
                        ->type_name("URL|FILE")
                        ->required();
                    return [target](Context& context) -> Outcome {
                      auto copy = workspace::copy_database(context.workspace, context.config->settings, *target);
                      return {workspace::copy_document(copy, context.lang)};
                    };
                  }}});
}

}  // namespace kangle::cli
