// SPDX-License-Identifier: Apache-2.0
// The min-cost flow network of a rota build (`kangle schedule build --dry-run --flow-out
// FILE`: DIMACS, ending `c optimum COST`) solved again by each of LEMON's algorithms, timed,
// each optimum checked against kangle's. What bench/README.md ("Which solver") reports.
//
//   g++ -O2 -std=c++20 -Ilib -c lib/solver/min_cost_flow.cpp
//   g++ -O2 -std=c++17 -Ilib bench/flow_solvers.cpp min_cost_flow.o -o flow_solvers -llemon
//   ./flow_solvers FILE [NAME...]
//
// NAME picks algorithms (default: all): simplex-mixed and simplex-in-order (kangle's:
// NetworkSimplex's block search on the static graph lib/solver builds, its arcs by source
// in the file's order, priced in LEMON's mixed order as a street's rota and the matching
// are, or in order as a district's rota is), simplex-list (the same on a ListDigraph, as
// kangle built it before 2026-12-04), simplex-block (on a static graph of the nodes in
// reverse, each one's arcs from the last),
// simplex-first, simplex-best, simplex-candidate, simplex-altering, cost-push,
// cost-augment, cost-partial, cost-partial-128 and cost-push-128 (CostScaling with 128-bit
// intermediate costs), capacity; two-steps-cost, two-steps-cost-push and two-steps-simplex
// (a maximum flow first, then the other tiers); priced-all and priced-8 (a part of the
// network, the rest priced in); warm-0, warm-8 and warm-64 (the optimum less 0, 8 or 64
// units of a drop-out, solved again from that start on the residual network, and from
// nothing); greedy (from the greedy flow a district's build started from until
// 2026-12-06); greedy-rerouted (kangle's greedy_flow, as a build starts now: after the
// arcs out of the source of each cost, augmenting paths for the units its search could not
// send); each
// warm and greedy also -priced (the residual network's arcs priced by the start's least
// costs from the source, as kangle solves from a start) and warm-0 and greedy
// -optimum-priced (by the optimum's own potentials: the best any prices give);
// seats-first-priced (a start that fills the seats one at a time, each by its cheapest
// path from the source).
#include "solver/min_cost_flow.hpp"

#include <lemon/capacity_scaling.h>
#include <lemon/cost_scaling.h>
#include <lemon/core.h>
#include <lemon/dimacs.h>
#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Graph = lemon::StaticDigraph;
using Value = std::int64_t;

struct Problem {
  Graph graph;
  Graph::ArcMap<Value> capacity{graph}, cost{graph};
  Graph::NodeMap<Value> supply{graph};
  // The same network in a ListDigraph, as lib/solver/min_cost_flow.cpp builds it.
  lemon::ListDigraph list;
  lemon::ListDigraph::ArcMap<Value> list_capacity{list}, list_cost{list};
  lemon::ListDigraph::NodeMap<Value> list_supply{list};
  // The file's arcs and supplies as numbered there (nodes from 0).
  struct Arc {
    int from, to;
    Value capacity, cost;
  };
  std::vector<Arc> arcs;
  std::vector<Value> supplies;
  Value optimum = 0;  // kangle's, from the file's last comment
  bool has_optimum = false;
};

/// Reads FILE into a SmartDigraph (what readDimacsMin fills), then builds the static graph
/// the solvers run on: the same nodes and arcs in the same order.
void read(const std::string& file, Problem& p) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  if (auto at = content.rfind("c optimum "); at != std::string::npos) {
    p.optimum = std::stoll(content.substr(at + 10));
    p.has_optimum = true;
  }
  std::istringstream dimacs(content);
  lemon::SmartDigraph smart;
  lemon::SmartDigraph::ArcMap<Value> lower(smart), capacity(smart), cost(smart);
  lemon::SmartDigraph::NodeMap<Value> supply(smart);
  lemon::readDimacsMin(dimacs, smart, lower, capacity, cost, supply);
  lemon::SmartDigraph::NodeMap<Graph::Node> node_ref(smart);
  lemon::SmartDigraph::ArcMap<Graph::Arc> arc_ref(smart);
  p.graph.build(smart, node_ref, arc_ref);
  for (lemon::SmartDigraph::ArcIt a(smart); a != lemon::INVALID; ++a) {
    p.capacity[arc_ref[a]] = capacity[a];
    p.cost[arc_ref[a]] = cost[a];
  }
  for (lemon::SmartDigraph::NodeIt n(smart); n != lemon::INVALID; ++n) p.supply[node_ref[n]] = supply[n];
  for (int k = 0; k < smart.maxArcId() + 1; ++k) {
    auto a = smart.arcFromId(k);
    p.arcs.push_back({smart.id(smart.source(a)), smart.id(smart.target(a)), capacity[a], cost[a]});
  }
  for (int k = 0; k < smart.maxNodeId() + 1; ++k) p.supplies.push_back(supply[smart.nodeFromId(k)]);
  lemon::digraphCopy(smart, p.list)
      .arcMap(capacity, p.list_capacity)
      .arcMap(cost, p.list_cost)
      .nodeMap(supply, p.list_supply)
      .run();
}

