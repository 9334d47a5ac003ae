// SPDX-License-Identifier: Apache-2.0
#include "import/records.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>

#include "core/dates.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "people/identity.hpp"
#include "people/store.hpp"
#include "records/confirm.hpp"
#include "records/integrity.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

namespace kangle::import {
namespace {

using Kind = RowIssue::Kind;
using records::Record;

constexpr std::string_view import_kind = "records";
/// Where a record with a duration but no time starts: kiosks open in the morning.
constexpr int default_start = 9 * 60;

/// The words a sheet may use for a kiosk or a service (its id, names, short name), compared
/// as headers are, onto its id.
class Names {
public:
  void add(const std::string& word, const std::string& id) {
    auto key = normalize_header(word);
    if (!key.empty()) ids_.emplace(key, id);
  }
  std::optional<std::string> find(const std::string& word) const {
    if (auto it = ids_.find(normalize_header(word)); it != ids_.end()) return it->second;
    return std::nullopt;
  }

private:
  std::map<std::string, std::string> ids_;
};

/// The time of day in a start or end cell: "09:00", or a date-and-time cell's "2026-12-03 09:00".
std::string clock_of(const std::string& text) {
  auto space = text.rfind(' ');
  return space == std::string::npos ? text : text.substr(space + 1);
}

/// A satisfaction score from 1 to 5, or the share of residents satisfied put on that scale
/// (1 + 4 × the share: 98% is 4.92). Excel keeps a percentage cell's 98% as 0.98, and no
/// score is below 1, so a number between 0 and 1 is a share too.
std::optional<double> satisfaction_score(std::string text) {
  bool percent = text.ends_with('%');
  if (percent) text.pop_back();
  auto value = parse_decimal(text);
  if (!value) return std::nullopt;
  if (!percent && *value >= 1 && *value <= 5) return *value;
  double share = percent ? *value / 100 : *value;
  if (share < 0 || share > 1 || (!percent && share == 0)) return std::nullopt;
  return 1 + 4 * share;
}

/// "import:" and the SHA-256 of what makes a row one service held: its date, kiosk or
/// place, time, service or title and volunteers. What it counted (residents,
/// satisfaction, minutes, note) is left out, so the same row in a later copy of the
/// sheet is the same record.
std::string key_of(const Record& r) {
  std::vector<std::string> ids;
  for (const auto& a : r.volunteers) ids.push_back(std::to_string(a.volunteer));  // sorted: read from a set
  auto content = fmt::format("{}|{}|{}|{}|{}", format_date(r.date), r.kiosk.empty() ? "@" + r.place : r.kiosk,
                             format_time_range(r.time), r.service.empty() ? "#" + r.title : r.service, text::join(ids, ","));
  return "import:" + sha256_hex(content);
}

/// One row read as a service record; its problems go to the row's issues.
class RecordReader {
public:
  RecordReader(const config::Config& config, storage::Connection& db) : people_(db) {
    for (const auto& k : config.kiosks) {
      for (const auto* word : {&k.id, &k.name, &k.short_name, &k.name_en}) kiosks_.add(*word, k.id);
    }
    for (const auto& s : config.catalogue.services) {
      for (const auto* word : {&s.id, &s.name, &s.name_en}) services_.add(*word, s.id);
    }
  }

