// SPDX-License-Identifier: Apache-2.0
#include "solver/min_cost_flow.hpp"

#include <lemon/static_graph.h>
#include <lemon/network_simplex.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <ostream>
#include <stdexcept>

namespace kangle::solver {

namespace {

using Graph = lemon::StaticDigraph;

/// `total + units` (both at least 0), or the largest int64 where that would be past it.
std::int64_t add_units(std::int64_t total, std::int64_t units) {
  std::int64_t sum = 0;
  return __builtin_add_overflow(total, units, &sum) ? std::numeric_limits<std::int64_t>::max() : sum;
}

/// Prices the arcs of `graph` (a start's residual network) for a solve from that start:
/// each arc's `cost` plus its tail's price, less its head's. Returns the prices by node id,
/// or nothing with the costs untouched. A node's price is its least cost from `source`
/// (Bellman-Ford passes), the source held at 0 and the sink left out: a cycle through
/// either is what the solve is there to find, and one through the sink (a seat left empty)
/// would drag every price down with it. Nodes not reached are priced above all others; the
/// sink so that no arc out of it costs less than nothing. NetworkSimplex starts a
/// circulation with every potential at 0, so on the costs less these prices an arc costs
/// less than nothing only where the start is not yet an optimum: a city's rota after a
/// drop-out solves in a tenth of the time, a build from its greedy flow in a third (0.57 s
/// against 1.79 s at 400 × 40,000). A cycle costs the same priced or not: the same optimum. Empty when the prices do not settle within `passes` (a
/// cycle costing less than nothing away from the source and the sink) or pass 2^60, which
/// keeps the simplex's potentials, and the arcs' costs less the prices, in 64 bits.
std::vector<std::int64_t> price_from_start(const Graph& graph, Graph::ArcMap<std::int64_t>& cost, Graph::Node source,
                                           Graph::Node sink, int passes) {
  constexpr std::int64_t unreached = std::numeric_limits<std::int64_t>::max(), limit = std::int64_t{1} << 60;
  std::vector<std::int64_t> price(static_cast<std::size_t>(graph.nodeNum()), unreached);
  auto at = [&](Graph::Node n) -> std::int64_t& { return price[static_cast<std::size_t>(graph.id(n))]; };
  at(source) = 0;
  bool settled = false;
  for (int pass = 0; pass < passes && !settled; ++pass) {
    settled = true;
    for (int k = 0; k < graph.arcNum(); ++k) {
      const auto arc = graph.arcFromId(k);
      const auto from = graph.source(arc), to = graph.target(arc);
      if (to == source || from == sink || to == sink || at(from) == unreached) continue;
      std::int64_t via = 0;
      if (__builtin_add_overflow(at(from), cost[arc], &via)) return {};
      if (via < at(to)) {
        if (via < -limit || via > limit) return {};
        at(to) = via;
        settled = false;
      }
    }
  }
  if (!settled) return {};
  std::int64_t highest = 0;
  for (auto p : price) highest = p == unreached ? highest : std::max(highest, p);
  for (auto& p : price) p = p == unreached ? highest + 1 : p;
  std::int64_t for_sink = 0;
  bool sink_priced = false;
  for (Graph::OutArcIt arc(graph, sink); arc != lemon::INVALID; ++arc) {
    std::int64_t needed = 0;
    if (__builtin_sub_overflow(at(graph.target(arc)), cost[arc], &needed)) return {};
    if (!sink_priced || needed > for_sink) for_sink = needed, sink_priced = true;
  }
  if (for_sink < -limit || for_sink > limit) return {};
  at(sink) = for_sink;
  // Every arc's cost less the prices must fit in 64 bits too: checked before any is changed.
  std::vector<std::int64_t> priced(static_cast<std::size_t>(graph.arcNum()));
  for (int k = 0; k < graph.arcNum(); ++k) {
    const auto arc = graph.arcFromId(k);
    if (__builtin_add_overflow(cost[arc], at(graph.source(arc)) - at(graph.target(arc)), &priced[static_cast<std::size_t>(k)])) {
      return {};
    }
  }
  for (int k = 0; k < graph.arcNum(); ++k) cost[graph.arcFromId(k)] = priced[static_cast<std::size_t>(k)];
  return price;
}

/// More units for a flow from the heads of some arcs out of the source, by augmenting
/// paths on its residual network that never pass the source: earlier units move to make
/// way. Shortest augmenting paths by distance labels (Ahuja and Orlin's, with the gap
/// heuristic): a search back from the sink labels each node by its fewest residual arcs to
/// it, once a call; units go down arcs one label lower; a node with none left is relabelled
/// one above its lowest neighbour with room, and when that leaves no node at its old label,
/// no node above it reaches the sink any more: all are left out for the rest of the call.
/// Dinic's phases, before, labelled the whole network again after each phase, the last
/// only to find nothing more (51 times in a build at 400 × 40,000, against 21 now).
/// `Arcs` is the network's arcs (from, to, capacity).
template <typename Arcs>
class Augmenting {
public:
  Augmenting(const Arcs& arcs, int nodes, std::size_t source, std::size_t sink)
      : arcs_(arcs), source_(source), sink_(sink), unreached_(nodes), begin_(static_cast<std::size_t>(nodes) + 1, 0),
        label_(static_cast<std::size_t>(nodes)), count_(static_cast<std::size_t>(nodes)),
        current_(static_cast<std::size_t>(nodes)) {
    // An end keeps its arc's number and its side in 32 bits: a network of more arcs would
    // not fit in memory.
    if (arcs.size() > std::numeric_limits<std::uint32_t>::max() / 2) throw std::length_error("greedy flow: too many arcs");
    for (const auto& a : arcs) {
      ++begin_[static_cast<std::size_t>(a.from) + 1];
      ++begin_[static_cast<std::size_t>(a.to) + 1];
    }
    for (std::size_t n = 0; n + 1 < begin_.size(); ++n) begin_[n + 1] += begin_[n];
    other_.resize(2 * arcs.size());
    end_.resize(2 * arcs.size());
    auto at = begin_;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      const auto arc = static_cast<std::uint32_t>(i);
      const auto from = at[static_cast<std::size_t>(arcs[i].from)]++, to = at[static_cast<std::size_t>(arcs[i].to)]++;
      other_[from] = static_cast<std::uint32_t>(arcs[i].to);
      end_[from] = arc << 1 | 1;
      other_[to] = static_cast<std::uint32_t>(arcs[i].from);
      end_[to] = arc << 1;
    }
  }

