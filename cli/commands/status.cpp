// SPDX-License-Identifier: Apache-2.0
// kangle status [--format F]: what the workspace holds, as a coordinator would read it.
#include "../commands.hpp"
#include "workspace/summary.hpp"

namespace kangle::cli {

void define_status(CLI::App& command, Action& action) {
  define_leaves(command, action, {{"", "", listing_formats, [](CLI::App&) -> Run {
                                     return [](Context& context) -> Outcome {
                                       auto summary = workspace::summarize(context.workspace);
                                       // First, before the pages of output a pipe may hold back.
                                       warn_provisional_years(summary.config.holidays.provisional_years_soon(context.today), context.lang);
                                       return {workspace::status_document(summary, context.lang)};
                                     };
                                   }}});
}

}  // namespace kangle::cli
