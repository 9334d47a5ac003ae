// SPDX-License-Identifier: Apache-2.0
// FlowNetwork::min_cost_flow with later tiers: each tier chooses only among the optima of
// the tiers before, however large a later tier's costs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "solver/min_cost_flow.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace min_cost_flow_test {

using kangle::solver::FlowNetwork;

TEST_CASE("min_cost_flow in tiers: each tier among the optima of the ones before", "[solver]") {
  const auto pricing =
      GENERATE(FlowNetwork::Pricing::mixed, FlowNetwork::Pricing::in_order, FlowNetwork::Pricing::candidate_lists);
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
  auto solution = net.min_cost_flow(s, t, 2, {tier(3, 1, 2), tier(-1'000'000, 0, 0)}, pricing);
  CHECK(used(solution) == std::vector<std::int64_t>{0, 1, 1});
  CHECK(solution.cost == 0);  // the last tier's total
  // Where the second tier ties b and c, the third decides between them.
  solution = net.min_cost_flow(s, t, 2, {tier(3, 1, 1), tier(0, 5, 7)}, pricing);
  CHECK(used(solution) == std::vector<std::int64_t>{0, 1, 1});
  solution = net.min_cost_flow(s, t, 1, {tier(3, 1, 1), tier(0, 7, 5)}, pricing);
  CHECK(used(solution) == std::vector<std::int64_t>{0, 0, 1});
  CHECK(solution.cost == 5);
  // Without later tiers, the first alone.
  CHECK(net.min_cost_flow(s, t, 2, {}, pricing).cost == -2);
  // A tier must give a cost to every arc.
  CHECK_THROWS_AS(net.min_cost_flow(s, t, 2, {std::vector<std::int64_t>{1}}), std::logic_error);
}

TEST_CASE("min_cost_flow: pricing in order, mixed or by candidate lists, the same optimum and a flow that keeps every arc's bounds", "[solver]") {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 40; ++round) {
    // Source, three layers of nodes, sink; arcs forward between layers at random, and a
    // bypass so that every amount can be sent.
    FlowNetwork net;
    struct Arc {
      FlowNetwork::Node from, to;
      std::int64_t capacity, cost;
    };
    std::vector<Arc> arcs;  // by FlowNetwork::Arc
    auto add = [&](FlowNetwork::Node from, FlowNetwork::Node to, std::int64_t capacity, std::int64_t cost) {
      arcs.push_back({from, to, capacity, cost});
      net.add_arc(from, to, capacity, cost);
    };
    auto s = net.add_node(), t = net.add_node();
    std::vector<std::vector<FlowNetwork::Node>> layers(3);
    for (auto& layer : layers) {
      for (int n = 0; n < 3 + static_cast<int>(rng() % 6); ++n) layer.push_back(net.add_node());
    }
    auto random_cost = [&] { return static_cast<std::int64_t>(rng() % 41) - 30; };
    for (auto n : layers[0]) add(s, n, 1 + rng() % 4, random_cost());
    for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
      for (auto from : layers[l]) {
        for (auto to : layers[l + 1]) {
          if (rng() % 2) add(from, to, 1 + rng() % 3, random_cost());
        }
      }
    }
    for (auto n : layers[2]) add(n, t, 1 + rng() % 4, random_cost());
    const std::int64_t amount = 8;
    add(s, t, amount, 0);
    std::vector<std::int64_t> tier(static_cast<std::size_t>(net.arc_count()));
    for (auto& cost : tier) cost = random_cost();
    auto mixed = net.min_cost_flow(s, t, amount, {}, FlowNetwork::Pricing::mixed);
    auto in_order = net.min_cost_flow(s, t, amount, {}, FlowNetwork::Pricing::in_order);
    auto candidates = net.min_cost_flow(s, t, amount, {}, FlowNetwork::Pricing::candidate_lists);
    CHECK(in_order.cost == mixed.cost);
    CHECK(candidates.cost == mixed.cost);
    const auto tiered = net.min_cost_flow(s, t, amount, {tier}, FlowNetwork::Pricing::mixed).cost;
    CHECK(net.min_cost_flow(s, t, amount, {tier}, FlowNetwork::Pricing::in_order).cost == tiered);
    CHECK(net.min_cost_flow(s, t, amount, {tier}, FlowNetwork::Pricing::candidate_lists).cost == tiered);
    for (const auto* solution : {&in_order, &candidates}) {
      // What leaves each node is what comes in, the source's amount and the sink's aside.
      std::vector<std::int64_t> balance(static_cast<std::size_t>(net.node_count()), 0);
      std::int64_t cost = 0;
      for (std::size_t a = 0; a < arcs.size(); ++a) {
        auto flow = solution->flow[a];
        const auto& arc = arcs[a];
        CHECK(flow >= 0);
        CHECK(flow <= arc.capacity);
        balance[static_cast<std::size_t>(arc.from)] -= flow;
        balance[static_cast<std::size_t>(arc.to)] += flow;
        cost += flow * arc.cost;
      }
      CHECK(cost == solution->cost);
      CHECK(balance[static_cast<std::size_t>(s)] == -amount);
      CHECK(balance[static_cast<std::size_t>(t)] == amount);
      for (std::size_t n = 2; n < balance.size(); ++n) CHECK(balance[n] == 0);
    }
  }
}