/// NetworkSimplex as lib/solver/min_cost_flow.cpp runs it: a static graph of the arcs by
/// source, each node's in the file's order; priced in order, the nodes numbered from the
/// last (the simplex takes a static graph's arcs from the last back), without mixing.
std::function<Value(const Problem&)> as_kangle(bool in_order) {
  return [in_order](const Problem& p) {
    const int n = static_cast<int>(p.supplies.size());
    auto id_of = [&](int node) { return in_order ? n - 1 - node : node; };
    std::vector<std::size_t> by_source(p.arcs.size());
    for (std::size_t k = 0; k < by_source.size(); ++k) by_source[k] = k;
    std::stable_sort(by_source.begin(), by_source.end(),
                     [&](std::size_t x, std::size_t y) { return id_of(p.arcs[x].from) < id_of(p.arcs[y].from); });
    std::vector<std::pair<int, int>> ends;
    for (auto k : by_source) ends.emplace_back(id_of(p.arcs[k].from), id_of(p.arcs[k].to));
    Graph graph;
    graph.build(n, ends.begin(), ends.end());
    Graph::ArcMap<Value> capacity(graph), cost(graph);
    Graph::NodeMap<Value> supply(graph);
    for (std::size_t k = 0; k < by_source.size(); ++k) {
      capacity[graph.arcFromId(static_cast<int>(k))] = p.arcs[by_source[k]].capacity;
      cost[graph.arcFromId(static_cast<int>(k))] = p.arcs[by_source[k]].cost;
    }
    for (int k = 0; k < n; ++k) supply[graph.nodeFromId(id_of(k))] = p.supplies[static_cast<std::size_t>(k)];
    lemon::NetworkSimplex<Graph, Value, Value> solver(graph, !in_order);
    solver.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
    return static_cast<Value>(solver.totalCost());
  };
}

/// NetworkSimplex with its default pivot rule on a ListDigraph, as kangle built it before.
Value on_list_graph(const Problem& p) {
  lemon::NetworkSimplex<lemon::ListDigraph, Value, Value> solver(p.list);
  solver.upperMap(p.list_capacity).costMap(p.list_cost).supplyMap(p.list_supply);
  if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
  return solver.totalCost();
}

