#!/usr/bin/env python3
"""The comparison suite: Grapevine and its peers (pyoxigraph, rdflib, rapper) on the same data
in the same run, reported as ratios.

    make bench                       # set-up, release build, then the full run (~40 min)
    python3 Benchmarks/bench.py [--sizes 100000,1000000] [--only load query …] [--grapevine PATH]
    python3 Benchmarks/bench.py --smoke --out /tmp/smoke    # tiny sizes, well under a minute

Sections (each reuses the single-purpose benchmark next to it):

- load      `grapevine publish` into a fresh store, pyoxigraph `Store(dir).bulk_load`, rdflib
            `Graph().parse` and `rapper -c` (parse only, the ceiling), under GNU time
            (load_benchmark.py): triples/s, peak RSS, bytes on disk;
- query     the query mix of query_benchmark.py through `grapevine query --repeat N` and through
            pyoxigraph and rdflib in-process (peer_engines.py), plus Grapevine's text search
            (gv:matches) against the peers' REGEX; median and p95 latency, results compared;
- endpoint  `grapevine serve` over the first size's store under wrk (endpoint_benchmark.py);
- gossip    `grapevine simulate` at 1,000 and 10,000 nodes (gossip_benchmark.py);
- mail      `grapevine rover send --queue-only` for 10,000 subscribers (rover_benchmark.py).

Writes RESULTS.md (tables with Grapevine ÷ peer ratios and whether each target was met),
results.json (every figure) and results.png into --out (default Benchmarks/). It checks results
for equality across engines but asserts nothing about time: a missed target is reported, not
an error. The exit status is 1 only if a section could not run at all.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep Benchmarks/ free of __pycache__

import bench_report  # noqa: E402
import benchkit  # noqa: E402
import canonical  # noqa: E402
import endpoint_benchmark  # noqa: E402
import gossip_benchmark  # noqa: E402
import load_benchmark  # noqa: E402
import query_benchmark  # noqa: E402
import rover_benchmark  # noqa: E402

SECTIONS = ("load", "query", "endpoint", "gossip", "mail")
PEERS = ("pyoxigraph", "rdflib")
GRAPH = load_benchmark.DEFAULT_GRAPH

# Grapevine's own keyword search, answered from its text index; compared with the peers' REGEX.
KEYWORD_QUERY = ("keyword", "keyword search in titles with Grapevine's text search (gv:matches)",
                 'SELECT ?r ?t WHERE { ?t gv:matches "wetlands" . ?r dcterms:title ?t }')
REGEX_QUERY = "regex"
ORDERED_QUERIES = {"order-limit"}  # compared row by row; every other result as a multiset

ENDPOINT_QUERIES = [
    ("cheap", "ASK on one resource", "ASK { <https://catalogue.example.net/r/p3/2> ?p ?o }"),
    ("medium", "star join on a subject, ORDER BY title, LIMIT 20",
     query_benchmark.PREFIXES.replace("\n", " ")
     + 'SELECT ?r ?title ?url WHERE { ?r dcterms:subject "wetlands" ; dcterms:title ?title ; '
       "gv:location/gv:url ?url } ORDER BY ?title LIMIT 20"),
]
GOSSIP_FAILURES = gossip_benchmark.FAILURES  # (dead fraction, message loss) per configuration


@dataclass
class Settings:
    """Everything that differs between a full run and a smoke run."""

    sizes: list[int]
    load_repeat: int = 3
    query_repeat: int = 20
    peer_budget_s: float = 15.0     # seconds of runs per query for a peer before it stops repeating
    query_timeout_s: float = 60.0   # one run longer than this is reported as a timeout
    once_after_s: float = 60.0      # a load slower than this runs once (rdflib at 1M)
    endpoint_duration_s: int = 10
    endpoint_connections: int = 32
    gossip_nodes: list[int] = field(default_factory=lambda: [1000, 10000])
    gossip_seeds: int = 10
    gossip_failures: list[tuple[str, str]] = field(default_factory=lambda: list(GOSSIP_FAILURES))
    mail_subscribers: int = 10_000
    mail_resources: int = 100_000

    @classmethod
    def smoke(cls) -> "Settings":
        """Tiny sizes: enough for every engine to answer every query with real rows."""
        return cls(sizes=[20_000], load_repeat=1, query_repeat=2, peer_budget_s=5,
                   query_timeout_s=30, endpoint_duration_s=1, endpoint_connections=4,
                   gossip_nodes=[50], gossip_seeds=2, gossip_failures=[("0", "0")],
                   mail_subscribers=20, mail_resources=200)


class Bench:
    """One run: the settings, the cached data, and the Grapevine stores the sections share."""

    def __init__(self, args: argparse.Namespace, settings: Settings):
        self.args = args
        self.settings = settings
        self.grapevine = Path(args.grapevine).resolve()  # engines run with their own working directory
        self.workdir = Path(args.workdir)
        self.scratch = self.workdir / f"bench-run-{os.getpid()}"
        self.datasets: dict[int, load_benchmark.Dataset] = {}
        self.stores: dict[int, Path] = {}

    def dataset(self, size: int) -> load_benchmark.Dataset:
        """The generated N-Triples catalogue of `size` triples, cached in the workdir."""
        if size not in self.datasets:
            self.datasets[size] = load_benchmark.ensure_dataset(
                self.workdir, "ntriples", size, self.args.seed, self.args.publishers)
        return self.datasets[size]

    def store(self, size: int) -> Path:
        """A Grapevine store with that catalogue, published once per run (never a cached file:
        the store format may change between builds)."""
        if size not in self.stores:
            db = self.scratch / f"grapevine-{size}.sqlite"
            db.parent.mkdir(parents=True, exist_ok=True)
            print(f"  publishing {self.dataset(size).triples:,} triples into {db}", file=sys.stderr, flush=True)
            subprocess.run([str(self.grapevine), "publish", "--quiet", "--db", str(db), "--graph", GRAPH,
                            str(self.dataset(size).path)], check=True, stdin=subprocess.DEVNULL)
            self.stores[size] = db
        return self.stores[size]

    def clean(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


# ---------------------------------------------------------------------------- load

def run_load(bench: Bench) -> dict:
    """Every engine loads each size under GNU time; medians of the runs."""
    engine_args = argparse.Namespace(grapevine=str(bench.grapevine), graph=GRAPH)
    engines, skipped = [], {}
    for name in ("rapper", "grapevine", "pyoxigraph", "rdflib"):
        engine = load_benchmark.ENGINES[name](engine_args)
        try:
            engine.check()
            engines.append(engine)
        except benchkit.BenchmarkError as error:
            skipped[name] = str(error)
    datasets = [bench.dataset(size) for size in bench.settings.sizes]
    results = load_benchmark.run_benchmark(
        engines, datasets, bench.settings.load_repeat, bench.scratch / "load",
        timeout=3600, keep=False, once_after_s=bench.settings.once_after_s)
    rows = []
    for result in results:
        row = {"size": result.data.triples, "engine": result.engine.name, "label": result.engine.label,
               "failure": result.failure, "runs": len(result.runs)}
        if not result.failure:
            row.update(seconds=result.seconds, triples_per_s=result.triples_per_s,
                       peak_rss_mib=result.rss_mib, disk_bytes=result.db_bytes,
                       each_run_s=[m.wall_s for m in result.runs])
        rows.append(row)
    versions = {e.name: e.version() for e in engines}
    return {"rows": rows, "skipped": skipped, "versions": versions}


# --------------------------------------------------------------------------- query

def grapevine_queries(bench: Bench, size: int) -> dict[str, dict]:
    """Every query of the mix, and the text search, through `grapevine query --repeat N`."""
    db = bench.store(size)
    outcomes = {}
    for name, _, text in [*query_benchmark.QUERIES, KEYWORD_QUERY]:
        try:
            median, p95, document = query_benchmark.run_query_json(
                bench.grapevine, db, text, max(2, bench.settings.query_repeat),
                timeout=bench.settings.query_timeout_s * bench.settings.query_repeat + 120,
                query_timeout=bench.settings.query_timeout_s)
        except (benchkit.BenchmarkError, subprocess.TimeoutExpired, ValueError) as error:
            status = "timeout" if "time limit" in str(error) or isinstance(error, subprocess.TimeoutExpired) else "error"
            outcomes[name] = {"status": status, "error": str(error)[-500:]}
            print(f"    grapevine  {name:14} {status}: {str(error)[-200:]}", file=sys.stderr)
            continue
        rows = canonical.rows_from_sparql_json(document)
        outcomes[name] = {"status": "ok", "median_ms": median, "p95_ms": p95,
                          "runs": max(2, bench.settings.query_repeat), "count": len(rows), "rows": rows}
        print(f"    grapevine  {name:14} median {median:9.3f} ms  {len(rows):7,} results", file=sys.stderr)
    return outcomes


def peer_queries(bench: Bench, engine: str, size: int) -> dict:
    """The query mix (REGEX for the keyword search) through a peer, in its own process."""
    folder = bench.scratch / f"{engine}-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    queries = [{"name": name, "text": query_benchmark.PREFIXES + text}
               for name, _, text in query_benchmark.QUERIES]
    (folder / "queries.json").write_text(json.dumps(queries))
    s = bench.settings
    argv = [sys.executable, str(HERE / "peer_engines.py"), "query", engine, str(bench.dataset(size).path),
            str(folder / "store"), "--queries", str(folder / "queries.json"), "--out", str(folder / "out.json"),
            "--repeat", str(s.query_repeat), "--budget", str(s.peer_budget_s), "--timeout", str(s.query_timeout_s)]
    limit = 1800 + len(queries) * (s.peer_budget_s + s.query_timeout_s)  # loading rdflib at 1M takes minutes
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"failure": f"stopped after {limit:.0f} s"}
    if done.returncode != 0:
        return {"failure": f"exited {done.returncode}"}
    report = json.loads((folder / "out.json").read_text())
    shutil.rmtree(folder, ignore_errors=True)
    return report


def compare(name: str, outcomes: dict[str, dict]) -> dict:
    """Whether every engine that answered gave the same rows: "exact" (same text), "values"
    (the same once canonical.value_rows has evened out how engines spell numbers and dates), or
    not at all, with a sample of the difference."""
    answered = {engine: o for engine, o in outcomes.items() if o.get("status") == "ok"}
    ordered = name in ORDERED_QUERIES
    if len(answered) < 2:
        return {"agree": None, "match": None, "compared": sorted(answered)}
    reference_engine, reference = next(iter(answered.items()))

    def differing(form) -> dict[str, dict]:
        base = form(reference["rows"])
        return {engine: canonical.difference(base, form(o["rows"]), ordered) for engine, o in answered.items()
                if canonical.comparable(form(o["rows"]), ordered) != canonical.comparable(base, ordered)}

    exact = differing(lambda rows: rows)
    by_value = differing(canonical.value_rows) if exact else {}
    return {"agree": not by_value, "match": "exact" if not exact else "values" if not by_value else None,
            "compared": sorted(answered), "reference": reference_engine,
            "differences": by_value or exact}


def run_query(bench: Bench) -> dict:
    """Per size: the same queries through every engine, latency and result equality per query."""
    sizes, versions = [], {}
    for size in bench.settings.sizes:
        data = bench.dataset(size)
        print(f"  query mix on {data.triples:,} triples", file=sys.stderr, flush=True)
        grapevine = grapevine_queries(bench, size)
        peers, notes = {}, []
        for engine in PEERS:
            report = peer_queries(bench, engine, size)
            if "failure" in report:
                notes.append(f"{engine} failed: {report['failure']}")
                peers[engine] = {}
                continue
            versions[engine] = report["version"]
            peers[engine] = report["queries"]
            if report["triples"] != data.triples:
                notes.append(f"{engine} holds {report['triples']:,} triples, the file has {data.triples:,}")
            notes.append(f"{engine} loaded the data in {report['load_s']:.1f} s before the queries (not timed)")
        queries = []
        for name, what, text in [*query_benchmark.QUERIES, KEYWORD_QUERY]:
            # The peers have no text index: their answer to the keyword search is the REGEX query.
            peer_name = REGEX_QUERY if name == KEYWORD_QUERY[0] else name
            outcomes = {"grapevine": grapevine.get(name, {"status": "error"}),
                        **{engine: peers[engine].get(peer_name, {"status": "error"}) for engine in PEERS}}
            queries.append({"name": name, "what": what, "text": text, "peer_query": peer_name,
                            "ordered": name in ORDERED_QUERIES, **compare(name, outcomes),
                            "engines": {engine: summarise(o) for engine, o in outcomes.items()}})
        sizes.append({"size": data.triples, "queries": queries, "notes": notes})
    return {"sizes": sizes, "versions": versions, "repeat": bench.settings.query_repeat,
            "peer_budget_s": bench.settings.peer_budget_s, "timeout_s": bench.settings.query_timeout_s}


def summarise(outcome: dict) -> dict:
    """An engine's outcome for results.json: the figures and a digest instead of every row."""
    kept = {k: v for k, v in outcome.items() if k != "rows"}
    if "rows" in outcome:
        kept["digest"] = canonical.digest(outcome["rows"], ordered=False)
    return kept


