#!/usr/bin/env python3
"""The peer engines, pyoxigraph and rdflib, as small programs that bench.py runs in processes
of their own: GNU time then measures each engine's memory alone, and an engine that hangs can
be stopped without taking the benchmark down.

    python3 peer_engines.py load pyoxigraph DATA.nt STORE_DIR     # Store(dir).bulk_load
    python3 peer_engines.py load rdflib DATA.nt                   # Graph().parse, in memory
    python3 peer_engines.py query ENGINE DATA.nt STORE_DIR --queries Q.json --out R.json \
        [--repeat 20] [--budget 15] [--timeout 60]

`load` does only the load (no counting, no queries) so its wall time and peak memory compare
with `grapevine publish`. `query` loads the data first (untimed), checks how many triples the
engine holds, runs one trivial SELECT (untimed: rdflib builds its query grammar on first use), then
times each query of Q.json (a list of {"name", "text"}) the way
`grapevine query --repeat N` does: N runs, no warm-up, each run parsing, planning, evaluating
and materialising every solution; median and 95th percentile by nearest rank. Slow engines are
bounded: a query stops repeating once it has used --budget seconds (it always runs once), and a
run longer than --timeout seconds is interrupted and reported as "timeout".
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep Benchmarks/ free of __pycache__
import canonical  # noqa: E402

ENGINES = ("pyoxigraph", "rdflib")


class QueryTimeout(Exception):
    """Raised from the SIGALRM handler inside a query that ran past --timeout."""


def _on_alarm(signum, frame):
    raise QueryTimeout()


def version(engine: str) -> str:
    """The engine's package version, for the report header."""
    module = __import__(engine)
    return f"{engine} {module.__version__}"


# ------------------------------------------------------------------------ loading

SYNTAX_BY_EXTENSION = {".nt": "ntriples", ".ttl": "turtle"}


def syntax_of(data: Path) -> str:
    """The file's syntax from its extension, as the generator names its files."""
    try:
        return SYNTAX_BY_EXTENSION[data.suffix]
    except KeyError:
        raise SystemExit(f"peer_engines: unknown syntax for {data} (.nt or .ttl)")


def load_pyoxigraph(data: Path, store_dir: Path):
    """An on-disk pyoxigraph store filled by its bulk loader (the fastest way it offers)."""
    import pyoxigraph
    formats = {"ntriples": pyoxigraph.RdfFormat.N_TRIPLES, "turtle": pyoxigraph.RdfFormat.TURTLE}
    store = pyoxigraph.Store(str(store_dir))
    store.bulk_load(path=str(data), format=formats[syntax_of(data)])
    store.flush()
    return store


def load_rdflib(data: Path, store_dir: Path | None = None):
    """rdflib's default in-memory graph; it has no bulk path and nothing goes to disk."""
    import rdflib
    graph = rdflib.Graph()
    graph.parse(str(data), format={"ntriples": "nt", "turtle": "turtle"}[syntax_of(data)])
    return graph


LOADERS = {"pyoxigraph": load_pyoxigraph, "rdflib": load_rdflib}


# ------------------------------------------------------------------------ querying

def run_pyoxigraph(store, text: str) -> tuple[list[str], list]:
    """Evaluate and materialise every solution, as a user iterating the result would."""
    result = store.query(text)
    variables = [v.value for v in result.variables]
    return variables, [[solution[v] for v in variables] for solution in result]


def run_rdflib(graph, text: str) -> tuple[list[str], list]:
    """Evaluate and materialise every solution (rdflib evaluates lazily while iterating)."""
    result = graph.query(text)
    variables = [str(v) for v in result.vars]
    return variables, [list(row) for row in result]


RUNNERS = {"pyoxigraph": run_pyoxigraph, "rdflib": run_rdflib}
TERMS = {"pyoxigraph": canonical.from_oxigraph, "rdflib": canonical.from_rdflib}


def latency_stats(timings_ms: list[float]) -> tuple[float, float]:
    """Median and p95 exactly as `grapevine query --repeat` computes them (upper median,
    nearest-rank p95), so the engines' figures mean the same thing."""
    ordered = sorted(timings_ms)
    rank = max(1, -(-len(ordered) * 95 // 100))
    return ordered[len(ordered) // 2], ordered[min(len(ordered), rank) - 1]


def time_query(engine: str, handle, text: str, repeat: int, budget_s: float,
               timeout_s: float) -> dict:
    """Run one query up to `repeat` times within `budget_s`; canonical rows of the last run."""
    runner = RUNNERS[engine]
    timings, spent = [], 0.0
    variables, solutions = [], []
    for _ in range(repeat):
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
        started = time.perf_counter()
        try:
            variables, solutions = runner(handle, text)
        except QueryTimeout:
            return {"status": "timeout", "error": f"a run took over {timeout_s:g} s",
                    "runs": len(timings)}
        except Exception as error:  # the engine rejected or failed the query: report it
            return {"status": "error", "error": f"{type(error).__name__}: {error}"[:500],
                    "runs": len(timings)}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
        timings.append(elapsed * 1000)
        spent += elapsed
        if spent >= budget_s:
            break
    median, p95 = latency_stats(timings)
    to_text = TERMS[engine]
    rows = canonical.rows(variables, ([to_text(t) for t in s] for s in solutions))
    return {"status": "ok", "median_ms": median, "p95_ms": p95, "runs": len(timings),
            "count": len(rows), "rows": rows}


def query_main(args: argparse.Namespace) -> int:
    queries = json.loads(Path(args.queries).read_text())
    signal.signal(signal.SIGALRM, _on_alarm)
    started = time.perf_counter()
    handle = LOADERS[args.engine](Path(args.data), Path(args.store))
    load_s = time.perf_counter() - started
    # rdflib builds its SPARQL grammar on first use (~0.2 s): pay that here, not in the first query.
    RUNNERS[args.engine](handle, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    report = {"engine": args.engine, "version": version(args.engine), "load_s": load_s,
              "triples": len(handle),  # checked against the generator's count
              "queries": {}}
    for query in queries:
        outcome = time_query(args.engine, handle, query["text"], args.repeat, args.budget,
                             args.timeout)
        report["queries"][query["name"]] = outcome
        figure = (f"median {outcome['median_ms']:9.3f} ms  {outcome['count']:7,} results"
                  if outcome["status"] == "ok" else outcome["status"])
        print(f"    {args.engine:10} {query['name']:14} {figure}  ({outcome['runs']} runs)",
              file=sys.stderr, flush=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False))
    return 0


def load_main(args: argparse.Namespace) -> int:
    LOADERS[args.engine](Path(args.data), Path(args.store) if args.store else None)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="load only (timed from outside, under GNU time)")
    load.add_argument("engine", choices=ENGINES)
    load.add_argument("data")
    load.add_argument("store", nargs="?", help="store directory (pyoxigraph)")
    query = commands.add_parser("query", help="load, then time every query")
    query.add_argument("engine", choices=ENGINES)
    query.add_argument("data")
    query.add_argument("store", help="store directory (pyoxigraph; ignored by rdflib)")
    query.add_argument("--queries", required=True, help="JSON list of {name, text}")
    query.add_argument("--out", required=True, help="where to write the JSON report")
    query.add_argument("--repeat", type=int, default=20)
    query.add_argument("--budget", type=float, default=15.0, help="seconds of runs per query")
    query.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per run")
    args = parser.parse_args(argv)
    if args.command == "load" and args.engine == "pyoxigraph" and not args.store:
        parser.error("pyoxigraph needs a store directory")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return load_main(args) if args.command == "load" else query_main(args)


if __name__ == "__main__":
    sys.exit(main())