  /// Up to `most` units from the heads of `starts` (arcs out of the source with room),
  /// each through its start; returns how many were sent.
  std::int64_t send(std::vector<std::int64_t>& flow, const std::vector<std::size_t>& starts, std::int64_t most) {
    label(flow);
    std::int64_t sent = 0;
    for (auto start : starts) {
      const auto head = static_cast<std::size_t>(arcs_[start].to);
      while (sent < most && flow[start] < arcs_[start].capacity && path_to_sink(flow, head)) {
        for (auto end : path_) flow[end >> 1] += (end & 1) ? 1 : -1;
        ++flow[start];
        ++sent;
      }
    }
    return sent;
  }

private:
  /// An arc as seen from one of its nodes: the arc's number times two, plus one where the
  /// node is the arc's tail (the residual arc from it runs along the arc). Apart from the
  /// other node (other_), which the searches read first: most ends go no further.
  using End = std::uint32_t;
  /// Whether the residual arc of `end` from its node has room.
  bool room(const std::vector<std::int64_t>& flow, End end) const {
    const auto arc = end >> 1;
    return (end & 1) ? flow[arc] < arcs_[arc].capacity : flow[arc] > 0;
  }
  /// Each node's fewest residual arcs to the sink (a search back from it), the source
  /// never passed; unreached_ where none. Counts the nodes at each label.
  void label(const std::vector<std::int64_t>& flow) {
    std::fill(label_.begin(), label_.end(), unreached_);
    std::fill(count_.begin(), count_.end(), 0);
    std::copy(begin_.begin(), begin_.end() - 1, current_.begin());
    queue_.assign(1, sink_);
    label_[sink_] = 0;
    for (std::size_t q = 0; q < queue_.size(); ++q) {
      const auto v = queue_[q];
      ++count_[static_cast<std::size_t>(label_[v])];
      for (auto k = begin_[v]; k < begin_[v + 1]; ++k) {
        // The residual arc from the other node into v: against the arc when v is its tail.
        const auto u = other_[k];
        if (label_[u] != unreached_ || u == source_ || !room(flow, end_[k] ^ 1)) continue;
        label_[u] = label_[v] + 1;
        queue_.push_back(u);
      }
    }
  }
  /// A path from `from` to the sink down residual arcs one label lower, in path_, the
  /// nodes found without one relabelled on the way; false once `from` reaches it no more.
  bool path_to_sink(const std::vector<std::int64_t>& flow, std::size_t from) {
    path_.clear();
    auto u = from;
    while (u != sink_) {
      if (label_[u] == unreached_) return false;  // cut off by a gap: so is all of the path
      auto& k = current_[u];
      while (k < begin_[u + 1] && (label_[u] != label_[other_[k]] + 1 || other_[k] == source_ || !room(flow, end_[k]))) ++k;
      if (k < begin_[u + 1]) {
        path_.push_back(end_[k]);
        u = other_[k];
        continue;
      }
      relabel(flow, u);
      if (path_.empty()) continue;
      const auto& last = arcs_[path_.back() >> 1];
      u = static_cast<std::size_t>((path_.back() & 1) ? last.from : last.to);  // the node it left
      path_.pop_back();
    }
    return true;
  }
  /// u has no residual arc one label lower (every one with room leads to a label as high
  /// as its own or higher): it takes one above the lowest. Where it was the last node at
  /// its label, no node above reaches the sink: all are left out.
  void relabel(const std::vector<std::int64_t>& flow, std::size_t u) {
    auto lowest = unreached_;
    for (auto k = begin_[u]; k < begin_[u + 1]; ++k) {
      const auto v = other_[k];
      if (v != source_ && label_[v] != unreached_ && room(flow, end_[k])) lowest = std::min(lowest, label_[v] + 1);
    }
    const auto old = label_[u];
    current_[u] = begin_[u];
    if (--count_[static_cast<std::size_t>(old)] == 0) {
      for (auto& l : label_) {
        if (l > old && l != unreached_) --count_[static_cast<std::size_t>(l)], l = unreached_;
      }
      label_[u] = unreached_;
      return;
    }
    label_[u] = lowest;
    if (lowest != unreached_) ++count_[static_cast<std::size_t>(lowest)];
  }

