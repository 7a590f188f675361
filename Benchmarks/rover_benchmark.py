#!/usr/bin/env python3
"""Red Rover benchmark: how fast does a hub render, queue and deliver hint mails, and how fast
does a subscriber import one?

    swift build -c release && python3 Benchmarks/rover_benchmark.py

Needs Python 3.10+, aiosmtpd (`pip install aiosmtpd`, for Tests/MailTests/smtp_server.py) and
GNU time (`apt-get install -y time`). Writes Benchmarks/RESULTS-rover.md when every step
succeeded; otherwise prints the failing command's output and exits 1.

What it does, with the release `grapevine`:

1. Generates a seeded catalogue of about --resources resources (generate_catalogue.py, N-Triples)
   and publishes it into a fresh hub store (`grapevine publish`).
2. Adds --subscribers active subscribers with one or two keywords each from the catalogue's
   subject vocabulary. They are written straight into the `subscribers` table, in exactly the
   form `grapevine rover subscribe` writes (checked against a row the CLI itself made), because
   10,000 process starts would measure process starts; `grapevine rover list` then reads them
   back and must count them all.
3. Rendering and queueing: `grapevine rover send --queue-only` selects each subscriber's hints
   (keyword search, scattering, exposure log), renders the plain-text mail with its signed block
   and queues it in the outbox, in one run. Reported: mails queued per second of wall time.
4. Delivery: `grapevine rover send` delivers that outbox through a real SMTP server on loopback
   (aiosmtpd, storing every message in a Maildir). Reported: mails delivered per second, and the
   server must hold as many messages as were sent.
5. Receiving: for --receive-sample delivered mails, `grapevine hints receive < mail` into a fresh
   subscriber store each (what a mail filter does for one subscriber), timed one by one.

The generator dates the locations' expiry between 2025 and 2027; this benchmark moves every
gv:validUntil ten years on (2035–2037), so hub and subscriber both run at the real time and the
hints are live, as they would be in use.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchkit  # noqa: E402
import generate_catalogue  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SMTP_SERVER = ROOT / "Tests" / "MailTests" / "smtp_server.py"
HUB_FROM = "Red Rover bench <hub@hints.example.org>"


def run(argv, *, stdin=None, check=True) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in argv], input=stdin, capture_output=True)
    if check and proc.returncode != 0:
        raise benchkit.BenchmarkError(
            f"{' '.join(map(str, argv))} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}"
            f"{proc.stdout.decode(errors='replace')[-2000:]}")
    return proc


def checked(measurement: benchkit.Measurement) -> benchkit.Measurement:
    if not measurement.ok:
        raise benchkit.BenchmarkError(
            f"{' '.join(measurement.argv)} exited {measurement.returncode}:\n{measurement.stderr[-4000:]}")
    return measurement


def catalogue(workdir: Path, resources: int, seed: int) -> tuple[Path, int]:
    """A cached N-Triples catalogue of about `resources` resources, its locations valid until
    2035–2037 (the generator's years plus ten), and its exact resource count."""
    path = workdir / f"rover-catalogue-{resources}-{seed}-plus10y.nt"
    if not path.exists():
        # Triples per resource, measured on a sample of the same generator.
        import io
        sample = io.StringIO()
        generate_catalogue.generate(sample, triples=200_000, fmt="ntriples", seed=seed, publishers=8)
        per_resource = 200_000 / sample.getvalue().count(f"<{generate_catalogue.GV}Resource> .")
        generated = io.StringIO()
        generate_catalogue.generate(generated, triples=int(resources * per_resource), fmt="ntriples", seed=seed, publishers=8)
        until = f"<{generate_catalogue.GV}validUntil> \"20"
        with open(path.with_suffix(".tmp"), "w") as out:
            for line in generated.getvalue().splitlines(keepends=True):
                if until in line:
                    line = re.sub(r'validUntil> "20(2[5-7])-', lambda m: f'validUntil> "20{int(m.group(1)) + 10}-', line)
                out.write(line)
        path.with_suffix(".tmp").rename(path)
    count = sum(1 for line in open(path) if line.rstrip().endswith(f"<{generate_catalogue.GV}Resource> ."))
    return path, count


def add_subscribers(grapevine: str, db: Path, count: int, seed: int) -> None:
    """`count` active keyword subscribers, written as `rover subscribe` writes them."""
    run([grapevine, "rover", "subscribe", "--db", db, "template@subscribers.example.net",
         "--interest", "rainfall", "--keywords"])
    connection = sqlite3.connect(db)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(subscribers)")]
    template = dict(zip(columns, connection.execute(
        "SELECT * FROM subscribers WHERE address = 'template@subscribers.example.net'").fetchone()))
    expected = {"interest_kind": "keywords", "every_seconds": 86400, "max_hints": 10, "status": "active"}
    if any(template[key] != value for key, value in expected.items()) or not re.fullmatch(r"[0-9a-f]{32}", template["token"]):
        raise benchkit.BenchmarkError(f"`rover subscribe` wrote a row this benchmark does not know how to copy: {template}")
    connection.execute("DELETE FROM subscribers")
    rng = random.Random(seed)
    keywords = generate_catalogue.KEYWORDS
    rows = []
    for n in range(count):
        interest = " ".join(rng.sample(keywords, 1 + rng.randrange(2)))
        rows.append((f"s{n}@subscribers.example.net", interest, "keywords", 86400, 10, "active",
                     "%032x" % rng.getrandbits(128), "2024-12-01T00:00:00Z", None))
    connection.executemany(
        "INSERT INTO subscribers(address, interest, interest_kind, every_seconds, max_hints, status, token, created, last_sent)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.close()
    listed = run([grapevine, "rover", "list", "--db", db]).stdout.decode().splitlines()
    if len(listed) - 1 != count:
        raise benchkit.BenchmarkError(f"`rover list` shows {len(listed) - 1} subscribers, not {count}")


def sent_counts(output: str) -> dict[str, int]:
    """`queued 3 (3 due, 0 with nothing new), sent 3, deferred 0, failed 0` as numbers."""
    counts = {key: int(value) for value, key in re.findall(r"(\d+) (due|with nothing new)", output)}
    counts.update({key: int(value) for key, value in re.findall(r"(queued|sent|deferred|failed) (\d+)", output)})
    if "queued" not in counts:
        raise benchkit.BenchmarkError(f"cannot read what `rover send` did: {output!r}")
    return counts


class SMTPServer:
    """Tests/MailTests/smtp_server.py (aiosmtpd) on a loopback port, delivering into a Maildir."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.log = open(folder / "server.log", "w")
        self.process = subprocess.Popen([sys.executable, SMTP_SERVER, folder], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            match = re.search(r"READY port=(\d+)", (folder / "server.log").read_text())
            if match:
                self.port = int(match.group(1))
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise benchkit.BenchmarkError(f"smtp_server.py did not start:\n{(folder / 'server.log').read_text()}")

    def messages(self) -> list[Path]:
        return sorted((self.folder / "Maildir" / "new").iterdir())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def prepare_hub(grapevine: str, hub_db: Path, workdir: Path, resources: int, subscribers: int,
                seed: int) -> tuple[int, benchkit.Measurement]:
    """A hub store holding the live catalogue and the subscribers; the resource count and how
    publishing went (the measurement of `grapevine publish`)."""
    print("generating the catalogue…", file=sys.stderr)
    nt, resource_count = catalogue(workdir, resources, seed)
    print(f"publishing {resource_count:,} resources…", file=sys.stderr)
    publish = checked(benchkit.measure([grapevine, "publish", "--db", hub_db, "--quiet",
                                        "--graph", "https://catalogue.example.net/bench", nt]))
    print(f"adding {subscribers:,} subscribers…", file=sys.stderr)
    add_subscribers(grapevine, hub_db, subscribers, seed)
    return resource_count, publish


def render_and_queue(grapevine: str, hub_db: Path, seed: int) -> tuple[benchkit.Measurement, dict[str, int], tuple]:
    """`rover send --queue-only` under GNU time: its measurement, the counts it printed, and
    what the outbox then holds (mails, bytes, hints told), which must match its count."""
    print("rendering and queueing…", file=sys.stderr)
    queue = checked(benchkit.measure([grapevine, "rover", "send", "--db", hub_db, "--from", HUB_FROM,
                                      "--queue-only", "--seed", str(seed)]))
    queued = sent_counts(queue.stdout)
    connection = sqlite3.connect(hub_db)
    outbox = connection.execute(
        "SELECT count(*), sum(length(bytes)), (SELECT count(*) FROM exposures) FROM outbox").fetchone()
    connection.close()
    if outbox[0] != queued["queued"]:
        raise benchkit.BenchmarkError(f"the outbox holds {outbox[0]} mails, `rover send` said {queued['queued']}")
    return queue, queued, outbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--receive-sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--grapevine", default=str(ROOT / ".build" / "release" / "grapevine"))
    parser.add_argument("--workdir", default="/tmp/grapevine-bench")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "RESULTS-rover.md"))
    arguments = parser.parse_args(argv)
    grapevine = arguments.grapevine
    if not os.access(grapevine, os.X_OK):
        raise benchkit.BenchmarkError(f"{grapevine} not found: run `swift build -c release` first")
    workdir = Path(arguments.workdir)
    run_dir = workdir / f"rover-{os.getpid()}"
    run_dir.mkdir(parents=True, exist_ok=True)
    hub_db = run_dir / "hub.sqlite"

    resource_count, publish = prepare_hub(grapevine, hub_db, workdir, arguments.resources,
                                          arguments.subscribers, arguments.seed)
    hub_id = run([grapevine, "whoami", "--db", hub_db]).stdout.decode().strip()
    queue, queued, (outbox_count, outbox_bytes, hints_told) = render_and_queue(grapevine, hub_db, arguments.seed)

    print(f"delivering {outbox_count:,} mails through aiosmtpd…", file=sys.stderr)
    server = SMTPServer(run_dir / "smtp")
    try:
        deliver = checked(benchkit.measure([grapevine, "rover", "send", "--db", hub_db, "--from", HUB_FROM,
                                            "--smtp", f"smtp://127.0.0.1:{server.port}"]))
        delivered = sent_counts(deliver.stdout)
        messages = server.messages()
        if len(messages) != delivered.get("sent") or delivered.get("sent") != outbox_count:
            raise benchkit.BenchmarkError(
                f"sent {delivered.get('sent')} of {outbox_count}, the server holds {len(messages)}: {deliver.stdout}")
        mail_bytes = [path.stat().st_size for path in messages]

        print(f"receiving {arguments.receive_sample} mails, one store each…", file=sys.stderr)
        timings, imported, expired = [], 0, 0
        for index, path in enumerate(messages[: arguments.receive_sample]):
            db = run_dir / "subscribers" / f"s{index}.sqlite"
            db.parent.mkdir(exist_ok=True)
            data = path.read_bytes()
            started = time.perf_counter()
            proc = run([grapevine, "hints", "receive", "--db", db, "--trust", hub_id], stdin=data)
            timings.append(time.perf_counter() - started)
            report = proc.stdout.decode()
            match = re.search(r"imported (\d+) hints? from hub [a-z2-7]+(?: \((\d+) expired, dropped\))?", report)
            if not match:
                raise benchkit.BenchmarkError(f"`hints receive` said: {report}")
            imported += int(match.group(1))
            expired += int(match.group(2) or 0)
    finally:
        server.stop()

    machine = benchkit.machine_info()
    queue_rate = outbox_count / max(queue.wall_s, 0.01)
    deliver_rate = outbox_count / max(deliver.wall_s, 0.01)
    receive_total = sum(timings)
    rows = [
        ["render + queue (`rover send --queue-only`)", benchkit.fmt_int(outbox_count), benchkit.fmt_float(queue.wall_s),
         benchkit.fmt_float(queue.user_s + queue.sys_s), benchkit.fmt_int(queue_rate), benchkit.fmt_float(queue.max_rss_mib, 0)],
        ["SMTP delivery to aiosmtpd (`rover send`)", benchkit.fmt_int(outbox_count), benchkit.fmt_float(deliver.wall_s),
         benchkit.fmt_float(deliver.user_s + deliver.sys_s), benchkit.fmt_int(deliver_rate), benchkit.fmt_float(deliver.max_rss_mib, 0)],
        ["subscriber import (`hints receive < mail`, one process each)", benchkit.fmt_int(len(timings)),
         benchkit.fmt_float(receive_total), "—", benchkit.fmt_float(len(timings) / max(receive_total, 0.001), 1), "—"],
    ]
    table = benchkit.markdown_table(["step", "mails", "wall s", "CPU s", "mails/s", "peak RSS MiB"], rows, "lrrrrr")
    timings.sort()
    report = f"""# Red Rover benchmark

Generated by `python3 Benchmarks/rover_benchmark.py` on {benchkit.now_utc()}; see the script's
docstring for what each step runs.

Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}; {machine['os']}; Python {machine['python']}.

Catalogue: {resource_count:,} resources (generate_catalogue.py, seed {arguments.seed}), published in
{publish.wall_s:.1f} s. Subscribers: {arguments.subscribers:,}, keyword interests of one or two words
from the catalogue's subject vocabulary, at most 10 hints a mail, scattering k = 3.

{table}

- Queued {outbox_count:,} mails for {queued.get('due', 0):,} subscribers due
  ({queued.get('with nothing new', 0):,} had nothing new); {hints_told:,} hints told in all
  (exposure log rows), {hints_told / max(outbox_count, 1):.1f} a mail.
- Mail size on the wire (as the server stored it): median {sorted(mail_bytes)[len(mail_bytes) // 2]:,} bytes,
  largest {max(mail_bytes):,}; outbox {outbox_bytes / 1024 / 1024:.1f} MiB.
- Every queued mail reached the server's Maildir ({len(messages):,} files).
- Receiving: median {timings[len(timings) // 2] * 1000:.0f} ms a mail, slowest {timings[-1] * 1000:.0f} ms, including the
  process start and creating the subscriber's store; {imported} hints imported, {expired} dropped as
  expired.

The delivery rate is one SMTP session per mail (libcurl, sequential) to a Python server that
writes each message to disk: it measures the hub's outbox loop against a server on the same two
cores, not what a production MTA would accept.
"""
    benchkit.write_report(report, arguments.out, "rover_benchmark.py")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except benchkit.BenchmarkError as error:
        print(f"rover_benchmark.py: {error}", file=sys.stderr)
        sys.exit(1)
