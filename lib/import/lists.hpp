// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "import/pipeline.hpp"
#include "lists/model.hpp"

namespace kangle::import {

/// Imports a needs list (需求清单; micro-wishes too) in one transaction (rolled back for a
/// dry run). A row with a code (编号) is the stored need with that code; a row without
/// one is the stored need with the same requester, category and description. A known
/// need takes the values the row gives; an unknown one is added. Rejected rows (no
/// requester, no or an unknown category, a phone that is not a mobile number) go to
/// the rejects file. Throws InputError when the file cannot be read at all.
ImportReport import_needs(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                          const ImportOptions& options, const std::string& now);

/// Imports a resources list (资源清单) as import_needs does a needs list; a resource is
/// known by its code, or else by its provider, category and description. Rejected:
/// no provider, no or an unknown category, a phone that is not a mobile number.
ImportReport import_resources(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                              const ImportOptions& options, const std::string& now);

/// A need or a resource typed by hand (`match add need|resource`), as given: read as a
/// row of a list is (the same category words, phones, dates, money and radii), but
/// refused whole, with a UsageError, at the first value that cannot be read.
struct HandEntry {
  std::string code, who, kind, phone, compound, address, category, description, deadline, vulnerable, value, unit,
      contact, radius, period, cost, note;
  std::optional<double> lat, lon;
  std::optional<int> people, wanted, capacity;
  bool micro_wish = false;
  /// Services asked or offered (ids or names), all of its category; none given: those
  /// the category and the description name, as in a list.
  std::vector<std::string> services;
};

/// Adds the need `entry` gives in one transaction and returns it with its id; an
/// InputError when its code is taken.
lists::Need add_need(storage::Connection& db, const config::Catalogue& catalogue, const HandEntry& entry,
                     const std::string& now);
/// Adds the resource `entry` gives (`who` the provider) as add_need does a need.
lists::Resource add_resource(storage::Connection& db, const config::Catalogue& catalogue, const HandEntry& entry,
                             const std::string& now);

/// A stored record changed by `match set`, and each change as a report says it.
template <typename Record>
struct Changed {
  Record record;
  std::vector<Message> changes;  ///< "截止日期：- → 2026-12-31", one a field; empty when nothing changed
};

/// `match set need REF`: the need with code or number `ref` (lists::need_named) takes the
/// fields `entry` gives (those not empty), read as add_need reads them, in one
/// transaction, at the end of which `settle(need)` sets its status again (how many
/// resources it wants may have changed). A UsageError when it gives none, or a value
/// that cannot be read.
Changed<lists::Need> set_need(storage::Connection& db, const config::Catalogue& catalogue, const std::string& ref,
                              const HandEntry& entry, const std::string& now,
                              const std::function<void(std::int64_t need)>& settle);
/// `match set resource REF`, as set_need.
Changed<lists::Resource> set_resource(storage::Connection& db, const config::Catalogue& catalogue, const std::string& ref,
                                      const HandEntry& entry, const std::string& now);

}  // namespace kangle::import