TEST_CASE("min_cost_flow: tiers folded into one solve where 64 bits allow give each tier the same optimum as solved one by one", "[solver]") {
  std::mt19937 rng(20261206);
  constexpr int tier_count = 3;
  for (int round = 0; round < 60; ++round) {
    FlowNetwork net;
    auto s = net.add_node(), t = net.add_node();
    std::vector<std::vector<FlowNetwork::Node>> layers(2);
    for (auto& layer : layers) {
      for (int n = 0; n < 3 + static_cast<int>(rng() % 5); ++n) layer.push_back(net.add_node());
    }
    // Few cost values: ties in every tier, left for the next one to break.
    auto random_cost = [&] { return static_cast<std::int64_t>(rng() % 3) - 1; };
    std::vector<std::int64_t> own_costs;
    auto add = [&](FlowNetwork::Node from, FlowNetwork::Node to, std::int64_t capacity, std::int64_t cost) {
      own_costs.push_back(cost);
      net.add_arc(from, to, capacity, cost);
    };
    for (auto n : layers[0]) add(s, n, 1 + rng() % 3, random_cost());
    for (auto from : layers[0]) {
      for (auto to : layers[1]) {
        if (rng() % 3) add(from, to, 1 + rng() % 2, random_cost());
      }
    }
    for (auto n : layers[1]) add(n, t, 1 + rng() % 3, random_cost());
    const std::int64_t amount = 6;
    add(s, t, amount, 0);
    auto real_arcs = static_cast<std::size_t>(net.arc_count());
    // Each tier gets an arc between two nodes of their own, which carries nothing. Its cost
    // in its own tier is too large to fold that tier into the ones before; in every other
    // tier it costs nothing, so it stays in the network until its tier is solved. With
    // them, each tier is solved on its own; without, they fold.
    for (int tier = 0; tier < tier_count; ++tier) {
      auto from = net.add_node(), to = net.add_node();
      net.add_arc(from, to, 1, 0);
    }
    std::vector<std::vector<std::int64_t>> tiers(tier_count, std::vector<std::int64_t>(static_cast<std::size_t>(net.arc_count()), 0));
    for (int tier = 0; tier < tier_count; ++tier) {
      for (std::size_t a = 0; a < real_arcs; ++a) tiers[static_cast<std::size_t>(tier)][a] = random_cost() * (1 + rng() % 4);
    }
    auto apart = tiers;
    for (int tier = 0; tier < tier_count; ++tier) apart[static_cast<std::size_t>(tier)][real_arcs + static_cast<std::size_t>(tier)] = std::int64_t{1} << 58;
    auto folded = net.min_cost_flow(s, t, amount, tiers);
    auto one_by_one = net.min_cost_flow(s, t, amount, apart);
    // The same total in every tier, the arcs' own costs first: both lexicographic optima.
    auto every_tier = tiers;
    every_tier.insert(every_tier.begin(), own_costs);
    for (const auto& tier : every_tier) {
      std::int64_t total_folded = 0, total_apart = 0;
      for (std::size_t a = 0; a < real_arcs; ++a) {
        total_folded += folded.flow[a] * tier[a];
        total_apart += one_by_one.flow[a] * tier[a];
      }
      CHECK(total_folded == total_apart);
    }
    for (std::size_t a = real_arcs; a < folded.flow.size(); ++a) CHECK(one_by_one.flow[a] == 0);
  }
}

