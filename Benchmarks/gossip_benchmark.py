#!/usr/bin/env python3
"""Gossip benchmark: `grapevine simulate` at 1,000 and 10,000 nodes, with and without failures.

Runs the release binary once per configuration (20 seeds each by default), under GNU time for
wall time and peak memory, and writes Benchmarks/RESULTS-gossip.md: rounds to full convergence
of the protocol against the ideal push-pull model, bytes per node per round, and the traffic of
a network with N and 10×N descriptions already in sync.

    swift build -c release --product grapevine && python3 Benchmarks/gossip_benchmark.py

Options: --seeds 5 for a quick run, --nodes 1000 to skip the large network, --out - to print.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import benchkit

ROOT = Path(__file__).resolve().parent.parent
FAILURES = [("0", "0"), ("0.1", "0.05")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grapevine", default=str(ROOT / ".build/release/grapevine"))
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--descriptions-in-sync", type=int, default=1000)
    parser.add_argument("--out", default=str(ROOT / "Benchmarks/RESULTS-gossip.md"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gossip-bench-") as scratch:
        return run(args, Path(scratch) / "rows.md")


def run(args: argparse.Namespace, rows_file: Path) -> int:
    commands, runs, steady, setup = [], [], [], ""
    for nodes in args.nodes:
        for dead, loss in FAILURES:
            argv = [args.grapevine, "simulate", "--nodes", str(nodes), "--seeds", str(args.seeds),
                    "--dead", dead, "--loss", loss,
                    "--descriptions-in-sync", str(args.descriptions_in_sync), "--markdown", str(rows_file)]
            print("running", " ".join(argv[1:]), file=sys.stderr)
            result = benchkit.measure(argv)
            if not result.ok:
                print(result.stderr, file=sys.stderr)
                return 1
            commands.append("grapevine " + " ".join(argv[1:-2]))
            setup = setup or next((line.strip("()") for line in result.stdout.splitlines() if line.startswith("(")), "")
            runs.append([f"{nodes:,}", f"{float(dead):.0%}", f"{float(loss):.0%}",
                         benchkit.fmt_float(result.wall_s, 1), benchkit.fmt_int(result.max_rss_mib)])
            steady += [f"- {nodes:,} nodes, {float(dead):.0%} dead, {float(loss):.0%} loss: {line.removeprefix('in sync, ')}"
                       for line in result.stdout.splitlines() if line.startswith("in sync,")]

    machine = benchkit.machine_info()
    text = "\n".join([
        "# Gossip benchmark: rounds to full convergence, protocol against the ideal model",
        "",
        f"- date: {benchkit.now_utc()}",
        f"- machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, {machine['os']}",
        f"- seeds: {args.seeds} per configuration (1 to {args.seeds}); release build",
        f"- simulation: {setup}",
        "- commands:",
        *[f"  - `{command}`" for command in commands],
        "",
        "The protocol is the node's own code (`GossipEngine`, `Membership`, `GossipCodec`) over the in-memory",
        "transport; the ideal model exchanges every live node with one uniformly random node per round. Both",
        "run on the same dead set and publishing node for each seed. Targets: protocol median ≤ 1.25 × ideal",
        "median, protocol worst ≤ log₂N + ln N. Bytes are everything the live nodes sent (requests, answers,",
        "pushes, push answers, encoded as on the wire), per node and round, from the publication to convergence.",
        "",
        rows_file.read_text().rstrip(),
        "",
        "## Steady state: traffic with descriptions already in sync",
        "",
        "Digests name publishers (10 here), not descriptions, so the traffic stays flat when 10× more",
        "descriptions are in sync (a varint version may take one more byte). No envelope moves.",
        "",
        *steady,
        "",
        "## Notes",
        "",
        "- Bootstrap: each live node is given 3 random nodes (dead ones included, at least one alive: a node",
        "  whose seeds are all dead cannot join any network). Membership then spreads only through the",
        "  protocol's own peer samples during the warm-up rounds, before the publication.",
        "- With dead nodes the protocol can beat the ideal model: warm-up finds the dead (suspect after one",
        "  failure, dead after three, then only retried after a doubling back-off), and samples name only",
        "  peers heard from directly, so dead nodes do not spread; the ideal model keeps drawing a dead",
        "  partner in 10% of its exchanges.",
        "- The ideal model's median at 10,000 nodes with failures sits on the boundary between 14 and 15",
        "  rounds (the issue's reference says 14); the per-seed figures are in the command's output.",
        "- Bytes per node per round are dominated by the peer samples (8 records of ~45 bytes in each",
        "  request and answer). A node receives the 512-byte envelope 1.3 times on average (measured on",
        "  seed 1 at 1,000 nodes; a duplicate arrives when two partners send it in the same round).",
        "",
        "## Runs",
        "",
        benchkit.markdown_table(["nodes", "dead", "loss", "wall s", "peak MiB"], runs, "rrrrr"),
        "",
    ])
    benchkit.write_report(text, args.out, "gossip_benchmark")
    return 0


if __name__ == "__main__":
    sys.exit(main())
