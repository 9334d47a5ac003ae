// SPDX-License-Identifier: Apache-2.0
#include "solver/min_cost_flow.hpp"

#include <lemon/static_graph.h>
#include <lemon/network_simplex.h>

#include <algorithm>
#include <functional>
#include <ostream>
#include <stdexcept>

namespace kangle::solver {

FlowNetwork::Node FlowNetwork::add_node() { return nodes_++; }

FlowNetwork::Arc FlowNetwork::add_arc(Node from, Node to, std::int64_t capacity, std::int64_t cost) {
  arcs_.push_back({from, to, capacity, cost});
  return static_cast<Arc>(arcs_.size() - 1);
}

FlowNetwork::Solution FlowNetwork::min_cost_flow(Node source, Node sink, std::int64_t amount,
                                                 const std::vector<std::vector<std::int64_t>>& later_tiers,
                                                 Pricing pricing) const {
  for (const auto& tier : later_tiers) {
    if (tier.size() != arcs_.size()) throw std::logic_error("min-cost flow: a tier must give every arc a cost");
  }
  auto nodes = static_cast<std::size_t>(nodes_);
  std::vector<std::int64_t> supply(nodes, 0), potential(nodes, 0);
  supply[static_cast<std::size_t>(source)] = amount;
  supply[static_cast<std::size_t>(sink)] = -amount;
  Solution solution;
  solution.flow.assign(arcs_.size(), 0);
  // One solve of the free arcs (indices into arcs_, each from 0 to its capacity) at
  // `cost_of` by arc index: their flow into the solution, each node's potential.
  auto solve = [&](const std::vector<std::size_t>& free, const std::function<std::int64_t(std::size_t)>& cost_of) {
    // A static graph: built from one array, twice as fast as a ListDigraph filled arc by
    // arc. The arcs go in by source, each source's in the order added, so NetworkSimplex's
    // mixed pricing scans them as it scanned that ListDigraph (from the last node's last
    // arc): every golden rota, and a district's, came out the same seat for seat. The
    // simplex takes a static graph's arcs from the last back, so pricing in order numbers
    // the nodes from the last added.
    using Graph = lemon::StaticDigraph;
    auto id_of = [&](Node n) { return static_cast<std::size_t>(pricing == Pricing::in_order ? nodes_ - 1 - n : n); };
    std::vector<std::size_t> start(nodes + 1, 0), by_source(free.size());
    for (auto i : free) ++start[id_of(arcs_[i].from) + 1];
    for (std::size_t n = 0; n < nodes; ++n) start[n + 1] += start[n];
    for (auto i : free) by_source[start[id_of(arcs_[i].from)]++] = i;
    std::vector<std::pair<int, int>> ends;
    ends.reserve(free.size());
    for (auto i : by_source) ends.emplace_back(id_of(arcs_[i].from), id_of(arcs_[i].to));
    Graph graph;
    graph.build(nodes_, ends.begin(), ends.end());
    ends = {};
    Graph::ArcMap<std::int64_t> upper(graph), cost(graph);
    for (std::size_t k = 0; k < by_source.size(); ++k) {
      auto arc = graph.arcFromId(static_cast<int>(k));
      upper[arc] = arcs_[by_source[k]].capacity;
      cost[arc] = cost_of(by_source[k]);
    }
    Graph::NodeMap<std::int64_t> supplies(graph);
    auto node = [&](std::size_t n) { return graph.nodeFromId(static_cast<int>(id_of(static_cast<Node>(n)))); };
    for (std::size_t n = 0; n < nodes; ++n) supplies[node(n)] = supply[n];
    lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph, pricing == Pricing::mixed);
    simplex.upperMap(upper).costMap(cost).supplyMap(supplies);
    if (simplex.run() != decltype(simplex)::OPTIMAL) throw std::runtime_error("min-cost flow: no feasible flow");
    for (std::size_t k = 0; k < by_source.size(); ++k) solution.flow[by_source[k]] = simplex.flow(graph.arcFromId(static_cast<int>(k)));
    for (std::size_t n = 0; n < nodes; ++n) potential[n] = simplex.potential(node(n));
  };

  std::vector<std::size_t> free(arcs_.size());
  for (std::size_t i = 0; i < free.size(); ++i) free[i] = i;
  std::function<std::int64_t(std::size_t)> cost_of = [&](std::size_t i) { return arcs_[i].cost; };
  solve(free, cost_of);
  for (const auto& tier : later_tiers) {
    // Every optimum of the tier just solved meets the complementary slackness conditions
    // with its optimal potentials: an arc of positive reduced cost carries nothing, one of
    // negative reduced cost its capacity. Those arcs are fixed at that flow, as every
    // optimum has it, and leave the network: only the optima remain for the next tier.
    std::vector<std::size_t> still_free;
    for (auto i : free) {
      auto from = static_cast<std::size_t>(arcs_[i].from), to = static_cast<std::size_t>(arcs_[i].to);
      if (cost_of(i) + potential[from] - potential[to] == 0) {
        still_free.push_back(i);
      } else {
        supply[from] -= solution.flow[i];
        supply[to] += solution.flow[i];
      }
    }
    free = std::move(still_free);
    cost_of = [&tier](std::size_t i) { return tier[i]; };
    if (std::any_of(free.begin(), free.end(), [&](std::size_t i) { return tier[i] != 0; })) {
      solve(free, cost_of);
    } else {
      // A tier that costs nothing on the arcs left keeps the flow it is given, and any
      // potentials are optimal for it.
      std::fill(potential.begin(), potential.end(), 0);
    }
  }
  for (std::size_t i = 0; i < arcs_.size(); ++i) solution.cost += solution.flow[i] * cost_of(i);
  return solution;
}

void FlowNetwork::write_dimacs(std::ostream& out, Node source, Node sink, std::int64_t amount) const {
  out << "p min " << nodes_ << ' ' << arcs_.size() << '\n';
  out << "n " << source + 1 << ' ' << amount << '\n';
  out << "n " << sink + 1 << ' ' << -amount << '\n';
  for (const auto& a : arcs_) {
    out << "a " << a.from + 1 << ' ' << a.to + 1 << " 0 " << a.capacity << ' ' << a.cost << '\n';
  }
}

}  // namespace kangle::solver
