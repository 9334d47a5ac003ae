// SPDX-License-Identifier: Apache-2.0
// FlowNetwork::min_cost_flow with later tiers: each tier chooses only among the optima of
// the tiers before, however large a later tier's costs.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "solver/min_cost_flow.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace min_cost_flow_test {

using kangle::solver::FlowNetwork;

TEST_CASE("min_cost_flow in tiers: each tier among the optima of the ones before", "[solver]") {
  // Two units from s to t through three one-unit paths via a, b and c.
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node();
  std::vector<FlowNetwork::Arc> into;
  for (int i = 0; i < 3; ++i) {
    auto middle = net.add_node();
    into.push_back(net.add_arc(s, middle, 1, -1));  // the first tier: every path alike
    net.add_arc(middle, t, 1, 0);
  }
  auto tier = [&](std::int64_t a, std::int64_t b, std::int64_t c) {
    std::vector<std::int64_t> costs(static_cast<std::size_t>(net.arc_count()), 0);
    costs[static_cast<std::size_t>(into[0])] = a;
    costs[static_cast<std::size_t>(into[1])] = b;
    costs[static_cast<std::size_t>(into[2])] = c;
    return costs;
  };
  auto used = [&](const FlowNetwork::Solution& solution) {
    std::vector<std::int64_t> out;
    for (auto arc : into) out.push_back(solution.flow[static_cast<std::size_t>(arc)]);
    return out;
  };
  // The second tier picks b and c; the third would rather have a, at any price, but a is
  // not among the second tier's optima.
  auto solution = net.min_cost_flow(s, t, 2, {tier(3, 1, 2), tier(-1'000'000, 0, 0)});
  CHECK(used(solution) == std::vector<std::int64_t>{0, 1, 1});
  CHECK(solution.cost == 0);  // the last tier's total
  // Where the second tier ties b and c, the third decides between them.
  solution = net.min_cost_flow(s, t, 2, {tier(3, 1, 1), tier(0, 5, 7)});
  CHECK(used(solution) == std::vector<std::int64_t>{0, 1, 1});
  solution = net.min_cost_flow(s, t, 1, {tier(3, 1, 1), tier(0, 7, 5)});
  CHECK(used(solution) == std::vector<std::int64_t>{0, 0, 1});
  CHECK(solution.cost == 5);
  // Without later tiers, the first alone.
  CHECK(net.min_cost_flow(s, t, 2).cost == -2);
  // A tier must give a cost to every arc.
  CHECK_THROWS_AS(net.min_cost_flow(s, t, 2, {std::vector<std::int64_t>{1}}), std::logic_error);
}

}  // namespace min_cost_flow_test