/// Pricing: NetworkSimplex on a part of the network, then every arc left out priced with
/// the part's potentials (reduced cost cost + π(tail) − π(head)); into each node, the
/// `per_round` most negative join, and the part is solved again from nothing (LEMON's
/// solvers take no start), until none is negative. Exact: the last part's flow and
/// potentials meet the optimality conditions on every arc. The part: every arc out of
/// the source and into the sink, and into each other node the `keep` cheapest of its
/// arcs in, keep = max(least, per_unit · what can leave the node), ties taken from a
/// place that differs by node so that not every seat looks at the same volunteers.
Value priced(const Problem& p, Value least, Value per_unit, int per_round) {
  const Graph& g = p.graph;
  const int n = lemon::countNodes(g), m = lemon::countArcs(g);
  std::vector<Value> out_capacity(n, 0);
  for (Graph::ArcIt a(g); a != lemon::INVALID; ++a) out_capacity[g.id(g.source(a))] += p.capacity[a];
  std::vector<char> kept(m, 0);
  std::vector<Graph::Arc> in;
  for (Graph::NodeIt v(g); v != lemon::INVALID; ++v) {
    in.clear();
    for (Graph::InArcIt a(g, v); a != lemon::INVALID; ++a) {
      if (p.supply[v] < 0 || p.supply[g.source(a)] > 0) kept[g.id(a)] = 1;
      else in.push_back(a);
    }
    auto keep = static_cast<std::size_t>(std::max(least, per_unit * out_capacity[g.id(v)]));
    if (in.size() > keep) {
      std::size_t offset = (static_cast<std::size_t>(g.id(v)) * 2654435761u) % in.size();
      std::vector<std::size_t> order(in.size());
      for (std::size_t i = 0; i < in.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (p.cost[in[x]] != p.cost[in[y]]) return p.cost[in[x]] < p.cost[in[y]];
        return (x + in.size() - offset) % in.size() < (y + in.size() - offset) % in.size();
      });
      order.resize(keep);
      for (auto i : order) kept[g.id(in[i])] = 1;
    } else {
      for (auto a : in) kept[g.id(a)] = 1;
    }
  }
  for (int round = 1;; ++round) {
    lemon::SmartDigraph part;
    lemon::SmartDigraph::ArcMap<Value> capacity(part), cost(part);
    lemon::SmartDigraph::NodeMap<Value> supply(part);
    part.reserveNode(n);
    for (int i = 0; i < n; ++i) supply[part.addNode()] = p.supply[g.nodeFromId(i)];
    std::size_t arcs = 0;
    for (Graph::ArcIt a(g); a != lemon::INVALID; ++a) {
      if (!kept[g.id(a)]) continue;
      auto arc = part.addArc(part.nodeFromId(g.id(g.source(a))), part.nodeFromId(g.id(g.target(a))));
      capacity[arc] = p.capacity[a];
      cost[arc] = p.cost[a];
      ++arcs;
    }
    lemon::NetworkSimplex<lemon::SmartDigraph, Value, Value> solver(part);
    solver.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
    // Into each node, the `per_round` arcs of most negative reduced cost.
    std::vector<std::vector<std::pair<Value, int>>> entering(n);
    for (Graph::ArcIt a(g); a != lemon::INVALID; ++a) {
      if (kept[g.id(a)]) continue;
      Value reduced = p.cost[a] + solver.potential(part.nodeFromId(g.id(g.source(a)))) -
                      solver.potential(part.nodeFromId(g.id(g.target(a))));
      if (reduced < 0) entering[g.id(g.target(a))].push_back({reduced, g.id(a)});
    }
    std::size_t added = 0;
    for (auto& arcs_in : entering) {
      if (arcs_in.size() > static_cast<std::size_t>(per_round)) {
        std::partial_sort(arcs_in.begin(), arcs_in.begin() + per_round, arcs_in.end());
        arcs_in.resize(static_cast<std::size_t>(per_round));
      }
      for (auto [reduced, arc] : arcs_in) kept[arc] = 1, ++added;
    }
    if (added == 0) {
      std::printf("  %d rounds, the last on %zu of %d arcs\n", round, arcs, m);
      return solver.totalCost();
    }
  }
}

