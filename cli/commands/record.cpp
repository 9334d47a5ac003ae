// SPDX-License-Identifier: Apache-2.0
// kangle record confirm --date D [--kiosk K] [--absent P]... [--instead P=Q]... [--served S=N]... [--satisfaction S=X]... [--dry-run]
// kangle record add --date D (--kiosk K | --place P) --time HH:MM-HH:MM (--service S | --title T) --volunteers A,B
// kangle record set ID [--residents N] [--satisfaction X] [--note T]
// kangle record cancel ID --reason R [--by WHO]
// kangle record list [--month M | --from D --to D] [--kiosk K] [--service S] [--person P] [--cancelled]
// kangle record grant PERSON --hours H --reason R --approved-by A [--date D]
// kangle record grant --revoke ID --reason R --approved-by A
// kangle record hours [PERSON] [--period P]
// Listings take --format text|json|csv|md|html|xlsx and -o FILE; the others text|json.
#include <memory>

#include "../commands.hpp"
#include "points/documents.hpp"
#include "records/documents.hpp"

namespace kangle::cli {
namespace {

void add_outcome_options(CLI::App& sub, std::optional<int>& residents, std::optional<double>& satisfaction,
                         std::string& note) {
  sub.add_option("--residents", residents, "Residents served (人次)")->check(CLI::NonNegativeNumber);
  sub.add_option("--satisfaction", satisfaction, "Satisfaction, 1 to 5");
  sub.add_option("--note", note, "A note");
}

Leaf confirm() {
  return {"confirm", "Turn a day's rota into service records: who came, who stood in", message_formats,
          [](CLI::App& sub) -> Run {
            struct Options {
              records::ConfirmRequest request;
              bool dry_run = false;
            };
            auto options = std::make_shared<Options>();
            auto& request = options->request;
            sub.add_option("--date", request.date, "The day (YYYY-MM-DD)")->required();
            sub.add_option("--kiosk", request.kiosk, "Only this kiosk (its name or id)")->type_name("KIOSK");
            sub.add_option("--absent", request.absent, "A volunteer on the rota who did not come (repeat for more)");
            sub.add_option("--instead", request.instead, "P=Q: Q came in the place of P (repeat for more)");
            sub.add_option("--served", request.served,
                           "SERVICE=N (or SERVICE@HH:MM=N): residents served, by service or event title");
            sub.add_option("--satisfaction", request.satisfaction,
                           "SERVICE=X (or SERVICE@HH:MM=X): residents' satisfaction, 1 to 5, keyed as --served");
            sub.add_flag("--dry-run", options->dry_run, "Show the records; write nothing");
            return [options](Context& context) -> Outcome {
              return {records::confirm_document(context.database->sql(), *context.config, options->request, context.now,
                                                options->dry_run, context.lang)};
            };
          }};
}

Leaf add() {
  return {"add", "Record a session off the rota: an outreach visit, an emergency round", message_formats,
          [](CLI::App& sub) -> Run {
            auto request = std::make_shared<records::RecordRequest>();
            sub.add_option("--date", request->date, "The day (YYYY-MM-DD)")->required();
            sub.add_option("--kiosk", request->kiosk, "The kiosk (its name or id)")->type_name("KIOSK");
            sub.add_option("--place", request->place, "Where, when not at a kiosk (a compound, a hall)");
            sub.add_option("--time", request->time, "HH:MM-HH:MM")->required();
            sub.add_option("--service", request->service, "The service (its name or id)");
            sub.add_option("--title", request->title, "The event's title, when it is not one service");
            sub.add_option("--cadence", request->cadence, "daily, weekly, monthly (a themed event) or outreach")
                ->type_name("daily|weekly|monthly|outreach");
            sub.add_option("--volunteers", request->volunteers, "Who served: names or phones, comma-separated")->required();
            add_outcome_options(sub, request->residents, request->satisfaction, request->note);
            return [request](Context& context) -> Outcome {
              return {records::add_document(context.database->sql(), *context.config, *request, context.now, context.lang)};
            };
          }};
}

Leaf set() {
  return {"set", "Set the residents served, satisfaction or note of a record", message_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::int64_t id = 0;
              records::OutcomeChange change;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("id", options->id, "The record's number")->required();
            add_outcome_options(sub, options->change.residents, options->change.satisfaction, options->change.note);
            return [options](Context& context) -> Outcome {
              return {records::set_document(context.database->sql(), *context.config, options->id, options->change,
                                             context.lang)};
            };
          }};
}

Leaf cancel() {
  return {"cancel", "Cancel a record made in error; the points it earned are reversed", message_formats,
          [](CLI::App& sub) -> Run {
            struct Options {
              std::int64_t id = 0;
              std::string reason, by;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("id", options->id, "The record's number")->required();
            sub.add_option("--reason", options->reason, "Why, for the record")->required();
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              points::Actor actor{who_enters(options->by), context.now, context.today, context.lang,
                                  context.config->settings.timezone};
              return {points::cancel_record_document(context.database->sql(), options->id, options->reason, actor)};
            };
          }};
}

Leaf list() {
  return {"list", "List the service records", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string month, from, to;
              records::ListRequest request;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("--month", options->month, "Only this month, e.g. 2026-12")->type_name("YYYY-MM");
            sub.add_option("--from", options->from, "From this day (YYYY-MM-DD)");
            sub.add_option("--to", options->to, "Up to this day (YYYY-MM-DD)");
            sub.add_option("--kiosk", options->request.kiosk, "Only this kiosk (its name or id)")->type_name("KIOSK");
            sub.add_option("--service", options->request.service, "Only this service (its name or id)");
            sub.add_option("--person", options->request.person, "Only records this volunteer served in")->type_name("PERSON");
            sub.add_flag("--cancelled", options->request.cancelled, "Show cancelled records too");
            return [options](Context& context) -> Outcome {
              auto request = options->request;
              request.span = records::span_of(options->month, options->from, options->to);
              return {records::list_document(context.database->sql(), *context.config, request, context.lang)};
            };
          }};
}

