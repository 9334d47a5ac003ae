#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Solves a min-cost flow written in DIMACS with networkx, independently of kangle,
and prints the optimal cost and how long it took.

    python3 bench/flow_networkx.py [--merge-seats] FILE

FILE is what `kangle schedule build --dry-run --flow-out FILE` writes (any DIMACS
min-cost-flow file will do): `c` comment lines, `p min NODES ARCS`, `n ID SUPPLY`
for nodes that supply (positive) or demand (negative) flow, and `a FROM TO LOW CAP
COST` for arcs; nodes are numbered from 1. kangle ends its file with `c optimum
COST`, the cost it reached; when that line is there, it is compared with
networkx's, and the exit code is 1 if they differ (2: the file cannot be read or
has no feasible flow). Costs are Python integers throughout: exact, however large.

--merge-seats solves a smaller network with the same optimum (see merge_seats):
seats that the same nodes can fill are fed through one node, which takes a
district's rota from 13.5 million arcs to about 1 million, within networkx's reach.

Output (the runner, bench/run_schedule.sh, reads the `optimum` line):

    network: N nodes, S with a supply, M arcs (P parallel, split through P extra nodes)
    optimum COST
    networkx times: read R s, graph G s, network_simplex S s, total T s; peak memory K MB
    the file's optimum (c optimum): COST: equal

