#!/usr/bin/env python3
"""Load benchmark: publish a generated catalogue into Grapevine's SQLite quad store.

    swift build -c release && python3 Benchmarks/load_benchmark.py

For N-Triples and Turtle copies of the same generated catalogue (default 1,000,000
triples), it times `rapper -c` (parse only: the ceiling) and `grapevine publish` (parse +
store), each under `/usr/bin/time -v`, repeats every measurement (--repeat, default 3)
and reports the medians: seconds, triples per second, peak RSS, database bytes per
triple, and each engine's speed relative to rapper on the same file.

Engines are small classes registered in ENGINES (rapper, grapevine, and the peers pyoxigraph
and rdflib, which bench.py adds to every run); adding one means writing its `command()` and, if
it stores data, its `db_files()`.
See Benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shlex
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep Benchmarks/ free of __pycache__

import benchkit  # noqa: E402
import generate_catalogue  # noqa: E402
from benchkit import BenchmarkError, Measurement  # noqa: E402

SYNTAXES = {"ntriples": "N-Triples", "turtle": "Turtle"}
DEFAULT_GRAPH = "https://catalogue.example.net/bench"


# --------------------------------------------------------------------------- data

@dataclass
class Dataset:
    syntax: str        # "ntriples" | "turtle"
    path: Path
    triples: int       # as counted by the generator
    resources: int
    generate_s: float  # how long generation took (when it was generated)


def _generator_fingerprint() -> str:
    """Changes whenever the generator's code does, so a stale cache is never reused."""
    return hashlib.sha256(Path(generate_catalogue.__file__).read_bytes()).hexdigest()[:16]


def ensure_dataset(workdir: Path, syntax: str, triples: int, seed: int,
                   publishers: int) -> Dataset:
    """Generate the catalogue, or reuse the cached copy made with the same arguments."""
    workdir.mkdir(parents=True, exist_ok=True)
    stem = f"catalogue-{triples}-seed{seed}-p{publishers}"
    path = workdir / f"{stem}.{generate_catalogue.EXTENSIONS[syntax]}"
    meta_path = path.with_name(path.name + ".json")
    fingerprint = _generator_fingerprint()
    if path.exists() and meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text())
            if (meta.get("generator") == fingerprint and meta.get("bytes") == path.stat().st_size):
                print(f"  reusing {path} ({meta['triples']:,} triples)", file=sys.stderr)
                return Dataset(syntax, path, meta["triples"], meta["resources"], meta["seconds"])
        except (ValueError, KeyError):
            pass
    print(f"  generating {path} ...", file=sys.stderr, flush=True)
    tmp = path.with_name(path.name + ".part")
    started = time.perf_counter()
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        count, resources = generate_catalogue.generate(
            out, triples=triples, fmt=syntax, seed=seed, publishers=publishers)
    seconds = time.perf_counter() - started
    tmp.replace(path)
    meta_path.write_text(json.dumps({
        "triples": count, "resources": resources, "seconds": round(seconds, 3),
        "seed": seed, "publishers": publishers, "syntax": syntax,
        "bytes": path.stat().st_size, "generator": fingerprint}, indent=2) + "\n")
    print(f"  generated {count:,} triples in {seconds:.1f} s", file=sys.stderr)
    return Dataset(syntax, path, count, resources, seconds)


# ------------------------------------------------------------------------ engines

class Engine:
    """One program under test.  Subclass, then add the class to ENGINES."""

    name = "engine"          # id on the command line (--engines)
    label = "engine"         # name in the report
    stores = False           # True if it writes a database whose size we report
    baseline = False         # True for the parse-only ceiling the others are compared to

    def __init__(self, args: argparse.Namespace):
        self.args = args

    def check(self) -> None:
        """Raise BenchmarkError if the engine can't run here."""

    def version(self) -> str | None:
        return None

    def command(self, data: Dataset, run_dir: Path) -> list[str]:
        raise NotImplementedError

    def db_files(self, run_dir: Path) -> list[Path]:
        """Files whose sizes make up the database (measured right after the run)."""
        return []

    def reported_triples(self, m: Measurement) -> int | None:
        """The triple count the engine itself reports for the run, if it does."""
        return None

    def after_last_run(self, data: Dataset, run_dir: Path) -> dict:
        """Anything to inspect once the measured runs are over (e.g. store statistics)."""
        return {}