  const Arcs& arcs_;
  std::size_t source_, sink_;
  int unreached_;
  std::vector<std::size_t> begin_;  // by node: where its ends begin in other_ and end_
  std::vector<std::uint32_t> other_;
  std::vector<End> end_;
  std::vector<int> label_;
  std::vector<int> count_;  // by label: the nodes at it
  std::vector<std::size_t> current_;  // by node: its first end that may still lead down
  std::vector<std::size_t> queue_;
  std::vector<End> path_;
};

}  // namespace

FlowNetwork::Node FlowNetwork::add_node() { return nodes_++; }

FlowNetwork::Arc FlowNetwork::add_arc(Node from, Node to, std::int64_t capacity, std::int64_t cost) {
  arcs_.push_back({from, to, capacity, cost});
  return static_cast<Arc>(arcs_.size() - 1);
}

FlowNetwork::Solution FlowNetwork::min_cost_flow(Node source, Node sink, std::int64_t amount,
                                                 const std::vector<std::vector<std::int64_t>>& later_tiers,
                                                 Pricing pricing, const std::vector<std::int64_t>& start) const {
  for (const auto& tier : later_tiers) {
    if (tier.size() != arcs_.size()) throw std::logic_error("min-cost flow: a tier must give every arc a cost");
  }
  // An arc's number and a side in 32 bits, as the pieces hold it.
  if (arcs_.size() > std::numeric_limits<std::uint32_t>::max() / 2) throw std::length_error("min-cost flow: too many arcs");
  auto nodes = static_cast<std::size_t>(nodes_);
  std::vector<std::int64_t> supply(nodes, 0), potential(nodes, 0);
  supply[static_cast<std::size_t>(source)] = amount;
  supply[static_cast<std::size_t>(sink)] = -amount;
  Solution solution;
  solution.flow.assign(arcs_.size(), 0);
  if (!start.empty()) {
    if (start.size() != arcs_.size()) throw std::logic_error("min-cost flow: a start must give every arc a flow");
    std::vector<std::int64_t> left(supply);  // what each node must still send
    for (std::size_t i = 0; i < arcs_.size(); ++i) {
      if (start[i] < 0 || start[i] > arcs_[i].capacity) throw std::logic_error("min-cost flow: a start's flow out of an arc's bounds");
      left[static_cast<std::size_t>(arcs_[i].from)] -= start[i];
      left[static_cast<std::size_t>(arcs_[i].to)] += start[i];
    }
    if (std::any_of(left.begin(), left.end(), [](std::int64_t l) { return l != 0; })) {
      throw std::logic_error("min-cost flow: a start that does not send the amount from source to sink");
    }
  }
  // One solve of the free arcs (indices into arcs_, each from 0 to its capacity) at
  // `costs` by arc index: their flow into the solution, each node's potential. With
  // `from_flow`, a flow of the free arcs that already meets the supplies, the simplex runs
  // on its residual network (an arc forward where there is room, one back where flow
  // runs, no supplies): a min-cost circulation there added to it is an optimum of the
  // whole, found in a fraction of the time when the flow is near one.
  //
  // What the solve holds by arc is most of a large network's memory (a district's
  // matching, a city's rota), and the kernel's zeroing of fresh memory cost as much as a
  // quarter of their time on the bench machine: each piece is one 32-bit number, the
  // arcs' bounds and costs go to the simplex one map at a time, and the simplex counts
  // units in 32 bits where they fit (a city's rota: 614 MB, not 717).
  auto solve = [&](const std::vector<std::uint32_t>& free, const std::vector<std::int64_t>& costs, bool from_flow) {
    // A piece is an arc forward (its number times two) or back against its flow (plus one).
    std::vector<std::uint32_t> pieces;
    pieces.reserve(free.size());
    for (auto i : free) {
      const auto flow = from_flow ? solution.flow[i] : 0;
      if (!from_flow || flow < arcs_[i].capacity) pieces.push_back(i << 1);
      if (flow > 0) pieces.push_back(i << 1 | 1);
    }
    auto arc_of = [&](std::uint32_t piece) -> const ArcData& { return arcs_[piece >> 1]; };
    auto tail = [&](std::uint32_t piece) { return (piece & 1) ? arc_of(piece).to : arc_of(piece).from; };
    auto head = [&](std::uint32_t piece) { return (piece & 1) ? arc_of(piece).from : arc_of(piece).to; };
    auto room = [&](std::uint32_t piece) {
      const auto flow = from_flow ? solution.flow[piece >> 1] : 0;
      return (piece & 1) ? flow : arc_of(piece).capacity - flow;
    };
    // Any flow the simplex holds (the supplies summed, an arc's of its spanning tree, an
    // artificial arc's) is at most the positive supplies and every bound together; and
    // LEMON reads its unit type's largest value as no bound at all.
    std::int64_t units = 0;
    for (auto node_supply : supply) {
      if (!from_flow && node_supply > 0) units = add_units(units, node_supply);
    }
    for (auto piece : pieces) units = add_units(units, room(piece));
    const bool fits_32_bits = units < std::numeric_limits<std::int32_t>::max();
    // A static graph: built from one array, twice as fast as a ListDigraph filled arc by
    // arc. The arcs go in by source, each source's in the order added, so NetworkSimplex's
    // mixed pricing scans them as it scanned that ListDigraph (from the last node's last
    // arc): every golden rota, and a district's, came out the same seat for seat. The
    // simplex takes a static graph's arcs from the last back, so pricing in order numbers
    // the nodes from the last added.
    auto id_of = [&](Node n) { return static_cast<std::size_t>(pricing == Pricing::in_order ? nodes_ - 1 - n : n); };
    // Each piece's place among the graph's arcs: the pieces are then read in their own
    // order, each once, and only the writes land apart (a district's pieces, read through a
    // permutation instead, missed the cache a quarter of the solve's time).
    std::vector<std::size_t> begin(nodes + 1, 0);
    std::vector<std::uint32_t> place(pieces.size());
    for (auto piece : pieces) ++begin[id_of(tail(piece)) + 1];
    for (std::size_t n = 0; n < nodes; ++n) begin[n + 1] += begin[n];
    Graph graph;
    {
      std::vector<std::pair<int, int>> ends(pieces.size());
      for (std::size_t k = 0; k < pieces.size(); ++k) {
        place[k] = static_cast<std::uint32_t>(begin[id_of(tail(pieces[k]))]++);
        ends[place[k]] = {static_cast<int>(id_of(tail(pieces[k]))), static_cast<int>(id_of(head(pieces[k])))};
      }
      graph.build(nodes_, ends.begin(), ends.end());
    }
    auto node = [&](std::size_t n) { return graph.nodeFromId(static_cast<int>(id_of(static_cast<Node>(n)))); };
    auto run = [&]<typename Value>(Value) {
      using Simplex = lemon::NetworkSimplex<Graph, Value, std::int64_t>;
      Simplex simplex(graph, pricing != Pricing::in_order);
      {
        Graph::ArcMap<Value> upper(graph);
        for (std::size_t k = 0; k < pieces.size(); ++k) upper[graph.arcFromId(static_cast<int>(place[k]))] = static_cast<Value>(room(pieces[k]));
        simplex.upperMap(upper);
      }
      std::vector<std::int64_t> prices;  // by graph node id: added back to the simplex's potentials below
      {
        Graph::ArcMap<std::int64_t> cost(graph);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
          const auto piece = pieces[k];
          cost[graph.arcFromId(static_cast<int>(place[k]))] = (piece & 1) ? -costs[piece >> 1] : costs[piece >> 1];
        }
        if (from_flow) {
          prices = price_from_start(graph, cost, node(static_cast<std::size_t>(source)), node(static_cast<std::size_t>(sink)), 64);
        }
        simplex.costMap(cost);
      }
      Graph::NodeMap<Value> supplies(graph);
      for (std::size_t n = 0; n < nodes; ++n) supplies[node(n)] = static_cast<Value>(from_flow ? 0 : supply[n]);
      simplex.supplyMap(supplies);
      const auto rule = pricing == Pricing::candidate_lists ? Simplex::CANDIDATE_LIST : Simplex::BLOCK_SEARCH;
      if (simplex.run(rule) != Simplex::OPTIMAL) throw std::runtime_error("min-cost flow: no feasible flow");
      for (std::size_t k = 0; k < pieces.size(); ++k) {
        const auto piece = pieces[k];
        const std::int64_t flow = simplex.flow(graph.arcFromId(static_cast<int>(place[k])));
        if (!from_flow) solution.flow[piece >> 1] = flow;
        else solution.flow[piece >> 1] += (piece & 1) ? -flow : flow;
      }
      for (std::size_t n = 0; n < nodes; ++n) {
        potential[n] = simplex.potential(node(n)) + (prices.empty() ? 0 : prices[static_cast<std::size_t>(graph.id(node(n)))]);
      }
    };
    if (fits_32_bits) run(std::int32_t{});
    else run(std::int64_t{});
  };

  std::vector<std::uint32_t> free(arcs_.size());
  for (std::size_t i = 0; i < free.size(); ++i) free[i] = static_cast<std::uint32_t>(i);
  // The tiers still to solve fold into `costs` while that is exact in the simplex's 64
  // bits: a tier's costs weighted by one more than all that the next tier's can differ
  // by (each free arc's cost times its capacity), plus the next's. One solve then does
  // what two did (the places and the days waited of a district's matching: 3.7 s
  // against 5.8 s).
  std::size_t next_tier = 0;
  auto fold_following = [&](std::vector<std::int64_t>& costs) {
    // The simplex's potentials are sums of costs along paths, held beside an artificial
    // cost of 2^62: kept under 2^60, nothing overflows.
    constexpr std::int64_t potentials_limit = std::int64_t{1} << 60;
    // a * b + c, or the limit when it would be past it.
    auto multiply_add = [potentials_limit](std::int64_t a, std::int64_t b, std::int64_t c) {
      std::int64_t product = 0, sum = 0;
      if (__builtin_mul_overflow(a, b, &product) || __builtin_add_overflow(product, c, &sum)) return potentials_limit;
      return std::min(sum, potentials_limit);
    };
    for (; next_tier < later_tiers.size(); ++next_tier) {
      const auto& tier = later_tiers[next_tier];
      std::int64_t spread = 0, largest = 0;
      for (auto i : free) spread = multiply_add(std::abs(tier[i]), arcs_[i].capacity, spread);
      const std::int64_t weight = spread + 1;
      for (auto i : free) largest = std::max(largest, multiply_add(std::abs(costs[i]), weight, std::abs(tier[i])));
      if (multiply_add(largest, static_cast<std::int64_t>(nodes) + 1, 0) >= potentials_limit) return;
      for (auto i : free) costs[i] = costs[i] * weight + tier[i];
    }
  };
  std::vector<std::int64_t> costs(arcs_.size());
  for (std::size_t i = 0; i < arcs_.size(); ++i) costs[i] = arcs_[i].cost;
  const std::vector<std::int64_t>* last_tier = later_tiers.empty() ? nullptr : &later_tiers.back();
  fold_following(costs);
  if (!start.empty()) solution.flow = start;
  solve(free, costs, !start.empty());
  while (next_tier < later_tiers.size()) {
    // Every optimum of the tiers just solved meets the complementary slackness conditions
    // with its optimal potentials: an arc of positive reduced cost carries nothing, one of
    // negative reduced cost its capacity. Those arcs are fixed at that flow, as every
    // optimum has it, and leave the network: only the optima remain for the next tier.
    std::vector<std::uint32_t> still_free;
    for (auto i : free) {
      auto from = static_cast<std::size_t>(arcs_[i].from), to = static_cast<std::size_t>(arcs_[i].to);
      if (costs[i] + potential[from] - potential[to] == 0) {
        still_free.push_back(i);
      } else {
        supply[from] -= solution.flow[i];
        supply[to] += solution.flow[i];
      }
    }
    free = std::move(still_free);
    costs = later_tiers[next_tier++];
    fold_following(costs);
    if (std::any_of(free.begin(), free.end(), [&](std::size_t i) { return costs[i] != 0; })) {
      solve(free, costs, false);
    } else {
      // Tiers that cost nothing on the arcs left keep the flow they are given, and any
      // potentials are optimal for them.
      std::fill(potential.begin(), potential.end(), 0);
    }
  }
  for (std::size_t i = 0; i < arcs_.size(); ++i) solution.cost += solution.flow[i] * (last_tier ? (*last_tier)[i] : arcs_[i].cost);
  return solution;
}