# ------------------------------------------------------------------------ endpoint

def run_endpoint(bench: Bench) -> dict:
    """wrk against `grapevine serve` over the first size's store, a bounded loopback load."""
    if not shutil.which("wrk"):
        return {"skipped": "wrk is not installed (scripts/bench-setup installs it)"}
    size = bench.settings.sizes[0]
    measured = endpoint_benchmark.measure_endpoint(
        bench.grapevine, ENDPOINT_QUERIES, db=bench.store(size), duration=bench.settings.endpoint_duration_s,
        connections=bench.settings.endpoint_connections, threads=2)
    return {"size": bench.dataset(size).triples, "duration_s": bench.settings.endpoint_duration_s,
            "connections": bench.settings.endpoint_connections, "threads": 2, "rows": measured}


# -------------------------------------------------------------------------- gossip

def run_gossip(bench: Bench) -> dict:
    """`grapevine simulate` per network size and failure configuration."""
    rows = []
    for nodes in bench.settings.gossip_nodes:
        for dead, loss in bench.settings.gossip_failures:
            m = gossip_benchmark.simulate(str(bench.grapevine), nodes, bench.settings.gossip_seeds, dead, loss, 0)
            row = {"nodes": nodes, "dead": float(dead), "loss": float(loss), "seeds": bench.settings.gossip_seeds,
                   "wall_s": m.wall_s, "peak_rss_mib": m.max_rss_mib}
            if m.ok:
                row.update(gossip_benchmark.summary(m.stdout))
            else:
                row["failure"] = m.stderr.strip()[-500:]
            rows.append(row)
    return {"rows": rows}