class RapperEngine(Engine):
    name = "rapper"
    label = "rapper -c"
    baseline = True

    def check(self) -> None:
        if shutil.which("rapper") is None:
            raise BenchmarkError("rapper not found (Debian: apt-get install -y raptor2-utils)")

    def version(self) -> str | None:
        v = benchkit.tool_version(["rapper", "--version"])
        return f"rapper {v} (libraptor2)" if v else None

    def command(self, data: Dataset, run_dir: Path) -> list[str]:
        return ["rapper", "-i", data.syntax, "-c", str(data.path)]

    def reported_triples(self, m: Measurement) -> int | None:
        # rapper -c ends with "rapper: Parsing returned N triples" on stderr (-q would hide it).
        match = re.search(r"Parsing returned (\d+) triple", m.stderr)
        return int(match.group(1)) if match else None


class GrapevineEngine(Engine):
    name = "grapevine"
    label = "grapevine publish"
    stores = True

    @property
    def binary(self) -> Path:
        return Path(self.args.grapevine)

    def check(self) -> None:
        if not self.binary.is_file():
            raise BenchmarkError(
                f"grapevine binary not found at {self.binary}: build it with "
                "`swift build -c release`, pass --grapevine PATH, or run only "
                "`--engines rapper`")

    def version(self) -> str | None:
        return benchkit.tool_version([str(self.binary), "--version"])

    def db_path(self, run_dir: Path) -> Path:
        return run_dir / "grapevine.sqlite"

    def command(self, data: Dataset, run_dir: Path) -> list[str]:
        # The syntax is left to grapevine to infer from the file extension (.nt / .ttl).
        return [str(self.binary), "publish", str(data.path),
                "--db", str(self.db_path(run_dir)), "--graph", self.args.graph]

    def db_files(self, run_dir: Path) -> list[Path]:
        db = self.db_path(run_dir)
        return [db, db.with_name(db.name + "-wal")]

    def after_last_run(self, data: Dataset, run_dir: Path) -> dict:
        """`grapevine stats --db PATH --json`, if that answers with JSON."""
        import subprocess
        argv = [str(self.binary), "stats", "--db", str(self.db_path(run_dir)), "--json"]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=600,
                                  stdin=subprocess.DEVNULL)
            stats = json.loads(proc.stdout) if proc.returncode == 0 else None
        except (OSError, ValueError, subprocess.TimeoutExpired):
            stats = None
        if not isinstance(stats, dict):
            return {}
        found = _find_count(stats, ("triples", "quads", "tripleCount", "quadCount",
                                    "triple_count", "quad_count"))
        return {"stats": stats, "stored_triples": found}


def _find_count(obj, keys) -> int | None:
    """The first integer under one of `keys`, searched depth-first through dicts."""
    if isinstance(obj, dict):
        for key in keys:
            if isinstance(obj.get(key), int):
                return obj[key]
        for value in obj.values():
            found = _find_count(value, keys)
            if found is not None:
                return found
    return None


class PeerEngine(Engine):
    """A Python RDF library, run through peer_engines.py in its own process so that GNU time
    measures the interpreter and the library together: what a user of it would pay."""

    module = "peer"

    def check(self) -> None:
        import importlib.util
        if importlib.util.find_spec(self.module) is None:
            raise BenchmarkError(f"{self.module} is not installed (scripts/bench-setup installs it)")

    def version(self) -> str | None:
        import importlib
        return f"{self.module} {importlib.import_module(self.module).__version__}"

    def command(self, data: Dataset, run_dir: Path) -> list[str]:
        return [sys.executable, str(HERE / "peer_engines.py"), "load", self.module,
                str(data.path), *([str(run_dir / "store")] if self.stores else [])]