  Record read(RowFields& f) {
    Record r;
    r.origin = records::Origin::import;
    if (auto text = f.text("date"); text.empty()) {
      f.issue(Kind::rejected, "date", Message(Msg::records_no_date));
    } else if (auto date = parse_loose_date(text)) {
      r.date = *date;
    } else {
      f.issue(Kind::rejected, "date", Message(Msg::records_bad_date, text));
    }
    read_where_and_what(f, r);
    auto minutes = read_time(f, r);
    read_volunteers(f, r, minutes);
    if (auto text = f.text("residents"); !text.empty()) {
      if (auto residents = parse_count(text)) r.residents = *residents;
      else f.issue(Kind::rejected, "residents", Message(Msg::records_bad_residents, text));
    }
    if (auto text = f.text("satisfaction"); !text.empty()) {
      if (auto score = satisfaction_score(text)) r.satisfaction = *score;
      else f.issue(Kind::rejected, "satisfaction", Message(Msg::records_bad_satisfaction, text));
    }
    r.note = text::clean_prose(f.raw("note"));
    return r;
  }

private:
  /// A kiosk of the config or another place; a service of the catalogue or an event's title.
  void read_where_and_what(RowFields& f, Record& r) const {
    auto where = f.text("place");
    if (where.empty()) f.issue(Kind::rejected, "place", Message(Msg::records_no_place));
    else if (auto kiosk = kiosks_.find(where)) r.kiosk = *kiosk;
    else r.place = text::clean_prose(f.raw("place"));
    auto what = f.text("service");
    if (what.empty()) f.issue(Kind::rejected, "service", Message(Msg::records_no_service));
    else if (auto service = services_.find(what)) r.service = *service;
    else r.title = text::clean_prose(f.raw("service"));
    // A themed event (主题活动) is of the monthly rhythm wherever it is held; service
    // anywhere but at a kiosk is an outreach visit.
    if (what.find("主题") != std::string::npos) r.cadence = config::Cadence::monthly;
    else if (r.kiosk.empty()) r.cadence = config::Cadence::outreach;
    else r.cadence = config::Cadence::daily;
  }

  /// Sets the record's time, from the time column or the start and end columns, and
  /// returns the minutes each volunteer served: the duration column's, else the time's
  /// length. A duration without a time starts at 09:00.
  int read_time(RowFields& f, Record& r) const {
    auto range_text = f.text("time");
    auto start = f.text("start");
    auto end = f.text("end");
    std::optional<TimeRange> time;
    auto read = [&](const std::string& field, const std::string& text) {
      bool reversed = false;
      time = parse_loose_time_range(text, &reversed);
      if (!time) f.issue(Kind::rejected, field, Message(reversed ? Msg::time_range_reversed : Msg::records_bad_time, text));
    };
    if (!range_text.empty()) read("time", range_text);
    else if (!start.empty() || !end.empty()) read(end.empty() ? "end" : "start", clock_of(start) + "-" + clock_of(end));

    bool time_given = !range_text.empty() || !start.empty() || !end.empty();
    std::optional<int> duration;
    auto duration_text = f.text("duration");
    if (!duration_text.empty()) {
      std::string compact;
      for (char c : duration_text) {
        if (c != ' ') compact += c;
      }
      duration = records::parse_duration(compact);
      // Past midnight from 09:00 is no day's service; how long a session may be is
      // records::refusal_of's to say, for every path alike.
      if (!duration || (!time_given && default_start + *duration > 24 * 60)) {
        f.issue(Kind::rejected, "duration", Message(Msg::records_bad_duration, duration_text));
        return 0;
      }
    }
    if (!time_given && !duration) {
      f.issue(Kind::rejected, "time", Message(Msg::records_no_time));
      return 0;
    }
    if (!time_given) time = TimeRange{default_start, default_start + *duration};
    if (!time) return 0;
    r.time = *time;
    return duration.value_or(time->end - time->start);
  }

  /// Everyone the volunteers column names, by name or phone, each once.
  void read_volunteers(RowFields& f, Record& r, int minutes) {
    auto people = split_list(f.raw("volunteers"));
    if (people.empty()) f.issue(Kind::rejected, "volunteers", Message(Msg::records_no_volunteers));
    std::set<std::int64_t> ids;
    for (const auto& who : people) {
      if (auto id = find_volunteer(f, who)) ids.insert(*id);
    }
    for (auto id : ids) r.volunteers.push_back({id, minutes, false, ""});
  }