std::vector<std::int64_t> FlowNetwork::greedy_flow(Node source, Node sink, std::int64_t amount) const {
  // Each node's arcs out as one array, cheapest first, among equals the last added first:
  // a city's rota then solves from the greedy flow in about two thirds of the time it
  // takes with the first added first.
  const auto nodes = static_cast<std::size_t>(nodes_);
  std::vector<std::size_t> begin(nodes + 1, 0), out(arcs_.size());
  std::optional<std::size_t> bypass;
  for (std::size_t i = 0; i < arcs_.size(); ++i) ++begin[static_cast<std::size_t>(arcs_[i].from) + 1];
  for (std::size_t n = 0; n < nodes; ++n) begin[n + 1] += begin[n];
  {
    auto at = begin;
    for (std::size_t i = 0; i < arcs_.size(); ++i) out[at[static_cast<std::size_t>(arcs_[i].from)]++] = i;
  }
  for (std::size_t n = 0; n < nodes; ++n) {
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(begin[n]), out.begin() + static_cast<std::ptrdiff_t>(begin[n + 1]),
              [&](std::size_t x, std::size_t y) { return arcs_[x].cost < arcs_[y].cost || (arcs_[x].cost == arcs_[y].cost && x > y); });
  }
  std::vector<std::int64_t> flow(arcs_.size(), 0);
  auto room = [&](std::size_t i) { return flow[i] < arcs_[i].capacity; };
  // A node the search found no way on from is left behind, and an arc passed over (full,
  // or into such a node) is never looked at again: what moving earlier units opens up is
  // for the augmenting paths below. An arc back into the path is passed over too: the flow
  // stays one, only less greedy (a rota's network has no cycle).
  std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
  std::vector<char> dead(nodes, 0), on_path(nodes, 0);
  auto goes_on = [&](std::size_t i) {
    auto to = static_cast<std::size_t>(arcs_[i].to);
    return room(i) && !dead[to] && !on_path[to];
  };
  std::int64_t sent = 0;
  std::vector<std::size_t> path;
  const auto from_source = static_cast<std::size_t>(source);
  on_path[from_source] = 1;
  std::optional<Augmenting<decltype(arcs_)>> augmenting;  // made when first needed
  auto level = begin[from_source];  // the first arc out of the source of the current cost
  for (auto k = begin[from_source]; k < begin[from_source + 1] && sent < amount; ++k) {
    const auto first = out[k];
    if (arcs_[first].to == sink) bypass = first;
    while (first != bypass && sent < amount && goes_on(first)) {
      path.assign(1, first);
      on_path[static_cast<std::size_t>(arcs_[first].to)] = 1;
      while (!path.empty() && arcs_[path.back()].to != sink) {
        const auto u = static_cast<std::size_t>(arcs_[path.back()].to);
        auto& i = next[u];
        while (i < begin[u + 1] && !goes_on(out[i])) ++i;
        if (i < begin[u + 1]) {
          path.push_back(out[i]);
          on_path[static_cast<std::size_t>(arcs_[out[i]].to)] = 1;
        } else {
          dead[u] = 1;
          on_path[u] = 0;
          path.pop_back();
        }
      }
      for (auto i : path) {
        ++flow[i];
        on_path[static_cast<std::size_t>(arcs_[i].to)] = 0;
      }
      if (path.empty()) break;
      ++sent;
    }
    // After the last arc of a cost, the units of that cost that found no way down arcs with
    // room take one by moving earlier units, before any dearer arc's units can: a city's
    // greedy flow has then been as cheap as an optimum at every size measured, and its
    // build solves in half the time.
    if (k + 1 < begin[from_source + 1] && arcs_[out[k + 1]].cost == arcs_[first].cost) continue;
    std::vector<std::size_t> starts;
    for (auto j = level; j <= k; ++j) {
      if (out[j] != bypass && room(out[j])) starts.push_back(out[j]);
    }
    level = k + 1;
    if (starts.empty() || sent == amount) continue;
    if (!augmenting) augmenting.emplace(arcs_, nodes_, from_source, static_cast<std::size_t>(sink));
    sent += augmenting->send(flow, starts, amount - sent);
  }
  if (sent < amount) {
    if (!bypass) {
      for (auto k = begin[from_source]; k < begin[from_source + 1]; ++k) {
        if (arcs_[out[k]].to == sink) bypass = out[k];
      }
    }
    if (!bypass || arcs_[*bypass].capacity < amount - sent) throw std::logic_error("greedy flow: no arc from source to sink for the rest");
    flow[*bypass] = amount - sent;
  }
  return flow;
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