/// The first tier alone: as many seats filled as can be is a maximum flow (Preflow), the
/// network without its bypass arc. Then the other tiers on the flows of that value only:
/// supply F, no bypass, every arc into the sink less the seat reward (the same for each:
/// the optimum moves by F times it). Costs of the other tiers only, which 64 bits hold
/// through CostScaling's scaling.
template <typename Solver, typename Method>
std::function<Value(const Problem&)> two_steps(Method method) {
  return [method](const Problem& p) {
    const Graph& g = p.graph;
    Graph::Node source = lemon::INVALID, sink = lemon::INVALID;
    for (Graph::NodeIt v(g); v != lemon::INVALID; ++v) {
      if (p.supply[v] > 0) source = v;
      if (p.supply[v] < 0) sink = v;
    }
    Graph::ArcMap<Value> capacity(g), cost(g);
    Value reward = 0;
    for (Graph::InArcIt a(g, sink); a != lemon::INVALID; ++a) {
      if (g.source(a) != source) reward = std::max(reward, -p.cost[a]);
    }
    for (Graph::ArcIt a(g); a != lemon::INVALID; ++a) {
      bool bypass = g.source(a) == source && g.target(a) == sink;
      capacity[a] = bypass ? 0 : p.capacity[a];
      cost[a] = p.cost[a] + (g.target(a) == sink && !bypass ? reward : 0);
    }
    auto start = std::chrono::steady_clock::now();
    lemon::Preflow<Graph, Graph::ArcMap<Value>> preflow(g, capacity, source, sink);
    preflow.runMinCut();
    const Value filled = preflow.flowValue();
    std::printf("  max flow %lld in %.2f s\n", static_cast<long long>(filled),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    Solver solver(g);
    solver.upperMap(capacity).costMap(cost).stSupply(source, sink, filled);
    if (solver.run(method) != Solver::OPTIMAL) throw std::runtime_error("not optimal");
    return static_cast<Value>(solver.totalCost()) - filled * reward;
  };
}


/// How a solve from a start prices the residual network's arcs: not at all (every potential
/// 0, LEMON's start), by the start's least costs from the source (kangle's), or by the
/// optimum's own potentials (a solve from nothing first, untimed: the best any prices give).
enum class Prices { none, from_source, optimum };

std::vector<Value> optimum_potentials(const Problem& p) {
  lemon::NetworkSimplex<Graph, Value, Value> cold(p.graph);
  cold.upperMap(p.capacity).costMap(p.cost).supplyMap(p.supply);
  if (cold.run() != decltype(cold)::OPTIMAL) throw std::runtime_error("not optimal");
  // The static graph numbers the nodes as the SmartDigraph's NodeIt walks them: from the last.
  const int n = static_cast<int>(p.supplies.size());
  std::vector<Value> potential(p.supplies.size());
  for (int k = 0; k < n; ++k) potential[static_cast<std::size_t>(k)] = cold.potential(p.graph.nodeFromId(n - 1 - k));
  return potential;
}

/// The min-cost circulation on the residual network of `flow` (within `capacity`, by arc
/// of p), by NetworkSimplex, added to it: an optimum of the network with those capacities.
/// In order: the nodes numbered from the last, no mixing, as kangle prices a build.
void solve_from(const Problem& p, const std::vector<Value>& capacity, std::vector<Value>& flow, bool in_order,
                const std::vector<Value>& potential = {}) {
  const int n = static_cast<int>(p.supplies.size());
  auto id_of = [&](int node) { return in_order ? n - 1 - node : node; };
  // An arc forward where room is left, one back where flow runs.
  std::vector<Problem::Arc> residual;
  std::vector<std::pair<std::size_t, bool>> of;  // (arc, forward)
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    const auto& a = p.arcs[k];
    Value reduced = a.cost;
    if (!potential.empty()) reduced += potential[static_cast<std::size_t>(a.from)] - potential[static_cast<std::size_t>(a.to)];
    if (capacity[k] > flow[k]) residual.push_back({id_of(a.from), id_of(a.to), capacity[k] - flow[k], reduced}), of.emplace_back(k, true);
    if (flow[k] > 0) residual.push_back({id_of(a.to), id_of(a.from), flow[k], -reduced}), of.emplace_back(k, false);
  }
  std::size_t negative = 0;
  for (const auto& r : residual) negative += r.cost < 0;
  std::printf("  %zu of %zu residual arcs below zero\n", negative, residual.size());
  std::vector<std::size_t> by(residual.size());
  for (std::size_t k = 0; k < by.size(); ++k) by[k] = k;
  std::stable_sort(by.begin(), by.end(), [&](std::size_t x, std::size_t y) { return residual[x].from < residual[y].from; });
  std::vector<std::pair<int, int>> ends;
  for (auto k : by) ends.emplace_back(residual[k].from, residual[k].to);
  Graph r;
  r.build(n, ends.begin(), ends.end());
  Graph::ArcMap<Value> room(r), cost(r);
  for (std::size_t k = 0; k < by.size(); ++k) {
    room[r.arcFromId(static_cast<int>(k))] = residual[by[k]].capacity;
    cost[r.arcFromId(static_cast<int>(k))] = residual[by[k]].cost;
  }
  lemon::NetworkSimplex<Graph, Value, Value> solver(r, !in_order);
  solver.upperMap(room).costMap(cost);
  if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
  for (std::size_t k = 0; k < by.size(); ++k) {
    auto [arc, forward] = of[by[k]];
    flow[arc] += forward ? solver.flow(r.arcFromId(static_cast<int>(k))) : -solver.flow(r.arcFromId(static_cast<int>(k)));
  }
}

/// Prices for a start, as kangle's FlowNetwork::min_cost_flow sets them: the least costs
/// from the source on the residual network of `flow`, the source held at 0 and the sink
/// left out (a cycle through either is what the solve is there to find); the nodes not
/// reached above all others; the sink where no arc back out of it costs less than nothing.
/// Bellman-Ford passes until they settle (kangle gives up after 64; here it is printed).
std::vector<Value> start_prices(const Problem& p, const std::vector<Value>& capacity, const std::vector<Value>& flow) {
  const int passes = 1000;
  auto start = std::chrono::steady_clock::now();
  const auto unreached = std::numeric_limits<Value>::max() / 4;
  std::vector<Value> potential(p.supplies.size(), unreached);
  std::size_t source = 0, sink = 0;
  for (std::size_t k = 0; k < p.supplies.size(); ++k) {
    if (p.supplies[k] > 0) source = k;
    if (p.supplies[k] < 0) sink = k;
  }
  potential[source] = 0;
  int pass = 0;
  for (bool changed = true; changed && pass < passes; ++pass) {
    changed = false;
    for (std::size_t k = 0; k < p.arcs.size(); ++k) {
      const auto& a = p.arcs[k];
      auto u = static_cast<std::size_t>(a.from), v = static_cast<std::size_t>(a.to);
      if (u == sink || v == sink) continue;
      if (capacity[k] > flow[k] && v != source && potential[u] != unreached && potential[u] + a.cost < potential[v])
        potential[v] = potential[u] + a.cost, changed = true;
      if (flow[k] > 0 && u != source && potential[v] != unreached && potential[v] - a.cost < potential[u])
        potential[u] = potential[v] - a.cost, changed = true;
    }
  }
  Value highest = 0;
  for (auto value : potential)
    if (value != unreached) highest = std::max(highest, value);
  for (auto& value : potential)
    if (value == unreached) value = highest + 1;
  bool any = false;
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    const auto& a = p.arcs[k];
    if (static_cast<std::size_t>(a.to) != sink || flow[k] == 0) continue;
    Value back = potential[static_cast<std::size_t>(a.from)] + a.cost;
    if (!any || back > potential[sink]) potential[sink] = back, any = true;
  }
  std::printf("  priced in %d passes, %.2f s%s\n", pass, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              pass < passes ? ", settled" : "");
  return potential;
}

