// SPDX-License-Identifier: Apache-2.0
// kangle check [--format F]: every problem of the workspace; exit 1 when there is an error.
#include <algorithm>

#include "../commands.hpp"
#include "core/error.hpp"
#include "workspace/check.hpp"

namespace kangle::cli {

void define_check(CLI::App& command, Action& action) {
  define_leaves(command, action, {{"", "", listing_formats, [](CLI::App&) -> Run {
                                     return [](Context& context) -> Outcome {
                                       auto problems = workspace::check_workspace(context.workspace, context.today);
                                       bool errors = std::any_of(problems.begin(), problems.end(), [](const auto& d) {
                                         return d.severity == config::Severity::error;
                                       });
                                       return {workspace::check_document(problems, context.workspace, context.lang),
                                               static_cast<int>(errors ? ExitCode::problems_found : ExitCode::success)};
                                     };
                                   }}});
}

}  // namespace kangle::cli
