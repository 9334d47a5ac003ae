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
  v.label_at_ = static_cast<std::uint32_t>(v.text_.size());
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
  v.decimals_ = static_cast<std::uint8_t>(std::clamp(decimals, 0, 255));
  return v;
}

Value Value::flag(bool set, std::string shown_when_set) {
  Value v;
  v.kind_ = Kind::flag;
  v.set_ = set;
  v.text_ = std::move(shown_when_set);
  return v;
}

Value Value::date(const Date& day) {
  Value v;
  v.kind_ = Kind::date;
  v.text_ = format_date(day);
  v.label_at_ = static_cast<std::uint32_t>(v.text_.size());
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
  // No items, nothing kept: most lists of stand-ins are empty.
  if (!items.empty()) v.items_ = std::make_shared<const Items>(Items{std::move(items), {}});
  return v;
}

Value Value::codes(std::vector<std::string> codes, std::vector<std::string> labels, std::string shown_when_none) {
  Value v;
  v.kind_ = Kind::list;
  if (!codes.empty() || !labels.empty()) v.items_ = std::make_shared<const Items>(Items{std::move(codes), std::move(labels)});
  v.text_ = std::move(shown_when_none);
  v.labelled_ = true;
  return v;
}

Value Value::personal(std::string shown) {
  Value v;
  v.kind_ = Kind::personal;
  v.text_ = std::move(shown);
  v.label_at_ = static_cast<std::uint32_t>(v.text_.size());
  return v;
}

Value Value::code(std::string code, std::string label) {
  Value v;
  v.kind_ = Kind::code;
  v.label_at_ = static_cast<std::uint32_t>(code.size());
  v.text_ = std::move(code) + label;
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

const std::vector<std::string>& Value::items() const {
  static const std::vector<std::string> none;
  return items_ ? items_->items : none;
}

std::string Value::display(Lang lang) const {
  switch (kind_) {
    case Kind::none: return "";
    case Kind::integer: return (signed_ && number_ > 0 ? "+" : "") + fixed(number_, 0);
    case Kind::decimal: return fixed(number_, decimals_);
    case Kind::flag: return set_ ? std::string(label()) : "";
    case Kind::duration: return format_duration(static_cast<long>(number_), lang);
    case Kind::list:
      if (!labelled_) return list_in(lang, items());
      return !items_ || items_->labels.empty() ? std::string(label()) : list_in(lang, items_->labels);
    case Kind::code: return std::string(label());
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
    case Kind::code: return std::string(own_text());
    case Kind::integer: return fixed(number_, 0);
    case Kind::list: return text::join(items(), ",");
    case Kind::decimal: return fixed(number_, decimals_);
    case Kind::none: return "";
    case Kind::text:
    case Kind::date:
    case Kind::personal: return text_;
  }
  return "";
}

TableAsRead::TableAsRead(const Table& table, const Section& section)
    : title(table.title == section.title ? "" : table.title), key_columns(table.key_columns), table_(table) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].for_scripts) {
      if (c < table.key_columns) --key_columns;
      continue;
    }
    kept_.push_back(c);
    columns.push_back(table.columns[c]);
  }
}

const Value& TableAsRead::cell(const std::vector<Value>& row, std::size_t c) const {
  static const Value none;
  std::size_t at = kept_.at(c);
  return at < row.size() ? row[at] : none;
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