TEST_CASE("min_cost_flow from a start: the optimum solved from nothing, in every tier", "[solver]") {
  std::mt19937 rng(20261208);
  for (int round = 0; round < 40; ++round) {
    // Source, two layers, sink, and a bypass; an arc's cost in the start's problem differs
    // from its own, so that the start is a flow of the network but not its optimum.
    FlowNetwork net, other;
    auto s = net.add_node(), t = net.add_node();
    other.add_node(), other.add_node();
    std::vector<std::vector<FlowNetwork::Node>> layers(2);
    for (auto& layer : layers) {
      for (int n = 0; n < 3 + static_cast<int>(rng() % 5); ++n) layer.push_back(net.add_node()), other.add_node();
    }
    auto random_cost = [&] { return static_cast<std::int64_t>(rng() % 21) - 15; };
    std::vector<std::pair<FlowNetwork::Node, FlowNetwork::Node>> ends;  // by arc
    std::vector<std::int64_t> own_costs;                                  // by arc
    auto add = [&](FlowNetwork::Node from, FlowNetwork::Node to, std::int64_t capacity) {
      ends.emplace_back(from, to);
      own_costs.push_back(random_cost());
      net.add_arc(from, to, capacity, own_costs.back());
      other.add_arc(from, to, capacity, random_cost());
    };
    for (auto n : layers[0]) add(s, n, 1 + rng() % 3);
    for (auto from : layers[0]) {
      for (auto to : layers[1]) {
        if (rng() % 3) add(from, to, 1 + rng() % 2);
      }
    }
    for (auto n : layers[1]) add(n, t, 1 + rng() % 3);
    const std::int64_t amount = 7;
    add(s, t, amount);
    // An arc apart, which carries nothing: too costly in `apart` for that tier to fold
    // into the first, so the second is solved on its own, on the arcs the first solve's
    // potentials leave free.
    auto apart_from = net.add_node(), apart_to = net.add_node();
    other.add_node(), other.add_node();
    ends.emplace_back(apart_from, apart_to);
    own_costs.push_back(0);
    net.add_arc(apart_from, apart_to, 1, 0);
    other.add_arc(apart_from, apart_to, 1, 0);
    std::vector<std::int64_t> tier(static_cast<std::size_t>(net.arc_count()));
    for (auto& cost : tier) cost = random_cost();
    tier.back() = 0;
    auto apart = tier;
    apart.back() = std::int64_t{1} << 58;
    const auto start = other.min_cost_flow(s, t, amount).flow;
    const auto pricing = round % 2 ? FlowNetwork::Pricing::mixed : FlowNetwork::Pricing::in_order;
    auto total = [&](const FlowNetwork::Solution& solution, const std::vector<std::int64_t>& costs) {
      std::int64_t sum = 0;
      for (std::size_t a = 0; a < costs.size(); ++a) sum += solution.flow[a] * costs[a];
      return sum;
    };
    auto cold = net.min_cost_flow(s, t, amount, {tier}, pricing);
    auto warm = net.min_cost_flow(s, t, amount, {tier}, pricing, start);
    CHECK(warm.cost == cold.cost);
    CHECK(total(warm, tier) == total(cold, tier));
    auto cold_apart = net.min_cost_flow(s, t, amount, {apart}, pricing);
    auto warm_apart = net.min_cost_flow(s, t, amount, {apart}, pricing, start);
    CHECK(warm_apart.cost == cold_apart.cost);
    CHECK(total(warm_apart, own_costs) == total(cold, own_costs));
    CHECK(total(warm_apart, tier) == total(cold, tier));
    auto from_greedy = net.min_cost_flow(s, t, amount, {tier}, pricing, net.greedy_flow(s, t, amount));
    CHECK(from_greedy.cost == cold.cost);
    CHECK(total(from_greedy, tier) == total(cold, tier));
    CHECK(net.min_cost_flow(s, t, amount, {}, pricing, start).cost == net.min_cost_flow(s, t, amount, {}, pricing).cost);
    // The flow the warm solve returns is one: within bounds, conserved.
    std::vector<std::int64_t> balance(static_cast<std::size_t>(net.node_count()), 0);
    for (std::size_t a = 0; a < warm.flow.size(); ++a) {
      CHECK(warm.flow[a] >= 0);
      CHECK(warm.flow[a] <= net.capacity(static_cast<FlowNetwork::Arc>(a)));
      balance[static_cast<std::size_t>(ends[a].first)] -= warm.flow[a];
      balance[static_cast<std::size_t>(ends[a].second)] += warm.flow[a];
    }
    CHECK(balance[static_cast<std::size_t>(s)] == -amount);
    CHECK(balance[static_cast<std::size_t>(t)] == amount);
    for (std::size_t n = 2; n < balance.size(); ++n) CHECK(balance[n] == 0);
    // A start that is not a flow of the amount is the caller's bug.
    auto short_of_one = start;
    short_of_one.back() -= 1;  // the bypass
    if (short_of_one.back() >= 0) CHECK_THROWS_AS(net.min_cost_flow(s, t, amount, {}, pricing, short_of_one), std::logic_error);
    CHECK_THROWS_AS(net.min_cost_flow(s, t, amount - 1, {}, pricing, start), std::logic_error);
    CHECK_THROWS_AS(net.min_cost_flow(s, t, amount, {}, pricing, {1, 2}), std::logic_error);
  }
}

