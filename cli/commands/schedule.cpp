// SPDX-License-Identifier: Apache-2.0
// kangle schedule build --month M [--dry-run] [--force]
// kangle schedule show --month M [--kiosk K] [--person P] [--date D] [--format F]
// kangle schedule explain | diff --month M …   kangle schedule notify --date D …
// kangle schedule export --month M [--format ics|xlsx|html|md|csv]   kangle schedule notice --month M
// kangle schedule publish | lock | unlock | drop …
#include <fmt/format.h>

#include <map>
#include <memory>
#include <sstream>

#include "../commands.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "people/store.hpp"
#include "schedule/build.hpp"
#include "schedule/documents.hpp"
#include "schedule/ics.hpp"
#include "schedule/notify.hpp"
#include "schedule/sheets.hpp"

namespace kangle::cli {
namespace {

using present::Value;

/// What says what a command did: text for people, JSON (its facts) for scripts.
const char* const kiosk_help = "Only this kiosk (its id, name or short name)";
const char* const person_help = "Only this volunteer (a name, phone or #id)";

void add_month_option(CLI::App& sub, std::string& month, const char* help = "The month, e.g. 2026-12") {
  sub.add_option("--month", month, help)->required()->type_name("YYYY-MM");
}

/// The month's stored rota, after saying which of its years' holidays are provisional.
std::vector<schedule::RotaSeat> rota_of(Context& context, const schedule::Month& month) {
  auto seats = schedule::stored_rota(context.database->sql(), month);
  warn_provisional_years(context.config->holidays, month.first(), month.last(), context.lang);
  return seats;
}

Run define_build(CLI::App& sub) {
  struct Options {
    std::string month, flow_out;
    bool dry_run = false, force = false, quiet = false;
  };
  auto options = std::make_shared<Options>();
  add_month_option(sub, options->month);
  sub.add_flag("--dry-run", options->dry_run, "Show what would happen; change nothing");
  sub.add_flag("--force", options->force, "Rebuild a month that was published (the change is recorded)");
  add_quiet_option(sub, options->quiet);
  // For bench/run_schedule.sh and for support: the exact problem the solver was given.
  sub.add_option("--flow-out", options->flow_out, "Also write the flow problem (DIMACS) and its optimum to FILE")
      ->type_name("FILE");
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    const auto& config = *context.config;
    warn_provisional_years(config.holidays, month.first(), month.last(), context.lang);
    std::ostringstream network;
    auto report = [&] {
      ProgressLine progress(Msg::schedule_progress, options->quiet, context.lang);  // cleared before the summary prints
      return schedule::build_rota(context.database->sql(), config, month, context.now, options->dry_run,
                                  options->force, options->flow_out.empty() ? nullptr : &network,
                                  [&progress](std::int64_t seats) { progress.show(static_cast<std::size_t>(seats)); });
    }();
    if (!options->flow_out.empty()) write_file_atomically(options->flow_out, network.str());
    return {schedule::build_document(context.database->sql(), config, report, options->dry_run, context.lang)};
  };
}

Run define_publish(CLI::App& sub) {
  auto month_text = std::make_shared<std::string>();
  add_month_option(sub, *month_text);
  return [month_text](Context& context) -> Outcome {
    auto month = schedule::month_argument(*month_text);
    int filled = schedule::publish_rota(context.database->sql(), month, context.now);
    return {present::message(context.lang, "schedule_publish",
                             {tr(context.lang, Msg::schedule_published, month.text(), filled)},
                             {{"month", Value::text(month.text())}, {"filled", Value::integer(filled)}})};
  };
}

Run define_diff(CLI::App& sub) {
  auto month_text = std::make_shared<std::string>();
  add_month_option(sub, *month_text);
  return [month_text](Context& context) -> Outcome {
    return {schedule::diff_document(context.database->sql(), *context.config, schedule::month_argument(*month_text), context.lang)};
  };
}

/// `schedule notify --date D`: the message for each volunteer on duty that day or whose
/// duties changed since the rota was published, ready to send by WeChat or SMS; what it
/// puts out is recorded (unless --dry-run), so the next night tells only what is new.
Run define_notify(CLI::App& sub) {
  struct Options {
    std::string date, kiosk, person;
    bool dry_run = false, reveal = false;
  };
  auto options = std::make_shared<Options>();
  sub.add_option("--date", options->date, "The day (YYYY-MM-DD)")->required();
  sub.add_option("--kiosk", options->kiosk, kiosk_help)->type_name("KIOSK");
  sub.add_option("--person", options->person, person_help)->type_name("PERSON");
  sub.add_flag("--dry-run", options->dry_run, "Show the messages; record nothing as sent");
  add_reveal_option(sub, options->reveal);
  return [options](Context& context) -> Outcome {
    auto date = date_argument(options->date);
    auto filter = schedule::rota_filter(context.database->sql(), *context.config, options->kiosk, options->person);
    schedule::NotifyOptions notify{date, filter.kiosk, filter.person, options->dry_run,
                                   context.output.path, context.now, context.lang};
    schedule::notify_day(context.database->sql(), *context.config, notify,
                         [&](const std::vector<schedule::Notice>& notices) {
                           // Before the record is committed: what is recorded was put out.
                           emit(schedule::notifications_document(*context.config, notices, date,
                                                                          options->reveal, options->dry_run, context.lang),
                                         context.output);
                           std::fflush(stdout);
                         });
    return {};
  };
}

Run define_show(CLI::App& sub) {
  struct Options {
    std::string month, kiosk, person, date;
  };
  auto options = std::make_shared<Options>();
  add_month_option(sub, options->month);
  sub.add_option("--kiosk", options->kiosk, kiosk_help)->type_name("KIOSK");
  sub.add_option("--person", options->person, person_help)->type_name("PERSON");
  sub.add_option("--date", options->date, "Only this day (YYYY-MM-DD)");
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    auto filter = schedule::rota_filter(context.database->sql(), *context.config, options->kiosk, options->person);
    if (!options->date.empty()) filter.date = date_argument(options->date);
    return {schedule::rota_document(*context.config, month, rota_of(context, month), filter, context.lang)};
  };
}