# ---------------------------------------------------------------------------- mail

def run_mail(bench: Bench) -> dict:
    """A hub with the subscribers renders and queues one digest each (`rover send --queue-only`)."""
    s = bench.settings
    folder = bench.scratch / "mail"
    folder.mkdir(parents=True, exist_ok=True)
    hub = folder / "hub.sqlite"
    resources, publish = rover_benchmark.prepare_hub(str(bench.grapevine), hub, bench.workdir,
                                                     s.mail_resources, s.mail_subscribers, bench.args.seed)
    queue, counts, (mails, outbox_bytes, hints) = rover_benchmark.render_and_queue(str(bench.grapevine), hub, bench.args.seed)
    return {"subscribers": s.mail_subscribers, "resources": resources, "publish_s": publish.wall_s,
            "queued": mails, "wall_s": queue.wall_s, "cpu_s": queue.user_s + queue.sys_s,
            "mails_per_s": mails / max(queue.wall_s, 0.01), "peak_rss_mib": queue.max_rss_mib,
            "outbox_bytes": outbox_bytes or 0, "hints": hints, "counts": counts}


RUNNERS = {"load": run_load, "query": run_query, "endpoint": run_endpoint, "gossip": run_gossip, "mail": run_mail}


# ---------------------------------------------------------------------------- main

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="See Benchmarks/README.md, section `make bench`.")
    parser.add_argument("--sizes", help="comma-separated catalogue sizes in triples (default 100000,1000000)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, metavar="SECTION",
                        help=f"run only these sections ({', '.join(SECTIONS)})")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes and repeats: checks that everything runs and the engines agree")
    parser.add_argument("--grapevine", default=str(REPO / ".build" / "release" / "grapevine"))
    parser.add_argument("--out", help="folder for RESULTS.md, results.json and results.png "
                                      "(default Benchmarks/, or /tmp/grapevine-bench/smoke with --smoke)")
    parser.add_argument("--workdir", default="/tmp/grapevine-bench", help="cached data and scratch stores")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--publishers", type=int, default=8)
    parser.add_argument("--query-repeat", type=int, help="runs per query (default 20; smoke 2)")
    parser.add_argument("--load-repeat", type=int, help="runs per load (default 3; smoke 1)")
    parser.add_argument("--gossip-seeds", type=int, help="seeds per simulation (default 10; smoke 2)")
    parser.add_argument("--gossip-nodes", help="comma-separated network sizes (default 1000,10000)")
    parser.add_argument("--mail-subscribers", type=int, help="default 10000; smoke 20")
    return parser.parse_args(argv)


