// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "command.hpp"

namespace kangle::cli {

void define_init(CLI::App& command, Action& action);
void define_check(CLI::App& command, Action& action);
void define_status(CLI::App& command, Action& action);
void define_db(CLI::App& command, Action& action);
void define_import(CLI::App& command, Action& action);
void define_kiosk(CLI::App& command, Action& action);
void define_service(CLI::App& command, Action& action);
void define_volunteers(CLI::App& command, Action& action);
void define_match(CLI::App& command, Action& action);
void define_schedule(CLI::App& command, Action& action);
void define_record(CLI::App& command, Action& action);
void define_points(CLI::App& command, Action& action);
void define_report(CLI::App& command, Action& action);
void define_completion(CLI::App& command, Action& action);
void define_complete_values(CLI::App& command, Action& action);

}  // namespace kangle::cli
