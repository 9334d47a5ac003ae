// SPDX-License-Identifier: Apache-2.0
// kangle service add NAME [--id ID] [--skill SKILL] [--category CATEGORY] [--daily-cap N] [--dry-run]
//                         [--format text|json]
#include <memory>

#include "../commands.hpp"
#include "import/kiosks.hpp"

namespace kangle::cli {

void define_service(CLI::App& command, Action& action) {
  define_leaves(command, action,
                {{"add", "Add a service to services.toml, the rest of the file as it was", message_formats,
                  [](CLI::App& sub) -> Run {
                    auto request = std::make_shared<import::ServiceAddRequest>();
                    sub.add_option("name", request->name, "The service's name, e.g. 修伞")->required()->type_name("NAME");
                    sub.add_option("--id", request->id, "Its id (default: made of the name)");
                    sub.add_option("--skill", request->skill, "The skill it needs, e.g. 缝纫 (default: the one its name says, else a new one)");
                    sub.add_option("--category", request->category, "Its category, e.g. 维修服务 (default: that of its skill's services)");
                    sub.add_option("--daily-cap", request->daily_cap, "How many people it serves a day at most")->type_name("N");
                    sub.add_flag("--dry-run", request->dry_run, "Show what would be written; write nothing");
                    return [request](Context& context) -> Outcome {
                      auto typed = *request;
                      typed.lang = context.lang;
                      return {import::service_add_document(import::add_service(*context.config, context.workspace, typed),
                                                           context.lang)};
                    };
                  }}});
}

}  // namespace kangle::cli
