// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "people/volunteer.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::people {

/// What `volunteers set` changes of a volunteer: only the fields given.
struct VolunteerEdit {
  std::optional<std::string> name;
  std::optional<std::string> phone;         ///< 11 digits, read by the caller
  std::optional<Availability> availability;  ///< replaces what was stored
  std::optional<int> monthly_limit;         ///< 0: none of their own (the workspace's default)
  std::optional<std::vector<std::string>> skills;  ///< skill ids; replaces, a kept skill keeps its certificate
  std::optional<Date> certificate_expires;  ///< for each skill they hold that needs a certificate
};

/// Applies `edit` to volunteer `id` in one transaction and keeps each field that changed
/// (who, when, before → after); returns those changes, none when nothing changed.
/// InputError when the new phone is someone else's, a skill is not in the catalogue, or
/// a certificate date is given to someone holding no skill that needs one.
std::vector<VolunteerChange> edit_volunteer(storage::Connection& db, const config::Catalogue& catalogue, std::int64_t id,
                                            const VolunteerEdit& edit, const std::string& by, const std::string& now);

/// Takes back absence `blackout_id` of volunteer `id` and keeps that as a change; InputError
/// when they have no such absence.
Blackout remove_absence(storage::Connection& db, std::int64_t id, std::int64_t blackout_id, const std::string& by,
                        const std::string& now);

/// An absence as a change keeps it: "2026-12-10..2026-12-12 reason" ("2026-12-10.." open-ended).
std::string absence_text(const Blackout& blackout);

}  // namespace kangle::people