/// The cost of `flow` over p's arcs.
Value cost_of(const Problem& p, const std::vector<Value>& flow) {
  Value total = 0;
  for (std::size_t k = 0; k < flow.size(); ++k) total += flow[k] * p.arcs[k].cost;
  return total;
}

/// The source, the sink and the bypass (the arc from one to the other) of a rota's network.
struct Ends {
  int source = 0, sink = 0;
  std::size_t bypass = 0;
};
Ends ends_of(const Problem& p) {
  Ends e;
  for (int k = 0; k < static_cast<int>(p.supplies.size()); ++k) {
    if (p.supplies[static_cast<std::size_t>(k)] > 0) e.source = k;
    if (p.supplies[static_cast<std::size_t>(k)] < 0) e.sink = k;
  }
  e.bypass = p.arcs.size();
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    if (p.arcs[k].from == e.source && p.arcs[k].to == e.sink) e.bypass = k;
  }
  return e;
}

/// A start's units sent by the source and the rest by the bypass; prints what the start
/// took and costs, then prices it (as `prices` says), solves the residual network in order
/// and returns the optimum.
Value solve_from_start(const Problem& p, const char* name, std::vector<Value>& flow, Value sent, Prices prices,
                       std::chrono::steady_clock::time_point start) {
  const auto e = ends_of(p);
  flow[e.bypass] = p.supplies[static_cast<std::size_t>(e.source)] - sent;
  std::printf("  %s %.2f s, %lld units, cost %lld\n", name,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), static_cast<long long>(sent),
              static_cast<long long>(cost_of(p, flow)));
  std::vector<Value> capacity(p.arcs.size());
  for (std::size_t k = 0; k < p.arcs.size(); ++k) capacity[k] = p.arcs[k].capacity;
  start = std::chrono::steady_clock::now();
  std::vector<Value> potential;
  if (prices == Prices::from_source) potential = start_prices(p, capacity, flow);
  if (prices == Prices::optimum) {
    potential = optimum_potentials(p);
    start = std::chrono::steady_clock::now();
  }
  solve_from(p, capacity, flow, true, potential);
  std::printf("  residual solve %.2f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return cost_of(p, flow);
}

/// A build's start without a rota before, as kangle made it until 2026-12-06: a greedy
/// flow (the arcs out of the source in order of cost, each one's units sent down arcs with
/// room, the cheapest first and the last added among equals, by a depth-first search that
/// leaves behind nodes that no longer reach the sink; the rest by the bypass), then the
/// residual network solved in order. Prints the start's time, units and cost; returns the
/// optimum.
Value greedy(const Problem& p, Prices prices) {
  const auto e = ends_of(p);
  const int source = e.source, sink = e.sink;
  auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<std::size_t>> out(p.supplies.size());
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    if (k != e.bypass) out[static_cast<std::size_t>(p.arcs[k].from)].push_back(k);
  }
  for (auto& arcs : out) {
    std::sort(arcs.begin(), arcs.end(), [&](std::size_t x, std::size_t y) {
      return p.arcs[x].cost < p.arcs[y].cost || (p.arcs[x].cost == p.arcs[y].cost && x > y);
    });
  }
  std::vector<Value> flow(p.arcs.size(), 0);
  auto full = [&](std::size_t k) { return flow[k] == p.arcs[k].capacity; };
  std::vector<std::size_t> next(p.supplies.size(), 0);  // each node's first arc that may still lead on
  std::vector<char> dead(p.supplies.size(), 0);
  Value sent = 0;
  for (auto first : out[static_cast<std::size_t>(source)]) {
    while (!full(first) && !dead[static_cast<std::size_t>(p.arcs[first].to)]) {
      std::vector<std::size_t> path{first};
      int at = p.arcs[first].to;
      while (at != sink && !path.empty()) {
        auto u = static_cast<std::size_t>(at);
        auto& i = next[u];
        while (i < out[u].size() && (full(out[u][i]) || dead[static_cast<std::size_t>(p.arcs[out[u][i]].to)])) ++i;
        if (i == out[u].size()) {
          dead[u] = 1;
          path.pop_back();
          if (path.empty()) break;
          at = p.arcs[path.back()].to;
          continue;
        }
        path.push_back(out[u][i]);
        at = p.arcs[out[u][i]].to;
      }
      if (path.empty() || at != sink) break;
      for (auto k : path) ++flow[k];
      ++sent;
    }
  }
  return solve_from_start(p, "greedy", flow, sent, prices, start);
}