TEST_CASE("min_cost_flow: units past 32 bits, with a later tier and from a start", "[solver]") {
  // The simplex counts units in 32 bits where they fit, in 64 where they do not.
  const std::int64_t billions = 3'000'000'000;
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node();
  std::vector<FlowNetwork::Arc> into, out;
  for (int i = 0; i < 2; ++i) {
    auto middle = net.add_node();
    into.push_back(net.add_arc(s, middle, billions, -1));
    out.push_back(net.add_arc(middle, t, billions, 0));
  }
  auto bypass = net.add_arc(s, t, 2 * billions, 0);
  const std::int64_t amount = billions + 7;
  std::vector<std::int64_t> prefer_second(static_cast<std::size_t>(net.arc_count()), 0);
  prefer_second[static_cast<std::size_t>(into[1])] = -1;
  auto flow_on = [](const FlowNetwork::Solution& solution, FlowNetwork::Arc arc) { return solution.flow[static_cast<std::size_t>(arc)]; };
  // A start with the units the other way (not greedy_flow's, which sends them one by one).
  std::vector<std::int64_t> start(static_cast<std::size_t>(net.arc_count()), 0);
  for (auto arc : {into[0], out[0]}) start[static_cast<std::size_t>(arc)] = billions;
  for (auto arc : {into[1], out[1]}) start[static_cast<std::size_t>(arc)] = 7;
  for (const auto& solution : {net.min_cost_flow(s, t, amount, {prefer_second}),
                               net.min_cost_flow(s, t, amount, {prefer_second}, FlowNetwork::Pricing::mixed, start)}) {
    CHECK(flow_on(solution, into[1]) == billions);
    CHECK(flow_on(solution, into[0]) == 7);
    CHECK(flow_on(solution, bypass) == 0);
    CHECK(solution.cost == -billions);
  }
  auto more_than_room = net.min_cost_flow(s, t, 3 * billions);
  CHECK(flow_on(more_than_room, into[0]) + flow_on(more_than_room, into[1]) == 2 * billions);
  CHECK(flow_on(more_than_room, bypass) == billions);
  CHECK(more_than_room.cost == -2 * billions);
}

TEST_CASE("min_cost_flow: an arc of 2^31 - 1 units is bounded, not taken for one without bound", "[solver]") {
  // LEMON reads its unit type's largest value as no bound: in 32 bits, this cycle that
  // pays to turn would be unbounded.
  const std::int64_t largest = std::numeric_limits<std::int32_t>::max();
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node(), a = net.add_node(), b = net.add_node();
  net.add_arc(s, t, 1, 0);
  auto there = net.add_arc(a, b, largest, -1);
  auto back = net.add_arc(b, a, largest, 0);
  auto solution = net.min_cost_flow(s, t, 1);
  CHECK(solution.flow[static_cast<std::size_t>(there)] == largest);
  CHECK(solution.flow[static_cast<std::size_t>(back)] == largest);
  CHECK(solution.cost == -largest);
}

TEST_CASE("min_cost_flow: an amount past 32 bits the arcs cannot carry is refused, not cut to 32 bits", "[solver]") {
  // Every bound is small, so only the amount says that 32 bits will not do: cut to them,
  // 2^32 + 3 units would be 3, which the arc carries.
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node();
  net.add_arc(s, t, 5, 1);
  CHECK_THROWS_AS(net.min_cost_flow(s, t, (std::int64_t{1} << 32) + 3), std::runtime_error);
  CHECK(net.min_cost_flow(s, t, 3).cost == 3);
}

