// SPDX-License-Identifier: Apache-2.0
#include "config/toml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::config {

Position position_of(const std::string& file, const toml::node& node) {
  const auto& begin = node.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

namespace {

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// A dotted key with each part that holds non-ASCII characters put in quotes; `first`
/// gets the first such part. False when no part needed them.
bool quote_key(std::string_view key, std::string& quoted, std::string& first) {
  bool changed = false;
  for (std::string_view rest = key;;) {
    auto dot = rest.find('.');
    auto part = text::trim(rest.substr(0, dot));
    bool bare = !part.empty() && part.front() != '"' && part.front() != '\'';
    if (bare && has_non_ascii(part) && std::none_of(part.begin(), part.end(), [](char c) { return c == '"'; })) {
      if (!changed) first = part;
      quoted += "\"" + std::string(part) + "\"";
      changed = true;
    } else {
      quoted += part;
    }
    if (dot == std::string_view::npos) break;
    quoted += '.';
    rest.remove_prefix(dot + 1);
  }
  return changed;
}

/// The line `number` (1-based) of `content`, without its line break.
std::string_view line_of(std::string_view content, std::size_t number) {
  for (std::size_t n = 1; n < number; ++n) {
    auto end = content.find('\n');
    if (end == std::string_view::npos) return {};
    content.remove_prefix(end + 1);
  }
  auto line = content.substr(0, content.find('\n'));
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

/// 丁香园 or 9:00-11:30 as a value: text without quotes (a TOML time has seconds).
bool needs_quotes(std::string_view value) {
  bool clock_range = !value.empty() && value.front() >= '0' && value.front() <= '9' &&
                     value.find(':') != std::string_view::npos && value.find_first_of("-~") != std::string_view::npos;
  return !value.empty() && (has_non_ascii(value.substr(0, 1)) || clock_range) && value.find('"') == std::string_view::npos;
}

std::string quoted_value(std::string_view value) { return "\"" + std::string(value) + "\""; }

Message syntax_error_message(std::string_view content, const toml::parse_error& error) {
  auto line = text::trim(line_of(content, error.source().begin.line));
  std::string quoted, first;
  if (line.starts_with('[')) {  // [周一] or [[周一]]: a table's name
    auto open = line.find_first_not_of('[');
    auto close = line.find(']', open);
    if (open != std::string_view::npos && close != std::string_view::npos &&
        quote_key(line.substr(open, close - open), quoted, first)) {
      auto brackets = line.substr(0, open);
      return Message(Msg::toml_key_needs_quotes, first,
                     std::string(brackets) + quoted + std::string(line.substr(close, open)));
    }
  } else if (auto equals = line.find('='); equals != std::string_view::npos) {
    auto key = text::trim(line.substr(0, equals));
    auto value = text::trim(line.substr(equals + 1));
    if (quote_key(key, quoted, first)) {
      return Message(Msg::toml_key_needs_quotes, first, quoted + " = " + std::string(needs_quotes(value) ? quoted_value(value) : value));
    }
    for (std::string_view curly : {"“", "”", "＂"}) {
      if (!value.starts_with(curly)) continue;
      auto inner = value.substr(curly.size());
      for (std::string_view close : {"”", "“", "＂"}) {
        if (inner.ends_with(close)) inner.remove_suffix(close.size());
      }
      return Message(Msg::toml_curly_quotes, std::string(key) + " = \"" + std::string(inner) + "\"");
    }
    if (value.starts_with('"') && !value.starts_with("\"\"\"") && value.find('"', 1) == std::string_view::npos) {
      return Message(Msg::toml_unterminated_string);
    }
    if (needs_quotes(value)) return Message(Msg::toml_value_needs_quotes, value, std::string(key) + " = " + quoted_value(value));
  }
  return Message(Msg::toml_syntax, std::string(error.description()));
}

TableReader::TableReader(const toml::table& table, std::string file, Diagnostics& sink)
    : table_(table), file_(std::move(file)), sink_(sink) {}

Position TableReader::table_position() const { return position_of(file_, table_); }

Position TableReader::position(std::string_view key) const {
  if (const auto* n = table_.get(key)) return position_of(file_, *n);
  return table_position();
}

const toml::node* TableReader::fetch(std::string_view key, bool required) {
  asked_.emplace(key);
  const auto* n = table_.get(key);
  if (!n && required) sink_.error(table_position(), Message(Msg::toml_missing_key, key));
  return n;
}

void TableReader::wrong_type(std::string_view key, Msg expected) {
  sink_.error(position(key), Message(Msg::toml_wrong_type, key, expected));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return std::nullopt;
  if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
  wrong_type(key, Msg::type_string);
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return std::nullopt;
  if (n->is_integer()) return n->as_integer()->get();
  wrong_type(key, Msg::type_integer);
  return std::nullopt;
}

std::optional<int> TableReader::count(std::string_view key, int minimum, bool required) {
  auto v = integer(key, required);
  if (!v) return std::nullopt;
  if (*v < minimum) {
    sink_.error(position(key), Message(Msg::toml_not_positive, key, minimum));
    return std::nullopt;
  }
  if (*v > largest_count) {
    sink_.error(position(key), Message(Msg::toml_too_large, key, *v, largest_count));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<double> TableReader::number(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return std::nullopt;
  if (n->is_floating_point()) {
    // TOML allows nan and inf; no figure of a config means either, and a comparison with
    // nan is always false: a review threshold of nan would sort every service silently.
    double x = n->as_floating_point()->get();
    if (std::isfinite(x)) return x;
    sink_.error(position(key), Message(Msg::toml_not_finite, key, x));
    return std::nullopt;
  }
  if (n->is_integer()) return static_cast<double>(n->as_integer()->get());
  wrong_type(key, Msg::type_number);
  return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return std::nullopt;
  if (n->is_boolean()) return n->as_boolean()->get();
  wrong_type(key, Msg::type_boolean);
  return std::nullopt;
}

std::optional<Date> TableReader::date(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return std::nullopt;
  if (n->is_date()) {
    auto d = n->as_date()->get();
    Date date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
    if (date.ok()) return date;
    sink_.error(position(key), Message(Msg::toml_bad_date, fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day)));
    return std::nullopt;
  }
  if (n->is_string()) {
    if (auto date = parse_written_date(n->as_string()->get())) return date;
    sink_.error(position(key), Message(Msg::toml_bad_date, n->as_string()->get()));
    return std::nullopt;
  }
  wrong_type(key, Msg::type_date);
  return std::nullopt;
}

std::vector<Located> TableReader::strings(std::string_view key, bool required) {
  std::vector<Located> out;
  const auto* n = fetch(key, required);
  if (!n) return out;
  if (n->is_string()) {
    out.push_back({n->as_string()->get(), position_of(file_, *n)});
    return out;
  }
  if (const auto* list = n->as_array()) {
    for (const auto& item : *list) {
      if (!item.is_string()) {
        wrong_type(key, Msg::type_string_list);
        return {};
      }
      out.push_back({item.as_string()->get(), position_of(file_, item)});
    }
    return out;
  }
  wrong_type(key, Msg::type_string_list);
  return out;
}

const toml::table* TableReader::table(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return nullptr;
  if (const auto* t = n->as_table()) return t;
  wrong_type(key, Msg::type_table);
  return nullptr;
}

const toml::array* TableReader::array(std::string_view key, bool required) {
  const auto* n = fetch(key, required);
  if (!n) return nullptr;
  if (const auto* a = n->as_array()) return a;
  wrong_type(key, Msg::type_array);
  return nullptr;
}

const toml::node* TableReader::node(std::string_view key, bool required) { return fetch(key, required); }

void TableReader::finish() {
  std::vector<std::string> known(asked_.begin(), asked_.end());
  for (const auto& [key, value] : table_) {
    if (asked_.contains(key.str())) continue;
    auto at = position_of(file_, value);
    if (key.source().begin.line > 0) {
      at.line = static_cast<int>(key.source().begin.line);
      at.column = static_cast<int>(key.source().begin.column);
    }
    if (auto suggestion = text::closest(key.str(), known)) {
      sink_.error(at, Message(Msg::toml_unknown_key_suggest, key.str(), *suggestion));
    } else {
      sink_.error(at, Message(Msg::toml_unknown_key, key.str()));
    }
  }
}

}  // namespace kangle::config
