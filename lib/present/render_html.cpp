// SPDX-License-Identifier: Apache-2.0
// The HTML page of a document, its charts drawn as inline SVG.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "present/table.hpp"
#include "core/text.hpp"
#include "present/render.hpp"

namespace kangle::present {
namespace {

using table::html_escape;

// Charts are drawn 680 units wide, the 180 mm between A4's margins at 96 dpi, and
// scale down with the page.
constexpr double chart_width = 680;
constexpr double font_size = 12;
constexpr std::string_view mark_colour = "#c62828";

/// Roughly how wide `text` is drawn: about half an em per display column (a CJK character takes two).
double text_width(std::string_view text) { return static_cast<double>(text::display_width(text)) * font_size * 0.55; }

/// `text` with an ellipsis in place of what does not fit in `width`.
std::string shortened(const std::string& text, double width) {
  if (text_width(text) <= width) return text;
  auto columns = static_cast<std::size_t>(width / (font_size * 0.55));
  return std::string(text::fit_width(text, columns > 0 ? columns - 1 : 0)) + "…";
}

/// A coordinate with one decimal: the same report always gives the same bytes.
std::string at(double v) { return fmt::format("{:.1f}", v); }

const Value& cell(const std::vector<Value>& row, std::size_t column) {
  static const Value none;
  return column < row.size() ? row[column] : none;
}

/// The value of a number cell; nothing for none, text, infinity and NaN.
std::optional<double> number_of(const Value& value) {
  if (!value.is_number() || !std::isfinite(value.number_value())) return std::nullopt;
  return value.number_value();
}

std::size_t table_index(const Section& section, const Chart& chart) {
  for (std::size_t t = 0; t < section.tables.size(); ++t) {
    if (section.tables[t].id == chart.table) return t;
  }
  throw Error(fmt::format("chart '{}' of section '{}' names table '{}', which the section does not have", chart.title,
                          section.id, chart.table));
}

std::size_t column_index(const Table& table, const std::string& key, const Chart& chart) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].key == key) return c;
  }
  throw Error(fmt::format("chart '{}' names column '{}', which table '{}' does not have", chart.title, key, table.id));
}

std::string svg_start(double height, const std::string& title) {
  return fmt::format("<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" font-size=\"{2}\" role=\"img\" "
                     "aria-label=\"{3}\">\n",
                     at(chart_width), at(height), font_size, html_escape(title));
}

/// `content` drawn at (x, y); `tooltip` is markup put inside the element (a <title>).
std::string svg_text(double x, double y, std::string_view anchor, const std::string& content,
                     std::string_view attributes = "", const std::string& tooltip = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}{}</text>\n", at(x), at(y), anchor, attributes,
                     tooltip, html_escape(content));
}

std::string svg_line(double x1, double y1, double x2, double y2, std::string_view attributes) {
  return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\n", at(x1), at(y1), at(x2), at(y2),
                     attributes);
}

/// One horizontal bar per row, its label on the left and its value at its end.
std::string bars_svg(const Chart& chart, const Table& table, Lang lang) {
  std::size_t label_column = column_index(table, chart.label, chart);
  std::size_t value_column = column_index(table, chart.value, chart);
  constexpr double row_height = 24, bar_height = 16, padding = 8;
  double largest = 0, label_width = 0, value_width = 0;
  for (const auto& row : table.rows) {
    largest = std::max(largest, number_of(cell(row, value_column)).value_or(0));
    label_width = std::max(label_width, text_width(cell(row, label_column).display(lang)));
    value_width = std::max(value_width, text_width(cell(row, value_column).display(lang)));
  }
  // Long labels and values are shortened rather than squeezing the bars to nothing.
  label_width = std::min(label_width, chart_width / 3);
  value_width = std::min(value_width, chart_width / 6);
  if (largest <= 0) largest = 1;  // all zero: no bars, and no division by zero
  double bars_left = label_width + 2 * padding;
  double bars_span = chart_width - bars_left - value_width - 2 * padding;
  double height = static_cast<double>(std::max<std::size_t>(table.rows.size(), 1)) * row_height + 2 * padding;

  std::string out = svg_start(height, chart.title);
  out += svg_line(bars_left, padding, bars_left, height - padding, "stroke=\"#999\"");
  if (table.rows.empty()) out += svg_text(chart_width / 2, height / 2 + font_size * 0.35, "middle", "—");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& value = cell(table.rows[r], value_column);
    double top = padding + static_cast<double>(r) * row_height;
    double baseline = top + row_height / 2 + font_size * 0.35;
    double length = std::max(number_of(value).value_or(0), 0.0) / largest * bars_span;
    // A label too long for its room is shortened; the whole name is its tooltip.
    std::string label = cell(table.rows[r], label_column).display(lang);
    std::string shown = shortened(label, label_width);
    out += svg_text(bars_left - padding, baseline, "end", shown, "",
                    shown == label ? "" : "<title>" + html_escape(label) + "</title>");
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", at(bars_left),
                       at(top + (row_height - bar_height) / 2), at(length), at(bar_height), mark_colour);
    out += svg_text(bars_left + length + padding / 2, baseline, "start", shortened(value.display(lang), value_width));
  }
  return out + "</svg>\n";
}

