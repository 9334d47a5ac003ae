// SPDX-License-Identifier: Apache-2.0
// Helpers the import tests share: a report and its issues as lines to compare, and
// the message of the error a call throws.
#pragma once

#include <string>
#include <vector>

#include "import/pipeline.hpp"

namespace kangle::test {

/// The sheet, header row and counts of a report on one line.
inline std::string summary(const import::ImportReport& r) {
  return r.sheet + " row " + std::to_string(r.header_row) + ": added " + std::to_string(r.added) + ", updated " +
         std::to_string(r.updated) + ", merged " + std::to_string(r.merged) + ", unchanged " +
         std::to_string(r.unchanged) + ", rejected " + std::to_string(r.rejected) + ", blank " +
         std::to_string(r.blank_rows) + ", total " + std::to_string(r.total_rows);
}

inline std::string kind_name(import::RowIssue::Kind kind) {
  switch (kind) {
    case import::RowIssue::Kind::rejected: return "rejected";
    case import::RowIssue::Kind::doubtful: return "doubtful";
    case import::RowIssue::Kind::merged: return "merged";
    case import::RowIssue::Kind::updated: return "updated";
  }
  return "?";
}

/// Each issue as "ROW:COLUMN (HEADER): KIND: MESSAGE", the way the command prints them.
inline std::vector<std::string> issues(const import::ImportReport& r) {
  std::vector<std::string> out;
  for (const auto& i : r.issues) {
    std::string line = std::to_string(i.row);
    if (!i.column.empty()) line += ":" + i.column;
    if (!i.header.empty()) line += " (" + i.header + ")";
    out.push_back(line + ": " + kind_name(i.kind) + ": " + i.message);
  }
  return out;
}

/// The message of the `Error` that `run` throws, or "(no error)".
template <typename Error, typename Run>
std::string error_message(Run run) {
  try {
    run();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace kangle::test