  /// The volunteer with the phone `who`, or else the one volunteer called `who`.
  std::optional<std::int64_t> find_volunteer(RowFields& f, const std::string& who) {
    if (auto phone = people::normalize_phone(who)) {
      if (auto v = people_.find_by_phone(*phone)) return v->id;
    }
    auto found = people_.find_by_name(who);
    if (found.size() == 1) return found.front().id;
    if (found.empty()) f.issue(Kind::rejected, "volunteers", Message(Msg::records_unknown_volunteer, who));
    else f.issue(Kind::rejected, "volunteers", Message(Msg::volunteer_ambiguous, found.size(), who));
    return std::nullopt;
  }

  people::Store people_;
  Names kiosks_, services_;
};

/// Service records for the import pipeline: a row is stored unless a record with its key
/// is, from an earlier row of this file (merged) or an earlier import (unchanged), or
/// records::refusal_of refuses it (rejected: a day to come, the same session, a volunteer
/// elsewhere at that time).
class RecordRows final : public ListImporter {
public:
  RecordRows(const config::Config& config, const std::string& now)
      : config_(config), now_(now), today_(records::today_in_workspace(config, now)) {}

  std::string_view kind() const override { return import_kind; }
  std::string_view required_field() const override { return "date"; }

  void begin(const OpenTable& table, storage::Connection& db) override {
    header_ = &table.header;
    db_ = &db;
    store_.emplace(db);
    reader_.emplace(config_, db);
  }

  RowOutcome take(const Row& row, RowReading*, std::vector<RowIssue>& issues) override {
    RowFields fields(*header_, row, issues);
    auto record = reader_->read(fields);
    if (fields.rejected()) return RowOutcome::rejected;
    record.key = key_of(record);
    if (auto first = first_row_of_.find(record.key); first != first_row_of_.end()) {
      issues.push_back({Kind::merged, row.number, "", "", Message(Msg::records_same_as_row, first->second)});
      return RowOutcome::merged;
    }
    if (store_->id_of_key(record.key)) return RowOutcome::unchanged;
    if (auto refusal = records::refusal_of(*store_, config_, record, today_)) {
      fields.issue(Kind::rejected, column_of(fields, refusal->field), refusal->reason);
      return RowOutcome::rejected;
    }
    first_row_of_.emplace(record.key, row.number);
    store_->insert(record, now_);
    // The cap is a plan: a day past it is recorded as it was, and said.
    if (auto warning = records::daily_cap_warning(*db_, config_, record)) fields.issue(Kind::doubtful, "residents", *warning);
    // Another session of a day confirmed from the rota: held off the rota, or a mistake.
    if (!record.kiosk.empty()) {
      if (auto at = store_->confirmed_at(record.date, record.kiosk)) {
        fields.issue(Kind::doubtful, "date", Message(Msg::records_day_confirmed, in_both_languages([&](Lang lang) {
                                                    return time_for_people(*at, config_.settings.timezone, lang);
                                                  })));
      }
    }
    return RowOutcome::added;
  }

private:
  /// The column a refusal of `field` points at: a record's length comes from the
  /// duration column when there is one, else from the time or start and end columns.
  static std::string column_of(const RowFields& fields, const std::string& field) {
    if (field != "time") return field;
    if (!fields.raw("duration").empty()) return "duration";
    return fields.raw("time").empty() ? "start" : "time";
  }

  const config::Config& config_;
  std::string now_;
  Date today_;
  const Header* header_ = nullptr;
  storage::Connection* db_ = nullptr;
  std::optional<records::RecordStore> store_;
  std::optional<RecordReader> reader_;
  std::map<std::string, std::size_t> first_row_of_;  // a record's key → the first row of this file that was it
};

}  // namespace

ImportReport import_records(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                            const ImportOptions& options, const std::string& now) {
  RecordRows records(config, now);
  return run_import(db, aliases, options, now, records);
}

}  // namespace kangle::import
