#!/usr/bin/env python3
"""Query benchmark: the query mix of the SPARQL issue over the generated catalogue.

    swift build -c release && python3 Benchmarks/query_benchmark.py [--triples 1000000] [--repeat 20]

Publishes the catalogue (N-Triples) into a store once (cached in --workdir), then runs every
query with `grapevine query --repeat N`, which times the query inside the process (start-up and
output excluded), and reports median and p95 latency and the number of results. Writes
Benchmarks/RESULTS-query.md.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benchkit  # noqa: E402
from load_benchmark import ensure_dataset  # noqa: E402

PREFIXES = """PREFIX gv: <https://w3id.org/grapevine/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# name, what it exercises, query
QUERIES = [
    ("lookup", "all triples of one subject",
     "SELECT ?p ?o WHERE { <https://catalogue.example.net/r/p3/2> ?p ?o }"),
    ("star", "resources on a subject with title, creator and location URL",
     'SELECT ?r ?title ?creator ?url WHERE { ?r dcterms:subject "wetlands" ; dcterms:title ?title ; '
     'dcterms:creator ?creator ; gv:location ?l . ?l gv:url ?url }'),
    ("chain", "3-way chain: creator → resource → location → URL",
     'SELECT ?r ?url WHERE { ?r dcterms:creator "Ulla Novak" . ?r gv:location ?l . ?l gv:url ?url }'),
    ("numeric-range", "FILTER on a numeric range",
     "SELECT ?r ?size WHERE { ?r gv:size ?size FILTER(?size >= 1000000 && ?size < 1010000) }"),
    ("optional", "OPTIONAL validity of each location",
     'SELECT ?r ?until WHERE { ?r dcterms:subject "wetlands" ; gv:location ?l OPTIONAL { ?l gv:validUntil ?until } }'),
    ("group-count", "GROUP BY format, count",
     "SELECT ?format (COUNT(*) AS ?n) WHERE { ?r dcterms:format ?format } GROUP BY ?format ORDER BY DESC(?n)"),
    ("order-limit", "ORDER BY date, LIMIT 10",
     "SELECT ?r ?date WHERE { ?r dcterms:date ?date } ORDER BY DESC(?date) ?r LIMIT 10"),
    ("regex", "keyword search in titles with REGEX",
     'SELECT ?r ?t WHERE { ?r dcterms:title ?t FILTER(REGEX(?t, "wetlands", "i")) }'),
]


def run_query_json(binary: Path, db: Path, query: str, repeat: int, timeout: float,
                   query_timeout: float = 600) -> tuple[float, float, dict]:
    """Median and p95 ms of `grapevine query --repeat N` (N ≥ 2, or it prints no timing) and the
    SPARQL JSON result of its last run; `query_timeout` is grapevine's own limit per run."""
    done = subprocess.run([str(binary), "query", "--db", str(db), "--format", "json", "--repeat", str(repeat),
                           "--timeout", f"{query_timeout:g}", PREFIXES + query],
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise benchkit.BenchmarkError(f"query failed ({done.returncode}): {done.stderr.strip()}")
    match = re.search(r"median ([0-9.]+) p95 ([0-9.]+)", done.stderr)
    if not match:
        raise benchkit.BenchmarkError(f"no timing in: {done.stderr.strip()}")
    return float(match.group(1)), float(match.group(2)), json.loads(done.stdout)


def run_query(binary: Path, db: Path, query: str, repeat: int, timeout: float) -> tuple[float, float, int]:
    median, p95, results = run_query_json(binary, db, query, repeat, timeout)
    rows = len(results.get("results", {}).get("bindings", []))
    return median, p95, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--publishers", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--grapevine", type=Path, default=HERE.parent / ".build/release/grapevine")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/grapevine-bench"))
    parser.add_argument("--out", default=str(HERE / "RESULTS-query.md"))
    args = parser.parse_args(argv)
    if not args.grapevine.exists():
        print(f"query_benchmark: {args.grapevine} is missing; run swift build -c release", file=sys.stderr)
        return 2

    data = ensure_dataset(args.workdir, "ntriples", args.triples, args.seed, args.publishers)
    db = args.workdir / f"query-store-{data.path.stem}.sqlite"
    if not db.exists():
        print(f"  publishing {data.path.name} into {db} ...", file=sys.stderr, flush=True)
        subprocess.run([str(args.grapevine), "publish", "--quiet", "--db", str(db),
                        "--graph", "https://catalogue.example.net/bench", str(data.path)], check=True)

    rows = []
    for name, what, query in QUERIES:
        median, p95, count = run_query(args.grapevine, db, query, args.repeat, timeout=3600)
        print(f"  {name:14} median {median:9.3f} ms  p95 {p95:9.3f} ms  {count:7,} results", file=sys.stderr)
        rows.append([name, what, benchkit.fmt_float(median, 3), benchkit.fmt_float(p95, 3), benchkit.fmt_int(count)])

    machine = benchkit.machine_info()
    report = [
        "# Query benchmark: the SPARQL query mix over the generated catalogue", "",
        "Written by `Benchmarks/query_benchmark.py`; latency is measured inside `grapevine query --repeat N`",
        "(parse, plan and evaluate; process start-up and output excluded).", "",
        f"- date: {benchkit.now_utc()}",
        f"- machine: {machine.get('cpu', '?')}, {machine.get('cores', '?')} cores, {machine.get('memory', '?')}",
        f"- data: {data.triples:,} triples, {data.resources:,} resources (seed {args.seed}), N-Triples, one description",
        f"- runs: {args.repeat} per query", "",
        benchkit.markdown_table(["query", "what", "median ms", "p95 ms", "results"], rows,
                                align="llrrr"),
        "", "Queries (with the gv:, dcterms:, xsd: prefixes):", "",
    ]
    for name, _, query in QUERIES:
        report.append(f"- **{name}**: `{query}`")
    text = "\n".join(report) + "\n"
    benchkit.write_report(text, args.out, "query_benchmark")
    return 0


if __name__ == "__main__":
    sys.exit(main())
