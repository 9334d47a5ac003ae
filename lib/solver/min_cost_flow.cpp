// SPDX-License-Identifier: Apache-2.0
#include "solver/min_cost_flow.hpp"

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

#include <ostream>
#include <stdexcept>

namespace kangle::solver {

FlowNetwork::Node FlowNetwork::add_node() { return nodes_++; }

FlowNetwork::Arc FlowNetwork::add_arc(Node from, Node to, std::int64_t capacity, std::int64_t cost) {
  arcs_.push_back({from, to, capacity, cost});
  return static_cast<Arc>(arcs_.size() - 1);
}

FlowNetwork::Solution FlowNetwork::min_cost_flow(Node source, Node sink, std::int64_t amount,
                                                 const std::vector<std::vector<std::int64_t>>& later_tiers) const {
  using Graph = lemon::ListDigraph;
  Graph graph;
  graph.reserveNode(nodes_);
  graph.reserveArc(static_cast<int>(arcs_.size()));
  std::vector<Graph::Node> nodes;
  nodes.reserve(static_cast<std::size_t>(nodes_));
  for (int i = 0; i < nodes_; ++i) nodes.push_back(graph.addNode());
  std::vector<Graph::Arc> arcs;
  arcs.reserve(arcs_.size());
  Graph::ArcMap<std::int64_t> lower(graph, 0), upper(graph), cost(graph);
  for (const auto& a : arcs_) {
    auto arc = graph.addArc(nodes[static_cast<std::size_t>(a.from)], nodes[static_cast<std::size_t>(a.to)]);
    upper[arc] = a.capacity;
    cost[arc] = a.cost;
    arcs.push_back(arc);
  }
  lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph);
  // The first tier without lower bounds, as a single solve always was: the same pivots,
  // so the same one of several equal optima.
  auto solve = [&](bool bounded) {
    simplex.reset();
    if (bounded) simplex.lowerMap(lower);
    simplex.upperMap(upper).costMap(cost).stSupply(nodes[static_cast<std::size_t>(source)],
                                                   nodes[static_cast<std::size_t>(sink)], amount);
    if (simplex.run() != decltype(simplex)::OPTIMAL) throw std::runtime_error("min-cost flow: no feasible flow");
  };
  solve(false);
  for (const auto& tier : later_tiers) {
    if (tier.size() != arcs_.size()) throw std::logic_error("min-cost flow: a tier must give every arc a cost");
    // Every optimum of the tier just solved meets the complementary slackness conditions
    // with its optimal potentials: an arc of positive reduced cost carries its lower bound,
    // one of negative reduced cost its upper. Fixed there, only those optima remain.
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      auto arc = arcs[i];
      auto reduced = cost[arc] + simplex.potential(graph.source(arc)) - simplex.potential(graph.target(arc));
      if (reduced > 0) upper[arc] = lower[arc];
      if (reduced < 0) lower[arc] = upper[arc];
      cost[arc] = tier[i];
    }
    solve(true);
  }
  Solution solution;
  solution.cost = simplex.totalCost();
  solution.flow.reserve(arcs.size());
  for (const auto& arc : arcs) solution.flow.push_back(simplex.flow(arc));
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