/// A build's start as kangle makes it now: kangle's own FlowNetwork::greedy_flow (after the
/// arcs out of the source of each cost, augmenting paths for the units its search could
/// not send), on the same network; then the residual network solved in order.
Value greedy_rerouted(const Problem& p, Prices prices) {
  const auto e = ends_of(p);
  auto start = std::chrono::steady_clock::now();
  kangle::solver::FlowNetwork net;
  for (std::size_t n = 0; n < p.supplies.size(); ++n) net.add_node();
  for (const auto& a : p.arcs) net.add_arc(a.from, a.to, a.capacity, a.cost);
  const Value amount = p.supplies[static_cast<std::size_t>(e.source)];
  auto flow = net.greedy_flow(e.source, e.sink, amount);
  return solve_from_start(p, "greedy rerouted by cost", flow, amount - flow[e.bypass], prices, start);
}

/// A start that fills the seats one by one instead: each arc into the sink, the most
/// rewarded first and among equals the one whose tail has the fewest arcs within two steps
/// back, takes the cheapest path from the source to it over arcs with room (a search back
/// through the network, which has no cycle), while that path costs less than the bypass.
/// Returns the optimum solved from it, as greedy().
Value seats_first(const Problem& p, Prices prices) {
  const auto e = ends_of(p);
  auto start = std::chrono::steady_clock::now();
  const auto n = p.supplies.size();
  std::vector<std::vector<std::size_t>> in(n);
  std::vector<std::size_t> seats;
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    if (k == e.bypass) continue;
    in[static_cast<std::size_t>(p.arcs[k].to)].push_back(k);
    if (p.arcs[k].to == e.sink) seats.push_back(k);
  }
  std::vector<std::size_t> near(n, 0);  // arcs into the node and into its tails
  for (std::size_t u = 0; u < n; ++u) {
    near[u] = in[u].size();
    for (auto k : in[u]) near[u] += in[static_cast<std::size_t>(p.arcs[k].from)].size();
  }
  std::stable_sort(seats.begin(), seats.end(), [&](std::size_t x, std::size_t y) {
    if (p.arcs[x].cost != p.arcs[y].cost) return p.arcs[x].cost < p.arcs[y].cost;
    return near[static_cast<std::size_t>(p.arcs[x].from)] < near[static_cast<std::size_t>(p.arcs[y].from)];
  });
  std::vector<Value> flow(p.arcs.size(), 0);
  const Value unreachable = std::numeric_limits<Value>::max() / 4;
  std::vector<Value> cheapest(n, unreachable);
  std::vector<std::size_t> via(n, p.arcs.size());
  std::vector<Value> searched(n, -1);  // the seat whose search last priced the node
  Value search = 0;
  // The cheapest path's cost from the source to u over arcs with room, its last arc in via.
  auto price = [&](auto& self, int u) -> Value {
    const auto at = static_cast<std::size_t>(u);
    if (u == e.source) return 0;
    if (searched[at] == search) return cheapest[at];
    searched[at] = search;
    cheapest[at] = unreachable;
    for (auto k : in[at]) {
      if (flow[k] >= p.arcs[k].capacity) continue;
      const Value before = self(self, p.arcs[k].from);
      if (before != unreachable && before + p.arcs[k].cost < cheapest[at]) cheapest[at] = before + p.arcs[k].cost, via[at] = k;
    }
    return cheapest[at];
  };
  Value sent = 0;
  for (auto seat : seats) {
    for (;;) {
      ++search;
      const Value to_tail = price(price, p.arcs[seat].from);
      if (flow[seat] >= p.arcs[seat].capacity || to_tail == unreachable || to_tail + p.arcs[seat].cost >= 0) break;
      ++flow[seat];
      for (int u = p.arcs[seat].from; u != e.source; u = p.arcs[via[static_cast<std::size_t>(u)]].from) {
        ++flow[via[static_cast<std::size_t>(u)]];
      }
      ++sent;
    }
  }
  return solve_from_start(p, "seats first", flow, sent, prices, start);
}

