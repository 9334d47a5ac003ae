// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <vector>

namespace kangle::solver {

/// A flow network for the engines that assign (the rota) and match (needs to
/// resources). They build it with plain ids; LEMON's NetworkSimplex solves it.
class FlowNetwork {
public:
  using Node = int;
  using Arc = int;

  Node add_node();
  /// An arc of `capacity` units, each costing `cost` (costs may be negative).
  Arc add_arc(Node from, Node to, std::int64_t capacity, std::int64_t cost);
  int node_count() const { return nodes_; }
  std::int64_t capacity(Arc arc) const { return arcs_[static_cast<std::size_t>(arc)].capacity; }
  int arc_count() const { return static_cast<int>(arcs_.size()); }

  /// How NetworkSimplex walks the arcs when it looks for one to pivot on. LEMON's default,
  /// `mixed`, takes every few-th arc in turn; `in_order` takes them by their source node,
  /// the first node added first. Which is faster depends on the network: a district's rota
  /// build takes half the time in order (12.5 s against 24 s at 999 × 128,000), its
  /// rebuild a fifth longer, the matching four times as long. `candidate_lists` walks them
  /// as `mixed` does, and keeps a list of the arcs that would pivot best to choose from
  /// (LEMON's CANDIDATE_LIST rule, not its default block search): a district's matching in
  /// 6.0–6.9 s instead of 6.7–9.3 s. The walk also picks among equal optima.
  enum class Pricing { mixed, in_order, candidate_lists };

  struct Solution {
    std::int64_t cost = 0;
    std::vector<std::int64_t> flow;  ///< by arc
  };

  /// Sends exactly `amount` units from `source` to `sink` at the least total cost.
  /// Callers that want "as much as possible, then cheapest" add a bypass arc from
  /// source to sink at cost 0 and give useful paths a large negative cost. Throws
  /// std::runtime_error when `amount` cannot be sent (the caller's bug).
  ///
  /// With `later_tiers` (each a cost by arc, indexed by Arc), the least in the arcs' own
  /// costs, then among those flows the least in later_tiers[0]'s, and so on: exactly
  /// lexicographic. Consecutive tiers are weighted into one solve where that fits in 64
  /// bits, and solved one after the other where it would not, so no weight overflows
  /// however large the network. `cost` is the last tier's total.
  ///
  /// With `start` (a flow by arc that sends `amount` within every arc's bounds), the first
  /// solve starts from it, its arcs priced by the start's least costs from the source: an
  /// optimum all the same, in a fraction of the time when the start is near one (a city's
  /// rota after a drop-out: 0.04 s, 0.44 s with the arcs unpriced). A start that is not such a
  /// flow throws std::logic_error.
  Solution min_cost_flow(Node source, Node sink, std::int64_t amount,
                         const std::vector<std::vector<std::int64_t>>& later_tiers = {},
                         Pricing pricing = Pricing::mixed, const std::vector<std::int64_t>& start = {}) const;

  /// A flow of `amount` from `source` to `sink` to start min_cost_flow from where there is
  /// no better: the arcs out of the source taken cheapest first, each unit sent down arcs
  /// with room, the cheapest first (among equals the last added), as far as the sink
  /// (depth first, nodes that no longer reach it left behind); after the arcs of each cost,
  /// their units that found no way so take one by moving earlier units (augmenting paths
  /// that never pass the source); what cannot be sent goes by the arc from source to sink,
  /// which the network must have with room for it (else std::logic_error). A city's rota
  /// build solves from it in a quarter of the time it takes from nothing: its cost is an
  /// optimum's, or near (bench/README.md, "Growth").
  std::vector<std::int64_t> greedy_flow(Node source, Node sink, std::int64_t amount) const;

  /// The problem `min_cost_flow(source, sink, amount)` solves, in the DIMACS min-cost
  /// flow format (nodes numbered from 1), for an independent solver to check.
  void write_dimacs(std::ostream& out, Node source, Node sink, std::int64_t amount) const;

private:
  struct ArcData {
    Node from, to;
    std::int64_t capacity, cost;
  };
  int nodes_ = 0;
  std::vector<ArcData> arcs_;
};

}  // namespace kangle::solver