class PyoxigraphEngine(PeerEngine):
    name = module = "pyoxigraph"
    label = "pyoxigraph bulk_load"
    stores = True

    def db_files(self, run_dir: Path) -> list[Path]:
        """Every file of the RocksDB directory (data, logs, manifests) once the process exits."""
        store = run_dir / "store"
        return [f for f in store.rglob("*") if f.is_file()] if store.exists() else []


class RdflibEngine(PeerEngine):
    name = module = "rdflib"
    label = "rdflib Graph.parse"


ENGINES: dict[str, type[Engine]] = {
    cls.name: cls for cls in (RapperEngine, GrapevineEngine, PyoxigraphEngine, RdflibEngine)}


# ---------------------------------------------------------------------- measuring

@dataclass
class Result:
    engine: Engine
    data: Dataset
    runs: list[Measurement] = field(default_factory=list)
    failure: str | None = None
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return benchkit.median(m.wall_s for m in self.runs)

    @property
    def triples_per_s(self) -> float | None:
        s = self.seconds
        return self.data.triples / s if s > 0 else None

    @property
    def rss_mib(self) -> float:
        return benchkit.median(m.max_rss_mib for m in self.runs)

    @property
    def db_bytes(self) -> float | None:
        if not self.engine.stores:
            return None
        return benchkit.median(m.extra["db_bytes"] for m in self.runs)


def run_once(engine: Engine, data: Dataset, run_dir: Path, timeout: float) -> Measurement:
    if run_dir.exists():
        shutil.rmtree(run_dir)  # a fresh, empty database for every run
    run_dir.mkdir(parents=True)
    m = benchkit.measure(engine.command(data, run_dir), cwd=run_dir, timeout=timeout)
    # Sizes right after the process exits, before anything else opens (and checkpoints) the db.
    m.extra["db_bytes"] = benchkit.file_bytes(engine.db_files(run_dir))
    m.extra["reported_triples"] = engine.reported_triples(m)
    return m


def run_benchmark(engines: list[Engine], datasets: list[Dataset], repeat: int,
                  workdir: Path, timeout: float, keep: bool,
                  once_after_s: float | None = None) -> list[Result]:
    """Every engine on every dataset, `repeat` times; an engine whose first run took longer
    than `once_after_s` is not repeated on that dataset (rdflib on a million triples)."""
    results: list[Result] = []
    for data in datasets:
        benchkit.warm_page_cache(data.path)
        row = [Result(engine, data) for engine in engines]
        # Interleave engines within each repetition so slow drift (thermal, other load)
        # spreads over all of them instead of biasing whichever ran last.
        for i in range(repeat):
            for res in row:
                if res.failure or (i > 0 and once_after_s is not None
                                   and res.runs and res.runs[0].wall_s > once_after_s):
                    continue
                run_dir = workdir / "runs" / f"{res.engine.name}-{data.syntax}"
                m = run_once(res.engine, data, run_dir, timeout)
                status = "ok" if m.ok else f"FAILED (exit {m.returncode})"
                print(f"  {res.engine.label:<18} {SYNTAXES[data.syntax]:<9} run {i + 1}/{repeat}: "
                      f"{m.wall_s:7.2f} s  {m.max_rss_mib:8.1f} MiB  {status}",
                      file=sys.stderr, flush=True)
                if not m.ok:
                    res.failure = (f"`{shlex.join(m.argv)}` exited {m.returncode}\n"
                                   f"{m.stderr.strip()[-4000:]}")
                    continue
                counted = m.extra["reported_triples"]
                if counted is not None and counted != data.triples:
                    res.failure = (f"{res.engine.label} counted {counted:,} triples, "
                                   f"expected {data.triples:,}")
                    continue
                res.runs.append(m)
        for res in row:
            run_dir = workdir / "runs" / f"{res.engine.name}-{data.syntax}"
            if not res.failure and run_dir.exists():
                res.extra = res.engine.after_last_run(data, run_dir)
                stored = res.extra.get("stored_triples")
                if stored is not None and stored != data.triples:
                    res.notes.append(f"{res.engine.label} reports {stored:,} stored triples "
                                     f"for {data.triples:,} in the file")
            if not keep and run_dir.exists():
                shutil.rmtree(run_dir)
        results.extend(row)
    return results


