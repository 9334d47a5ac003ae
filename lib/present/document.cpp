// SPDX-License-Identifier: Apache-2.0
#include "present/document.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"

namespace kangle::present {

Value Value::text(std::string text) {
  Value v;
  v.kind_ = Kind::text;
  v.text_ = std::move(text);
  return v;
}

Value Value::integer(std::int64_t number) {
  Value v;
  v.kind_ = Kind::integer;
  v.number_ = static_cast<double>(number);
  return v;
}

Value Value::change(std::int64_t number) {
  Value v = integer(number);
  v.signed_ = true;
  return v;
}

Value Value::number(double number, int decimals) {
  Value v;
  v.kind_ = Kind::decimal;
  v.number_ = number;
  v.decimals_ = std::max(decimals, 0);
  return v;
}

Value Value::flag(bool set, std::string shown_when_set) {
  Value v;
  v.kind_ = Kind::flag;
  v.set_ = set;
  v.label_ = std::move(shown_when_set);
  return v;
}

Value Value::date(const Date& day) {
  Value v;
  v.kind_ = Kind::date;
  v.text_ = format_date(day);
  return v;
}

Value Value::duration(std::int64_t minutes) {
  Value v;
  v.kind_ = Kind::duration;
  v.number_ = static_cast<double>(minutes);
  return v;
}

Value Value::list(std::vector<std::string> items) {
  Value v;
  v.kind_ = Kind::list;
  v.items_ = std::move(items);
  return v;
}

Value Value::codes(std::vector<std::string> codes, std::vector<std::string> labels, std::string shown_when_none) {
  Value v;
  v.kind_ = Kind::list;
  v.items_ = std::move(codes);
  v.labels_ = std::move(labels);
  v.label_ = std::move(shown_when_none);
  v.labelled_ = true;
  return v;
}

Value Value::personal(std::string shown) {
  Value v;
  v.kind_ = Kind::personal;
  v.text_ = std::move(shown);
  return v;
}

Value Value::code(std::string code, std::string label) {
  Value v;
  v.kind_ = Kind::code;
  v.text_ = std::move(code);
  v.label_ = std::move(label);
  return v;
}

namespace {

/// `number` with `places` decimals; "" for infinity and NaN, which no format can hold.
std::string fixed(double number, int places) {
  if (!std::isfinite(number)) return "";
  // Halves round away from zero (四舍五入), as Excel shows the same number; fmt alone
  // would round them to even, 2.5 to 2.
  double scale = std::pow(10.0, places);
  double rounded = std::isfinite(number * scale) ? std::round(number * scale) / scale : number;
  if (rounded == 0) rounded = 0;  // 0.0, not -0.0
  return fmt::format("{:.{}f}", rounded, places);
}

}  // namespace

std::string Value::display(Lang lang) const {
  switch (kind_) {
    case Kind::none: return "";
    case Kind::integer: return (signed_ && number_ > 0 ? "+" : "") + fixed(number_, 0);
    case Kind::decimal: return fixed(number_, decimals_);
    case Kind::flag: return set_ ? label_ : "";
    case Kind::duration: return format_duration(static_cast<long>(number_), lang);
    case Kind::list:
      if (!labelled_) return list_in(lang, items_);
      return labels_.empty() ? label_ : list_in(lang, labels_);
    case Kind::code: return label_;
    case Kind::text:
    case Kind::date:
    case Kind::personal: return text_;
  }
  return "";
}

std::string Value::for_scripts() const {
  switch (kind_) {
    case Kind::flag: return set_ ? "true" : "false";
    case Kind::duration: return fixed(number_, 0);
    case Kind::code: return text_;
    case Kind::integer: return fixed(number_, 0);
    case Kind::list: return text::join(items_, ",");
    case Kind::decimal: return fixed(number_, decimals_);
    case Kind::none: return "";
    case Kind::text:
    case Kind::date:
    case Kind::personal: return text_;
  }
  return "";
}

Table as_read(const Table& table, const Section& section) {
  Table shown{table.id, table.title == section.title ? "" : table.title, {}, {}, table.key_columns};
  std::vector<std::size_t> kept;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].for_scripts) {
      if (c < table.key_columns) --shown.key_columns;
      continue;
    }
    kept.push_back(c);
    shown.columns.push_back(table.columns[c]);
  }
  for (const auto& row : table.rows) {
    auto& cells = shown.rows.emplace_back();
    for (auto c : kept) cells.push_back(c < row.size() ? row[c] : Value::none());
  }
  return shown;
}

Document listing(Lang language, std::string kind, Table table) {
  Document document(language);
  document.kind = std::move(kind);
  Section section;
  section.id = table.id;
  section.tables.push_back(std::move(table));
  document.sections.push_back(std::move(section));
  return document;
}

Document message(Lang language, std::string kind, std::vector<std::string> lines,
                 std::vector<std::pair<std::string, Value>> facts) {
  Document document(language);
  document.kind = std::move(kind);
  document.facts = std::move(facts);
  Section section;
  section.id = "message";
  section.lines = std::move(lines);
  document.sections.push_back(std::move(section));
  return document;
}

}  // namespace kangle::present

