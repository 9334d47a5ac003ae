// SPDX-License-Identifier: Apache-2.0
// `volunteers forget`: a volunteer's personal data erased everywhere on request (PIPL),
// each area's tables by the store that owns them, in one transaction.
#pragma once

#include <cstdint>
#include <string>

#include "core/dates.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::workspace {

/// What stays linked to a forgotten volunteer, by number only, and what the lists lost.
struct Forgotten {
  int records = 0, ledger_entries = 0, seats_freed = 0;
  int resources = 0, needs = 0;  ///< lines of the lists that held their phone, erased of them
};

/// Erases `volunteer`'s personal data: their name (now `#ID`), phone, ID number, skills,
/// absences and the changes kept of them (people); the messages `schedule notify` sent
/// them and their own calendars (schedule); their seats from `today` on (the rota); the
/// name, contact and address of the lines of the resources and needs lists that hold their
/// phone (lists). What they did stays, by id only: records, hours, points (the ledger names
/// no one, so its chain holds), and the anonymous counts (party member, unit).
Forgotten forget_volunteer(storage::Connection& db, std::int64_t volunteer, const Date& today, const std::string& now);

/// `volunteers forget`: erases `who`'s personal data once `confirmed` (else a UsageError);
/// facts: the volunteer's number and what stays linked; said in `lang`.
present::Document forget_document(storage::Connection& db, const std::string& who, bool confirmed, const Date& today,
                                  const std::string& now, Lang lang);

}  // namespace kangle::workspace