# ---------------------------------------------------------------------- reporting

def render_report(results: list[Result], datasets: list[Dataset], engines: list[Engine],
                  args: argparse.Namespace, command_line: str) -> str:
    machine = benchkit.machine_info()
    baselines = {r.data.syntax: r for r in results if r.engine.baseline and not r.failure}

    rows = []
    for r in results:
        if r.failure:
            rows.append([r.engine.label, SYNTAXES[r.data.syntax], benchkit.fmt_int(r.data.triples),
                         "FAILED", "—", "—", "—", "—"])
            continue
        db = r.db_bytes
        base = baselines.get(r.data.syntax)
        ratio = (r.triples_per_s / base.triples_per_s
                 if base and r.triples_per_s and base.triples_per_s else None)
        rows.append([
            r.engine.label, SYNTAXES[r.data.syntax], benchkit.fmt_int(r.data.triples),
            benchkit.fmt_float(r.seconds), benchkit.fmt_int(r.triples_per_s),
            benchkit.fmt_float(r.rss_mib, 1),
            benchkit.fmt_float(db / r.data.triples if db is not None else None, 1),
            benchkit.fmt_float(ratio, 2) if ratio is not None else "—",
        ])
    table = benchkit.markdown_table(
        ["engine", "syntax", "triples", "seconds", "triples/s", "peak RSS MiB",
         "DB bytes/triple", "triples/s vs rapper -c"],
        rows, align="llrrrrrr")

    versions = [e.version() or f"{e.label}: no version answer" for e in engines]
    data_line = "; ".join(
        f"{SYNTAXES[d.syntax]} {d.path.stat().st_size / 1e6:.1f} MB (generated in {d.generate_s:.1f} s)"
        for d in datasets)
    first = datasets[0]
    header = benchkit.markdown_table(["", ""], [
        ["date", benchkit.now_utc()],
        ["machine", f"{machine['cpu']}, {machine['cores']} logical cores, {machine['memory']} RAM"],
        ["system", machine["os"]],
        ["versions", "; ".join(versions)],
        ["data", f"{first.triples:,} triples in {first.resources:,} resources "
                 f"(seed {args.seed}, {args.publishers} publishers); {data_line}"],
        ["method", f"median of {args.repeat} runs under `/usr/bin/time -v`, engines "
                   "interleaved, file in the page cache, a fresh database for every run"],
        ["command", f"`{command_line}`"],
    ])

    detail_rows = []
    for r in results:
        if r.failure:
            continue
        walls = " / ".join(f"{m.wall_s:.2f}" for m in r.runs)
        cpu = " / ".join(f"{m.user_s + m.sys_s:.2f}" for m in r.runs)
        rss = " / ".join(f"{m.max_rss_mib:.0f}" for m in r.runs)
        db = benchkit.fmt_int(r.db_bytes) if r.engine.stores else "—"
        counted = r.runs[-1].extra.get("reported_triples") or r.extra.get("stored_triples")
        detail_rows.append([r.engine.label, SYNTAXES[r.data.syntax], walls, cpu, rss, db,
                            benchkit.fmt_int(counted)])
    details = benchkit.markdown_table(
        ["engine", "syntax", "wall s (each run)", "CPU s user+sys", "peak RSS MiB", "DB bytes",
         "triples it reports"],
        detail_rows, align="llrrrrr")

    parts = [
        "# Load benchmark: publishing RDF into the SQLite quad store", "",
        "Written by `Benchmarks/load_benchmark.py`; see `Benchmarks/README.md` for what "
        "the columns mean and how to rerun it.", "",
        header, "", table, "",
        "## Every run", "", details, "",
    ]
    notes = [n for r in results for n in r.notes]
    notes += [f"{r.engine.label} on {SYNTAXES[r.data.syntax]} failed: "
              f"{r.failure.splitlines()[0]}" for r in results if r.failure]
    if notes:
        parts += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(parts)


