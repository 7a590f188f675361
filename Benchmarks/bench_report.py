"""RESULTS.md and results.png for bench.py, from the results it gathered (results.json).

Kept apart from the measuring so the report can be redrawn from a results.json alone:

    python3 Benchmarks/bench_report.py Benchmarks/results.json   # rewrites RESULTS.md and results.png beside it

Every ratio is Grapevine's figure divided by the peer's, so the target reads directly: triples/s
≥ 1.5 means Grapevine loads 1.5 times as fast, a median ratio ≤ 1 means its query is at least as
fast. The one exception is the keyword search, which the issue states as a speed-up: the fastest
peer's REGEX median divided by Grapevine's text search median.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchkit  # noqa: E402

ENGINE_LABELS = {"grapevine": "Grapevine", "pyoxigraph": "pyoxigraph", "rdflib": "rdflib", "rapper": "rapper -c"}
COLOURS = {"grapevine": "#2e7d32", "pyoxigraph": "#1565c0", "rdflib": "#ef6c00", "rapper": "#757575"}
PEERS = ("pyoxigraph", "rdflib")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def fmt_ratio(x: float | None) -> str:
    return "—" if x is None else (f"{x:,.0f}×" if x >= 100 else f"{x:.2f}×")


def fmt_ms(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.0f}" if x >= 100 else f"{x:.2f}" if x >= 1 else f"{x:.3f}"


def verdict(met: bool | None) -> str:
    return "n/a" if met is None else "met" if met else "**missed**"


# ------------------------------------------------------------------------ figures

def peer_versions(results: dict) -> dict:
    """Engine versions the sections found (load asks the tools, query the peer processes)."""
    versions = {}
    for name, version in results.get("load", {}).get("versions", {}).items():
        if name != "grapevine" and version:
            versions[name] = version
    versions.update(results.get("query", {}).get("versions", {}))
    return versions


def load_rows(results: dict, size: int) -> dict[str, dict]:
    return {r["engine"]: r for r in results.get("load", {}).get("rows", []) if r["size"] == size and not r.get("failure")}


def median_of(query: dict, engine: str) -> float | None:
    outcome = query["engines"].get(engine, {})
    return outcome.get("median_ms") if outcome.get("status") == "ok" else None


def targets(results: dict) -> list[dict]:
    """Each target of the issue, per size, as a value, its goal and met / missed (None: no data)."""
    found = []

    def add(section, size, what, value, goal, met, rows_differ=False):
        # A speed is only worth comparing when the engines returned the same rows.
        found.append({"section": section, "size": size, "what": what, "value": value, "goal": goal,
                      "met": None if value is None or rows_differ else met, "rows_differ": rows_differ})

    for size in sorted({r["size"] for r in results.get("load", {}).get("rows", [])}):
        rows = load_rows(results, size)
        gv, ox, rd = rows.get("grapevine", {}), rows.get("pyoxigraph", {}), rows.get("rdflib", {})
        speed_ox = ratio(gv.get("triples_per_s"), ox.get("triples_per_s"))
        add("load", size, "load triples/s ÷ pyoxigraph", speed_ox, "≥ 1.5×", speed_ox is not None and speed_ox >= 1.5)
        speed_rd = ratio(gv.get("triples_per_s"), rd.get("triples_per_s"))
        add("load", size, "load triples/s ÷ rdflib", speed_rd, "≥ 10×", speed_rd is not None and speed_rd >= 10)
        memory = ratio(gv.get("peak_rss_mib"), ox.get("peak_rss_mib"))
        add("load", size, "load peak memory ÷ pyoxigraph", memory, "≤ 0.25×", memory is not None and memory <= 0.25)
    for block in results.get("query", {}).get("sizes", []):
        for query in block["queries"]:
            differ = query["agree"] is False
            if query["name"] == "keyword":
                value = keyword_speedup(query)
                add("query", block["size"], "keyword search: fastest peer REGEX ÷ Grapevine text search",
                    value, "≥ 100×", value is not None and value >= 100, differ)
            else:
                value = ratio(median_of(query, "grapevine"), median_of(query, "pyoxigraph"))
                add("query", block["size"], f"{query['name']} median ÷ pyoxigraph", value, "≤ 1×",
                    value is not None and value <= 1, differ)
    for row in results.get("gossip", {}).get("rows", []):
        value = row.get("ratio")
        add("gossip", row["nodes"], f"convergence ÷ ideal push-pull ({row['dead']:.0%} dead, {row['loss']:.0%} loss)",
            value, "≤ 1.25×", value is not None and value <= 1.25)
    return found


def keyword_speedup(query: dict) -> float | None:
    """Fastest peer REGEX median ÷ Grapevine's text search median."""
    peers = [m for m in (median_of(query, e) for e in PEERS) if m is not None]
    return ratio(min(peers), median_of(query, "grapevine")) if peers else None


