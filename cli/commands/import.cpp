// SPDX-License-Identifier: Apache-2.0
// kangle import volunteers|needs|resources|records FILE [--sheet NAME] [--dry-run] [--map "表头=field"]...
//                                                    [--encoding E] [--rejects FILE] [--format text|json]
// kangle import kiosks FILE [--sheet NAME] [--dry-run] [--replace] [--map "表头=field"]... [--encoding E]
#include <memory>

#include "../commands.hpp"
#include "import/documents.hpp"
#include "import/kiosks.hpp"

namespace kangle::cli {

void define_import(CLI::App& command, Action& action) {
  const std::pair<import::List, const char*> lists[] = {
      {import::List::volunteers, "Import volunteer sign-ups (报名表)"},
      {import::List::needs, "Import a needs list (需求清单), micro-wishes (微心愿) too"},
      {import::List::resources, "Import a resources list (资源清单) of units and volunteers"},
      {import::List::records, "Import service records (服务记录) kept in a spreadsheet"},
  };
  std::vector<Leaf> leaves;
  for (const auto& [list, summary] : lists) {
    leaves.push_back({import::list_name(list).data(), summary, {Format::text, Format::json},
                      [list = list](CLI::App& sub) -> Run {
                        struct Options {
                          import::ImportRequest request;
                          bool quiet = false;
                        };
                        auto options = std::make_shared<Options>();
                        auto& request = options->request;
                        request.list = list;
                        sub.add_option("file", request.file, "The spreadsheet: .xlsx, .csv or .txt")->required()->type_name("FILE");
                        sub.add_option("--sheet", request.sheet, "The sheet to read (default: the first with a recognisable header)");
                        sub.add_flag("--dry-run", request.dry_run, "Show what would happen; change nothing");
                        sub.add_option("--map", request.maps, "A header and the field it holds, e.g. \"联系方式=phone\" (repeatable)");
                        sub.add_option("--encoding", request.encoding, "The text encoding of a CSV file: utf-8, gbk, gb18030");
                        sub.add_option("--rejects", request.rejects, "Where to write rejected rows (default: FILE.rejects.csv)")
                            ->type_name("FILE");
                        add_quiet_option(sub, options->quiet);
                        return [options](Context& context) -> Outcome {
                          auto typed = options->request;
                          typed.lang = context.lang;
                          import::ImportReport report;
                          {
                            ProgressLine progress(Msg::import_progress, options->quiet, context.lang);  // cleared before the report prints
                            if (progress.enabled()) typed.progress = [&progress](std::size_t rows) { progress.show(rows); };
                            report = import::run_import(context.database->sql(), *context.config, context.workspace, typed,
                                                        context.now);
                          }
                          return {import::import_document(report, typed.file, typed.list, context.config->settings.timezone, context.lang),
                                  static_cast<int>(report.rejected > 0 ? ExitCode::problems_found : ExitCode::success)};
                        };
                      }});
  }
  leaves.push_back({"kiosks", "Import the stations table (站点表) into kiosk files", {Format::text, Format::json},
                    [](CLI::App& sub) -> Run {
                      auto request = std::make_shared<import::KioskImportRequest>();
                      sub.add_option("file", request->file, "The spreadsheet: .xlsx, .csv or .txt")->required()->type_name("FILE");
                      sub.add_option("--sheet", request->sheet, "The sheet to read (default: the first with a recognisable header)");
                      sub.add_flag("--dry-run", request->dry_run, "Show what would be written; write nothing");
                      sub.add_flag("--replace", request->replace, "Overwrite kiosk files edited by hand since the import wrote them");
                      sub.add_option("--map", request->maps, "A header and the field it holds, e.g. \"站名=kiosk\" (repeatable)");
                      sub.add_option("--encoding", request->encoding, "The text encoding of a CSV file: utf-8, gbk, gb18030");
                      return [request](Context& context) -> Outcome {
                        auto typed = *request;
                        typed.lang = context.lang;
                        auto report = import::run_kiosk_import(*context.config, context.workspace, typed);
                        return {import::kiosk_import_document(report, typed.file, context.lang),
                                static_cast<int>(report.table.rejected > 0 ? ExitCode::problems_found : ExitCode::success)};
                      };
                    }});
  define_leaves(command, action, std::move(leaves));
}

}  // namespace kangle::cli
