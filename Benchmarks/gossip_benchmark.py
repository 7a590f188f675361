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
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchkit  # noqa: E402

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


def simulate(grapevine: str, nodes: int, seeds: int, dead: str, loss: str, descriptions_in_sync: int,
             rows_file: Path | None = None) -> benchkit.Measurement:
    """One `grapevine simulate` run under GNU time; its summary is in the measurement's stdout
    (see `summary`), and a Markdown row is appended to `rows_file` if given."""
    argv = [grapevine, "simulate", "--nodes", str(nodes), "--seeds", str(seeds), "--dead", dead, "--loss", loss,
            "--descriptions-in-sync", str(descriptions_in_sync)]
    argv += ["--markdown", str(rows_file)] if rows_file else []
    print("running", " ".join(argv[1:]), file=sys.stderr)
    return benchkit.measure(argv)


def summary(stdout: str) -> dict[str, float]:
    """The figures of `grapevine simulate`'s summary: rounds (median, worst) of the protocol and
    of the ideal model, the ratio of medians, the log bound and bytes per node per round."""
    def numbers(label: str) -> list[float]:
        match = re.search(rf"^{re.escape(label)}\s+([0-9.]+)(?:\s+([0-9.]+))?", stdout, re.M)
        if not match:
            raise benchkit.BenchmarkError(f"no '{label}' line in the simulation's output:\n{stdout}")
        return [float(g) for g in match.groups() if g is not None]
    protocol, ideal = numbers("protocol"), numbers("ideal push-pull")
    traffic = re.search(r"bytes sent per node per round\s+([0-9.]+) \(digests ([0-9.]+)\)", stdout)
    return {"protocol_median": protocol[0], "protocol_worst": protocol[-1],
            "ideal_median": ideal[0], "ideal_worst": ideal[-1],
            "ratio": numbers("ratio of medians")[0], "log_bound": numbers("log₂N + ln N")[0],
            "bytes_per_node_round": float(traffic.group(1)) if traffic else float("nan"),
            "digest_bytes_per_node_round": float(traffic.group(2)) if traffic else float("nan")}


def run(args: argparse.Namespace, rows_file: Path) -> int:
    commands, runs, steady, setup = [], [], [], ""
    for nodes in args.nodes:
        for dead, loss in FAILURES:
            result = simulate(args.grapevine, nodes, args.seeds, dead, loss, args.descriptions_in_sync, rows_file)
            argv = result.argv
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
