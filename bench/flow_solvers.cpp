// SPDX-License-Identifier: Apache-2.0
// The min-cost flow network of a rota build (`kangle schedule build --dry-run --flow-out
// FILE`: DIMACS, ending `c optimum COST`) solved again by each of LEMON's algorithms, timed,
// each optimum checked against kangle's. What bench/README.md ("Which solver") reports.
//
//   g++ -O2 -std=c++17 bench/flow_solvers.cpp -o flow_solvers -llemon && ./flow_solvers FILE [NAME...]
//
// NAME picks algorithms (default: all): simplex-list (kangle's: NetworkSimplex with its
// default block search on a ListDigraph), simplex-block (the same on a StaticDigraph),
// simplex-first, simplex-best, simplex-candidate, simplex-altering, cost-push,
// cost-augment, cost-partial, cost-partial-128 and cost-push-128 (CostScaling with 128-bit
// intermediate costs), capacity.
#include <lemon/capacity_scaling.h>
#include <lemon/cost_scaling.h>
#include <lemon/core.h>
#include <lemon/dimacs.h>
#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
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
  lemon::digraphCopy(smart, p.list)
      .arcMap(capacity, p.list_capacity)
      .arcMap(cost, p.list_cost)
      .nodeMap(supply, p.list_supply)
      .run();
}

/// NetworkSimplex with its default pivot rule on the ListDigraph kangle builds today.
Value on_list_graph(const Problem& p) {
  lemon::NetworkSimplex<lemon::ListDigraph, Value, Value> solver(p.list);
  solver.upperMap(p.list_capacity).costMap(p.list_cost).supplyMap(p.list_supply);
  if (solver.run() != decltype(solver)::OPTIMAL) throw std::runtime_error("not optimal");
  return solver.totalCost();
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
