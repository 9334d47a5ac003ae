// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "schedule/store.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::schedule {

/// A change to tell a volunteer: a duty added, cancelled, or moved (`from` → `to`).
struct DutyChange {
  enum class Kind { added, cancelled, moved };
  Kind kind = Kind::added;
  RotaSeat to;                  ///< the duty now (added, moved) or the one cancelled
  std::optional<RotaSeat> from; ///< for a move: the duty it replaces
};

/// One volunteer's message of the day: their duties that day and the changes not yet told.
struct Notice {
  std::int64_t volunteer = 0;
  std::string name, phone;
  std::vector<RotaSeat> duties;
  std::vector<DutyChange> changes;
  std::string message;  ///< what to send, in NotifyOptions::lang
};

struct NotifyOptions {
  Date date;
  std::string kiosk;                      ///< only this kiosk's duties and changes (an id); empty: all
  std::optional<std::int64_t> volunteer;  ///< only this volunteer
  bool dry_run = false;                   ///< record nothing
  std::string output_file;                ///< where the messages go (empty or "-": stdout)
  std::string now;
  Lang lang = Lang::zh_CN;  ///< of the messages
};

/// How a coordinator names where a duty is: the kiosk and its address, or the place it
/// goes to (a compound, a hall): "丁香园（康健街道丁香园邻里汇党群服务分中心）".
std::string duty_place(const config::Config& config, const RotaSeat& seat, Lang lang);

/// Deletes the messages sent to `volunteer` (`volunteers forget`).
void forget_notifications(storage::Connection& db, std::int64_t volunteer);

/// `schedule notify --date D`: one message per volunteer for D — their duties that day,
/// and the duties from D on (of D's month and the next) added, cancelled or moved since
/// the rota was published that no earlier run has told them; a duty of D added since says
/// so once, as a change; nobody forgotten — and, unless a dry run, the record of
/// what was told, written in the same transaction once `deliver` has put the messages out
/// (if it throws, nothing is recorded). A month without a rota is an InputError; an
/// output file that exists a UsageError outside a dry run: messages recorded as told are
/// never put out again, so a file of them must not be written over.
void notify_day(storage::Connection& db, const config::Config& config, const NotifyOptions& options,
                const std::function<void(const std::vector<Notice>&)>& deliver);

}  // namespace kangle::schedule
