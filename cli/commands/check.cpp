// SPDX-License-Identifier: Apache-2.0
// kangle check [--format text|json]
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "workspace/check.hpp"

namespace kangle::cli {
namespace {

struct CheckCommand {
  Format format = Format::text;
};

void print_json(const std::vector<config::Diagnostic>& problems) {
  fmt::print("[");
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const auto& d = problems[i];
    fmt::print("{}\n  {{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": \"{}\", \"message\": {}}}",
               i ? "," : "", json::quote(d.at.file), d.at.line, d.at.column,
               d.severity == config::Severity::error ? "error" : "warning", json::quote(d.message));
  }
  fmt::print("{}]\n", problems.empty() ? "" : "\n");
}

int run_check(const CheckCommand& options, Context& context) {
  auto problems = workspace::check_workspace(context.workspace, context.today);
  auto errors = std::count_if(problems.begin(), problems.end(),
                              [](const auto& d) { return d.severity == config::Severity::error; });
  if (options.format == Format::json) {
    print_json(problems);
  } else {
    for (const auto& d : problems) fmt::print("{}\n", config::format_diagnostic(d));
    if (problems.empty()) fmt::print("{}\n", tr(Msg::check_clean, context.workspace.string()));
    else fmt::print("{}\n", tr(Msg::check_summary, errors, problems.size() - static_cast<std::size_t>(errors)));
  }
  return static_cast<int>(errors > 0 ? ExitCode::problems_found : ExitCode::success);
}

}  // namespace

void define_check(CLI::App& command, Action& action) {
  auto options = std::make_shared<CheckCommand>();
  add_format_option(command, options->format, {Format::text, Format::json});
  action = [options](Context& context) { return run_check(*options, context); };
}

}  // namespace kangle::cli
