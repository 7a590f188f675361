#!/usr/bin/env python3
"""Check the sample data with rapper (Raptor 2) and the Grapevine publishing rules.

For every file in publishers/ and feeds/ this script
  1. parses it with `rapper` in the syntax its extension names, and fails if
     rapper reports any error or warning;
  2. checks every gv:Resource against the rules of Schemas/grapevine-shapes.ttl
     (re-implemented here by hand, not read from the shapes file);
  3. checks the conventions the sample data promises on top of those rules:
     creator, subject, xsd:date, description, format, size, checksum and
     publisher on every resource, 1-3 locations, expiry times between
     2026-12-01 and 2027-06-30, publishers and peers described.

For malformed/ it checks that each file fails the way malformed/README.md says:
the syntax errors are rejected by rapper, the rule-breaking files parse but fail
the rules.

Usage: python3 SampleData/check.py        (exit status 1 on any problem)
Needs: rapper on PATH. Only the Python standard library otherwise.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
GV = "https://w3id.org/grapevine/ns#"

SYNTAX = {".ttl": "turtle", ".rdf": "rdfxml", ".rss": "rdfxml", ".nt": "ntriples",
          ".trig": "trig", ".nq": "nquads"}

URL_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]")
CHECKSUM_PATTERN = re.compile(r"^sha256:[0-9a-f]{64}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")

# --- N-Quads as printed by rapper -------------------------------------------

TERM = r'(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)'
LINE = re.compile(rf"^{TERM} {TERM} {TERM}(?: {TERM})? \.$")
ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"\'\\])')


def unescape(s):
    def rep(m):
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}[e]
    return ESC.sub(rep, s)


def term(t):
    """('iri', v) | ('bnode', v) | ('lit', v, lang, datatype)"""
    if t.startswith("<"):
        return ("iri", t[1:-1])
    if t.startswith("_:"):
        return ("bnode", t[2:])
    m = re.match(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', t)
    return ("lit", unescape(m.group(1)), m.group(2), m.group(3) or (None if m.group(2) else XSD + "string"))


def parse(path, syntax):
    """Run rapper; return (quads, stderr, returncode)."""
    p = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "nquads", str(path)],
                       capture_output=True)
    quads = []
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        m = LINE.match(line)
        if not m:
            raise ValueError(f"cannot read rapper output line: {line!r}")
        quads.append(tuple(term(x) if x else None for x in m.groups()))
    return quads, p.stderr.decode("utf-8", "replace"), p.returncode


# --- checks ------------------------------------------------------------------

def index(quads):
    sp = defaultdict(list)
    for s, p, o, _ in quads:
        sp[(s, p[1])].append(o)
    return sp


def shape_violations(quads):
    """The rules of Schemas/grapevine-shapes.ttl. Returns [(focus, path, constraint)]."""
    sp = index(quads)
    out = []
    resources = [s for s, p, o, _ in quads if p[1] == RDF + "type" and o == ("iri", GV + "Resource")]
    resources = list(dict.fromkeys(resources))

    def check(focus, path, values, min_c=None, max_c=None, datatype=None, kind=None, pattern=None):
        if min_c is not None and len(values) < min_c:
            out.append((focus, path, "sh:minCount"))
        if max_c is not None and len(values) > max_c:
            out.append((focus, path, "sh:maxCount"))
        for v in values:
            if datatype and not (v[0] == "lit" and v[3] == datatype):
                out.append((focus, path, "sh:datatype"))
            if kind == "Literal" and v[0] != "lit":
                out.append((focus, path, "sh:nodeKind"))
            if kind == "IRI" and v[0] != "iri":
                out.append((focus, path, "sh:nodeKind"))
            if kind == "BlankNodeOrIRI" and v[0] == "lit":
                out.append((focus, path, "sh:nodeKind"))
            if pattern and (v[0] == "bnode" or not pattern.search(v[1])):
                out.append((focus, path, "sh:pattern"))

    for r in resources:
        check(r, "dcterms:title", sp[(r, DCT + "title")], min_c=1, kind="Literal")
        check(r, "gv:location", sp[(r, GV + "location")], min_c=1, kind="BlankNodeOrIRI")
        check(r, "gv:size", sp[(r, GV + "size")], max_c=1, datatype=XSD + "nonNegativeInteger")
        check(r, "gv:checksum", sp[(r, GV + "checksum")], max_c=1, pattern=CHECKSUM_PATTERN)
        check(r, "dcterms:format", sp[(r, DCT + "format")], max_c=1, kind="Literal")
        check(r, "gv:publisher", sp[(r, GV + "publisher")], max_c=1, kind="IRI")

    locations = [s for s, p, o, _ in quads if p[1] == RDF + "type" and o == ("iri", GV + "Location")]
    locations += [o for s, p, o, _ in quads if p[1] == GV + "location"]
    for loc in dict.fromkeys(locations):
        check(loc, "gv:url", sp[(loc, GV + "url")], min_c=1, max_c=1, kind="IRI", pattern=URL_PATTERN)
        check(loc, "gv:validUntil", sp[(loc, GV + "validUntil")], max_c=1, datatype=XSD + "dateTime")
    return resources, out


def convention_problems(quads):
    """What the sample data promises beyond the shapes."""
    sp = index(quads)
    problems = []
    resources = list(dict.fromkeys(
        s for s, p, o, _ in quads if p[1] == RDF + "type" and o == ("iri", GV + "Resource")))
    typed = lambda node, cls: ("iri", cls) in sp[(node, RDF + "type")]
    for r in resources:
        name = r[1]

        def need(pred, label, n_min=1, n_max=None):
            vals = sp[(r, pred)]
            if len(vals) < n_min or (n_max is not None and len(vals) > n_max):
                problems.append(f"{name}: {len(vals)} × {label}")
            return vals

        for c in need(DCT + "creator", "dcterms:creator"):
            if c[0] == "lit" and not c[1].strip():
                problems.append(f"{name}: empty creator")
        for s in need(DCT + "subject", "dcterms:subject"):
            if s[0] != "lit" or s[2] is not None or s[3] != XSD + "string":
                problems.append(f"{name}: subject {s!r} is not a plain keyword")
        for d in need(DCT + "date", "dcterms:date", 1, 1):
            if not (d[0] == "lit" and d[3] == XSD + "date" and DATE_PATTERN.match(d[1])):
                problems.append(f"{name}: date {d!r} is not an xsd:date")
            elif d[1] > "2026-11-26":
                problems.append(f"{name}: date {d[1]} is in the future")
        need(DCT + "description", "dcterms:description")
        for f in need(DCT + "format", "dcterms:format", 1, 1):
            if not re.match(r"^[a-z]+/[a-z0-9.+-]+$", f[1]):
                problems.append(f"{name}: format {f[1]!r} is not a media type")
        for s in need(GV + "size", "gv:size", 1, 1):
            if not s[1].isdigit():
                problems.append(f"{name}: size {s[1]!r}")
        need(GV + "checksum", "gv:checksum", 1, 1)
        for pub in need(GV + "publisher", "gv:publisher", 1, 1):
            if not typed(pub, GV + "Publisher") or not sp[(pub, RDFS + "label")] or not sp[(pub, FOAF + "homepage")]:
                problems.append(f"{name}: publisher {pub[1]} is not described (type, rdfs:label, foaf:homepage)")
        for loc in need(GV + "location", "gv:location", 1, 3):
            for v in sp[(loc, GV + "validUntil")]:
                m = DATETIME_PATTERN.match(v[1])
                if not m or not ("2026-12-01" <= m.group(1) <= "2027-06-30"):
                    problems.append(f"{name}: validUntil {v[1]} outside 2026-12-01..2027-06-30")
            if not sp[(loc, GV + "validUntil")]:
                problems.append(f"{name}: a location without gv:validUntil")
            for url in sp[(loc, GV + "url")]:
                if not re.match(r"^(https?|ftp)://[a-z0-9.-]+\.example(\.[a-z]+)?(:\d+)?/", url[1]):
                    problems.append(f"{name}: URL {url[1]} is not on an example host")
            for peer in sp[(loc, GV + "peer")]:
                if not typed(peer, GV + "Peer") or not sp[(peer, GV + "peerId")] or not sp[(peer, GV + "endpoint")]:
                    problems.append(f"{name}: peer {peer[1]} is not described (type, gv:peerId, gv:endpoint)")
    return problems


# --- malformed/ expectations --------------------------------------------------

MALFORMED = {
    # file: (syntax, expect rapper to fail, expected rule violations or None)
    "syntax-error.ttl": ("turtle", True, None),
    "bad-iri.nt": ("ntriples", True, None),
    "unterminated.rdf": ("rdfxml", True, None),
    # Raptor 2.0.15 does not validate UTF-8 in Turtle: it accepts this file and
    # mis-decodes the byte, so the check here is on the bytes themselves.
    "not-utf8.ttl": ("turtle", False, None),
    "missing-title.ttl": ("turtle", False, [("dcterms:title", "sh:minCount")]),
    "relative-location.ttl": ("turtle", False, [("gv:url", "sh:nodeKind"), ("gv:url", "sh:pattern"),
                                                ("gv:url", "sh:pattern")]),
}


def main():
    failures = 0
    total_resources = 0
    total_triples = 0
    print(f"{'file':44} {'syntax':9} {'triples':>7} {'resources':>9}")
    files = sorted((HERE / "publishers").iterdir()) + sorted((HERE / "feeds").iterdir())
    for path in files:
        rel = path.relative_to(HERE)
        syntax = SYNTAX.get(path.suffix)
        if syntax is None:
            print(f"{rel}: unknown extension")
            failures += 1
            continue
        quads, err, rc = parse(path, syntax)
        problems = []
        if rc != 0 or err.strip():
            problems.append(f"rapper exit {rc}: {err.strip()}")
        resources, violations = shape_violations(quads)
        problems += [f"{f[1]}: {p} {c}" for f, p, c in violations]
        problems += convention_problems(quads)
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"not UTF-8: {e}")
        total_resources += len(resources)
        total_triples += len(quads)
        print(f"{str(rel):44} {syntax:9} {len(quads):7d} {len(resources):9d}")
        for p in problems[:20]:
            print("    PROBLEM", p)
        failures += bool(problems)
    print(f"{'total':44} {'':9} {total_triples:7d} {total_resources:9d}")

    print()
    print("malformed/:")
    for name, (syntax, should_fail, expected) in MALFORMED.items():
        path = HERE / "malformed" / name
        quads, err, rc = parse(path, syntax)
        ok = True
        note = ""
        if should_fail:
            ok = rc != 0
            first = next((l for l in err.splitlines() if "Error" in l), err.strip()[:120])
            note = f"rapper rejects it: {first.split(' - ', 1)[-1] if ' - ' in first else first}"
        elif name == "not-utf8.ttl":
            try:
                path.read_bytes().decode("utf-8")
                ok = False
                note = "unexpectedly valid UTF-8"
            except UnicodeDecodeError as e:
                line = path.read_bytes()[:e.start].count(b"\n") + 1
                ok = line == 5 and rc == 0
                note = f"invalid UTF-8 byte 0x{path.read_bytes()[e.start]:02X} on line {line} (rapper exit {rc}: Raptor does not notice)"
        else:
            _, violations = shape_violations(quads)
            got = sorted((p, c) for _, p, c in violations)
            ok = rc == 0 and got == sorted(expected)
            note = f"parses ({len(quads)} triples), violations: {got}"
        print(f"  {'ok  ' if ok else 'FAIL'} {name:24} {note}")
        failures += not ok
    unknown = HERE / "malformed" / "unknown.xyz"
    ok = unknown.exists() and unknown.suffix not in SYNTAX
    print(f"  {'ok  ' if ok else 'FAIL'} {'unknown.xyz':24} extension not mapped to any syntax")
    failures += not ok

    print()
    print("OK" if failures == 0 else f"{failures} file(s) with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
