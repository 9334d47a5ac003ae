// SPDX-License-Identifier: Apache-2.0
#include "config/toml_reader.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::config {

Position position_of(const std::string& file, const toml::node& node) {
  const auto& begin = node.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
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
    if (auto date = parse_date(text::trim(n->as_string()->get()))) return date;
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
