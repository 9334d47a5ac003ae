// SPDX-License-Identifier: Apache-2.0
#include "report/pack.hpp"

#include <string>

#include "core/atomic_file.hpp"
#include "present/emit.hpp"
#include "present/render.hpp"

namespace kangle::report {

std::size_t write_pack(const Source& source, const std::filesystem::path& folder, const std::function<void(int)>& done) {
  return write_folder_atomically(folder, [&](const std::filesystem::path& staging) {
    int reports = 0;
    for (auto build : {period_report, services_report, units_report, volunteers_report}) {
      auto report = build(source);
      auto stem = report.kind + "-" + report.period;
      write_file_atomically(staging / (stem + ".md"), present::render_markdown(report));
      write_file_atomically(staging / (stem + ".html"), present::render_html(report));
      write_file_atomically(staging / (stem + ".json"), present::render_json(report));
      present::write_xlsx(report, staging / (stem + ".xlsx"));
      for (const auto& section : report.sections) {
        for (const auto& table : section.tables) {
          auto one = report;
          one.sections = {{section.id, section.title, {}, {table}, {}}};
          auto csv = present::rendered(one, present::Output{present::Format::csv, "", present::Encoding::utf8}, true);
          write_file_atomically(staging / (stem + "." + table.id + ".csv"), csv);
        }
      }
      done(++reports);
    }
  });
}

}  // namespace kangle::report