# ----------------------------------------------------------------------- Markdown

def header(results: dict) -> list[str]:
    machine = results["machine"]
    versions = "; ".join(f"{v}" if v and v.lower().startswith(k[:4]) else f"{k} {v}"
                         for k, v in results["versions"].items())
    data = "; ".join(f"{d['triples']:,} triples in {d['resources']:,} resources "
                     f"(N-Triples, {d['bytes'] / 1e6:.1f} MB)" for d in results.get("data", []))
    rows = [["date", results["date"]],
            ["machine", f"{machine['cpu']}, {machine['cores']} logical cores, {machine['memory']} RAM"],
            ["system", f"{machine['os']}; Python {machine['python']}"],
            ["versions", versions],
            ["data", data or "—"],
            ["command", f"`{results['command']}`"]]
    return [benchkit.markdown_table(["", ""], rows), ""]


def targets_section(results: dict) -> list[str]:
    rows = [[t["section"], f"{t['size']:,}", t["what"], fmt_ratio(t["value"]), t["goal"],
             "n/a: results differ" if t.get("rows_differ") else verdict(t["met"])]
            for t in results.get("targets", [])]
    if not rows:
        return []
    met = sum(1 for t in results["targets"] if t["met"])
    known = sum(1 for t in results["targets"] if t["met"] is not None)
    return ["## Targets", "", f"{met} of {known} met (ratios from this one run; n/a: no figure to compare, "
            "or the engines' rows differ, so their speeds don't compare).", "",
            benchkit.markdown_table(["section", "size", "target", "value", "goal", ""], rows, "lrlrll"), ""]


def failed(section: dict) -> list[str]:
    return [f"Not run: {section.get('failure') or section.get('skipped')}", ""]


def load_section(results: dict) -> list[str]:
    section = results.get("load")
    if not section:
        return []
    parts = ["## Load", "",
             "A fresh store per run, the file already in the page cache; median of the runs under "
             "`/usr/bin/time -v` (wall time of the whole process, peak RSS). Ratio columns: Grapevine ÷ "
             "that engine (triples/s: higher is better for Grapevine; memory: lower is).", ""]
    if "rows" not in section:
        return parts + failed(section)
    rows = []
    for size in sorted({r["size"] for r in section["rows"]}):
        by_engine = load_rows(results, size)
        gv = by_engine.get("grapevine", {})
        for r in (r for r in section["rows"] if r["size"] == size):
            if r.get("failure"):
                rows.append([f"{size:,}", r["label"], "FAILED", "—", "—", "—", "—", "—", "—"])
                continue
            own = r["engine"] == "grapevine"
            speed = None if own else ratio(gv.get("triples_per_s"), r["triples_per_s"])
            memory = None if own or r["engine"] == "rapper" else ratio(gv.get("peak_rss_mib"), r["peak_rss_mib"])
            goal = {"pyoxigraph": (speed, 1.5, memory), "rdflib": (speed, 10, None)}.get(r["engine"])
            target = "ceiling" if r["engine"] == "rapper" else "—" if goal is None else " · ".join(
                [f"speed {verdict(goal[0] is not None and goal[0] >= goal[1]) if goal[0] is not None else 'n/a'}"]
                + ([f"memory {verdict(goal[2] <= 0.25) if goal[2] is not None else 'n/a'}"] if r["engine"] == "pyoxigraph" else []))
            disk = "n/a (in memory)" if r["engine"] == "rdflib" else "—" if r.get("disk_bytes") is None else \
                f"{r['disk_bytes'] / 1e6:,.1f}"
            rows.append([f"{size:,}", r["label"], f"{r['seconds']:.2f}" + ("" if r["runs"] > 1 else " (1 run)"),
                         benchkit.fmt_int(r["triples_per_s"]), f"{r['peak_rss_mib']:,.0f}", disk,
                         fmt_ratio(speed), fmt_ratio(memory), target])
    parts.append(benchkit.markdown_table(
        ["triples", "engine", "seconds", "triples/s", "peak RSS MiB", "disk MB", "GV ÷ engine triples/s",
         "GV ÷ engine peak RSS", "target"], rows, "llrrrrrrl"))
    parts += [""] + [f"- {name} skipped: {why}" for name, why in section.get("skipped", {}).items()]
    return parts + [""]