Leaf grant() {
  return {"grant", "Grant service hours by hand (a forgotten check-in, service before kangle)", message_formats,
          [](CLI::App& sub) -> Run {
            auto request = std::make_shared<records::GrantRequest>();
            auto* person = sub.add_option("person", request->person, "The volunteer (a name or phone number)")->type_name("PERSON");
            auto* hours = sub.add_option("--hours", request->hours, "How long: 2, 2.5, 90m");
            sub.add_option("--reason", request->reason, "Why")->required();
            sub.add_option("--approved-by", request->approved_by, "Who approved it")->required();
            auto* date = sub.add_option("--date", request->date, "The day served (default: today)");
            sub.add_option("--revoke", request->revoke, "Revoke grant ID by a reversing grant (both are kept)")
                ->excludes(person)
                ->excludes(hours)
                ->excludes(date);
            return [request](Context& context) -> Outcome {
              return {records::grant_document(context.database->sql(), *context.config, *request, context.now,
                                              context.today, context.lang)};
            };
          }};
}

Leaf hours() {
  return {"hours", "Service hours per volunteer: recorded and granted apart", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string person, period;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("person", options->person, "Only this volunteer")->type_name("PERSON");
            sub.add_option("--period", options->period, "A month 2026-12, a quarter 2026Q4 or a year 2026");
            return [options](Context& context) -> Outcome {
              return {records::hours_document(context.database->sql(), records::span_of(options->period, "", ""),
                                              options->person, context.lang)};
            };
          }};
}

}  // namespace

void define_record(CLI::App& command, Action& action) {
  define_leaves(command, action, {confirm(), add(), set(), cancel(), list(), grant(), hours()});
}

}  // namespace kangle::cli
