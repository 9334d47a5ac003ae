// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>

#include "core/i18n.hpp"

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

/// The root of kangle's errors. It carries a Message, shown in the user's language by
/// whoever catches it; `what()` is the English text, for logs. The message starts with
/// `file:line:column:` where a position is known.
class Error : public std::runtime_error {
public:
  explicit Error(Message message, ExitCode code = ExitCode::internal);
  /// A text in no catalogue (a library's own words for a failure), the same in every language.
  explicit Error(const std::string& text, ExitCode code = ExitCode::internal);
  ExitCode exit_code() const noexcept { return code_; }
  const Message& message() const noexcept { return message_; }

private:
  Message message_;
  ExitCode code_;
};

/// A bad command line that CLI11 could not catch (an unknown value of a known option).
class UsageError : public Error {
public:
  explicit UsageError(Message message) : Error(std::move(message), ExitCode::usage) {}
  explicit UsageError(const std::string& text) : Error(text, ExitCode::usage) {}
};

/// A config or input file that cannot be used.
class InputError : public Error {
public:
  explicit InputError(Message message) : Error(std::move(message), ExitCode::bad_input) {}
  explicit InputError(const std::string& text) : Error(text, ExitCode::bad_input) {}
};

/// No workspace, or its folder or database cannot be used.
class WorkspaceError : public Error {
public:
  explicit WorkspaceError(Message message) : Error(std::move(message), ExitCode::workspace) {}
  explicit WorkspaceError(const std::string& text) : Error(text, ExitCode::workspace) {}
};

}  // namespace kangle
