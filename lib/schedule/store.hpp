// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schedule/assign.hpp"
#include "schedule/sessions.hpp"
#include "storage/connection.hpp"

namespace kangle::schedule {

/// One seat of a stored rota, as `schedule show` prints it.
struct RotaSeat {
  std::string seat;
  std::string kiosk;
  Date date;
  TimeRange time;
  config::Cadence cadence = config::Cadence::daily;
  std::string title, place, service, skill;
  std::optional<std::int64_t> volunteer;
  std::string volunteer_name;
  bool locked = false;
};

/// The rota tables. Every value is bound; no statement is built from data.
class RotaStore {
public:
  explicit RotaStore(storage::Connection& db) : db_(db) {}

  /// The month's stored rota, by date, time, kiosk and seat.
  std::vector<RotaSeat> month(const Month& month);
  /// What a rebuild keeps of the month's stored rota: who holds each seat, and which of
  /// them are locked; `stored` is false when the month has no rota. Reads no more than
  /// that (month() read a city's 60,000 seats with names, in order, in a quarter second).
  struct Kept {
    bool stored = false;
    Assignments held, locked;
  };
  Kept kept(const Month& month);
  /// Replaces the month's rota with `sessions` as `plan` fills them, keeping lock flags
  /// of seats that remain; records the build. Call inside the caller's transaction.
  void replace(const Month& month, const std::vector<Session>& sessions, const RotaPlan& plan, const std::string& now,
               bool forced);

  /// Locks (or unlocks) the filled seats of `month` that are `seat`, or that
  /// `volunteer` holds, or both; returns how many changed. Locked seats keep their
  /// volunteer through every rebuild.
  int set_locked(const Month& month, const std::string& seat, std::optional<std::int64_t> volunteer, bool locked);
  /// Whether the month's rota has seat `seat`, and whether someone holds it.
  struct SeatState {
    bool exists = false, held = false;
  };
  SeatState seat_state(const Month& month, const std::string& seat);

  /// Freezes the month's rota as published: what volunteers were told. Returns the
  /// number of filled seats published.
  int publish(const Month& month, const std::string& now);
  /// When the month was last published; nothing when never.
  std::optional<std::string> published_at(const Month& month);
  /// The seats of the month's last publication, in the form `month()` gives.
  std::vector<RotaSeat> published(const Month& month);

  /// The seats `volunteer` holds from `from` to `to` (open-ended without it), in every
  /// month built, by date and time.
  std::vector<RotaSeat> seats_of(std::int64_t volunteer, const Date& from, const std::optional<Date>& to);
  /// Unassigns `volunteer` (and unlocks their seats) from `from` on; returns the seats freed.
  int free_seats_of(std::int64_t volunteer, const Date& from);
  /// The days each volunteer (by id) serves from `from` to `to` in the stored rotas of
  /// months other than `month`: what the limits of a build of `month` count as fixed.
  std::map<std::int64_t, std::set<Date>> days_served_around(const Month& month, const Date& from, const Date& to);
  /// Unlocks `volunteer`'s seats of `month` on and after `from` (a drop-out).
  void unlock_from(const Month& month, std::int64_t volunteer, const Date& from);

private:
  storage::Connection& db_;
};

}  // namespace kangle::schedule
