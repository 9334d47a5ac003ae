// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/i18n.hpp"

namespace kangle::config {

/// Where a value stands: a file relative to the workspace, and a 1-based line and column (0 when unknown).
struct Position {
  std::string file;
  int line = 0;
  int column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

enum class Severity { error, warning };

/// One problem found in a config file or in the database, in no language yet.
struct Diagnostic {
  Position at;
  Severity severity = Severity::error;
  Message message;
};

/// `file:line:column: message` in `lang` (warnings marked as such), the form editors and `check` use.
std::string format_diagnostic(const Diagnostic& diagnostic, Lang lang);

/// Why a command that needs a valid config refuses to go on: "the config has errors" and the diagnostic.
Message config_refusal(const Diagnostic& diagnostic);

/// Problems collected while loading: loading goes on after a problem so that `check` reports all at once.
class Diagnostics {
public:
  void error(Position at, Message message);
  void warning(Position at, Message message);
  bool has_errors() const;
  /// Sorted by file, line and column; the order `check` prints.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& items() const { return items_; }

private:
  std::vector<Diagnostic> items_;
};

}  // namespace kangle::config