Run define_explain(CLI::App& sub) {
  struct Options {
    std::string month, kiosk, person;
  };
  auto options = std::make_shared<Options>();
  add_month_option(sub, options->month);
  sub.add_option("--kiosk", options->kiosk, kiosk_help)->type_name("KIOSK");
  sub.add_option("--person", options->person, "Only the empty seats this volunteer could not take")->type_name("PERSON");
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    auto filter = schedule::rota_filter(context.database->sql(), *context.config, options->kiosk, options->person);
    rota_of(context, month);  // refused before the provisional years are told
    return {schedule::explain_document(context.database->sql(), *context.config, month, filter, context.now, context.lang)};
  };
}

/// `schedule lock|unlock`: a seat, or every seat of a person in the month.
std::function<Run(CLI::App&)> define_lock(bool locked) {
  return [locked](CLI::App& sub) -> Run {
    struct Options {
      std::string month, seat, person;
    };
    auto options = std::make_shared<Options>();
    add_month_option(sub, options->month);
    sub.add_option("--seat", options->seat, "A seat's key, as `schedule show --format json` gives it");
    sub.add_option("--person", options->person, "Every seat this volunteer holds in the month (a name, phone or #id)")->type_name("PERSON");
    return [options, locked](Context& context) -> Outcome {
      auto month = schedule::month_argument(options->month);
      auto person = schedule::rota_filter(context.database->sql(), *context.config, "", options->person).person;
      return {schedule::lock_seats(context.database->sql(), month, options->seat, person, locked, context.lang)};
    };
  };
}