def cell(query: dict, engine: str) -> tuple[str, str]:
    """Median and p95 of one engine, or why there are none."""
    outcome = query["engines"].get(engine, {})
    if outcome.get("status") != "ok":
        return outcome.get("status", "—"), "—"
    runs = "" if outcome.get("runs", 0) >= 2 else " (1 run)"
    return fmt_ms(outcome["median_ms"]) + runs, fmt_ms(outcome["p95_ms"])


def agreement(query: dict) -> str:
    if query["agree"] is None:
        return "n/a"
    if query["agree"]:
        return "yes" if query.get("match") == "exact" else "values¹"
    return "**no**"


def query_section(results: dict) -> list[str]:
    section = results.get("query")
    if not section:
        return []
    parts = ["## Query mix", "",
             f"Latency in ms, measured inside each engine (Grapevine: `grapevine query --repeat {section.get('repeat')}`; "
             "pyoxigraph and rdflib: in a Python process of their own), from parsing the query to the last "
             f"solution materialised. Up to {section.get('repeat')} runs per query; a peer stops repeating once a "
             f"query has used {section.get('peer_budget_s'):g} s, and a run over {section.get('timeout_s'):g} s is "
             "reported as a timeout. \"agree\": every engine that answered returned the same rows (as N-Triples "
             "terms; blank nodes as `_:`; in order for ORDER BY + LIMIT). The keyword row times Grapevine's text "
             "search against the peers' REGEX query and compares their rows.", ""]
    if "sizes" not in section:
        return parts + failed(section)
    disagreements = []
    for block in section["sizes"]:
        rows = []
        for q in block["queries"]:
            gv, ox, rd = cell(q, "grapevine"), cell(q, "pyoxigraph"), cell(q, "rdflib")
            counts = {o.get("count") for o in q["engines"].values() if o.get("status") == "ok"}
            count = benchkit.fmt_int(counts.pop()) if len(counts) == 1 else " / ".join(
                f"{o.get('count', '—')}" for o in q["engines"].values())
            if q["name"] == "keyword":
                speedup = keyword_speedup(q)
                ratios = [f"speed-up {fmt_ratio(speedup)}", "vs fastest REGEX"]
                target = f"≥100×: {verdict(None if speedup is None else speedup >= 100)}"
            else:
                r_ox = ratio(median_of(q, "grapevine"), median_of(q, "pyoxigraph"))
                ratios = [fmt_ratio(r_ox), fmt_ratio(ratio(median_of(q, "grapevine"), median_of(q, "rdflib")))]
                target = f"≤1×: {verdict(None if r_ox is None else r_ox <= 1)}"
            if q["agree"] is False:
                target = "n/a: results differ"
            rows.append([q["name"], count, agreement(q), *gv, *ox, *rd, *ratios, target])
            if q["agree"] is False:
                disagreements.append((block["size"], q))
        parts += [f"### {block['size']:,} triples", "",
                  benchkit.markdown_table(
                      ["query", "results", "agree", "GV median", "GV p95", "oxigraph median", "oxigraph p95",
                       "rdflib median", "rdflib p95", "GV ÷ oxigraph median", "GV ÷ rdflib median", "target"],
                      rows, "lrlrrrrrrrrl"), ""]
        parts += [f"- {n}" for n in block.get("notes", [])] + [""]
    spelled = sorted({f"{q['name']} ({', '.join(sorted(q.get('differences', {})))})"
                      for block in section["sizes"] for q in block["queries"] if q.get("match") == "values"})
    if spelled:
        parts += [f"¹ The same values, spelled differently by an engine: {'; '.join(spelled)}. Known cases: "
                  "pyoxigraph returns xsd:nonNegativeInteger as xsd:integer, rdflib writes a UTC xsd:dateTime "
                  "with +00:00 instead of Z. The differing cells are in results.json.", ""]
    for size, q in disagreements:
        parts += [f"**{q['name']} at {size:,} triples: the engines disagree** (reference {q['reference']}):", "",
                  "```", json.dumps(q["differences"], indent=1, ensure_ascii=False)[:3000], "```", ""]
    first = section["sizes"][0]["queries"] if section["sizes"] else []
    parts += ["Queries (prefixes gv:, dcterms:, xsd:):", ""]
    parts += [f"- **{q['name']}** ({q['what']}): `{q['text']}`" for q in first]
    return parts + [""]