/// The room a label takes on a chart, from its top left corner.
struct Box {
  double left = 0, top = 0, width = 0, height = 0;
  bool overlaps(const Box& other) const {
    return left < other.left + other.width && other.left < left + width && top < other.top + other.height &&
           other.top < top + height;
  }
};

/// The span of an axis, and where a value falls on it.
struct Scale {
  double low = 0, high = 1;
  double position(double value, double from, double to) const {
    return from + (value - low) / (high - low) * (to - from);
  }
  bool contains(double value) const { return low <= value && value <= high; }
};

/// About five ticks at a round step (1, 2 or 5 times a power of ten), each with its label.
std::vector<std::pair<double, std::string>> ticks(const Scale& scale) {
  double rough = (scale.high - scale.low) / 5;
  double power = std::pow(10.0, std::floor(std::log10(rough)));
  double ratio = rough / power;
  double step = power * (ratio < 1.5 ? 1 : ratio < 3.5 ? 2 : ratio < 7.5 ? 5 : 10);
  int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  // Counted in whole steps so that rounding errors do not add up.
  long first = std::lround(std::ceil(scale.low / step - 1e-9));
  long last = std::lround(std::floor(scale.high / step + 1e-9));
  std::vector<std::pair<double, std::string>> out;
  for (long i = first; i <= last; ++i) {
    double value = static_cast<double>(i) * step;
    out.emplace_back(value, fmt::format("{:.{}f}", std::abs(value) < step / 2 ? 0.0 : value, decimals));
  }
  return out;
}

