// SPDX-License-Identifier: Apache-2.0
// Small helpers the areas' document builders share to fill tables: a column people read,
// one only scripts read, and the cells that are empty when there is nothing to show.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "present/document.hpp"

namespace kangle::present {

/// A column under `key` headed by `header` in `lang`.
inline Column column(Lang lang, std::string key, Msg header) { return {std::move(key), std::string(message_text(header, lang))}; }

/// A column of durations: people read 2小时30分, scripts whole minutes (a CSV header says so).
inline Column duration_column(Lang lang, std::string key, Msg header) {
  Column c = column(lang, std::move(key), header);
  c.durations = true;
  return c;
}

/// A column only scripts read (CSV and JSON), headed by its key.
inline Column column_for_scripts(std::string key) {
  Column c{key, key};
  c.for_scripts = true;
  return c;
}

/// Text, or an empty cell (null in JSON) for "".
inline Value text_or_none(const std::string& text) { return text.empty() ? Value::none() : Value::text(text); }

inline Value date_or_none(const std::optional<Date>& day) { return day ? Value::date(*day) : Value::none(); }

template <typename Int>
Value integer_or_none(const std::optional<Int>& number) {
  return number ? Value::integer(static_cast<std::int64_t>(*number)) : Value::none();
}

}  // namespace kangle::present
