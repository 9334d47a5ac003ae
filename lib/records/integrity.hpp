// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "records/record.hpp"

namespace kangle::records {

class RecordStore;

/// Why a record could not be stored, and which of its fields (as the import names its
/// columns: `date`, `time`, `service`, `volunteers`) it comes from.
struct Refusal {
  std::string field;
  Message reason;
};

/// The day `now` (a UTC timestamp) is in the workspace's time zone.
Date today_in_workspace(const config::Config& config, const std::string& now);

/// Why nobody can have served on `date`: it is before 2000-01-01 or after `today`.
/// Shared by records, confirmations and grants.
std::optional<Message> date_refusal(const Date& date, const Date& today);

/// The refusal of `record` before it is stored, in the order a person would fix it: its
/// date, its length (the session past `[records] max_session_hours` or past the kiosk's
/// opening it falls in, or a volunteer's minutes past the session), the same session stored already (at its kiosk, day,
/// service and an overlapping time: counted once), and a volunteer already in another
/// record at an overlapping time (one place at a time). Nothing when it may be stored.
std::optional<Refusal> refusal_of(RecordStore& store, const config::Config& config, const Record& record,
                                  const Date& today);

/// Why `records`, about to be stored together, cannot all be: one volunteer in two of
/// them at overlapping times. Nothing when they can.
std::optional<Message> clash_among(const config::Config& config, const std::vector<Record>& records);

/// Where `record` was held as people read it: the kiosk's short name, or the place (丁香园 @樱花园小区 for both).
std::string where_of(const config::Config& config, const Record& record, Lang lang);

/// What was done: the service's name, or the event's title.
std::string what_of(const config::Config& config, const Record& record, Lang lang);

/// The record in a few words, for reasons and lists: `2026-12-03 丁香园 理发`.
std::string record_summary(const config::Config& config, const Record& record, Lang lang);
/// The summary in both languages, for a Message's argument.
Localized summarized(const config::Config& config, const Record& record);

/// `2026-12-02 09:00-11:30 丁香园 测血糖`: a record as messages name it.
std::string describe(const config::Config& config, const Record& record, Lang lang);
/// The description in both languages, for a Message's argument.
Localized described(const config::Config& config, const Record& record);

}  // namespace kangle::records