def settings_for(args: argparse.Namespace) -> Settings:
    """The defaults of the mode, overridden by whatever the command line says."""
    settings = Settings.smoke() if args.smoke else Settings(sizes=[100_000, 1_000_000])
    if args.sizes:
        settings.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.gossip_nodes:
        settings.gossip_nodes = [int(n) for n in args.gossip_nodes.split(",") if n.strip()]
    for option, attribute in (("query_repeat", "query_repeat"), ("load_repeat", "load_repeat"),
                              ("gossip_seeds", "gossip_seeds"), ("mail_subscribers", "mail_subscribers")):
        if getattr(args, option) is not None:
            setattr(settings, attribute, getattr(args, option))
    return settings


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_for(args)
    out = Path(args.out or (Path(args.workdir) / "smoke" if args.smoke else HERE))
    out.mkdir(parents=True, exist_ok=True)
    if not Path(args.grapevine).is_file():
        print(f"bench: {args.grapevine} not found: `swift build -c release` (or pass --grapevine)", file=sys.stderr)
        return 2
    benchkit.require_gnu_time()
    bench = Bench(args, settings)
    command = shlex.join(["python3", "Benchmarks/bench.py", *(sys.argv[1:] if argv is None else argv)])
    results = {"date": benchkit.now_utc(), "machine": benchkit.machine_info(), "command": command,
               "smoke": args.smoke, "settings": vars(settings),
               "versions": {"grapevine": benchkit.tool_version([args.grapevine, "--version"])}}
    failed = []
    try:
        for section in args.only or SECTIONS:
            print(f"bench: {section}", file=sys.stderr, flush=True)
            try:
                results[section] = RUNNERS[section](bench)
            except Exception as error:  # one broken section must not lose the others' figures
                traceback.print_exc()
                results[section] = {"failure": f"{type(error).__name__}: {error}"[-1000:]}
                failed.append(section)
    finally:
        bench.clean()
    results["data"] = [{"size": size, "triples": d.triples, "resources": d.resources,
                        "bytes": d.path.stat().st_size, "file": d.path.name}
                       for size, d in sorted(bench.datasets.items())]
    results["versions"].update(bench_report.peer_versions(results))
    results["targets"] = bench_report.targets(results)
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    (out / "RESULTS.md").write_text(bench_report.markdown(results))
    chart = bench_report.chart(results, out / "results.png")
    print(f"bench: wrote {out / 'RESULTS.md'}, {out / 'results.json'}" + (f", {chart}" if chart else ""),
          file=sys.stderr)
    if failed:
        print(f"bench: these sections failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
