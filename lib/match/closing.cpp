// SPDX-License-Identifier: Apache-2.0
#include "match/closing.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "lists/lookup.hpp"
#include "lists/store.hpp"

namespace kangle::match {
namespace {

/// What a cancellation records: who and why.
TransitionDetails cancellation(const std::string& by, const std::string& why) {
  TransitionDetails details;
  details.by = by;
  details.note = why;
  return details;
}

std::string label(const lists::Need& need) { return need.code.empty() ? "#" + std::to_string(need.id) : need.code; }

/// Closes `need` within the caller's transaction: its proposed projects are cancelled,
/// those under way refuse it. Returns the projects cancelled.
std::vector<std::int64_t> close_in(storage::Connection& db, lists::Need& need, const std::string& reason,
                                   const std::string& by, const std::string& now) {
  if (need.status == lists::NeedStatus::closed) {
    throw InputError(Message(Msg::match_close_already, label(need), need.closed_reason));
  }
  if (need.status == lists::NeedStatus::done) throw InputError(Message(Msg::match_close_done, label(need)));
  ProjectStore projects(db);
  auto mine = projects.of_need(need.id);
  std::vector<std::string> under_way;
  for (const auto& p : mine) {
    if (p.status == ProjectStatus::claimed || p.status == ProjectStatus::in_progress) under_way.push_back(std::to_string(p.id));
  }
  if (!under_way.empty()) throw InputError(Message(Msg::match_close_under_way, label(need), listed(under_way)));
  std::vector<std::int64_t> cancelled;
  for (const auto& p : mine) {
    if (p.status != ProjectStatus::proposed) continue;
    projects.transition(p.id, ProjectStatus::cancelled, cancellation(by, reason), now);
    cancelled.push_back(p.id);
  }
  lists::Store store(db);
  need = *store.find_need(need.id);  // as the cancels left it
  need.status = lists::NeedStatus::closed;
  need.closed_reason = reason;
  store.update(need, now);
  return cancelled;
}

std::string required_reason(const std::string& reason) {
  auto cleaned = text::clean_prose(reason);
  if (cleaned.empty()) throw UsageError(Message(Msg::match_close_no_reason));
  return cleaned;
}

}  // namespace

ClosedNeed close_need(storage::Connection& db, std::string_view ref, const std::string& reason, const std::string& by,
                      const std::string& now) {
  auto why = required_reason(reason);
  storage::Transaction transaction(db, storage::Transaction::write);
  lists::Store store(db);
  ClosedNeed out{lists::need_named(store, ref), {}};
  out.cancelled = close_in(db, out.need, why, by, now);
  transaction.commit();
  return out;
}

CancelledProject cancel_project(storage::Connection& db, std::int64_t id, const std::string& reason, NeedAfterCancel after,
                                const std::string& by, const std::string& now) {
  auto why = required_reason(reason);
  storage::Transaction transaction(db, storage::Transaction::write);
  ProjectStore projects(db);
  CancelledProject out;
  out.project = projects.transition(id, ProjectStatus::cancelled, cancellation(by, why), now);
  lists::Store store(db);
  out.need = *store.find_need(out.project.need);
  bool closed = out.need.status == lists::NeedStatus::closed || out.need.status == lists::NeedStatus::cancelled;
  bool back_to_pool = !closed && projects.places_by_need()[out.need.id] < out.need.wanted;
  if (after == NeedAfterCancel::close && !closed) {
    out.cancelled = close_in(db, out.need, why, by, now);
  } else if (after == NeedAfterCancel::unsaid && back_to_pool) {
    throw UsageError(Message(Msg::match_cancel_need_unsaid, id, label(out.need)));
  }
  transaction.commit();
  return out;
}

}  // namespace kangle::match