/// One point per row, the plot cut into four by dashed lines at the splits.
std::string quadrant_svg(const Chart& chart, const Table& table, Lang lang) {
  std::size_t label_column = column_index(table, chart.label, chart);
  std::size_t x_column = column_index(table, chart.x, chart);
  std::size_t y_column = column_index(table, chart.y, chart);
  struct Point {
    double x, y;
    std::string label;
  };
  std::vector<Point> points;
  for (const auto& row : table.rows) {
    auto x = number_of(cell(row, x_column));
    auto y = number_of(cell(row, y_column));
    if (x && y) points.push_back({*x, *y, cell(row, label_column).display(lang)});
  }
  Scale x_scale, y_scale{1, 5};  // y is most often a satisfaction score, 1 to 5
  double largest_x = 0;
  for (const auto& point : points) largest_x = std::max(largest_x, point.x);
  if (largest_x > 0) x_scale.high = largest_x * 1.1;
  if (!std::all_of(points.begin(), points.end(), [&](const Point& p) { return y_scale.contains(p.y); })) {
    auto [lowest, highest] = std::minmax_element(points.begin(), points.end(),
                                                 [](const Point& a, const Point& b) { return a.y < b.y; });
    double margin = highest->y > lowest->y ? (highest->y - lowest->y) * 0.1 : 1;
    y_scale = {lowest->y - margin, highest->y + margin};
  }

  constexpr double height = 440, left = 64, right = 16, top = 16, bottom = 56;
  const double x0 = left, x1 = chart_width - right, y0 = top, y1 = height - bottom;
  auto x_of = [&](double v) { return x_scale.position(v, x0, x1); };
  auto y_of = [&](double v) { return y_scale.position(v, y1, y0); };

  std::string out = svg_start(height, chart.title);
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#999\"/>\n", at(x0),
                     at(y0), at(x1 - x0), at(y1 - y0));
  for (const auto& [value, label] : ticks(x_scale)) {
    out += svg_line(x_of(value), y1, x_of(value), y1 + 4, "stroke=\"#999\"");
    out += svg_text(x_of(value), y1 + 4 + font_size, "middle", label);
  }
  for (const auto& [value, label] : ticks(y_scale)) {
    out += svg_line(x0 - 4, y_of(value), x0, y_of(value), "stroke=\"#999\"");
    out += svg_text(x0 - 6, y_of(value) + font_size * 0.35, "end", label);
  }
  constexpr std::string_view dashed = "stroke=\"#888\" stroke-dasharray=\"6 4\"";
  if (x_scale.contains(chart.x_split)) out += svg_line(x_of(chart.x_split), y0, x_of(chart.x_split), y1, dashed);
  if (y_scale.contains(chart.y_split)) out += svg_line(x0, y_of(chart.y_split), x1, y_of(chart.y_split), dashed);
  out += svg_text((x0 + x1) / 2, height - 12, "middle", chart.x_title);
  out += svg_text(-(y0 + y1) / 2, 18, "middle", chart.y_title, " transform=\"rotate(-90)\"");
  // Each point has its name and figures as a tooltip; its label goes in the first of four
  // places around it (right above, right below, left above, left below) that stays inside the
  // plot and clear of the labels placed before it, and is left out when none is: points that
  // fall together do not print their names over each other.
  std::vector<Box> placed;
  for (const auto& point : points) {
    double x = x_of(point.x), y = y_of(point.y);
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"><title>{} ({}, {})</title></circle>\n", at(x),
                       at(y), mark_colour, html_escape(point.label), fmt::format("{:g}", point.x), fmt::format("{:g}", point.y));
    std::string label = shortened(point.label, chart_width / 4);
    double width = text_width(label);
    for (bool leftwards : {false, true}) {
      std::optional<Box> chosen;
      for (double baseline : {y - 7, y + 7 + font_size}) {
        Box box{leftwards ? x - 7 - width : x + 7, baseline - font_size, width, font_size * 1.2};
        bool inside = box.left >= x0 && box.left + box.width <= x1 && box.top >= y0 && box.top + box.height <= y1;
        if (inside && std::none_of(placed.begin(), placed.end(), [&](const Box& other) { return other.overlaps(box); })) {
          chosen = box;
          break;
        }
      }
      if (!chosen) continue;
      placed.push_back(*chosen);
      out += svg_text(leftwards ? x - 7 : x + 7, chosen->top + font_size, leftwards ? "end" : "start", label, " class=\"label\"");
      break;
    }
  }
  return out + "</svg>\n";
}

std::string chart_figure(const Chart& chart, const Table& table, Lang lang) {
  std::string out = "<figure class=\"chart\">\n";
  if (!chart.title.empty()) out += "<figcaption>" + html_escape(chart.title) + "</figcaption>\n";
  switch (chart.kind) {
    case Chart::Kind::bars: out += bars_svg(chart, table, lang); break;
    case Chart::Kind::quadrant: out += quadrant_svg(chart, table, lang); break;
  }
  return out + "</figure>\n";
}

std::string table_html(const TableAsRead& table, Lang lang) {
  std::string out = "<table>\n";
  if (!table.title.empty()) out += "<caption>" + html_escape(table.title) + "</caption>\n";
  out += "<thead><tr>";
  for (const auto& column : table.columns) out += "<th>" + html_escape(column.header) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows()) {
    out += "<tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto& value = table.cell(row, c);
      out += (value.is_number() ? "<td class=\"num\">" : "<td>") + html_escape(value.display(lang)) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// Tables are printed at 9 pt: an em is 3.175 mm.
constexpr double table_em_mm = 25.4 * 9 / 72;
// A4 less 15 mm margins: 180 mm across a portrait page, 267 mm across a landscape one.
constexpr double portrait_mm = 180, landscape_mm = 267;

/// About how wide `table` is drawn with no header broken, in millimetres: each column as
/// wide as its widest cell or header (half an em a display column; a long text wraps at 16
/// ems), with its padding and border.
double natural_width_mm(const TableAsRead& table, Lang lang) {
  constexpr std::size_t wrapped = 32;  // display columns
  double ems = 0;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    std::size_t widest = 0;
    for (const auto& row : table.rows()) widest = std::max(widest, text::display_width(table.cell(row, c).display(lang)));
    widest = std::max(std::min(widest, wrapped), text::display_width(table.columns[c].header));
    ems += static_cast<double>(widest) * 0.5 + 0.9;
  }
  return ems * table_em_mm;
}

