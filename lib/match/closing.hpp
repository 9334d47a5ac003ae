// SPDX-License-Identifier: Apache-2.0
// Ending a need (`match close`) and what becomes of a need when one of its projects is
// cancelled (`match cancel --reopen-need | --close-need`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lists/model.hpp"
#include "match/projects.hpp"
#include "storage/connection.hpp"

namespace kangle::match {

/// What `match cancel` does with the project's need.
enum class NeedAfterCancel {
  unsaid,  ///< nothing said: refused when the need would go back to the pool
  reopen,  ///< back to the pool: it is proposed again (to another resource, or the same)
  close,   ///< closed, with the cancel's reason
};

struct ClosedNeed {
  lists::Need need;                         ///< as it is now: closed, with its reason
  std::vector<std::int64_t> cancelled;      ///< its proposed projects, cancelled with it
};

/// `match close NEED --reason R`, in one transaction: the need (its code or number)
/// is closed and never proposed again; its proposed projects are cancelled with the
/// reason (each a project event); its projects done stay as they were. Refused (an
/// InputError) while a project of it is claimed or in progress (finish, give back or
/// cancel it first), when it is closed already or done, and for an empty reason.
ClosedNeed close_need(storage::Connection& db, std::string_view need, const std::string& reason, const std::string& by,
                      const std::string& now);

struct CancelledProject {
  Project project;
  lists::Need need;                     ///< as it is after the cancel
  std::vector<std::int64_t> cancelled;  ///< other proposed projects cancelled with a closed need
};

/// `match cancel PROJECT --reason R`, in one transaction. When the cancel would send its
/// need back to the pool (it would want a resource again and is not closed), `after`
/// must say so (reopen) or close the need (close_need's rules); unsaid, it is refused
/// with a UsageError naming both options, so that a script never leaves a need's fate
/// to a default.
CancelledProject cancel_project(storage::Connection& db, std::int64_t project, const std::string& reason,
                                NeedAfterCancel after, const std::string& by, const std::string& now);

}  // namespace kangle::match
