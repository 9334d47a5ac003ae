// SPDX-License-Identifier: Apache-2.0
// kangle match list needs|resources [--status S] [--unit U] [--category C] [--format text|json|csv] [--reveal]
// (matching itself, claims and reviews come with issue 7)
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/table.hpp"
#include "core/text.hpp"
#include "import/categories.hpp"
#include "lists/store.hpp"
#include "people/volunteer.hpp"

namespace kangle::cli {
namespace {

struct MatchCommand {
  std::string what;  ///< needs or resources
  std::optional<std::string> status;
  std::optional<std::string> unit;
  std::optional<std::string> category;
  Format format = Format::text;
  bool reveal = false;
};

std::string text_of(Msg id) { return std::string(message_text(id, language())); }

std::string yes_no(bool value) { return text_of(value ? Msg::word_yes : Msg::word_no); }

std::string shown_phone(const std::string& phone, bool reveal) {
  if (phone.empty() || reveal) return phone;
  return people::mask_phone(phone);
}

std::string category_name(const config::Catalogue& catalogue, const std::string& id) {
  const auto* c = catalogue.find_category(id);
  if (!c) return id;
  return language() == Lang::en && !c->name_en.empty() ? c->name_en : c->name;
}

/// `--category` as a category id: an id, a name, or a service's name, as imports read them.
std::string category_id(const std::string& text, const config::Catalogue& catalogue) {
  import::CategoryMatcher matcher(catalogue);
  if (auto id = matcher.match(text)) return *id;
  if (auto nearest = matcher.nearest(text)) throw UsageError(tr(Msg::lists_unknown_category_suggest, text, *nearest));
  throw UsageError(tr(Msg::lists_unknown_category, text,
                      text::join(matcher.names(), message_text(Msg::rhythm_list_separator, language()))));
}

std::string json_or_null(const std::optional<std::string>& value) { return value ? json::quote(*value) : "null"; }

template <typename Int>
std::string number_or_null(const std::optional<Int>& value) {
  return value ? std::to_string(*value) : "null";
}

std::string json_location(const std::optional<lists::Coordinates>& at) {
  return at ? fmt::format("{{\"lat\": {}, \"lon\": {}}}", at->lat, at->lon) : "null";
}

void print_json(const std::vector<std::string>& items) {
  fmt::print("[{}{}{}]\n", items.empty() ? "" : "\n", text::join(items, ",\n"), items.empty() ? "" : "\n");
}

void print_table(const std::vector<Msg>& header_ids, const std::vector<std::vector<std::string>>& rows, Format format,
                 Msg count_id) {
  std::vector<std::string> headers;
  for (auto id : header_ids) headers.push_back(text_of(id));
  if (format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
    return;
  }
  fmt::print("{}", table::render_text(headers, rows));
  fmt::print("{}\n", tr(count_id, rows.size()));
}

// ─── needs ───────────────────────────────────────────────────────────────────────

std::string vulnerability_cell(const lists::Need& n) {
  if (!n.vulnerable) return "";
  return n.vulnerability.empty() ? yes_no(true) : n.vulnerability;
}

std::string micro_wish_cell(const lists::Need& n) {
  if (!n.micro_wish) return "";
  if (!n.value_fen) return yes_no(true);
  return tr(Msg::lists_micro_wish_value, lists::display_money(*n.value_fen));
}

std::string need_json(const lists::Need& n, bool reveal) {
  return fmt::format(
      "{{\"code\": {}, \"requester\": {}, \"requester_kind\": {}, \"phone\": {}, \"compound\": {}, \"address\": {}, "
      "\"location\": {}, \"category\": {}, \"description\": {}, \"people\": {}, \"deadline\": {}, \"vulnerable\": {}, "
      "\"vulnerability\": {}, \"micro_wish\": {}, \"value_fen\": {}, \"wanted\": {}, \"status\": {}, \"note\": {}}}",
      json_or_null(n.code.empty() ? std::nullopt : std::optional(n.code)), json::quote(n.requester),
      json::quote(lists::to_string(n.requester_kind)),
      json_or_null(n.phone.empty() ? std::nullopt : std::optional(shown_phone(n.phone, reveal))), json::quote(n.compound),
      json::quote(n.address), json_location(n.location), json::quote(n.category), json::quote(n.description), n.people,
      json_or_null(n.deadline ? std::optional(format_date(*n.deadline)) : std::nullopt), n.vulnerable ? "true" : "false",
      json::quote(n.vulnerability), n.micro_wish ? "true" : "false", number_or_null(n.value_fen), n.wanted,
      json::quote(lists::to_string(n.status)), json::quote(n.note));
}

int list_needs(const MatchCommand& options, Context& context) {
  if (options.unit) throw UsageError(tr(Msg::match_unit_resources_only));
  const auto& catalogue = context.config->catalogue;
  lists::NeedFilter filter;
  if (options.status) {
    filter.status = lists::parse_need_status(*options.status);
    if (!filter.status) throw UsageError(tr(Msg::match_bad_status, *options.status));
  }
  if (options.category) filter.category = category_id(*options.category, catalogue);
  auto needs = lists::Store(context.database->sql()).needs(filter);
  if (options.format == Format::json) {
    std::vector<std::string> items;
    for (const auto& n : needs) items.push_back("  " + need_json(n, options.reveal));
    print_json(items);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : needs) {
    rows.push_back({n.code, n.requester, lists::display(n.requester_kind), shown_phone(n.phone, options.reveal),
                    n.compound, category_name(catalogue, n.category), n.description, std::to_string(n.people),
                    n.deadline ? format_date(*n.deadline) : "", vulnerability_cell(n), micro_wish_cell(n),
                    lists::display(n.status)});
  }
  print_table({Msg::field_code, Msg::field_requester, Msg::field_kind, Msg::field_phone, Msg::field_compound,
               Msg::field_category, Msg::field_description, Msg::field_people, Msg::field_deadline,
               Msg::field_vulnerable, Msg::field_micro_wish, Msg::field_status},
              rows, options.format, Msg::needs_count);
  return 0;
}

// ─── resources ───────────────────────────────────────────────────────────────────

std::string resource_json(const lists::Resource& r, bool reveal) {
  return fmt::format(
      "{{\"code\": {}, \"provider\": {}, \"provider_kind\": {}, \"unit\": {}, \"contact\": {}, \"phone\": {}, "
      "\"category\": {}, \"description\": {}, \"address\": {}, \"location\": {}, \"radius_m\": {}, \"capacity\": {}, "
      "\"period\": {}, \"cost_fen\": {}, \"note\": {}}}",
      json_or_null(r.code.empty() ? std::nullopt : std::optional(r.code)), json::quote(r.provider),
      json::quote(lists::to_string(r.provider_kind)), json::quote(r.unit), json::quote(r.contact),
      json_or_null(r.phone.empty() ? std::nullopt : std::optional(shown_phone(r.phone, reveal))), json::quote(r.category),
      json::quote(r.description), json::quote(r.address), json_location(r.location), number_or_null(r.radius_m),
      r.capacity, json_or_null(r.period.empty() ? std::nullopt : std::optional(r.period)), number_or_null(r.cost_fen),
      json::quote(r.note));
}

int list_resources(const MatchCommand& options, Context& context) {
  if (options.status) throw UsageError(tr(Msg::match_status_needs_only));
  const auto& catalogue = context.config->catalogue;
  lists::ResourceFilter filter;
  if (options.unit) filter.unit = *options.unit;
  if (options.category) filter.category = category_id(*options.category, catalogue);
  auto resources = lists::Store(context.database->sql()).resources(filter);
  if (options.format == Format::json) {
    std::vector<std::string> items;
    for (const auto& r : resources) items.push_back("  " + resource_json(r, options.reveal));
    print_json(items);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : resources) {
    rows.push_back({r.code, r.provider, lists::display(r.provider_kind), r.contact, shown_phone(r.phone, options.reveal),
                    category_name(catalogue, r.category), r.description, lists::display_radius(r.radius_m),
                    std::to_string(r.capacity), r.period, r.cost_fen ? lists::display_money(*r.cost_fen) : ""});
  }
  print_table({Msg::field_code, Msg::field_provider, Msg::field_kind, Msg::field_contact, Msg::field_phone,
               Msg::field_category, Msg::field_description, Msg::field_radius, Msg::field_capacity, Msg::field_period,
               Msg::field_cost},
              rows, options.format, Msg::resources_count);
  return 0;
}

}  // namespace

void define_match(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<MatchCommand>();
  auto* list = command.add_subcommand("list", "List the needs or the resources");
  list->add_option("what", options->what, "needs or resources")->required()->check(CLI::IsMember({"needs", "resources"}));
  list->add_option("--status", options->status, "Needs only: open, matched, done or cancelled");
  list->add_option("--unit", options->unit, "Resources only: those whose unit's or provider's name contains this");
  list->add_option("--category", options->category, "Only this category (an id, a name, or a service's name)");
  add_format_option(*list, options->format, {Format::text, Format::json, Format::csv});
  add_reveal_option(*list, options->reveal);
  action = [options](Context& context) {
    return options->what == "needs" ? list_needs(*options, context) : list_resources(*options, context);
  };
}

}  // namespace kangle::cli