TEST_CASE("greedy_flow: the cheapest way on first, the rest by the bypass, a flow within every arc's bounds", "[solver]") {
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node(), a = net.add_node(), b = net.add_node(), c = net.add_node();
  auto dear_in = net.add_arc(s, a, 2, 5), cheap_in = net.add_arc(s, b, 2, 1);
  auto a_out = net.add_arc(a, t, 2, 0);
  // From b: the cheaper arc leads to c, which goes nowhere but back to b; then the dearer to t.
  auto b_to_c = net.add_arc(b, c, 1, -3), c_to_b = net.add_arc(c, b, 1, 0), b_out = net.add_arc(b, t, 1, 0);
  auto bypass = net.add_arc(s, t, 5, 0);
  auto flow = net.greedy_flow(s, t, 5);
  auto at = [&](FlowNetwork::Arc arc) { return flow[static_cast<std::size_t>(arc)]; };
  CHECK(at(cheap_in) == 1);  // b reaches the sink once
  CHECK(at(b_out) == 1);
  CHECK(at(b_to_c) == 0);
  CHECK(at(c_to_b) == 0);
  CHECK(at(dear_in) == 2);
  CHECK(at(a_out) == 2);
  CHECK(at(bypass) == 2);
  // Less than the cheap ways can take: no bypass needed.
  flow = net.greedy_flow(s, t, 2);
  CHECK(at(cheap_in) == 1);
  CHECK(at(dear_in) == 1);
  CHECK(at(bypass) == 0);
  // Among ways as cheap, the one added last.
  FlowNetwork ties;
  auto tie_source = ties.add_node(), tie_sink = ties.add_node(), middle = ties.add_node();
  ties.add_arc(tie_source, middle, 1, 0);
  auto first_added = ties.add_arc(middle, tie_sink, 1, 2), last_added = ties.add_arc(middle, tie_sink, 1, 2);
  auto tied = ties.greedy_flow(tie_source, tie_sink, 1);
  CHECK(tied[static_cast<std::size_t>(first_added)] == 0);
  CHECK(tied[static_cast<std::size_t>(last_added)] == 1);
  // Without room for the rest (3 the cheap ways, 5 the bypass), the caller's bug.
  CHECK(net.greedy_flow(s, t, 8)[static_cast<std::size_t>(bypass)] == 5);
  CHECK_THROWS_AS(net.greedy_flow(s, t, 9), std::logic_error);
  FlowNetwork narrow;  // its only way to the sink the bypass, of one unit
  auto from = narrow.add_node(), to = narrow.add_node();
  narrow.add_arc(from, to, 1, 0);
  narrow.add_arc(from, narrow.add_node(), 3, 0);
  CHECK(narrow.greedy_flow(from, to, 1)[0] == 1);
  CHECK_THROWS_AS(narrow.greedy_flow(from, to, 2), std::logic_error);
}

TEST_CASE("greedy_flow: a unit with no way left takes one by moving an earlier unit, before a dearer arc's", "[solver]") {
  // A's cheapest way is the one seat B can take; the greedy's search first sends A there.
  FlowNetwork net;
  auto s = net.add_node(), t = net.add_node(), a = net.add_node(), b = net.add_node(), c = net.add_node();
  auto only_b = net.add_node(), either = net.add_node();
  auto a_in = net.add_arc(s, a, 1, 1), b_in = net.add_arc(s, b, 1, 2), c_in = net.add_arc(s, c, 1, 3);
  auto a_to_b_seat = net.add_arc(a, only_b, 1, 0), a_to_other = net.add_arc(a, either, 1, 1);
  auto b_to_seat = net.add_arc(b, only_b, 1, 0), c_to_other = net.add_arc(c, either, 1, 0);
  net.add_arc(only_b, t, 1, -10);
  net.add_arc(either, t, 1, -10);
  auto bypass = net.add_arc(s, t, 3, 0);
  auto flow = net.greedy_flow(s, t, 3);
  auto at = [&](FlowNetwork::Arc arc) { return flow[static_cast<std::size_t>(arc)]; };
  CHECK(at(a_in) == 1);
  CHECK(at(b_in) == 1);  // B's unit moved A's: without it, B would send nothing
  CHECK(at(b_to_seat) == 1);
  CHECK(at(a_to_b_seat) == 0);
  CHECK(at(a_to_other) == 1);
  CHECK(at(c_in) == 0);  // C, dearer, comes after B and finds both seats taken
  CHECK(at(c_to_other) == 0);
  CHECK(at(bypass) == 1);
  // The cheapest flow of 2 is this one: the greedy flow is already an optimum.
  CHECK(net.min_cost_flow(s, t, 2).cost == -20 + 1 + 2 + 1);
  flow = net.greedy_flow(s, t, 2);
  CHECK(at(b_in) == 1);
  CHECK(at(a_to_other) == 1);
  CHECK(at(bypass) == 0);
}

