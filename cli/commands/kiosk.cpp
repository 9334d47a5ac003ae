// SPDX-License-Identifier: Apache-2.0
// kangle kiosk add NAME [--id ID] [--short-name S] [--name-en E] [--address A] [--hours H]
//                       [--services LIST] [--days DAYS] [--time RANGE] [--dry-run] [--format text|json]
#include <memory>

#include "../commands.hpp"
#include "import/kiosks.hpp"

namespace kangle::cli {

void define_kiosk(CLI::App& command, Action& action) {
  define_leaves(command, action,
                {{"add", "Add a kiosk: writes kiosks/<id>.toml, read as a row of the stations table is", message_formats,
                  [](CLI::App& sub) -> Run {
                    auto request = std::make_shared<import::KioskAddRequest>();
                    sub.add_option("name", request->name, "The kiosk's name, e.g. 梧桐·SPACE")->required()->type_name("NAME");
                    sub.add_option("--id", request->id, "Its id and file name (default: made of the name)");
                    sub.add_option("--short-name", request->short_name, "A short name for the rota");
                    sub.add_option("--name-en", request->name_en, "Its English name");
                    sub.add_option("--address", request->address, "Its address");
                    sub.add_option("--hours", request->hours, "Opening hours, e.g. \"周一至周五 9:00-11:30、13:30-16:00；周六 9:00-11:00\"");
                    sub.add_option("--services", request->services, "Its services, e.g. \"理发、测血压\" (new ones go into services.toml)");
                    sub.add_option("--days", request->days, "The days of those services, e.g. 每周四 (default: every open day)");
                    sub.add_option("--time", request->time, "Their time, e.g. 9:00-11:00 (default: the opening hours)");
                    sub.add_flag("--dry-run", request->dry_run, "Show what would be written; write nothing");
                    return [request](Context& context) -> Outcome {
                      auto typed = *request;
                      typed.lang = context.lang;
                      auto report = import::add_kiosk(*context.config, context.workspace, typed);
                      return {import::kiosk_add_document(report, context.lang),
                              static_cast<int>(report.table.rejected > 0 ? ExitCode::problems_found : ExitCode::success)};
                    };
                  }}});
}

}  // namespace kangle::cli
