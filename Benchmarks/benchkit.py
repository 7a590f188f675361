"""Shared helpers for Grapevine's benchmark programs.

Nothing here knows about RDF or Grapevine: it runs a command under GNU time, reads
back wall time and peak memory, describes the machine and formats Markdown tables.
Each benchmark program (load_benchmark.py today; query and comparison suites later)
builds on these so that every report measures and prints things the same way.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

GNU_TIME = "/usr/bin/time"


class BenchmarkError(RuntimeError):
    """A setup problem the user must fix (missing tool, missing binary...)."""


@dataclass
class Measurement:
    """One run of one command, as GNU time saw it."""

    argv: list[str]
    returncode: int
    wall_s: float            # elapsed wall-clock seconds (GNU time, 10 ms resolution)
    user_s: float            # CPU seconds in user mode
    sys_s: float             # CPU seconds in the kernel
    max_rss_kib: int         # peak resident set size, KiB (ru_maxrss of the child)
    stdout: str = ""
    stderr: str = ""
    extra: dict = field(default_factory=dict)  # whatever the benchmark adds (sizes, counts)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def max_rss_mib(self) -> float:
        return self.max_rss_kib / 1024.0


def require_gnu_time() -> None:
    if not os.access(GNU_TIME, os.X_OK):
        raise BenchmarkError(
            f"{GNU_TIME} not found: install GNU time (Debian: apt-get install -y time). "
            "The shell's `time` keyword cannot report peak memory.")


def _parse_elapsed(text: str) -> float:
    # "h:mm:ss" or "m:ss.cc"
    seconds = 0.0
    for part in text.strip().split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def parse_gnu_time_verbose(report: str) -> dict:
    """Pick the figures we use out of `/usr/bin/time -v` output."""
    values: dict = {}
    for line in report.splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if not sep:
            continue
        if key == "User time (seconds)":
            values["user_s"] = float(value)
        elif key == "System time (seconds)":
            values["sys_s"] = float(value)
        elif key.startswith("Elapsed (wall clock) time"):
            values["wall_s"] = _parse_elapsed(value)
        elif key == "Maximum resident set size (kbytes)":
            values["max_rss_kib"] = int(value)
        elif key == "Exit status":
            values["exit_status"] = int(value)
    missing = {"user_s", "sys_s", "wall_s", "max_rss_kib"} - values.keys()
    if missing:
        raise ValueError(f"unexpected GNU time output, missing {sorted(missing)}:\n{report}")
    return values


def measure(argv: Sequence[str], *, cwd: str | os.PathLike | None = None,
            timeout: float | None = None, env: dict | None = None) -> Measurement:
    """Run `argv` under `/usr/bin/time -v` and return what it measured.

    GNU time writes its report to a separate file (-o), so the command's own stdout
    and stderr stay untouched and are captured here.
    """
    require_gnu_time()
    argv = [str(a) for a in argv]
    with tempfile.NamedTemporaryFile("r", prefix="gnu-time-", suffix=".txt") as report:
        try:
            proc = subprocess.run([GNU_TIME, "-v", "-o", report.name, *argv], cwd=cwd,
                                  env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                  text=True, errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            return Measurement(argv, -1, float(timeout or 0), 0.0, 0.0, 0,
                               _text(exc.stdout), _text(exc.stderr) + f"\n[timed out after {timeout} s]")
        text = Path(report.name).read_text(errors="replace")
    try:
        values = parse_gnu_time_verbose(text)
    except ValueError:
        # The command could not be started at all (GNU time reports and exits 126/127).
        return Measurement(argv, proc.returncode or 127, 0.0, 0.0, 0.0, 0,
                           proc.stdout, proc.stderr + text)
    return Measurement(argv, proc.returncode, values["wall_s"], values["user_s"],
                       values["sys_s"], values["max_rss_kib"], proc.stdout, proc.stderr)


def _text(data) -> str:
    if data is None:
        return ""
    return data.decode(errors="replace") if isinstance(data, bytes) else data


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def tool_version(argv: Sequence[str], timeout: float = 20) -> str | None:
    """First non-empty line a tool prints for its version flag, or None if it doesn't answer."""
    if shutil.which(argv[0]) is None and not os.access(argv[0], os.X_OK):
        return None
    try:
        proc = subprocess.run(list(argv), capture_output=True, text=True, errors="replace",
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    for line in (proc.stdout + "\n" + proc.stderr).splitlines():
        if line.strip():
            return line.strip()
    return None


def machine_info() -> dict[str, str]:
    """CPU model, logical cores, memory and OS, as plain strings for a report header."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    os_name = platform.system()
    try:
        match = re.search(r'^PRETTY_NAME="?([^"\n]*)', Path("/etc/os-release").read_text(), re.M)
        if match:
            os_name = match.group(1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "memory": memory,
        "os": f"{os_name}, kernel {platform.release()}",
        "python": platform.python_version(),
    }


def now_utc() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]],
                   align: str | None = None) -> str:
    """A GitHub Markdown table; `align` has one of l/r/c per column (default: all left)."""
    rows = [[str(c) for c in row] for row in rows]
    align = align or "l" * len(headers)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    rule = {"l": lambda w: ":" + "-" * (w - 1), "r": lambda w: "-" * (w - 1) + ":",
            "c": lambda w: ":" + "-" * (w - 2) + ":"}

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, width, a in zip(cells, widths, align):
            out.append(cell.rjust(width) if a == "r" else cell.ljust(width))
        return "| " + " | ".join(out) + " |"

    parts = [line(headers), "| " + " | ".join(rule[a](max(w, 3)) for a, w in zip(align, widths)) + " |"]
    parts += [line(r) for r in rows]
    return "\n".join(parts)


def fmt_int(n: float | int | None) -> str:
    return "—" if n is None else f"{int(round(n)):,}"


def fmt_float(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def file_bytes(paths: Iterable[Path]) -> int:
    """Sum of the sizes of those paths that exist."""
    return sum(p.stat().st_size for p in paths if p.exists())


def warm_page_cache(path: Path) -> None:
    """Read a file once so the first measured engine doesn't pay for the disk alone."""
    with open(path, "rb") as f:
        while f.read(1 << 22):
            pass


def write_report(text: str, out: str, program: str) -> None:
    """Writes a Markdown report to `out`, or to standard output when `out` is "-"."""
    if out == "-":
        print(text)
        return
    Path(out).write_text(text)
    print(f"{program}: wrote {out}", file=sys.stderr)
