// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lists/model.hpp"
#include "storage/connection.hpp"
#include "storage/statements.hpp"

namespace kangle::lists {

/// What `match list needs` filters on; empty fields do not filter.
struct NeedFilter {
  std::optional<NeedStatus> status;
  std::string category;  ///< a category id
};

/// What `match list resources` filters on; empty fields do not filter.
struct ResourceFilter {
  std::string unit;      ///< a part of the unit's or the provider's name
  std::string category;  ///< a category id
};

/// Which stored lines a look-up by requester (or provider), category and description sees.
enum class KeyScope {
  any,       ///< every line
  uncoded,   ///< only lines without a code of their own (a code given later adopts them)
};

/// The needs and resources tables. Every statement binds its values; none is built from them.
class Store {
public:
  explicit Store(storage::Connection& db) : db_(db) {}

  std::optional<Need> find_need(std::int64_t id);
  std::optional<Need> find_need_by_code(const std::string& code);
  /// The first need (by id) with this requester, category and description.
  std::optional<Need> find_need_by_key(const Need& like, KeyScope scope);
  /// Inserts `need` (its id is ignored) and returns the new id.
  std::int64_t insert(const Need& need, const std::string& now);
  /// Replaces the stored need `need.id` with `need`.
  void update(const Need& need, const std::string& now);
  /// Needs matching `filter`: vulnerable residents' first, then by deadline (none last), then as imported.
  std::vector<Need> needs(const NeedFilter& filter);
  std::int64_t count_needs();
  /// A need and the count of its projects: `live` (not declined, unmatched or cancelled)
  /// and `done`.
  struct NeedProjects {
    std::int64_t need, live, done;
  };
  /// Each need's status from its projects: done once `done` reach what it wants, matched
  /// once `live` do, else open; a cancelled or closed need stays as it is.
  void settle_need_statuses(const std::vector<NeedProjects>& needs, const std::string& now);

  std::optional<Resource> find_resource(std::int64_t id);
  std::optional<Resource> find_resource_by_code(const std::string& code);
  /// Every code given to a need (or a resource), for suggesting one.
  std::vector<std::string> need_codes();
  std::vector<std::string> resource_codes();
  /// The first resource (by id) with this provider, category and description.
  std::optional<Resource> find_resource_by_key(const Resource& like, KeyScope scope);
  std::int64_t insert(const Resource& resource, const std::string& now);
  void update(const Resource& resource, const std::string& now);
  /// Resources matching `filter`, by provider, then as imported.
  std::vector<Resource> resources(const ResourceFilter& filter);
  std::int64_t count_resources();

  /// The lines of the person with `phone` who was volunteer `volunteer_id` and asked to be
  /// forgotten (`volunteers forget`): their name, contact and where they live go; what was
  /// offered or asked stays, for the counts. Returns {needs, resources} changed.
  std::pair<int, int> forget_person(const std::string& phone, std::int64_t volunteer_id, const std::string& now);

private:
  std::vector<Need> read_needs(storage::Statement& query);
  std::vector<Resource> read_resources(storage::Statement& query);
  storage::Connection& db_;
  storage::StatementCache statement_{db_};
};

}  // namespace kangle::lists