std::string section_html(const Section& section, Lang lang) {
  // Each table comes after the charts drawn from it.
  std::vector<std::string> figures(section.tables.size());
  for (const auto& chart : section.charts) {
    std::size_t t = table_index(section, chart);
    figures[t] += chart_figure(chart, section.tables[t], lang);
  }
  std::string out = "<section>\n";
  if (!section.title.empty()) out += "<h2>" + html_escape(section.title) + "</h2>\n";
  for (const auto& line : section.lines) out += "<p>" + html_escape(line) + "</p>\n";
  for (std::size_t t = 0; t < section.tables.size(); ++t) out += figures[t] + table_html(TableAsRead(section.tables[t], section), lang);
  return out + "</section>\n";
}

std::string style(const Document& report) {
  bool across = printed_across(report);
  return fmt::format("@page {{ size: {}; margin: 15mm; }}\n", across ? "A4 landscape" : "A4") +
         "body { font-family: " + std::string(table::html_font_family) +
         "; color: #222; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: " +
         fmt::format("{}mm", across ? landscape_mm : portrait_mm) + "; }\n" +
         (report.page_per_section ? "section + section { break-before: page; page-break-before: always; }\n" : "") +
         "h1 { font-size: 18pt; text-align: center; color: #b71c1c; margin: 0.5em 0 0.8em; }\n"
         "h2 { font-size: 13pt; color: #b71c1c; border-bottom: 2px solid #b71c1c; margin: 1.4em 0 0.6em; "
         "break-after: avoid; page-break-after: avoid; }\n"
         // Never wider than the page: a cell's text wraps, anywhere if it must, headers too.
         "table { border-collapse: collapse; width: 100%; table-layout: auto; font-size: 9pt; line-height: 1.35; "
         "margin: 0.6em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }\n"
         "caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }\n"
         "thead { display: table-header-group; }\n"
         "tr { break-inside: avoid; page-break-inside: avoid; }\n"
         "th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; overflow-wrap: anywhere; }\n"
         "th { background: #fbe9e7; vertical-align: bottom; }\n"
         "td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
         "figure.chart { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }\n"
         "figcaption { font-weight: bold; margin-bottom: 0.3em; }\n"
         "svg { display: block; max-width: 100%; height: auto; }\n"
         "svg text { fill: #333; }\n"
         // The 落款: the issuing body and the day, to the right under the last section.
         ".signature { margin: 2.5em 2em 0 auto; width: max-content; text-align: center; "
         "break-inside: avoid; page-break-inside: avoid; }\n"
         ".signature p { margin: 0.2em 0; }\n"
         "footer { margin-top: 2em; border-top: 1px solid #ccc; color: #555; font-size: 0.85em; }\n";
}

}  // namespace

bool printed_across(const Document& document) {
  if (document.landscape) return true;
  for (const auto& section : document.sections) {
    for (const auto& table : section.tables) {
      // A tenth too wide is taken up by headers on two lines; more would wrap short names too.
      if (natural_width_mm(TableAsRead(table, section), document.language) > portrait_mm * 1.1) return true;
    }
  }
  return false;
}

std::string render_html(const Document& report) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n"
      "<body>\n{}",
      lang_code(report.language), html_escape(report.title), style(report),
      report.title.empty() ? "" : "<h1>" + html_escape(report.title) + "</h1>\n");
  for (const auto& section : report.sections) out += section_html(section, report.language);
  if (!report.signature.empty()) {
    out += "<div class=\"signature\">\n";
    for (const auto& line : report.signature) out += "<p>" + html_escape(line) + "</p>\n";
    out += "</div>\n";
  }
  if (!report.footer.empty()) {
    out += "<footer>\n";
    for (const auto& line : report.footer) out += "<p>" + html_escape(line) + "</p>\n";
    out += "</footer>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace kangle::present