/// `schedule export`: the rota as a file to hand out — a calendar for phones, a sheet per
/// kiosk to print, Markdown to paste, CSV for scripts — on stdout or, atomically, to -o.
Run define_export(CLI::App& sub) {
  enum class ExportFormat { ics, md, csv, html, xlsx };
  struct Options {
    std::string month, kiosk, person, output;
    ExportFormat format = ExportFormat::ics;
  };
  auto options = std::make_shared<Options>();
  add_month_option(sub, options->month);
  sub.add_option("--format", options->format,
                 "ics (phone calendars), xlsx or html (a sheet per kiosk, a week per block, A4 landscape), md or csv")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ExportFormat>{{"ics", ExportFormat::ics},
                                                                              {"md", ExportFormat::md},
                                                                              {"csv", ExportFormat::csv},
                                                                              {"html", ExportFormat::html},
                                                                              {"xlsx", ExportFormat::xlsx}},
                                          CLI::ignore_case)
                      .description(""))
      ->type_name("ics|xlsx|html|md|csv");
  sub.add_option("--person", options->person, "Only this volunteer's duties (their own calendar)")->type_name("PERSON");
  sub.add_option("--kiosk", options->kiosk, kiosk_help)->type_name("KIOSK");
  add_output_option(sub, options->output);
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    auto filter = schedule::rota_filter(context.database->sql(), *context.config, options->kiosk, options->person);
    auto seats = rota_of(context, month);
    auto sheet = [&](Format format) { return present::Output{format, options->output, present::Encoding::utf8}; };
    switch (options->format) {
      case ExportFormat::ics: {
        std::erase_if(seats, [&](const auto& s) { return !filter.keeps_kiosk(s.kiosk); });
        schedule::IcsOptions ics{filter.person, context.now, context.lang};
        // Each calendar handed out (everyone's, a kiosk's, a person's) numbers its own events.
        auto scope = schedule::calendar_scope(filter.person, filter.kiosk);
        schedule::export_ics(context.database->sql(), *context.config, month, seats, scope, ics,
                             [&](const std::string& calendar) { print_or_write(calendar, options->output, context.lang); });
        break;
      }
      case ExportFormat::csv:
        emit(schedule::rota_document(*context.config, month, seats, filter, context.lang), sheet(Format::csv));
        break;
      case ExportFormat::md:
      case ExportFormat::html:
      case ExportFormat::xlsx: {
        static const std::map<ExportFormat, Format> formats = {
            {ExportFormat::md, Format::md}, {ExportFormat::html, Format::html}, {ExportFormat::xlsx, Format::xlsx}};
        // A printed rota for one person shows their duties alone.
        std::erase_if(seats, [&](const auto& s) { return !filter.keeps(s); });
        emit(schedule::rota_by_week(*context.config, month, seats, context.now, context.lang), sheet(formats.at(options->format)));
        break;
      }
    }
    return {};
  };
}

/// `schedule notice`: each kiosk's public notice (四公开) for the month, to print and pin up.
Run define_notice(CLI::App& sub) {
  struct Options {
    std::string month, kiosk;
  };
  auto options = std::make_shared<Options>();
  add_month_option(sub, options->month);
  sub.add_option("--kiosk", options->kiosk, kiosk_help)->type_name("KIOSK");
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    auto filter = schedule::rota_filter(context.database->sql(), *context.config, options->kiosk, "");
    auto seats = rota_of(context, month);
    std::erase_if(seats, [&](const auto& s) { return !filter.keeps_kiosk(s.kiosk); });
    return {schedule::duty_notice(*context.config, month, seats, context.now, context.lang)};
  };
}

/// `schedule drop PERSON`: out from a day on (default today); the month rebuilt around it.
Run define_drop(CLI::App& sub) {
  struct Options {
    std::string person, month, from, reason;
  };
  auto options = std::make_shared<Options>();
  sub.add_option("person", options->person, "The volunteer (a name or phone number)")->required()->type_name("PERSON");
  add_month_option(sub, options->month, "The month to rebuild, e.g. 2026-12");
  sub.add_option("--from", options->from, "The first day they cannot serve (default: today)");
  sub.add_option("--reason", options->reason, "Why, for the record");
  return [options](Context& context) -> Outcome {
    auto month = schedule::month_argument(options->month);
    auto volunteer = people::resolve_volunteer(context.database->sql(), options->person);
    auto from = options->from.empty() ? context.today : date_argument(options->from);
    warn_provisional_years(context.config->holidays, month.first(), month.last(), context.lang);
    auto report = schedule::drop_volunteer(context.database->sql(), *context.config, month, volunteer, from,
                                           options->reason, context.now);
    return {schedule::drop_document(context.database->sql(), report, volunteer, from, context.lang)};
  };
}

}  // namespace

void define_schedule(CLI::App& command, Action& action) {
  define_leaves(
      command, action,
      {
          {"build", "Build (or rebuild) the rota of a month", message_formats, define_build},
          {"publish", "Freeze the month's rota as the one volunteers were told", message_formats, define_publish},
          {"diff", "Show, person by person, what changed since the rota was published", listing_formats, define_diff},
          {"notify", "The messages to send for a day: who is on duty, whose duties changed",
           {Format::text, Format::json, Format::csv}, define_notify},
          {"show", "Print the rota", listing_formats, define_show},
          {"explain", "Say why each empty seat is empty", listing_formats, define_explain},
          {"lock", "Keep a seat's volunteer, or a person's seats, through rebuilds", message_formats, define_lock(true)},
          {"unlock", "Let rebuilds move a seat or a person again", message_formats, define_lock(false)},
          {"export", "Write the rota as a calendar (ics), Markdown or CSV", {}, define_export},
          {"notice", "Each kiosk's public notice (四公开) for the month: services, hours, fees, who is on duty",
           {Format::html, Format::md}, define_notice},
          {"drop", "A volunteer drops out: rebuild the month around it, moving as few as possible", message_formats,
           define_drop},
      });
}

}  // namespace kangle::cli
