// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"

namespace kangle::people {

/// Parts of the day a volunteer can serve.
enum class DayPart { morning = 0, afternoon = 1, evening = 2 };

/// When a volunteer can serve: weekday (std::chrono c_encoding, 0 = Sunday) × part of day.
struct Availability {
  std::array<std::bitset<3>, 7> slots{};

  bool can(unsigned weekday, DayPart part) const { return slots[weekday].test(static_cast<std::size_t>(part)); }
  bool empty() const {
    return std::all_of(slots.begin(), slots.end(), [](const auto& s) { return s.none(); });
  }
  /// Both together: what a later sign-up adds to an earlier one.
  void merge(const Availability& other) {
    for (std::size_t d = 0; d < 7; ++d) slots[d] |= other.slots[d];
  }
  /// 21 bits, weekday * 3 + part: how the database keeps it.
  std::int64_t bits() const;
  static Availability from_bits(std::int64_t bits);
  friend bool operator==(const Availability&, const Availability&) = default;
};

struct VolunteerSkill {
  std::string skill;                   ///< a skill id of the catalogue
  std::optional<Date> certificate_expires;
  friend bool operator==(const VolunteerSkill&, const VolunteerSkill&) = default;
};

/// Days a volunteer cannot serve, both ends included; no end for one who dropped out.
struct Blackout {
  Date from;
  std::optional<Date> to;
  std::string reason;
  std::int64_t id = 0;  ///< as stored; 0 before
  bool covers(const Date& date) const { return from <= date && (!to || date <= *to); }
  friend bool operator==(const Blackout&, const Blackout&) = default;
};

/// The parts of the day (morning < 12:00 ≤ afternoon < 18:00 ≤ evening) `time` overlaps:
/// whom a session needs, and what a clock range on a sign-up form offers.
std::vector<DayPart> parts_of_day(const TimeRange& time);

/// A person who serves. `phone` (11 digits) or `id_number` tells people apart.
struct Volunteer {
  std::int64_t id = 0;
  std::string name;
  std::string phone;
  std::string id_number;
  std::string political_status;
  bool party_member = false;
  std::string unit;        ///< employer or co-building unit
  std::string community;   ///< home residential community
  std::optional<int> monthly_limit;
  Availability availability;
  std::vector<VolunteerSkill> skills;  ///< sorted by skill id
  std::vector<Blackout> blackouts;     ///< by start
  /// Kiosk or service ids they would rather serve at or in (意向站点/意向服务); empty: anywhere.
  std::vector<std::string> preferences;
  std::string note;
  friend bool operator==(const Volunteer&, const Volunteer&) = default;
};

/// One change a coordinator made to a volunteer by hand: when, by whom, which field
/// (name, phone, availability, monthly_limit, skills, certificate, away) and its value
/// before and after as stored (skill ids, dates, an availability's bits), so that it
/// reads the same in any language.
struct VolunteerChange {
  std::string at, by;
  std::string field, before, after;
};

/// "138****8000": what printed output shows of a phone number; a local landline's last
/// four digits are hidden ("6400****"); anything shorter than 7 characters is masked whole.
std::string mask_phone(std::string_view phone);

/// "3101**********123X": an ID number with all but its first 4 and last 4 characters masked.
std::string mask_id_number(std::string_view id_number);

}  // namespace kangle::people
