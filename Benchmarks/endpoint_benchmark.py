#!/usr/bin/env python3
"""Endpoint benchmark: requests per second and latency of `grapevine serve` under wrk.

    swift build -c release && python3 Benchmarks/endpoint_benchmark.py [--duration 10] [--connections 32]

Starts a node on a loopback port over SampleData (or --db STORE), then runs wrk (Debian package
`wrk`) against /sparql with a cheap query (ASK on one resource) and a medium one (a star join with
a FILTER), each for --duration seconds, and reports requests/s and the 50/90/99th percentile
latency. Load goes to 127.0.0.1 only and stops by itself. Writes Benchmarks/RESULTS-endpoint.md.
"""
from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import benchkit  # noqa: E402

QUERIES = [
    ("cheap", "ASK on one resource",
     "ASK { <https://catalogue.example.net/music/maren-oakes/salt-and-cedar> ?p ?o }"),
    ("medium", "star join with a FILTER and ORDER BY",
     "PREFIX gv: <https://w3id.org/grapevine/ns#> PREFIX dcterms: <http://purl.org/dc/terms/> "
     "SELECT ?r ?title ?url WHERE { ?r a gv:Resource ; dcterms:title ?title ; dcterms:subject ?s ; "
     "gv:location/gv:url ?url FILTER(CONTAINS(LCASE(?s), \"data\")) } ORDER BY ?title LIMIT 20"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/status", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise benchkit.BenchmarkError("the node did not start")


def parse_wrk(text: str) -> dict[str, float]:
    def millis(value: str) -> float:
        number, unit = re.match(r"([0-9.]+)(us|ms|s)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    result = {"rps": float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))}
    for percentile in ("50", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+([0-9.]+(?:us|ms|s))", text, re.M)
        result[f"p{percentile}"] = millis(match.group(1)) if match else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    result["requests"] = float(re.search(r"(\d+) requests in", text).group(1))
    return result


def measure_endpoint(grapevine: Path, queries: list[tuple[str, str, str]], *, db: Path | None,
                     duration: int, connections: int, threads: int) -> list[dict]:
    """Serve `db` (or SampleData in a fresh store) on a free loopback port and run wrk against
    /sparql with each query in turn; wrk's figures per query (requests/s, p50/p90/p99 ms).
    The node is stopped however this ends."""
    workdir = Path(tempfile.mkdtemp(prefix="grapevine-endpoint-"))
    port = free_port()
    command = [str(grapevine), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--db", str(db)] if db else ["--db", str(workdir / "store.sqlite"), "--load", str(HERE.parent / "SampleData")]
    log = open(workdir / "node.log", "w")
    node = subprocess.Popen(command, stdout=log, stderr=log)
    measured = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base)
        for name, what, query in queries:
            url = base + "/sparql?query=" + urllib.parse.quote(query)
            urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})).read()
            done = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                                   "--latency", "-H", "Accept: application/sparql-results+json", url],
                                  capture_output=True, text=True, timeout=duration + 60)
            figures = parse_wrk(done.stdout)
            print(f"  {name:7} {figures['rps']:9.0f} req/s  p50 {figures['p50']:7.2f} ms  p90 {figures['p90']:7.2f} ms  "
                  f"p99 {figures['p99']:7.2f} ms  errors {int(figures['errors'])}", file=sys.stderr)
            measured.append({"name": name, "what": what, "query": query, **figures})
    finally:
        node.terminate()
        node.wait(timeout=30)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--grapevine", type=Path, default=HERE.parent / ".build/release/grapevine")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--db", type=Path, help="serve this store instead of a fresh one with SampleData")
    parser.add_argument("--out", default=str(HERE / "RESULTS-endpoint.md"))
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("endpoint_benchmark: wrk is missing (apt-get install wrk)", file=sys.stderr)
        return 2
    measured = measure_endpoint(args.grapevine, QUERIES, db=args.db, duration=args.duration,
                                connections=args.connections, threads=args.threads)
    rows = [[m["name"], m["what"], benchkit.fmt_int(m["rps"]), benchkit.fmt_float(m["p50"]),
             benchkit.fmt_float(m["p90"]), benchkit.fmt_float(m["p99"]),
             benchkit.fmt_int(m["requests"]), benchkit.fmt_int(m["errors"])] for m in measured]
    machine = benchkit.machine_info()
    text = "\n".join([
        "# Endpoint benchmark: `grapevine serve` under wrk on loopback", "",
        f"- date: {benchkit.now_utc()}",
        f"- machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']} (wrk and the node share it)",
        f"- load: wrk -t{args.threads} -c{args.connections} -d{args.duration}s against /sparql, JSON results",
        f"- data: {'the store ' + str(args.db) if args.db else 'SampleData (480 resources, 10,924 quads)'}", "",
        benchkit.markdown_table(["query", "what", "requests/s", "p50 ms", "p90 ms", "p99 ms", "requests", "non-2xx"], rows,
                                align="llrrrrrr"),
        "", "Queries:", "", *[f"- **{name}**: `{query}`" for name, _, query in QUERIES], ""])
    benchkit.write_report(text, args.out, "endpoint_benchmark")
    return 0


if __name__ == "__main__":
    sys.exit(main())