/// A warm start, as a rebuild has one (FlowNetwork::min_cost_flow's `start`): the optimum
/// (solved first) less `units` paths from the source, each from a different arc out of it,
/// whose capacity shrinks by the path (a drop-out), those units sent by the bypass
/// instead. Then the min-cost circulation on that flow's residual network, by
/// NetworkSimplex priced mixed, and the changed network solved from nothing: both timed,
/// their optima compared. Returns the first solve's optimum, the file's network's.
Value warm(const Problem& p, int units, Prices prices) {
  const int n = static_cast<int>(p.supplies.size());
  int source = 0, sink = 0;
  for (int k = 0; k < n; ++k) {
    if (p.supplies[k] > 0) source = k;
    if (p.supplies[k] < 0) sink = k;
  }
  // The optimum's flow by arc.
  std::vector<std::pair<int, int>> ends;
  for (const auto& a : p.arcs) ends.emplace_back(a.from, a.to);
  std::vector<std::size_t> order(p.arcs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return p.arcs[x].from < p.arcs[y].from; });
  std::vector<std::pair<int, int>> sorted;
  for (auto k : order) sorted.emplace_back(p.arcs[k].from, p.arcs[k].to);
  Graph g;
  g.build(n, sorted.begin(), sorted.end());
  Graph::ArcMap<Value> capacity(g), cost(g);
  Graph::NodeMap<Value> supply(g);
  for (std::size_t k = 0; k < order.size(); ++k) {
    capacity[g.arcFromId(static_cast<int>(k))] = p.arcs[order[k]].capacity;
    cost[g.arcFromId(static_cast<int>(k))] = p.arcs[order[k]].cost;
  }
  for (int k = 0; k < n; ++k) supply[g.nodeFromId(k)] = p.supplies[static_cast<std::size_t>(k)];
  std::vector<Value> flow(p.arcs.size()), cap(p.arcs.size()), potential;
  Value optimum = 0;
  {
    lemon::NetworkSimplex<Graph, Value, Value> solver(g);
    solver.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
    for (std::size_t k = 0; k < order.size(); ++k) flow[order[k]] = solver.flow(g.arcFromId(static_cast<int>(k)));
    optimum = solver.totalCost();
  }
  for (std::size_t k = 0; k < cap.size(); ++k) cap[k] = p.arcs[k].capacity;
  std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(n));
  std::size_t bypass = p.arcs.size();
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    out[static_cast<std::size_t>(p.arcs[k].from)].push_back(k);
    if (p.arcs[k].from == source && p.arcs[k].to == sink) bypass = k;
  }
  int taken = 0;
  for (auto first : out[static_cast<std::size_t>(source)]) {
    if (taken == units) break;
    if (first == bypass || flow[first] == 0) continue;
    // One unit from here to the sink along arcs with flow.
    std::vector<std::size_t> path{first};
    for (int at = p.arcs[first].to; at != sink;) {
      auto next = std::find_if(out[static_cast<std::size_t>(at)].begin(), out[static_cast<std::size_t>(at)].end(),
                               [&](std::size_t k) { return flow[k] > 0; });
      path.push_back(*next);
      at = p.arcs[*next].to;
    }
    for (auto k : path) --flow[k];
    --cap[first];
    ++flow[bypass];
    ++taken;
  }
  auto start = std::chrono::steady_clock::now();
  if (prices == Prices::from_source) potential = start_prices(p, cap, flow);
  if (prices == Prices::optimum) {
    potential = optimum_potentials(p);
    start = std::chrono::steady_clock::now();
  }
  solve_from(p, cap, flow, false, potential);
  std::printf("  residual solve %.2f s, %d units taken\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), taken);
  // The cold solve of the same changed network, to compare.
  start = std::chrono::steady_clock::now();
  for (std::size_t k = 0; k < order.size(); ++k) capacity[g.arcFromId(static_cast<int>(k))] = cap[order[k]];
  lemon::NetworkSimplex<Graph, Value, Value> cold(g);
  cold.upperMap(capacity).costMap(cost).supplyMap(supply);
  if (cold.run() != decltype(cold)::OPTIMAL) throw std::runtime_error("not optimal");
  Value total = 0;
  for (std::size_t k = 0; k < flow.size(); ++k) total += flow[k] * p.arcs[k].cost;
  std::printf("  cold solve %.2f s, optimum %lld\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              static_cast<long long>(cold.totalCost()));
  if (total != cold.totalCost()) throw std::runtime_error("the warm start's optimum differs: " + std::to_string(total));
  return optimum;
}

template <typename Solver, typename Method>
std::function<Value(const Problem&)> with(Method method) {
  return [method](const Problem& p) {
    Solver solver(p.graph);
    solver.upperMap(p.capacity).costMap(p.cost).supplyMap(p.supply);
    if (solver.run(method) != Solver::OPTIMAL) throw std::runtime_error("not optimal");
    return static_cast<Value>(solver.totalCost());
  };
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: flow_solvers FILE [NAME...]\n";
    return 2;
  }
  using Simplex = lemon::NetworkSimplex<Graph, Value, Value>;
  using Cost = lemon::CostScaling<Graph, Value, Value>;
  using Capacity = lemon::CapacityScaling<Graph, Value, Value>;
  // CostScaling multiplies costs by α·(n+1): with 128-bit intermediates the tiers' costs fit.
  using Cost128 = lemon::CostScaling<Graph, Value, Value>::SetLargeCost<__int128>::Create;
  const std::vector<std::pair<std::string, std::function<Value(const Problem&)>>> algorithms = {
      {"simplex-mixed", as_kangle(false)},
      {"simplex-in-order", as_kangle(true)},
      {"simplex-list", on_list_graph},
      {"simplex-block", with<Simplex>(Simplex::BLOCK_SEARCH)},
      {"simplex-first", with<Simplex>(Simplex::FIRST_ELIGIBLE)},
      {"simplex-best", with<Simplex>(Simplex::BEST_ELIGIBLE)},
      {"simplex-candidate", with<Simplex>(Simplex::CANDIDATE_LIST)},
      {"simplex-altering", with<Simplex>(Simplex::ALTERING_LIST)},
      {"cost-push", with<Cost>(Cost::PUSH)},
      {"cost-augment", with<Cost>(Cost::AUGMENT)},
      {"cost-partial", with<Cost>(Cost::PARTIAL_AUGMENT)},
      {"cost-partial-128", with<Cost128>(Cost128::PARTIAL_AUGMENT)},
      {"cost-push-128", with<Cost128>(Cost128::PUSH)},
      {"capacity", with<Capacity>(4)},
      {"two-steps-cost", two_steps<Cost>(Cost::PARTIAL_AUGMENT)},
      {"two-steps-cost-push", two_steps<Cost>(Cost::PUSH)},
      {"two-steps-simplex", two_steps<Simplex>(Simplex::BLOCK_SEARCH)},
      {"priced-all", [](const Problem& p) { return priced(p, 16, 4, std::numeric_limits<int>::max()); }},
      {"warm-0", [](const Problem& p) { return warm(p, 0, Prices::none); }},
      {"warm-8", [](const Problem& p) { return warm(p, 8, Prices::none); }},
      {"warm-64", [](const Problem& p) { return warm(p, 64, Prices::none); }},
      {"warm-0-priced", [](const Problem& p) { return warm(p, 0, Prices::from_source); }},
      {"warm-8-priced", [](const Problem& p) { return warm(p, 8, Prices::from_source); }},
      {"warm-64-priced", [](const Problem& p) { return warm(p, 64, Prices::from_source); }},
      {"warm-0-optimum-priced", [](const Problem& p) { return warm(p, 0, Prices::optimum); }},
      {"greedy", [](const Problem& p) { return greedy(p, Prices::none); }},
      {"greedy-priced", [](const Problem& p) { return greedy(p, Prices::from_source); }},
      {"greedy-optimum-priced", [](const Problem& p) { return greedy(p, Prices::optimum); }},
      {"greedy-rerouted", [](const Problem& p) { return greedy_rerouted(p, Prices::none); }},
      {"greedy-rerouted-priced", [](const Problem& p) { return greedy_rerouted(p, Prices::from_source); }},
      {"seats-first-priced", [](const Problem& p) { return seats_first(p, Prices::from_source); }},
      {"priced-8", [](const Problem& p) { return priced(p, 8, 2, 8); }},
  };
  std::vector<std::string> wanted(argv + 2, argv + argc);
  Problem p;
  auto start = std::chrono::steady_clock::now();
  read(argv[1], p);
  auto read_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %d nodes, %d arcs, read in %.2f s\n", argv[1], lemon::countNodes(p.graph), lemon::countArcs(p.graph), read_s);
  int wrong = 0;
  for (const auto& [name, solve] : algorithms) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    start = std::chrono::steady_clock::now();
    Value cost = 0;
    try {
      cost = solve(p);
    } catch (const std::exception& e) {
      std::printf("%-18s failed: %s\n", name.c_str(), e.what());
      ++wrong;
      continue;
    }
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bool same = !p.has_optimum || cost == p.optimum;
    if (!same) ++wrong;
    std::printf("%-18s %8.2f s  optimum %lld%s\n", name.c_str(), seconds, static_cast<long long>(cost),
                same ? (p.has_optimum ? " (= kangle's)" : "") : " DIFFERS from kangle's");
    std::fflush(stdout);
  }
  return wrong == 0 ? 0 : 1;
}