# --------------------------------------------------------------------------- main

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Time rapper -c and grapevine publish on a generated catalogue.")
    ap.add_argument("--triples", type=int, default=1_000_000, help="catalogue size (default 1000000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--publishers", type=int, default=8)
    ap.add_argument("--syntaxes", default="ntriples,turtle",
                    help=f"comma-separated, from {', '.join(SYNTAXES)} (default both)")
    ap.add_argument("--engines", default="rapper,grapevine",
                    help=f"comma-separated, from {', '.join(ENGINES)} (default rapper,grapevine; "
                         "Benchmarks/bench.py runs all four)")
    ap.add_argument("--grapevine", default=str(REPO / ".build" / "release" / "grapevine"),
                    help="grapevine binary (default .build/release/grapevine)")
    ap.add_argument("--graph", default=DEFAULT_GRAPH, help="named graph to publish into")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is kept")
    ap.add_argument("--out", default=str(HERE / "RESULTS-load.md"),
                    help="Markdown report (default Benchmarks/RESULTS-load.md); '-' for none")
    ap.add_argument("--workdir", default="/tmp/grapevine-bench",
                    help="generated data (cached) and scratch databases")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed per run")
    ap.add_argument("--keep", action="store_true", help="keep the last database of each engine")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    args.engine_names = [e.strip() for e in args.engines.split(",") if e.strip()]
    args.syntax_names = [s.strip() for s in args.syntaxes.split(",") if s.strip()]
    for e in args.engine_names:
        if e not in ENGINES:
            ap.error(f"unknown engine {e!r}; known: {', '.join(ENGINES)}")
    for s in args.syntax_names:
        if s not in SYNTAXES:
            ap.error(f"unknown syntax {s!r}; known: {', '.join(SYNTAXES)}")
    if not args.engine_names or not args.syntax_names:
        ap.error("need at least one engine and one syntax")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command_line = shlex.join(["python3", "Benchmarks/load_benchmark.py",
                               *(sys.argv[1:] if argv is None else argv)])
    engines = [ENGINES[name](args) for name in args.engine_names]
    try:
        benchkit.require_gnu_time()
        for engine in engines:
            engine.check()
    except BenchmarkError as exc:
        print(f"load_benchmark: {exc}", file=sys.stderr)
        return 2

    workdir = Path(args.workdir)
    print(f"load_benchmark: data in {workdir}", file=sys.stderr)
    datasets = [ensure_dataset(workdir, s, args.triples, args.seed, args.publishers)
                for s in args.syntax_names]
    results = run_benchmark(engines, datasets, args.repeat, workdir, args.timeout, args.keep)

    report = render_report(results, datasets, engines, args, command_line)
    print(report)
    failed = [r for r in results if r.failure]
    for r in failed:
        print(f"\nload_benchmark: {r.engine.label} on {SYNTAXES[r.data.syntax]} failed:\n"
              f"{r.failure}", file=sys.stderr)
    if failed:
        print("load_benchmark: not writing the report because a run failed", file=sys.stderr)
        return 1
    if args.out != "-":
        Path(args.out).write_text(report)
        print(f"load_benchmark: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
