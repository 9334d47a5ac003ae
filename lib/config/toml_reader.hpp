// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/diagnostics.hpp"
#include "core/dates.hpp"

namespace kangle::config {

/// The position of a TOML node in `file`.
Position position_of(const std::string& file, const toml::node& node);

/// The syntax error `error` of the TOML text `content`, said for people: a key or a text
/// in Chinese without its quotes, Chinese quotes “…”, a text without its closing quote,
/// each with the line as it should be written; else the parser's own words as a detail.
Message syntax_error_message(std::string_view content, const toml::parse_error& error);

/// A text value and where it stands, for references checked after every file is read.
struct Located {
  std::string value;
  Position at;
};

/// Reads one TOML table key by key, reporting wrong types and missing keys to a
/// Diagnostics sink, and, at `finish()`, every key nobody asked for (with a "did you mean").
class TableReader {
public:
  TableReader(const toml::table& table, std::string file, Diagnostics& sink);
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<std::int64_t> integer(std::string_view key, bool required = false);
  /// A whole number from `minimum` to largest_count; reported otherwise.
  std::optional<int> count(std::string_view key, int minimum, bool required = false);
  /// A finite number; nan and inf are reported.
  std::optional<double> number(std::string_view key, bool required = false);
  /// More than any count a street or a district has (a monthly limit of a million
  /// sessions is a typing error), and well within an int.
  static constexpr std::int64_t largest_count = 1'000'000;
  std::optional<bool> boolean(std::string_view key, bool required = false);
  /// A TOML date or a `YYYY-MM-DD` string naming a day that exists.
  std::optional<Date> date(std::string_view key, bool required = false);
  /// A list of strings, or one string standing for a list of one.
  std::vector<Located> strings(std::string_view key, bool required = false);
  const toml::table* table(std::string_view key, bool required = false);
  const toml::array* array(std::string_view key, bool required = false);
  /// Any node, its type left to the caller.
  const toml::node* node(std::string_view key, bool required = false);

  /// Where the key's value stands, or the table itself when the key is absent.
  Position position(std::string_view key) const;
  Position table_position() const;
  const std::string& file() const { return file_; }
  Diagnostics& sink() { return sink_; }

  /// Reports keys never asked for. Call once, after every key was read.
  void finish();

private:
  const toml::node* fetch(std::string_view key, bool required);
  void wrong_type(std::string_view key, Msg expected);

  const toml::table& table_;
  std::string file_;
  Diagnostics& sink_;
  std::set<std::string, std::less<>> asked_;
};

}  // namespace kangle::config