def endpoint_section(results: dict) -> list[str]:
    section = results.get("endpoint")
    if not section:
        return []
    parts = ["## Endpoint", ""]
    if "rows" not in section:
        return parts + failed(section)
    parts += [f"`grapevine serve` over the {section['size']:,}-triple store, wrk -t{section['threads']} "
              f"-c{section['connections']} -d{section['duration_s']}s on loopback (wrk and the node share the "
              "cores, so this is a floor). No peer runs a server here (pyoxigraph's is a separate CLI), so "
              "there is no ratio.", ""]
    rows = [[m["name"], m["what"], benchkit.fmt_int(m["rps"]), fmt_ms(m["p50"]), fmt_ms(m["p90"]), fmt_ms(m["p99"]),
             benchkit.fmt_int(m["requests"]), benchkit.fmt_int(m["errors"])] for m in section["rows"]]
    parts.append(benchkit.markdown_table(["query", "what", "requests/s", "p50 ms", "p90 ms", "p99 ms", "requests",
                                          "non-2xx"], rows, "llrrrrrr"))
    return parts + [""]


def gossip_section(results: dict) -> list[str]:
    section = results.get("gossip")
    if not section:
        return []
    parts = ["## Gossip", ""]
    if "rows" not in section:
        return parts + failed(section)
    parts += ["`grapevine simulate`: the node's own protocol code over an in-memory transport, rounds from one "
              "publication until every live node holds it, against an ideal push-pull model on the same seeds.", ""]
    rows = []
    for r in section["rows"]:
        if r.get("failure"):
            rows.append([f"{r['nodes']:,}", f"{r['dead']:.0%} / {r['loss']:.0%}", "FAILED"] + ["—"] * 7)
            continue
        rows.append([f"{r['nodes']:,}", f"{r['dead']:.0%} / {r['loss']:.0%}", str(r["seeds"]),
                     f"{r['protocol_median']:g} / {r['protocol_worst']:g}", f"{r['ideal_median']:g} / {r['ideal_worst']:g}",
                     fmt_ratio(r["ratio"]), benchkit.fmt_int(r["bytes_per_node_round"]),
                     f"{r['wall_s']:.1f}", f"{r['peak_rss_mib']:,.0f}", f"≤1.25×: {verdict(r['ratio'] <= 1.25)}"])
    parts.append(benchkit.markdown_table(
        ["nodes", "dead / loss", "seeds", "rounds median / worst", "ideal median / worst", "GV ÷ ideal",
         "bytes/node/round", "wall s", "peak MiB", "target"], rows, "lrrrrrrrrl"))
    return parts + [""]


def mail_section(results: dict) -> list[str]:
    section = results.get("mail")
    if not section:
        return []
    parts = ["## Mail", ""]
    if "queued" not in section:
        return parts + failed(section)
    parts += [f"A Red Rover hub with {section['resources']:,} resources and {section['subscribers']:,} keyword "
              "subscribers renders and queues one digest for each (`grapevine rover send --queue-only`: hint "
              "selection, the signed plain-text mail, the outbox) in one process. SMTP delivery is measured by "
              "`rover_benchmark.py`.", ""]
    rows = [[benchkit.fmt_int(section["subscribers"]), benchkit.fmt_int(section["queued"]),
             f"{section['wall_s']:.2f}", f"{section['cpu_s']:.2f}", benchkit.fmt_int(section["mails_per_s"]),
             f"{section['peak_rss_mib']:,.0f}", f"{section['outbox_bytes'] / 1e6:,.1f}", benchkit.fmt_int(section["hints"])]]
    parts.append(benchkit.markdown_table(["subscribers", "digests queued", "wall s", "CPU s", "digests/s",
                                          "peak RSS MiB", "outbox MB", "hints"], rows, "rrrrrrrr"))
    return parts + [""]


