// SPDX-License-Identifier: Apache-2.0
// What the record commands put out: the records and hours as listings, and what
// confirm, add, set and grant say they did. Each takes what was typed, finds the
// volunteers it names and refuses what it cannot be sure of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "present/document.hpp"
#include "records/record.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::records {

/// The days a listing covers (both ends included); open ends when not given.
struct Span {
  std::optional<Date> from, to;
};
/// `period` (a month 2026-12, a quarter 2026Q4 or a year 2026), else `from` and `to`
/// (YYYY-MM-DD, either may be empty); UsageError when one is malformed or `to` is before `from`.
Span span_of(const std::string& period, const std::string& from, const std::string& to);

/// `record confirm`, as typed: names or phones, `P=Q` stand-ins, `SERVICE=N` residents,
/// `SERVICE=X` satisfaction (1 to 5).
struct ConfirmRequest {
  std::string date;   ///< YYYY-MM-DD
  std::string kiosk;  ///< empty: every kiosk
  std::vector<std::string> absent, instead, served, satisfaction;
};
/// Confirms the day's rota (records::confirm_from_rota): the records made, as a table,
/// then what was said about them. UsageError for a malformed value, InputError for a
/// volunteer nobody or several are.
present::Document confirm_document(storage::Connection& db, const config::Config& config, const ConfirmRequest& request,
                                   const std::string& now, bool dry_run, Lang lang);

/// `record add`, as typed.
struct RecordRequest {
  std::string date, kiosk, place, time, service, title, cadence = "daily", note;
  std::vector<std::string> volunteers;  ///< names or phones, each entry may list several
  std::optional<int> residents;
  std::optional<double> satisfaction;
};
/// The record `request` describes, its volunteers found, its kiosk and service by id or
/// name; UsageError when a value is malformed, names no service or it says neither where
/// nor what, InputError for a volunteer or kiosk not found.
Record record_of(storage::Connection& db, const config::Config& config, const RecordRequest& request);
/// Stores the record (records::add_record) and says so, with any warning.
present::Document add_document(storage::Connection& db, const config::Config& config, const RecordRequest& request,
                               const std::string& now, Lang lang);

/// `record set`: the outcome of record `id` changed where given.
struct OutcomeChange {
  std::optional<int> residents;
  std::optional<double> satisfaction;
  std::string note;  ///< empty: kept
};
present::Document set_document(storage::Connection& db, const config::Config& config, std::int64_t id,
                               const OutcomeChange& change, Lang lang);

/// `record list`: what it filters on, as typed.
struct ListRequest {
  Span span;
  std::string kiosk, service, person;
  bool cancelled = false;  ///< cancelled records too, marked
};
/// The records (`records`), with their total under them.
present::Document list_document(storage::Connection& db, const config::Config& config, const ListRequest& request, Lang lang);

/// `record grant`, as typed: hours for `person`, or `revoke` a grant.
struct GrantRequest {
  std::string person, hours, date, reason, approved_by;
  std::optional<std::int64_t> revoke;
};
present::Document grant_document(storage::Connection& db, const config::Config& config, const GrantRequest& request,
                                 const std::string& now, const Date& today, Lang lang);

/// Each volunteer's hours in `span` (`service_hours`), or only `person`'s with their grants under them.
present::Document hours_document(storage::Connection& db, const Span& span, const std::string& person, Lang lang);

}  // namespace kangle::records
