// SPDX-License-Identifier: Apache-2.0
// What the goal of issue 22 measures `match run` against: the time it takes to read the
// pairs. Opens the workspace as `match run` does (one read transaction, the same page
// cache), loads its pool (load_pool: the open needs, the resources' room, the places) and
// lists every pair a run could propose (a resource with room, in its period, of the need's
// category, reaching it: can_serve), each with its distance where both are placed, worked
// out once; then prints the count and the seconds from the start. On one thread, and
// without the refusals and the donors already serving (a few hundred pairs of millions),
// which the run leaves out. bench/growth.sh builds and runs it.
//
//   cmake --build build --target match_pairs
//   build/bench/match_pairs WORKSPACE TODAY      (TODAY as YYYY-MM-DD)
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>

#include "config/loader.hpp"
#include "match/run.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

int main(int argc, char** argv) {
  using namespace kangle;
  if (argc != 3) {
    std::cerr << "usage: match_pairs WORKSPACE TODAY\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::filesystem::path root = argv[1];
  auto today = kangle::parse_date(argv[2]);
  if (!today) {
    std::cerr << "match_pairs: " << argv[2] << " is not a date\n";
    return 2;
  }
  auto config = config::load_valid_config(root);
  storage::Database database(workspace::database_location(root, config.settings), storage::Access::read_only);
  storage::Transaction reading(database.sql(), storage::Transaction::read);
  database.sql().prepare_for_bulk_writes(match::pool_cache_mib);
  auto [needs, resources] = match::load_pool(database.sql(), *today, match::street_of(config));
  std::map<std::string, std::vector<const match::FreeResource*>> by_category;
  for (const auto& r : resources) {
    if (r.free > 0 && r.in_period) by_category[r.resource.category].push_back(&r);
  }
  std::int64_t pairs = 0, metres = 0;
  for (const auto& n : needs) {
    for (const auto* r : by_category[n.need.category]) {
      if (!match::can_serve(r->resource, n.need, *today)) continue;
      ++pairs;
      // can_serve worked out the distance of a resource with a radius; that of one serving
      // the whole street is worked out here, once too.
      if (!r->resource.radius_m && r->resource.location && n.need.location) {
        metres += match::distance_m(*r->resource.location, *n.need.location);
      }
    }
  }
  std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cout << pairs << " pairs (" << metres / 1000 << " km in all) read in " << seconds.count() << " s\n";
}