Needs networkx (Debian: apt-get install python3-networkx; run it with the
interpreter that has it, /usr/bin/python3 on Debian).
"""
import argparse
import collections
import resource
import sys
import time
from array import array


class Network:
    """The file's network, in flat arrays (a district's 13.5 million arcs as Python
    tuples would take gigabytes before networkx has even started)."""

    def __init__(self, path):
        self.nodes = None
        self.supply = {}
        self.tail, self.head = array("l"), array("l")
        self.low, self.cap, self.cost = array("q"), array("q"), array("q")
        self.stated = None  # the `c optimum` line's cost
        declared = None
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                kind = line[:1]
                if kind == "a":
                    _, u, v, low, cap, cost = line.split()
                    self.tail.append(int(u))
                    self.head.append(int(v))
                    self.low.append(int(low))
                    self.cap.append(int(cap))
                    try:
                        self.cost.append(int(cost))
                    except OverflowError:  # beyond 64 bits (kangle's never are): Python integers
                        self.cost = list(self.cost) + [int(cost)]
                elif kind == "n":
                    _, node, amount = line.split()
                    self.supply[int(node)] = self.supply.get(int(node), 0) + int(amount)
                elif kind == "c":
                    words = line.split()
                    if len(words) == 3 and words[1] == "optimum":
                        self.stated = int(words[2])
                elif kind == "p":
                    words = line.split()
                    if len(words) != 4 or words[1] != "min":
                        sys.exit(f"{path}:{number}: expected `p min NODES ARCS`, got {line.strip()!r}")
                    self.nodes, declared = int(words[2]), int(words[3])
                elif line.strip():
                    sys.exit(f"{path}:{number}: a line of an unknown kind: {line.strip()!r}")
        if self.nodes is None:
            sys.exit(f"{path}: no `p min NODES ARCS` line")
        if len(self.tail) != declared:
            sys.exit(f"{path}: the p line declares {declared} arcs, the file has {len(self.tail)}")
        for node in list(self.supply) + [min(self.tail, default=1), max(self.tail, default=1),
                                         min(self.head, default=1), max(self.head, default=1)]:
            if not 1 <= node <= self.nodes:
                sys.exit(f"{path}: node {node} is outside 1..{self.nodes}")
        for i in range(len(self.tail)):
            if self.low[i] > self.cap[i]:
                sys.exit(f"{path}: an arc {self.tail[i]} → {self.head[i]} with LOW above CAP: no feasible flow")


def merge_seats(net):
    """Arc indices to leave out, and the arcs to add instead: (u, v, cap, cost) with new
    nodes numbered from net.nodes + 1. The optimum does not change.

    A "seat" here is a node v with no supply, one arc out (capacity 1, no lower bound)
    and arcs in of capacity 1 and cost 0 only, from distinct tails other than v: at
    most one unit passes through v, and which tail sends it costs nothing. In kangle's
    rota these are the seats (their one arc to the sink), entered from the
    volunteer-days that may fill them (a volunteer-day with a single seat to go to is
    one too); a rebuild's kept seats, whose arc from their previous volunteer has a
    cost, are not.

    Seats with the same tails U form a group G (a district has 11,902 seats and 1,034
    such groups: a day, a part of the day and a skill). Their |U|·|G| arcs are replaced
    by a node p, an arc u → p of capacity |G| for each u in U and an arc p → v of
    capacity 1 for each v in G, all of cost 0; every other arc is kept. Exact, for all
    groups at once: a flow of the original network gives one of the new network of the
    same cost (u sends at most |G| into G, at most one unit on each arc; v takes at
    most 1, its one arc out being of capacity 1). Conversely, in the new network each u
    sends x_u ≤ |G| into p and each v takes y_v ≤ 1 out of it, the same total; such
    amounts always split into 0/1 flows on the complete U × G arcs (a transportation
    problem with capacity 1 on every arc of a complete bipartite graph: feasible
    whenever each supply is at most |G| and each demand at most 1), which gives a flow
    of the original network of the same cost, group by group.
    """
    n = net.nodes
    out_count = array("l", bytes(8 * (n + 1)))
    out_arc = array("l", bytes(8 * (n + 1)))
    candidate = bytearray(n + 1)
    for v in range(1, n + 1):
        candidate[v] = v not in net.supply or net.supply[v] == 0
    for i in range(len(net.tail)):
        u, v = net.tail[i], net.head[i]
        out_count[u] += 1
        out_arc[u] = i
        if net.low[i] != 0 or net.cap[i] != 1 or net.cost[i] != 0:
            candidate[v] = 0
    for v in range(1, n + 1):
        if candidate[v]:
            i = out_arc[v]
            if out_count[v] != 1 or net.cap[i] != 1 or net.low[i] != 0:
                candidate[v] = 0
    tails = collections.defaultdict(list)
    for i in range(len(net.tail)):
        v = net.head[i]
        if candidate[v]:
            tails[v].append(net.tail[i])
    merged = set()
    groups = collections.defaultdict(list)
    for v, us in tails.items():
        us.sort()
        if v in us or any(a == b for a, b in zip(us, us[1:])):
            continue  # a loop, or two arcs from one tail
        merged.add(v)
        groups[tuple(us)].append(v)
    skip = bytearray(len(net.tail))
    for i in range(len(net.tail)):
        if net.head[i] in merged:
            skip[i] = 1
    added = []
    pool = n
    for us, seats in groups.items():
        pool += 1
        added += [(u, pool, len(seats), 0) for u in us]
        added += [(pool, v, 1, 0) for v in seats]
    return skip, added, len(merged), len(groups)


def build_graph(net, skip=None, added=(), pools=0):
    """A networkx DiGraph of the network, and the constant its cost leaves out.

    A DiGraph holds one arc from a node to another, but the file may hold several:
    kangle's rota gives each volunteer one arc from the source per shift of their
    monthly limit (the k-th costing more than the (k-1)-th). Every arc after the
    first between the same two nodes is split through a node of its own:
    u → x (its capacity and cost), x → v (its capacity, cost 0). That changes
    neither the feasible flows nor their costs. (networkx's network_simplex also
    accepts a MultiDiGraph; splitting keeps to the plain DiGraph that min_cost_flow's
    documentation describes.)

    Lower bounds (LOW > 0) are sent first: LOW units leave u and reach v whatever
    happens, so u supplies LOW less, v LOW more, the arc keeps CAP − LOW, and
    LOW × COST is added to the cost. A loop (u → u) carries flow only if it pays:
    at a negative cost it is full, otherwise empty.
    """
    import networkx as nx

    demand = {v: -s for v, s in net.supply.items()}  # networkx: demand = −supply
    constant = 0
    g = nx.DiGraph()
    extra = net.nodes + pools  # merge_seats's nodes, then those splitting parallel arcs
    g.add_nodes_from(range(1, extra + 1))
    parallel = 0

    def arc(u, v, cap, cost):
        nonlocal extra, parallel
        if g.has_edge(u, v):
            parallel += 1
            extra += 1
            g.add_edge(u, extra, capacity=cap, weight=cost)
            g.add_edge(extra, v, capacity=cap, weight=0)
        else:
            g.add_edge(u, v, capacity=cap, weight=cost)

    for i in range(len(net.tail)):
        if skip is not None and skip[i]:
            continue
        u, v, low, cap, cost = net.tail[i], net.head[i], net.low[i], net.cap[i], net.cost[i]
        if low:
            demand[u] = demand.get(u, 0) + low
            demand[v] = demand.get(v, 0) - low
            constant += low * cost
            cap -= low
        if u == v:
            if cost < 0:
                constant += cap * cost
            continue
        arc(u, v, cap, cost)
    for u, v, cap, cost in added:
        arc(u, v, cap, cost)
    for v, d in demand.items():
        if d:
            g.nodes[v]["demand"] = d
    return g, constant, parallel


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="a DIMACS min-cost-flow file")
    parser.add_argument("--merge-seats", action="store_true",
                        help="feed seats the same nodes can fill through one node (same optimum, fewer arcs)")
    args = parser.parse_args()
    import networkx as nx

    started = time.perf_counter()
    net = Network(args.file)
    arcs = len(net.tail)
    read = time.perf_counter()
    skip, added, groups, note = None, (), 0, ""
    if args.merge_seats:
        skip, added, seats, groups = merge_seats(net)
        kept = arcs - sum(skip)
        note = (f"; {seats} seats merged into {groups} groups: {net.nodes + groups} nodes and "
                f"{kept + len(added)} arcs solved")
    g, constant, parallel = build_graph(net, skip, added, groups)
    supplies = sum(1 for s in net.supply.values() if s)
    nodes, stated = net.nodes, net.stated
    del net, skip, added
    built = time.perf_counter()
    try:
        cost, _flow = nx.network_simplex(g)
    except nx.NetworkXUnfeasible as e:
        print(f"networkx: no feasible flow: {e}")
        sys.exit(2)
    except nx.NetworkXUnbounded as e:
        print(f"networkx: the cost is unbounded: {e}")
        sys.exit(2)
    solved = time.perf_counter()
    cost += constant
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KB on Linux
    print(f"network: {nodes} nodes, {supplies} with a supply, {arcs} arcs "
          f"({parallel} parallel, split through {parallel} extra nodes){note}")
    print(f"optimum {cost}")
    print(f"networkx times: read {read - started:.1f} s, graph {built - read:.1f} s, network_simplex "
          f"{solved - built:.1f} s, total {solved - started:.1f} s; peak memory {peak} MB")
    if stated is not None:
        same = stated == cost
        print(f"the file's optimum (c optimum): {stated}: {'equal' if same else 'DIFFERENT from networkx'}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