def markdown(results: dict) -> str:
    title = "# Grapevine against its peers" + (" (smoke run: tiny sizes, figures mean nothing)" if results.get("smoke") else "")
    parts = [title, "",
             "Written by `Benchmarks/bench.py` (`make bench`); `Benchmarks/README.md` says how each figure is "
             "measured. Raw figures: `results.json`; chart: `results.png`.", ""]
    parts += header(results)
    for section in (targets_section, load_section, query_section, endpoint_section, gossip_section, mail_section):
        parts += section(results)
    return "\n".join(parts).rstrip() + "\n"


# ---------------------------------------------------------------------------- chart

def chart(results: dict, path: Path) -> Path | None:
    """Load rate per engine per size, and query median per query per engine (log scales)."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib is not installed; no chart", file=sys.stderr)
        return None
    load = [r for r in results.get("load", {}).get("rows", []) if not r.get("failure")]
    blocks = results.get("query", {}).get("sizes", [])
    panels = (1 if load else 0) + len(blocks)
    if not panels:
        return None
    figure, axes = plt.subplots(panels, 1, figsize=(11, 4.2 * panels), squeeze=False)
    axes = list(axes[:, 0])
    if load:
        draw_load(axes.pop(0), load)
    for axis, block in zip(axes, blocks):
        draw_queries(axis, block)
    figure.suptitle(f"Grapevine and its peers — {results['date']}, {results['machine']['cores']} cores", fontsize=12)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def grouped_bars(axis, groups: list[str], engines: list[str], value) -> None:
    """Bars per group, one per engine, labelled with their value; missing values left blank."""
    width = 0.8 / max(1, len(engines))
    for i, engine in enumerate(engines):
        xs, ys = [], []
        for g, group in enumerate(groups):
            v = value(group, engine)
            if v:
                xs.append(g + (i - (len(engines) - 1) / 2) * width)
                ys.append(v)
        bars = axis.bar(xs, ys, width, label=ENGINE_LABELS.get(engine, engine), color=COLOURS.get(engine))
        axis.bar_label(bars, labels=[compact(y) for y in ys], fontsize=7, padding=1)
    axis.set_xticks(range(len(groups)))
    axis.set_yscale("log")
    bottom, top = axis.get_ylim()
    axis.set_ylim(bottom, top * 6)  # headroom so the legend never covers a bar
    axis.legend(fontsize=8, loc="upper left", ncol=len(engines))
    axis.grid(axis="y", which="major", alpha=0.3)


def compact(value: float) -> str:
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.2g}" if value < 1 else f"{value:.3g}"


def draw_load(axis, rows: list[dict]) -> None:
    sizes = sorted({r["size"] for r in rows})
    engines = [e for e in ("grapevine", "pyoxigraph", "rdflib", "rapper") if any(r["engine"] == e for r in rows)]
    rate = {(r["size"], r["engine"]): r["triples_per_s"] for r in rows}
    grouped_bars(axis, [str(s) for s in sizes], engines, lambda size, engine: rate.get((int(size), engine)))
    axis.set_xticklabels([f"{s:,} triples" for s in sizes])
    axis.set_ylabel("triples loaded per second (log)")
    axis.set_title("Load rate (higher is better; rapper -c only parses)")


def draw_queries(axis, block: dict) -> None:
    queries = [q["name"] for q in block["queries"]]
    engines = ["grapevine", *PEERS]
    by_name = {q["name"]: q for q in block["queries"]}
    grouped_bars(axis, queries, engines, lambda name, engine: median_of(by_name[name], engine))
    axis.set_xticklabels([n + ("\n(peers: REGEX)" if n == "keyword" else "") for n in queries], fontsize=8)
    axis.set_ylabel("median latency, ms (log)")
    axis.set_title(f"Query median latency at {block['size']:,} triples (lower is better)")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: bench_report.py results.json", file=sys.stderr)
        return 2
    source = Path(argv[0])
    results = json.loads(source.read_text())
    (source.parent / "RESULTS.md").write_text(markdown(results))
    chart(results, source.parent / "results.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
