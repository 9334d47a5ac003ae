// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>

namespace kangle {

/// The process exit codes, documented in README.md. Values are stable: scripts rely on them.
enum class ExitCode : int {
  success = 0,
  problems_found = 1,   ///< `check` found problems; a command finished but rejected some input
  usage = 2,            ///< bad command line
  bad_input = 3,        ///< a config or input file cannot be used
  workspace = 4,        ///< no workspace, or its database cannot be opened or written
  internal = 5,         ///< a bug: please report it
};

/// The root of kangle's errors. Its message is already in the user's language and
/// starts with `file:line:column:` where a position is known.
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::internal);
  ExitCode exit_code() const noexcept { return code_; }

private:
  ExitCode code_;
};

/// A bad command line that CLI11 could not catch (an unknown value of a known option).
class UsageError : public Error {
public:
  explicit UsageError(const std::string& message) : Error(message, ExitCode::usage) {}
};

/// A config or input file that cannot be used.
class InputError : public Error {
public:
  explicit InputError(const std::string& message) : Error(message, ExitCode::bad_input) {}
};

/// No workspace, or its folder or database cannot be used.
class WorkspaceError : public Error {
public:
  explicit WorkspaceError(const std::string& message) : Error(message, ExitCode::workspace) {}
};

}  // namespace kangle