TEST_CASE("greedy_flow: units of one cost moved as far as a maximum flow, however long the way round", "[solver]") {
  // Random networks of volunteers, days, groups and seats, with arcs back and forth between
  // groups: the ways round are long and cross, and nodes are cut off on the way (the
  // searches' relabelling and gaps). Every arc out of the source costs the same, so after
  // the greedy's search one call of the augmenting paths has every unit that found no way
  // to move; what it cannot send goes by the bypass, and the rest must be a maximum flow.
  std::mt19937 rng(20261206);
  for (int round = 0; round < 200; ++round) {
    FlowNetwork net;
    std::vector<std::pair<FlowNetwork::Node, FlowNetwork::Node>> ends;
    std::vector<FlowNetwork::Arc> into_sink;
    auto s = net.add_node(), t = net.add_node();
    auto add = [&](FlowNetwork::Node from, FlowNetwork::Node to, std::int64_t capacity, std::int64_t cost) {
      ends.emplace_back(from, to);
      return net.add_arc(from, to, capacity, cost);
    };
    auto layer = [&](std::size_t size) {
      std::vector<FlowNetwork::Node> nodes(size);
      for (auto& n : nodes) n = net.add_node();
      return nodes;
    };
    auto volunteers = layer(3 + rng() % 12), days = layer(3 + rng() % 12), groups = layer(2 + rng() % 8),
         seats = layer(2 + rng() % 12);
    auto link = [&](const std::vector<FlowNetwork::Node>& from, const std::vector<FlowNetwork::Node>& to, unsigned in) {
      for (auto a : from) {
        for (auto b : to) {
          if (rng() % in == 0) add(a, b, 1 + rng() % 2, static_cast<std::int64_t>(rng() % 5) - 2);
        }
      }
    };
    std::int64_t amount = 0;
    for (auto v : volunteers) {
      auto limit = 1 + static_cast<std::int64_t>(rng() % 3);
      add(s, v, limit, 1);
      amount += limit;
    }
    link(volunteers, days, 3);
    link(days, groups, 3);
    link(groups, groups, 4);
    link(groups, seats, 2);
    for (auto seat : seats) into_sink.push_back(add(seat, t, 1 + rng() % 2, -10));
    auto bypass = add(s, t, amount, 0);
    // The maximum flow: the cheapest flow when only reaching the sink other than by the
    // bypass pays.
    FlowNetwork counting;
    for (int n = 0; n < net.node_count(); ++n) counting.add_node();
    for (std::size_t a = 0; a < ends.size(); ++a) {
      const auto arc = static_cast<FlowNetwork::Arc>(a);
      const bool paid = std::find(into_sink.begin(), into_sink.end(), arc) != into_sink.end();
      counting.add_arc(ends[a].first, ends[a].second, net.capacity(arc), paid ? -1 : 0);
    }
    const auto most = -counting.min_cost_flow(s, t, amount).cost;
    const auto flow = net.greedy_flow(s, t, amount);
    CHECK(amount - flow[static_cast<std::size_t>(bypass)] == most);
    std::vector<std::int64_t> balance(static_cast<std::size_t>(net.node_count()), 0);
    for (std::size_t a = 0; a < flow.size(); ++a) {
      CHECK(flow[a] >= 0);
      CHECK(flow[a] <= net.capacity(static_cast<FlowNetwork::Arc>(a)));
      balance[static_cast<std::size_t>(ends[a].first)] -= flow[a];
      balance[static_cast<std::size_t>(ends[a].second)] += flow[a];
    }
    CHECK(balance[static_cast<std::size_t>(s)] == -amount);
    CHECK(balance[static_cast<std::size_t>(t)] == amount);
    for (std::size_t n = 2; n < balance.size(); ++n) CHECK(balance[n] == 0);
  }
}

}  // namespace min_cost_flow_test
