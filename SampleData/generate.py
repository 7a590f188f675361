#!/usr/bin/env python3
"""Generate the Grapevine sample descriptions in SampleData/.

The output is deterministic: every random choice comes from a random.Random
seeded with SEED plus the publisher's key, and checksums are fake SHA-256
digests derived from resource IRIs (they are well formed but match no real
file). Running the script twice gives byte-identical files.

Written files:
    publishers/*.ttl *.rdf *.nt *.trig *.nq   one publisher per file
    feeds/night-shift-audio.rss               RSS 1.0 feed carrying gv: terms
    malformed/not-utf8.ttl                    needs a raw Latin-1 byte, so it
                                              is produced here rather than by hand

The other files in malformed/ and the READMEs are written by hand.

Usage:
    python3 SampleData/generate.py          write the files
    python3 SampleData/generate.py --check  compare with the files on disk; exit 1 if any differ

Only the Python standard library is used.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import random
import re
import sys
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

SEED = 20261126
HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# Namespaces
# ---------------------------------------------------------------------------

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCT = "http://purl.org/dc/terms/"
DCMITYPE = "http://purl.org/dc/dcmitype/"
DC = "http://purl.org/dc/elements/1.1/"
FOAF = "http://xmlns.com/foaf/0.1/"
GV = "https://w3id.org/grapevine/ns#"
RSS = "http://purl.org/rss/1.0/"

CATALOGUE = "https://catalogue.example.net/"

COMMON_PREFIXES = [
    ("gv", GV),
    ("dcterms", DCT),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("foaf", FOAF),
]

# ---------------------------------------------------------------------------
# RDF terms and graphs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class I:
    """An IRI."""
    v: str


@dataclass(frozen=True)
class B:
    """A blank node, by label."""
    id: str


@dataclass(frozen=True)
class L:
    """A literal: lexical form plus optional language tag or datatype IRI."""
    v: str
    lang: str | None = None
    dt: str | None = None


def lit(v, lang=None, dt=None):
    return L(str(v), lang, dt)


def date(v):
    return L(v, dt=XSD + "date")


def datetime_(v):
    return L(v, dt=XSD + "dateTime")


def nonneg(n):
    return L(str(int(n)), dt=XSD + "nonNegativeInteger")


class Graph:
    """An ordered list of (s, p, o, g) quads plus per-subject comments."""

    def __init__(self):
        self.quads: list[tuple] = []
        self.comments: dict = {}
        self._seen: set = set()
        self._bn = 0

    def bnode(self, hint="b"):
        self._bn += 1
        return B(f"{hint}{self._bn}")

    def add(self, s, p, o, g=None):
        key = (s, p, o, g)
        if key in self._seen:
            return
        self._seen.add(key)
        self.quads.append(key)

    def comment(self, s, text):
        self.comments[s] = text

    def triples(self, g=None, any_graph=False):
        return [(s, p, o) for (s, p, o, gg) in self.quads if any_graph or gg == g]

    def graphs(self):
        out = []
        for q in self.quads:
            if q[3] not in out:
                out.append(q[3])
        return out


# ---------------------------------------------------------------------------
# Serialisers. Small, hand-rolled, and aimed at output that looks written by
# a person: subjects in insertion order, rdf:type first, blank nodes used
# once written inline.
# ---------------------------------------------------------------------------

PNAME_LOCAL = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _group(triples):
    """subject -> OrderedDict(predicate -> [objects]) in first-seen order."""
    subj: "OrderedDict" = OrderedDict()
    for s, p, o in triples:
        subj.setdefault(s, OrderedDict()).setdefault(p, []).append(o)
    return subj


def _inline_bnodes(triples):
    """Blank nodes that occur exactly once as an object: written inline."""
    count: dict = {}
    for _, _, o in triples:
        if isinstance(o, B):
            count[o] = count.get(o, 0) + 1
    return {b for b, n in count.items() if n == 1}


def _ordered_preds(preds):
    items = list(preds.items())
    items.sort(key=lambda kv: 0 if kv[0] == I(RDF + "type") else 1)
    return items


# --- Turtle / TriG ---------------------------------------------------------

class TurtleWriter:
    def __init__(self, prefixes, base=None):
        self.prefixes = prefixes
        self.base = base

    def header(self):
        lines = []
        if self.base:
            lines.append(f"@base <{self.base}> .")
        width = max(len(p) for p, _ in self.prefixes) + 1
        for p, ns in self.prefixes:
            lines.append(f"@prefix {(p + ':').ljust(width)} <{ns}> .")
        return "\n".join(lines) + "\n"

    def iri(self, v):
        for p, ns in self.prefixes:
            if v.startswith(ns) and PNAME_LOCAL.match(v[len(ns):]):
                return f"{p}:{v[len(ns):]}"
        if self.base and v.startswith(self.base) and len(v) > len(self.base):
            return f"<{v[len(self.base):]}>"
        return f"<{v}>"

    def literal(self, l):
        v = l.v
        if "\n" in v:
            body = v.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\r", "\\r")
            if body.endswith('"'):
                body = body[:-1] + '\\"'
            s = '"""' + body + '"""'
        else:
            s = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") + '"'
        if l.lang:
            s += "@" + l.lang
        elif l.dt:
            s += "^^" + self.iri(l.dt)
        return s

    def term(self, t, ctx, ind):
        if isinstance(t, I):
            return self.iri(t.v)
        if isinstance(t, L):
            return self.literal(t)
        if t in ctx["inline"]:
            return "[\n" + self.pred_list(t, ctx, ind + "    ") + "\n" + ind + "]"
        return f"_:{t.id}"

    def pred_list(self, s, ctx, ind):
        parts = []
        for p, objs in _ordered_preds(ctx["subj"].get(s, {})):
            ps = "a" if p == I(RDF + "type") else self.iri(p.v)
            objs_s = [self.term(o, ctx, ind) for o in objs]
            parts.append(f"{ind}{ps} " + " , ".join(objs_s))
        return " ;\n".join(parts)

    def block(self, triples, comments, ind=""):
        ctx = {"subj": _group(triples), "inline": _inline_bnodes(triples)}
        out = []
        for s in ctx["subj"]:
            if isinstance(s, B) and s in ctx["inline"]:
                continue
            chunk = ""
            if s in comments:
                chunk += "".join(f"{ind}# {line}\n" if line else f"{ind}#\n"
                                 for line in comments[s].split("\n"))
            head = self.iri(s.v) if isinstance(s, I) else f"_:{s.id}"
            chunk += f"{ind}{head}\n{self.pred_list(s, ctx, ind + '    ')} .\n"
            out.append(chunk)
        return "\n".join(out)


def write_turtle(graph, prefixes, preamble, base=None):
    w = TurtleWriter(prefixes, base)
    return preamble + "\n" + w.header() + "\n" + w.block(graph.triples(), graph.comments)


def write_trig(graph, prefixes, preamble, graph_comments):
    w = TurtleWriter(prefixes)
    out = [preamble, "", w.header().rstrip("\n"), ""]
    for g in graph.graphs():
        if g in graph_comments:
            out.extend("# " + line if line else "#" for line in graph_comments[g].split("\n"))
        out.append(f"{w.iri(g.v)} {{")
        out.append("")
        out.append(w.block(graph.triples(g), graph.comments, ind="    ").rstrip("\n"))
        out.append("}")
        out.append("")
    return "\n".join(out)


# --- N-Triples / N-Quads ---------------------------------------------------

def nt_escape(v, ascii_only):
    out = []
    for ch in v:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ascii_only and o > 0x7E:
            out.append(f"\\u{o:04X}" if o <= 0xFFFF else f"\\U{o:08X}")
        else:
            out.append(ch)
    return "".join(out)


def nt_term(t, ascii_only):
    if isinstance(t, I):
        return f"<{t.v}>"
    if isinstance(t, B):
        return f"_:{t.id}"
    s = '"' + nt_escape(t.v, ascii_only) + '"'
    if t.lang:
        s += "@" + t.lang
    elif t.dt:
        s += f"^^<{t.dt}>"
    return s


def write_ntriples(graph, preamble, ascii_only=False):
    lines = [preamble]
    last_s = None
    for s, p, o, _ in graph.quads:
        if last_s is not None and s != last_s and not isinstance(s, B):
            lines.append("")
        if not isinstance(s, B):
            last_s = s
        lines.append(f"{nt_term(s, ascii_only)} {nt_term(p, ascii_only)} {nt_term(o, ascii_only)} .")
    return "\n".join(lines) + "\n"


def write_nquads(graph, preamble, ascii_only=True):
    lines = [preamble]
    last_s = None
    for s, p, o, g in graph.quads:
        if last_s is not None and s != last_s and not isinstance(s, B):
            lines.append("")
        if not isinstance(s, B):
            last_s = s
        gs = f" <{g.v}>" if g is not None else ""
        lines.append(f"{nt_term(s, ascii_only)} {nt_term(p, ascii_only)} {nt_term(o, ascii_only)}{gs} .")
    return "\n".join(lines) + "\n"


# --- RDF/XML ---------------------------------------------------------------

def xml_text(v):
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(v):
    return xml_text(v).replace('"', "&quot;")


class RdfXmlWriter:
    def __init__(self, prefixes, entities=False, base=None, typed_locations=True):
        self.prefixes = prefixes
        self.entities = entities
        self.base = base
        self.typed_locations = typed_locations

    def qname(self, v):
        for p, ns in self.prefixes:
            if v.startswith(ns) and PNAME_LOCAL.match(v[len(ns):]):
                return f"{p}:{v[len(ns):]}"
        return None

    def ref(self, v):
        if self.base and v.startswith(self.base) and len(v) > len(self.base):
            return xml_attr(v[len(self.base):])
        return xml_attr(v)

    def dt(self, v):
        if self.entities and v.startswith(XSD):
            return "&xsd;" + v[len(XSD):]
        return xml_attr(v)

    def node(self, s, ctx, ind):
        preds = ctx["subj"].get(s, OrderedDict())
        types = preds.get(I(RDF + "type"), [])
        elem = None
        for t in types:
            if isinstance(t, I) and self.qname(t.v):
                elem = self.qname(t.v)
                chosen = t
                break
        if elem is None:
            elem = "rdf:Description"
            chosen = None
        if isinstance(s, I):
            attr = f' rdf:about="{self.ref(s.v)}"'
        elif s in ctx["inline"]:
            attr = ""
        else:
            attr = f' rdf:nodeID="{s.id}"'
        lines = [f"{ind}<{elem}{attr}>"]
        lines += self.props(s, ctx, ind + "  ", skip_type=chosen)
        lines.append(f"{ind}</{elem}>")
        return lines

    def props(self, s, ctx, ind, skip_type=None):
        lines = []
        for p, objs in _ordered_preds(ctx["subj"].get(s, OrderedDict())):
            q = self.qname(p.v)
            assert q, f"cannot write predicate {p.v} as a QName"
            for o in objs:
                if p == I(RDF + "type") and o == skip_type:
                    continue
                if isinstance(o, I):
                    lines.append(f'{ind}<{q} rdf:resource="{self.ref(o.v)}"/>')
                elif isinstance(o, L):
                    a = ""
                    if o.lang:
                        a = f' xml:lang="{o.lang}"'
                    elif o.dt:
                        a = f' rdf:datatype="{self.dt(o.dt)}"'
                    lines.append(f"{ind}<{q}{a}>{xml_text(o.v)}</{q}>")
                elif o in ctx["inline"]:
                    otypes = ctx["subj"].get(o, {}).get(I(RDF + "type"), [])
                    if otypes and self.typed_locations:
                        lines.append(f"{ind}<{q}>")
                        lines += self.node(o, ctx, ind + "  ")
                        lines.append(f"{ind}</{q}>")
                    else:
                        lines.append(f'{ind}<{q} rdf:parseType="Resource">')
                        lines += self.props(o, ctx, ind + "  ")
                        lines.append(f"{ind}</{q}>")
                else:
                    lines.append(f'{ind}<{q} rdf:nodeID="{o.id}"/>')
        return lines

    def document(self, graph, preamble):
        triples = graph.triples(any_graph=True)
        ctx = {"subj": _group(triples), "inline": _inline_bnodes(triples)}
        out = ['<?xml version="1.0" encoding="utf-8"?>']
        if self.entities:
            out += ["<!DOCTYPE rdf:RDF [",
                    f'  <!ENTITY xsd "{XSD}">',
                    "]>"]
        out += ["<!--"] + ["  " + l if l else "" for l in preamble.split("\n")] + ["-->"]
        ns = [f'xmlns:{p}="{u}"' for p, u in self.prefixes]
        if self.base:
            ns.append(f'xml:base="{self.base}"')
        out.append("<rdf:RDF " + ("\n         ".join(ns)) + ">")
        for s in ctx["subj"]:
            if isinstance(s, B) and s in ctx["inline"]:
                continue
            out.append("")
            if s in graph.comments:
                out.append("  <!-- " + graph.comments[s] + " -->")
            out += self.node(s, ctx, "  ")
        out.append("")
        out.append("</rdf:RDF>")
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Helpers for content
# ---------------------------------------------------------------------------

def slugify(text):
    t = unicodedata.normalize("NFKD", text)
    t = t.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("æ", "ae").replace("ł", "l")
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t


def fake_checksum(iri):
    return "sha256:" + hashlib.sha256(("grapevine-sample-data|" + iri).encode("utf-8")).hexdigest()


VALID_FROM = _dt.datetime(2026, 12, 1, 6, 0, 0)
VALID_TO = _dt.datetime(2027, 6, 30, 18, 0, 0)


def valid_until(rng):
    """A time between 2026-12-01 and 2027-06-30, mostly UTC, some with offsets.

    The window is kept six hours inside the bounds so that both the wall-clock
    time and the instant stay inside it whatever the offset."""
    span = int((VALID_TO - VALID_FROM).total_seconds() // 3600)
    t = VALID_FROM + _dt.timedelta(hours=rng.randrange(span))
    r = rng.random()
    if r < 0.55:
        return t.replace(hour=0).strftime("%Y-%m-%dT00:00:00Z")
    if r < 0.85:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if r < 0.95:
        return t.strftime("%Y-%m-%dT%H:%M:%S+01:00")
    return t.strftime("%Y-%m-%dT%H:%M:%S-05:00")


def rand_date(rng, start, end):
    a = _dt.date.fromisoformat(start)
    b = _dt.date.fromisoformat(end)
    return (a + _dt.timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


# --- peers -----------------------------------------------------------------

PEERS = [
    ("amber-fox", "https://amber-fox.peers.example:8443"),
    ("quiet-heron", "https://quiet-heron.peers.example"),
    ("slate-otter", "http://slate-otter.home.example:8080"),
    ("copper-wren", "https://copper-wren.peers.example:8443"),
    ("moss-badger", "https://node.moss-badger.example"),
    ("tidal-lynx", "http://tidal-lynx.peers.example:8080"),
    ("birch-owl", "https://birch-owl.peers.example"),
    ("ember-stoat", "https://ember-stoat.mesh.example:8443"),
]


def peer_iri(name):
    return I(f"https://peers.example/id/{name}")


def add_peer(g, name, graph=None):
    base = dict(PEERS)[name]
    p = peer_iri(name)
    g.add(p, I(RDF + "type"), I(GV + "Peer"), graph)
    g.add(p, I(RDFS + "label"), lit(name), graph)
    g.add(p, I(GV + "peerId"), lit("gvp1-" + hashlib.sha256(name.encode()).hexdigest()[:24]), graph)
    g.add(p, I(GV + "endpoint"), I(base + "/grapevine"), graph)


# --- mirrors ---------------------------------------------------------------

MIRRORS = [
    "https://mirror.example.org/{slug}/{path}",
    "http://ftp.mirror.example.com/pub/{slug}/{path}",
    "ftp://ftp.example.net/pub/{slug}/{path}",
    "https://mirror.univ.example/grapevine/{slug}/{path}",
    "https://cdn.example.com/{slug}/{path}",
    "http://archive.example.org/mirrors/{slug}/{path}",
]


class Publisher:
    """Collects one publisher's graph and knows how to build its resources."""

    def __init__(self, key, iri, label, homepage, home_dl, mirror_slug,
                 peer_prob=0.35, iri_location_prob=0.0, graph_iri=None, comment=None):
        self.key = key
        self.rng = random.Random(f"{SEED}:{key}")
        self.iri = I(iri)
        self.label = label
        self.homepage = homepage
        self.home_dl = home_dl
        self.mirror_slug = mirror_slug
        self.peer_prob = peer_prob
        self.iri_location_prob = iri_location_prob
        self.graph_iri = I(graph_iri) if graph_iri else None
        self.g = Graph()
        self.resources: list[str] = []
        self.peers_used: list[str] = []
        self.comment_text = comment

    def describe_self(self, graph=None):
        g = self.g
        g.add(self.iri, I(RDF + "type"), I(GV + "Publisher"), graph)
        g.add(self.iri, I(RDFS + "label"), lit(self.label), graph)
        g.add(self.iri, I(FOAF + "homepage"), I(self.homepage), graph)
        if self.comment_text:
            for text, lang in self.comment_text:
                g.add(self.iri, I(RDFS + "comment"), lit(text, lang), graph)

    def describe_peers(self, graph=None):
        for name in self.peers_used:
            add_peer(self.g, name, graph)

    def locations(self, path, filename, checksum, n=None, extra_urls=()):
        """1-3 locations: the publisher's own server, then mirrors or peers."""
        rng = self.rng
        if n is None:
            n = rng.choices([1, 2, 3], weights=[30, 45, 25])[0]
        locs = [{"url": f"{self.home_dl}/{path}/{filename}", "peer": None}]
        for u in extra_urls:
            locs.append({"url": u, "peer": None})
        mirrors = rng.sample(MIRRORS, len(MIRRORS))
        peers = rng.sample([p for p, _ in PEERS], len(PEERS))
        while len(locs) < n:
            if rng.random() < self.peer_prob:
                name = peers.pop()
                base = dict(PEERS)[name]
                locs.append({"url": f"{base}/files/{checksum[7:19]}/{filename}", "peer": name})
                if name not in self.peers_used:
                    self.peers_used.append(name)
            else:
                m = mirrors.pop()
                locs.append({"url": m.format(slug=self.mirror_slug, path=path) + "/" + filename, "peer": None})
        # Occasionally the publisher's own server is not the first listed.
        if len(locs) > 1 and rng.random() < 0.2:
            locs.append(locs.pop(0))
        for loc in locs:
            loc["valid"] = valid_until(rng)
        return locs

    def resource(self, iri, title, creators, subjects, date_, descriptions, fmt,
                 size, locations, extra=(), comment=None, typed_locations=False):
        g, gr = self.g, self.graph_iri
        s = I(iri)
        if comment:
            g.comment(s, comment)
        a = I(RDF + "type")
        g.add(s, a, I(GV + "Resource"), gr)
        g.add(s, I(DCT + "title"), title if isinstance(title, L) else lit(title), gr)
        for c in creators:
            g.add(s, I(DCT + "creator"), c if isinstance(c, L) else lit(c), gr)
        for sub in subjects:
            g.add(s, I(DCT + "subject"), lit(sub), gr)
        g.add(s, I(DCT + "date"), date(date_), gr)
        for d in descriptions:
            g.add(s, I(DCT + "description"), d if isinstance(d, L) else lit(d), gr)
        g.add(s, I(DCT + "format"), lit(fmt), gr)
        for p, o in extra:
            g.add(s, I(p), o, gr)
        g.add(s, I(GV + "size"), nonneg(size), gr)
        g.add(s, I(GV + "checksum"), lit(fake_checksum(iri)), gr)
        g.add(s, I(GV + "publisher"), self.iri, gr)
        nodes = []
        for i, loc in enumerate(locations):
            if self.rng.random() < self.iri_location_prob:
                node = I(f"{iri}#location-{i + 1}")
            else:
                node = g.bnode("loc")
            g.add(s, I(GV + "location"), node, gr)
            nodes.append(node)
        for node, loc in zip(nodes, locations):
            if typed_locations or isinstance(node, I):
                g.add(node, a, I(GV + "Location"), gr)
            g.add(node, I(GV + "url"), I(loc["url"]), gr)
            g.add(node, I(GV + "validUntil"), datetime_(loc["valid"]), gr)
            if loc.get("peer"):
                g.add(node, I(GV + "peer"), peer_iri(loc["peer"]), gr)
        self.resources.append(iri)
        return s


def title_case_unique(rng, make, used):
    for _ in range(200):
        t = make()
        if t not in used:
            used.add(t)
            return t
    raise RuntimeError("could not find an unused title")


LICENCES = {
    "BY": ("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
    "BY-SA": ("https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
    "BY-NC": ("https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"),
    "BY-NC-SA": ("https://creativecommons.org/licenses/by-nc-sa/4.0/", "CC BY-NC-SA 4.0"),
    "CC0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
}

# ===========================================================================
# 1. Hollow Reed Records: albums and tracks (Turtle)
# ===========================================================================

ALBUMS = [
    # artist, album, year, licence, track format, genre keywords, ordinal, place
    dict(artist="Maren Oakes", album="Salt and Cedar", year=2019, lic="BY-SA", fmt="flac",
         style='spare coastal folk songs', instr=['voice and guitar', 'voice and harmonium', 'two guitars', 'fiddle and voice'],
         genres=["folk", "acoustic"], tracks=8, where="in a converted chapel outside Whitby"),
    dict(artist="The Lantern Orchard", album="Paper Boats in August", year=2020, lic="BY", fmt="ogg",
         style='warm, harmony-led indie folk', instr=['two guitars', 'banjo and voices', 'voice and ukulele', 'the whole band'],
         genres=["indie folk", "acoustic"], tracks=9, where="in a barn over two summer weekends"),
    dict(artist="Tomás Ferreira Quartet", album="Café Lumière", year=2021, lic="BY-NC", fmt="flac",
         style='late-night acoustic jazz', instr=['tenor saxophone and trio', 'piano trio', 'double bass and brushes', 'the full quartet'],
         genres=["jazz"], tracks=7, where="live at a small club in Porto"),
    dict(artist="Zoë Halvorsen", album="Northern Glass", year=2022, lic="BY", fmt="flac",
         style='slow-moving ambient electronics', instr=['modular synthesiser', 'synthesiser and field recordings', 'processed piano', 'tape loops'],
         genres=["ambient", "electronic"], tracks=8, where="at home in Tromsø through one polar night"),
    dict(artist="Ichirō Nakamura (中村一郎)", album="夜明けの港", album_slug="yoake-no-minato",
         year=2023, lic="BY", fmt="flac", style='quiet solo piano pieces', instr=['solo piano'],
         genres=["ambient", "piano"], tracks=6,
         where="on an upright piano in a Yokohama warehouse",
         track_titles=[("潮騒", "shiosai"), ("夜明けの港", "yoake-no-minato"), ("雨の駅", "ame-no-eki"),
                       ("青い灯台", "aoi-toudai"), ("Harbour Lights — 港の灯", "harbour-lights"),
                       ("帰り道", "kaerimichi")]),
    dict(artist="Brackwater Choir", album="Songs for the Drowned Villages", year=2018, lic="BY-SA", fmt="ogg",
         style='unaccompanied choral folk', instr=['twelve voices', 'four voices', 'solo voice and choir'],
         genres=["choral", "folk"], tracks=8, where="in the nave of St Anne's, unaccompanied"),
    dict(artist="Anouk Delacroix", album="Les Heures bleues", year=2022, lic="BY-NC-SA", fmt="flac",
         style='French chanson', instr=['voice and guitar', 'voice and accordion', 'voice, piano and cello'],
         genres=["chanson", "acoustic"], tracks=7, where="in a flat above a bakery in Lyon", lang="fr"),
    dict(artist="Signal Hill", album="Static Weather", year=2020, lic="BY", fmt="ogg",
         style='long instrumental post-rock', instr=['two guitars and drums', 'guitars and tape loops', 'the full band'],
         genres=["post-rock", "instrumental"], tracks=7, where="in a rehearsal room under a railway arch"),
    dict(artist="Ondřej Malý Trio", album="Podzim / Autumn", year=2024, lic="BY", fmt="flac",
         style='chamber jazz for piano, clarinet and bass', instr=['piano, clarinet and bass', 'solo piano', 'clarinet and bass'],
         genres=["jazz", "chamber music"], tracks=8, where="in one afternoon at a Brno radio studio"),
    dict(artist="Saoirse Quinlan", album="The Low Road Home", year=2021, lic="BY-SA", fmt="flac",
         style='traditional Irish tunes and songs', instr=['fiddle and bodhrán', 'solo fiddle', 'voice and concertina', 'fiddle and guitar'],
         genres=["traditional", "Irish music"], tracks=9, where="in a kitchen in County Clare"),
    dict(artist="Kettle & Kiln", album="Workshop Tapes, Vol. 1", year=2024, lic="CC0", fmt="ogg",
         style='lo-fi experimental electronics', instr=['drum machine and kiln hum', 'tape loops', 'contact microphones'],
         genres=["electronic", "experimental"], tracks=8, where="on cassette in a pottery workshop"),
    dict(artist="Hanne Vogel", album="Lichtung", year=2025, lic="BY", fmt="flac",
         style='gentle ambient electronics', instr=['synthesiser and field recordings', 'modular synthesiser', 'processed zither'],
         genres=["ambient", "electronic"], tracks=7, where="in a forest hut in the Harz", lang="de"),
]

TRACK_NOUNS = ["Tide", "Lantern", "Orchard", "Harbour", "Ember", "Meadow", "Cedar", "Chalk", "Heron",
               "Rook", "Winter", "Signal", "River", "Ferry", "Kettle", "Thistle", "Copper", "Harvest",
               "Lighthouse", "Moor", "Quarry", "Sparrow", "Weir", "Orchard Wall", "Salt Marsh",
               "Cathedral", "Station", "Garden", "Coastline", "Bridge", "Letter", "Kite", "Hayloft"]
TRACK_ADJ = ["Quiet", "Long", "Northern", "Slow", "Borrowed", "Paper", "Silver", "Hollow", "Late",
             "Grey", "Amber", "Restless", "Distant", "Small", "Open", "Second", "Lost", "Bright"]
TRACK_PATTERNS = [
    "The {a} {n}", "{a} {n}", "{n} Song", "Under the {n}", "{n} at Dusk", "Song for the {n}",
    "{n} and {n2}", "Waltz for a {a} {n}", "Low {n}", "The {n} Road", "After the {n}",
]
MOODS = ["a slow", "an unhurried", "a bright", "a restless", "a hushed", "a driving", "a spare", "a lilting"]
FORMS = ["waltz for", "duet for", "piece for", "lament for", "reel for", "study for", "song for"]


def gen_hollow_reed():
    pub = Publisher(
        "hollow-reed", "https://hollowreed.example/#label", "Hollow Reed Records",
        "https://hollowreed.example/", "https://dl.hollowreed.example", "hollowreed",
        peer_prob=0.45,
        comment=[("A small independent label releasing folk, jazz and ambient records under Creative Commons licences.", "en")])
    rng = pub.rng
    pub.describe_self()
    for n, al in enumerate(ALBUMS, start=1):
        artist = al["artist"]
        artist_slug = slugify(artist.split(" (")[0])
        album_slug = al.get("album_slug") or slugify(al["album"])
        album_iri = f"{CATALOGUE}music/{artist_slug}/{album_slug}"
        lic_iri, lic_name = LICENCES[al["lic"]]
        ext, mime = ("flac", "audio/flac") if al["fmt"] == "flac" else ("ogg", "audio/ogg")
        cat = f"HRR-{n:03d}"
        # tracks first, to know the album size
        used: set = set()
        tracks = []
        for t in range(al["tracks"]):
            if "track_titles" in al:
                title, tslug = al["track_titles"][t]
            else:
                def make():
                    n1, n2 = rng.sample(TRACK_NOUNS, 2)
                    return rng.choice(TRACK_PATTERNS).format(a=rng.choice(TRACK_ADJ), n=n1, n2=n2)
                title = title_case_unique(rng, make, used)
                tslug = slugify(title)
            secs = rng.randrange(140, 520)
            if al["album"] == "Static Weather" and t == 2:
                secs = 547  # its description says "nine minutes"
            rate = rng.randrange(95_000, 125_000) if ext == "flac" else rng.randrange(18_000, 26_000)
            tracks.append((title, tslug, secs, secs * rate + rng.randrange(4096)))
        album_size = int(sum(t[3] for t in tracks) * 0.985) + rng.randrange(1 << 16)
        album_date = rand_date(rng, f"{al['year']}-02-01", f"{al['year']}-11-30")
        where = al["where"]
        descs = [lit(f"{artist.split(' (')[0]}'s {al['tracks']}-track album of {al['style']}, "
                     f"recorded {where} and released under {lic_name}; this is the whole album as one zip of "
                     f"{ext.upper()} files.", "en")]
        if al.get("lang") == "fr":
            descs.append(lit("Premier album d'Anouk Delacroix, sept chansons enregistrées à Lyon "
                             "au-dessus d'une boulangerie, publié sous licence CC BY-NC-SA 4.0.", "fr"))
        if al.get("lang") == "de":
            descs.append(lit("Sieben ruhige elektronische Stücke, aufgenommen in einer Waldhütte im Harz "
                             "und unter CC BY 4.0 veröffentlicht.", "de"))
        if al["album"] == "Salt and Cedar":
            descs = [lit('Maren Oakes\'s first album: eight songs about the Yorkshire coast, including the '
                         'live favourite "Harbour Lights", here in its first studio recording.', "en")]
        path = f"{artist_slug}/{album_slug}"
        zipname = f"{album_slug}-{ext}.zip"
        pub.resource(
            album_iri, al["album"], [artist], al["genres"] + ["Creative Commons"], album_date, descs,
            "application/zip", album_size,
            pub.locations(path, zipname, fake_checksum(album_iri)),
            extra=[(DCT + "license", I(lic_iri)), (DCT + "identifier", lit(cat))],
            comment=f"{cat}: {artist.split(' (')[0]} — {al['album']} ({al['year']})")
        for t, (title, tslug, secs, size) in enumerate(tracks, start=1):
            iri = f"{album_iri}/track-{t:02d}-{tslug}"
            desc = (f"Track {t} of {al['album']}: {rng.choice(MOODS)} {rng.choice(FORMS)} "
                    f"{rng.choice(al['instr'])}, recorded {where}.")
            descriptions = [lit(desc, "en") if rng.random() < 0.5 else lit(desc)]
            if al.get("lang") == "fr" and t == 1:
                descriptions.append(lit("Chanson d'ouverture de l'album, voix et guitare seules.", "fr"))
            if al["album"] == "Static Weather" and t == 3:
                descriptions = [lit("Nine minutes that start as a hum and end as a storm.\n"
                                    "Best played loud, the band says \"or not at all\".", "en")]
            filename = f"{t:02d}-{tslug}.{ext}"
            pub.resource(
                iri, title, [artist], al["genres"][:rng.choice([1, len(al["genres"])])],
                album_date, descriptions, mime, size,
                pub.locations(path, filename, fake_checksum(iri)),
                extra=[(DCT + "isPartOf", I(album_iri)), (DCT + "license", I(lic_iri)),
                       (DCT + "extent", lit(f"PT{secs // 60}M{secs % 60}S"))])
    pub.describe_peers()
    return pub


# ===========================================================================
# 2. Tarn Software Foundation: software releases (Turtle, with @base)
# ===========================================================================

PROJECTS = [
    dict(slug="tarn-db", name="Tarn DB", what="the embedded key-value database",
         subjects=["database", "embedded", "C"], maintainers=["Ingrid Solberg", "Kwame Mensah"],
         versions=["1.8.4", "2.0.0", "2.0.1", "2.1.0", "2.2.0", "2.2.1"], artifacts=["tar.gz", "tar.xz", "deb-amd64"]),
    dict(slug="quillfmt", name="quillfmt", what="the source code formatter",
         subjects=["formatter", "developer tools", "Rust"], maintainers=["Priya Raman"],
         versions=["0.7.0", "0.8.0", "0.8.1", "0.9.0"], artifacts=["tar.gz", "deb-amd64", "deb-arm64"]),
    dict(slug="lattice-rpc", name="Lattice RPC", what="the RPC framework",
         subjects=["networking", "RPC", "Go"], maintainers=["Rafael Domínguez", "Chiara Bellini"],
         versions=["3.4.0", "3.5.0", "3.5.2", "4.0.0"], artifacts=["tar.gz", "zip"]),
    dict(slug="heronsync", name="heronsync", what="the peer-to-peer file synchroniser",
         subjects=["peer-to-peer", "file synchronisation", "Rust"], maintainers=["Oskar Lindqvist", "Yuki Tanaka"],
         versions=["0.9.0", "0.9.1", "0.9.2", "1.0.0", "1.0.1"], artifacts=["tar.gz", "deb-amd64", "deb-arm64", "zip"]),
    dict(slug="cairn", name="cairn", what="the command-line archive manager",
         subjects=["command line", "archiving", "C"], maintainers=["Józef Nowak"],
         versions=["1.2.0", "1.2.1", "1.3.0"], artifacts=["tar.gz", "tar.xz", "deb-amd64"]),
    dict(slug="mossmq", name="MossMQ", what="the lightweight message queue",
         subjects=["messaging", "networking", "Go"], maintainers=["Fatima Haddad", "Liam O'Connor"],
         versions=["2.0.0", "2.1.0", "2.1.1", "2.2.0"], artifacts=["tar.gz", "deb-amd64"]),
    dict(slug="fernweb", name="Fernweb", what="the static site generator",
         subjects=["web", "static sites", "Python"], maintainers=["Amélie Girard", "Mateus Araújo"],
         versions=["5.0.0", "5.1.0", "5.1.1", "5.2.0", "6.0.0"], artifacts=["tar.gz", "whl"]),
    dict(slug="pebble-geo", name="pebble-geo", what="the geospatial indexing library",
         subjects=["geospatial", "indexing", "C++"], maintainers=["Hannah Weiß", "Emre Yılmaz"],
         versions=["0.4.0", "0.5.0", "0.5.1"], artifacts=["tar.gz", "tar.xz"]),
]

RELEASE_NOTES = [
    "adds online backups", "fixes a crash when the write-ahead log fills the disk", "speeds up cold start",
    "drops support for 32-bit builds", "adds IPv6 support throughout", "fixes a memory leak in the connection pool",
    "improves error messages for malformed input", "adds a --dry-run flag", "fixes a race in the scheduler",
    "makes builds reproducible", "updates the bundled TLS library", "fixes a regression from the previous release",
    "adds Unicode normalisation of file names", "halves memory use during large imports",
    "fixes handling of paths containing spaces", "adds a plugin interface",
]

ARTIFACTS = {
    # media type, label in descriptions, label in titles, size relative to the gzip tarball
    "tar.gz": ("application/gzip", "Source tarball (gzip)", "source (tar.gz)", 1.0),
    "tar.xz": ("application/x-xz", "Source tarball (xz)", "source (tar.xz)", 0.78),
    "deb-amd64": ("application/vnd.debian.binary-package", "Debian package for amd64", "Debian package, amd64", 1.6),
    "deb-arm64": ("application/vnd.debian.binary-package", "Debian package for arm64", "Debian package, arm64", 1.55),
    "zip": ("application/zip", "Windows build (zip)", "Windows x86-64 build", 2.1),
    "whl": ("application/zip", "Python wheel", "Python wheel", 0.6),
}


def artifact_filename(slug, version, art):
    if art == "deb-amd64":
        return f"{slug}_{version}-1_amd64.deb"
    if art == "deb-arm64":
        return f"{slug}_{version}-1_arm64.deb"
    if art == "zip":
        return f"{slug}-{version}-windows-x86_64.zip"
    if art == "whl":
        return f"{slug.replace('-', '_')}-{version}-py3-none-any.whl"
    return f"{slug}-{version}.{art}"


def gen_tarn():
    pub = Publisher(
        "tarn", "https://tarn.example.org/#foundation", "Tarn Software Foundation",
        "https://tarn.example.org/", "https://downloads.tarn.example.org/releases", "tarn",
        peer_prob=0.3, iri_location_prob=0.15,
        comment=[("Non-profit home of a handful of small open-source infrastructure projects.", "en")])
    rng = pub.rng
    pub.describe_self()
    base_date = _dt.date(2021, 3, 1)
    for proj in PROJECTS:
        slug = proj["slug"]
        base_size = rng.randrange(400_000, 9_000_000)
        d = base_date + _dt.timedelta(days=rng.randrange(0, 200))
        first = True
        for version in proj["versions"]:
            major, minor, patch = (int(x) for x in version.split("."))
            if minor == 0 and patch == 0 and major >= 1:
                kind = "a major release"
            elif patch == 0:
                kind = "a feature release"
            else:
                kind = "a bug-fix release"
            note = rng.choice(RELEASE_NOTES)
            d = d + _dt.timedelta(days=rng.randrange(40, 260))
            if d > _dt.date(2026, 11, 20):
                d = _dt.date(2026, 11, 20) - _dt.timedelta(days=rng.randrange(5, 60))
            base_size = int(base_size * rng.uniform(1.0, 1.12))
            for art in proj["artifacts"]:
                if art.startswith("deb") and first and rng.random() < 0.5:
                    continue  # some early releases had no packages
                mime, label, tlabel, factor = ARTIFACTS[art]
                fn = artifact_filename(slug, version, art)
                iri = f"{CATALOGUE}software/{slug}/{version}/{fn}"
                size = int(base_size * factor * rng.uniform(0.95, 1.05))
                desc = f"{label} of {proj['name']} {version}, {kind} of {proj['what']} that {note}."
                subjects = proj["subjects"] + (["Debian package"] if art.startswith("deb") else ["source code"] if art.startswith("tar") else [])
                extra = [(DCT + "isVersionOf", I(f"https://tarn.example.org/projects/{slug}")),
                         (OWL + "versionInfo", lit(version)),
                         (DCT + "license", I("https://spdx.org/licenses/Apache-2.0.html" if slug != "cairn" else "https://spdx.org/licenses/GPL-3.0-or-later.html"))]
                title = f"{proj['name']} {version} — {tlabel}"
                pub.resource(iri, title, proj["maintainers"], subjects, d.isoformat(), [desc], mime, size,
                             pub.locations(f"{slug}/{version}", fn, fake_checksum(iri)), extra=extra,
                             comment=(f"{proj['name']} {version}" if art == proj["artifacts"][0] else None))
            first = False
    pub.describe_peers()
    return pub


# ===========================================================================
# 3. Pinewood University Distributed Systems Group: papers (RDF/XML)
# ===========================================================================

PAPER_METHODS = ["Gossip-Based", "Bloom-Filter", "Locality-Aware", "Incremental", "Adaptive", "Epidemic",
                 "Probabilistic", "Cache-Conscious", "Semantic", "Decentralised", "Reputation-Weighted",
                 "Lightweight"]
PAPER_OBJECTS = ["Query Routing", "Index Replication", "Resource Discovery", "Metadata Aggregation",
                 "Peer Sampling", "Top-k Retrieval", "Churn Recovery", "Duplicate Detection",
                 "Schema Matching", "Keyword Search", "Range Queries", "Link Discovery"]
PAPER_SETTINGS = ["in Unstructured Overlays", "over RDF Descriptions", "for Mobile Peers", "under Heavy Churn",
                  "in Federated Catalogues", "at Internet Scale", "with Limited Bandwidth",
                  "in Community Networks", "for Digital Libraries", "on Low-Power Devices"]
PAPER_PATTERNS = [
    "{m} {o} {s}", "On the Cost of {o} {s}", "Towards {m} {o}", "A Measurement Study of {o} {s}",
    "{o} {s}: A {m} Approach", "Rethinking {o} {s}", "{m} {o} Revisited",
]
PAPER_EVALS = ["a 2,000-node simulation", "traces from a public BitTorrent tracker",
               "a ten-week deployment on a campus network", "synthetic workloads",
               "a crawl of 40 million RDF triples", "a testbed of 300 machines on four continents",
               "logs from a community mesh network", "an emulated network of 10,000 peers"]
PAPER_SUBJECTS = ["peer-to-peer", "information retrieval", "distributed systems", "semantic web", "RDF",
                  "gossip protocols", "overlay networks", "caching", "measurement", "indexing",
                  "Bloom filters", "linked data"]
AUTHORS = ["Ingrid Solberg", "Rafael Domínguez", "Chiara Bellini", "Kwame Mensah", "Li Wei", "Józef Nowak",
           "Amélie Girard", "Oskar Lindqvist", "Priya Raman", "Hannah Weiß", "Mateus Araújo", "Yuki Tanaka",
           "Fatima Haddad", "Liam O'Connor", "Sofia Papadopoulou", "Emre Yılmaz", "Niamh Gallagher",
           "Bjørn Sæther", "Thandiwe Dlamini", "Marek Dvořák"]

SPECIAL_PAPERS = [
    dict(title='Why "Just Use a DHT" Is Not Enough for Resource Discovery',
         desc=[lit("A position paper explaining why exact-match lookup in a distributed hash table "
                   "cannot serve the keyword and attribute queries that people actually ask.", "en")],
         subjects=["peer-to-peer", "distributed hash tables", "information retrieval"]),
    dict(title="Découverte de ressources dans les réseaux pair-à-pair non structurés",
         desc=[lit("Une étude des stratégies de recherche par inondation et par marche aléatoire, "
                   "comparées sur des traces réelles.", "fr"),
               lit("A study of flooding and random-walk search strategies, compared on real traces.", "en")],
         subjects=["peer-to-peer", "information retrieval", "random walks"]),
    dict(title="Verteilte Indexierung von RDF-Metadaten in Gemeinschaftsnetzen",
         desc=[lit("Untersucht, wie kleine Gemeinschaftsnetze RDF-Beschreibungen ohne zentrale "
                   "Server indexieren können.", "de")],
         subjects=["RDF", "indexing", "community networks"]),
    dict(title="Expiring Locations — Keeping Mirror Lists Honest in Gossip Networks",
         desc=[lit("Shows that attaching an expiry time to every advertised download location\n"
                   "cuts stale results by an order of magnitude at almost no bandwidth cost.", "en")],
         subjects=["peer-to-peer", "gossip protocols", "caching"]),
]


def gen_pinewood():
    pub = Publisher(
        "pinewood", "https://dsg.pinewood.example/#group",
        "Pinewood University — Distributed Systems Group",
        "https://dsg.pinewood.example/", "https://papers.pinewood.example/pdf", "pinewood-dsg",
        peer_prob=0.3)
    rng = pub.rng
    pub.describe_self()
    used: set = set()
    n_papers = 70
    specials = {5: 0, 19: 1, 33: 2, 58: 3}
    per_year: dict = {}
    entries = []
    for k in range(n_papers):
        year = 2015 + (k * 11) // n_papers
        if k in specials:
            sp = SPECIAL_PAPERS[specials[k]]
            title, desc, subjects = sp["title"], sp["desc"], sp["subjects"]
            used.add(title)
        else:
            for _ in range(500):
                m, o, st = rng.choice(PAPER_METHODS), rng.choice(PAPER_OBJECTS), rng.choice(PAPER_SETTINGS)
                title = rng.choice(PAPER_PATTERNS).format(m=m, o=o, s=st)
                if title not in used and (m, o, st) not in used:
                    used.update([title, (m, o, st)])
                    break
            o_l, st_l, m_l = o.lower(), st.lower(), m.lower().replace("bloom", "Bloom")
            ev = rng.choice(PAPER_EVALS)
            desc = [rng.choice([
                f"A technical report on {o_l} {st_l}, evaluated with {ev}.",
                f"We describe a {m_l} scheme for {o_l} and measure it {st_l} using {ev}.",
                f"This paper argues that {o_l} {st_l} is best served by {m_l} techniques, and supports the claim with {ev}.",
                f"Presents a {m_l} design for {o_l} {st_l}, together with results from {ev}.",
            ])]
            subjects = (["peer-to-peer"] if "Overlay" in st or "Peer" in o + st or rng.random() < 0.5 else []) + \
                rng.sample([x for x in PAPER_SUBJECTS if x != "peer-to-peer"], rng.randrange(1, 4))
            if o in ("Top-k Retrieval", "Keyword Search", "Duplicate Detection") and "information retrieval" not in subjects:
                subjects.append("information retrieval")
            if "RDF" in st and "RDF" not in subjects:
                subjects.append("RDF")
        per_year[year] = per_year.get(year, 0) + 1
        ident = f"PDSG-TR-{year}-{per_year[year]:02d}"
        entries.append((year, ident, title, desc, subjects))
    dates = {y: sorted(rand_date(rng, f"{y}-01-10", f"{y}-12-15") for _ in range(c)) for y, c in per_year.items()}
    for year, ident, title, desc, subjects in entries:
        authors = rng.sample(AUTHORS, rng.choices([1, 2, 3, 4, 5], weights=[10, 30, 30, 20, 10])[0])
        iri = f"{CATALOGUE}papers/pinewood/{ident.lower()}"
        size = rng.randrange(180_000, 6_500_000)
        fn = f"{ident.lower()}.pdf"
        extra_urls = []
        if ident == "PDSG-TR-2019-04":
            extra_urls = [f"https://repository.pinewood.example/download?id={ident}&format=pdf"]
        if ident.endswith("-03") and year in (2017, 2021, 2024):
            extra_urls = [f"https://preprints.example.org/pdf/{year % 100:02d}{rng.randrange(1, 13):02d}.{rng.randrange(10000, 99999)}v{rng.choice([1, 2])}"]
        locs = pub.locations(str(year), fn, fake_checksum(iri), extra_urls=extra_urls)
        date_ = dates[year][int(ident[-2:]) - 1]
        pub.resource(iri, title, authors, subjects, date_, desc, "application/pdf", size, locs,
                     extra=[(DCT + "identifier", lit(ident)),
                            (DCT + "language", lit("fr" if "Découverte" in title else "de" if "Verteilte" in title else "en"))],
                     typed_locations=True)
    pub.describe_peers()
    return pub


# ===========================================================================
# 4. Lantern Press Public-Domain Library: books (RDF/XML, xml:base)
# ===========================================================================

BOOKS = [
    # slug, title, creators, original year, language, subjects, description(s)
    ("pride-and-prejudice", "Pride and Prejudice", ["Jane Austen"], "en", ["fiction", "novel", "English literature"],
     [("Elizabeth Bennet, her sisters and Mr Darcy, in a clean transcription of the 1813 text.", "en")]),
    ("moby-dick", "Moby-Dick; or, The Whale", ["Herman Melville"], "en", ["fiction", "novel", "sea stories"],
     [("Ishmael's account of the Pequod's voyage and Captain Ahab's pursuit of the white whale.", "en")]),
    ("madame-bovary", "Madame Bovary", ["Gustave Flaubert"], "fr", ["fiction", "novel", "French literature"],
     [("Le texte intégral du roman de Flaubert, d'après l'édition de 1857.", "fr"),
      ("The complete French text of Flaubert's novel, following the 1857 edition.", "en")]),
    ("die-verwandlung", "Die Verwandlung", ["Franz Kafka"], "de", ["fiction", "novella", "German literature"],
     [("Kafkas Erzählung über Gregor Samsa, nach dem Erstdruck von 1915.", "de"),
      ("Kafka's story of Gregor Samsa, following the first printing of 1915.", "en")]),
    ("wagahai-wa-neko-de-aru", "吾輩は猫である", [lit("夏目漱石", "ja"), lit("Natsume Sōseki", "en")], "ja",
     ["fiction", "novel", "Japanese literature", "satire"],
     [("Natsume Sōseki's satirical novel narrated by a nameless cat, in the original Japanese.", "en")]),
    ("kokoro", "こころ", [lit("夏目漱石", "ja"), lit("Natsume Sōseki", "en")], "ja",
     ["fiction", "novel", "Japanese literature"],
     [("Sōseki's novel of a student and the older man he calls Sensei, in the original Japanese.", "en")]),
    ("rashomon", "羅生門", [lit("芥川龍之介", "ja"), lit("Akutagawa Ryūnosuke", "en")], "ja",
     ["fiction", "short story", "Japanese literature"],
     [("Akutagawa's short story set at a ruined city gate in Heian-era Kyoto.", "en")]),
    ("frankenstein", "Frankenstein; or, The Modern Prometheus", ["Mary Wollstonecraft Shelley"], "en",
     ["fiction", "novel", "Gothic fiction", "science fiction"],
     [("Mary Shelley's novel of Victor Frankenstein and his creature, from the 1818 text.", "en")]),
    ("les-miserables", "Les Misérables", ["Victor Hugo"], "fr", ["fiction", "novel", "French literature"],
     [("Les cinq parties du roman de Victor Hugo, de Fantine à Jean Valjean.", "fr")]),
    ("don-quijote", "El ingenioso hidalgo don Quijote de la Mancha", ["Miguel de Cervantes Saavedra"], "es",
     ["fiction", "novel", "Spanish literature"],
     [("Both parts of Cervantes's novel in the original Spanish, with modernised spelling.", "en")]),
    ("middlemarch", "Middlemarch", ["George Eliot"], "en", ["fiction", "novel", "English literature"],
     [("George Eliot's study of provincial life, following Dorothea Brooke and Tertius Lydgate.", "en")]),
    ("the-time-machine", "The Time Machine", ["H. G. Wells"], "en", ["fiction", "novella", "science fiction"],
     [("Wells's novella of a Victorian inventor who travels to the year 802,701.", "en")]),
    ("dracula", "Dracula", ["Bram Stoker"], "en", ["fiction", "novel", "Gothic fiction", "horror"],
     [("Stoker's epistolary novel, told in letters, diaries and newspaper cuttings.", "en")]),
    ("wuthering-heights", "Wuthering Heights", ["Emily Brontë"], "en", ["fiction", "novel", "English literature"],
     [("Emily Brontë's only novel, set on the Yorkshire moors around Heathcliff and Catherine.", "en")]),
    ("jane-eyre", "Jane Eyre", ["Charlotte Brontë"], "en", ["fiction", "novel", "English literature"],
     [("Charlotte Brontë's novel of an orphaned governess, from the third edition of 1848.", "en")]),
    ("great-expectations", "Great Expectations", ["Charles Dickens"], "en", ["fiction", "novel", "English literature"],
     [("Dickens's novel of Pip, the convict Magwitch and Miss Havisham's stopped clocks.", "en")]),
    ("adventures-of-sherlock-holmes", "The Adventures of Sherlock Holmes", ["Arthur Conan Doyle"], "en",
     ["fiction", "short stories", "detective fiction"],
     [("Twelve Sherlock Holmes stories first collected in 1892, including \"A Scandal in Bohemia\".", "en")]),
    ("alices-adventures-in-wonderland", "Alice's Adventures in Wonderland", ["Lewis Carroll"], "en",
     ["fiction", "children's literature", "fantasy"],
     [("Carroll's 1865 story of Alice's fall down the rabbit hole, without the illustrations.", "en")]),
    ("le-comte-de-monte-cristo", "Le Comte de Monte-Cristo", ["Alexandre Dumas"], "fr",
     ["fiction", "novel", "adventure", "French literature"],
     [("Le roman d'Edmond Dantès, de son emprisonnement au château d'If à sa vengeance.", "fr"),
      ("Dumas's novel of Edmond Dantès, from the Château d'If to his revenge.", "en")]),
    ("faust", "Faust. Eine Tragödie", ["Johann Wolfgang von Goethe"], "de", ["drama", "poetry", "German literature"],
     [("Der erste Teil von Goethes Tragödie in der Fassung von 1808.", "de")]),
    ("effi-briest", "Effi Briest", ["Theodor Fontane"], "de", ["fiction", "novel", "German literature"],
     [("Fontanes Roman über eine junge Frau in der preußischen Provinz.", "de"),
      ("Fontane's novel of a young woman married into provincial Prussian society.", "en")]),
    ("walden", "Walden; or, Life in the Woods", ["Henry David Thoreau"], "en", ["essays", "nature writing", "philosophy"],
     [("Thoreau's account of two years in a cabin beside Walden Pond.", "en")]),
    ("leaves-of-grass", "Leaves of Grass", ["Walt Whitman"], "en", ["poetry", "American literature"],
     [("Whitman's collection in the 1891–92 \"deathbed\" edition,\nwith the original line breaks kept.", "en")]),
    ("souls-of-black-folk", "The Souls of Black Folk", ["W. E. B. Du Bois"], "en", ["essays", "history", "sociology"],
     [("Du Bois's 1903 collection of essays on race in America, including \"Of Our Spiritual Strivings\".", "en")]),
    ("little-women", "Little Women", ["Louisa May Alcott"], "en", ["fiction", "novel", "American literature"],
     [("Alcott's novel of the four March sisters, both parts in one volume.", "en")]),
    ("picture-of-dorian-gray", "The Picture of Dorian Gray", ["Oscar Wilde"], "en", ["fiction", "novel", "Gothic fiction"],
     [("Wilde's novel in its 1891 book form, with the preface of aphorisms.", "en")]),
    ("heart-of-darkness", "Heart of Darkness", ["Joseph Conrad"], "en", ["fiction", "novella"],
     [("Conrad's novella of Marlow's journey up the Congo River, from the 1902 volume.", "en")]),
    ("candide", "Candide, ou l'Optimisme", ["Voltaire"], "fr", ["fiction", "satire", "philosophy", "French literature"],
     [("Le conte philosophique de Voltaire, d'après l'édition de 1759.", "fr")]),
]

BOOK_FORMATS = [
    ("epub", "application/epub+zip", "EPUB edition", 1.0),
    ("txt", "text/plain", "plain text edition (UTF-8)", 1.9),
]


def gen_lantern():
    pub = Publisher(
        "lantern", "https://lantern.example/#press", "Lantern Press Public-Domain Library",
        "https://lantern.example/", "https://books.lantern.example/files", "lantern",
        peer_prob=0.35, iri_location_prob=0.1,
        comment=[("Volunteers transcribing and proofreading public-domain books.", "en"),
                 ("Des bénévoles qui transcrivent et relisent des livres du domaine public.", "fr")])
    rng = pub.rng
    pub.describe_self()
    for slug, title, creators, lang, subjects, descs in BOOKS:
        base_size = rng.randrange(90_000, 1_400_000)
        if slug in ("les-miserables", "moby-dick", "don-quijote", "middlemarch"):
            base_size *= 3
        edition_date = rand_date(rng, "2018-01-01", "2026-10-31")
        for ext, mime, label, factor in BOOK_FORMATS:
            iri = f"{CATALOGUE}books/lantern/{slug}/{ext}"
            fn = f"{slug}.{ext}"
            d = [lit(t, l) for t, l in descs]
            if ext == "txt":
                d = d[:1]
            pub.resource(
                iri, title, creators, subjects + ["public domain"], edition_date, d, mime,
                int(base_size * factor), pub.locations(slug, fn, fake_checksum(iri)),
                extra=[(DCT + "language", lit(lang)), (DCT + "hasFormat" if ext == "epub" else DCT + "isFormatOf",
                                                      I(f"{CATALOGUE}books/lantern/{slug}/{'txt' if ext == 'epub' else 'epub'}")),
                       (DCT + "rights", lit("Public domain in the country of publication and in most others."))],
                comment=(f"{title} — {creators[0].v if isinstance(creators[0], L) else creators[0]}" if ext == "epub" else None))
    pub.describe_peers()
    return pub


# ===========================================================================
# 5. Civic Open Data Collective: datasets (N-Triples)
# ===========================================================================

CITIES = [
    dict(name="Northvale", slug="northvale", lang="en", creator="Northvale City Council — Open Data Team"),
    dict(name="Port Alder", slug="port-alder", lang="en", creator="Port Alder Harbour Board"),
    dict(name="Kleinbrück", slug="kleinbrueck", lang="de", creator="Stadtverwaltung Kleinbrück"),
    dict(name="Saint-Aubin-sur-Lys", slug="saint-aubin-sur-lys", lang="fr", creator="Mairie de Saint-Aubin-sur-Lys"),
]

DATASETS = [
    dict(key="bicycle-counts", title="Bicycle counter readings, {city}, {year}", yearly=True,
         formats=["csv"], size=(2_000_000, 40_000_000), subjects=["transport", "cycling", "sensors"],
         desc="Hourly counts from {n} automatic bicycle counters around {city} during {year}, one row per counter per hour.",
         de="Stündliche Zählwerte von {n} automatischen Fahrradzählstellen in {city} im Jahr {year}.",
         fr="Comptages horaires de {n} compteurs vélo automatiques à {city} en {year}."),
    dict(key="air-quality", title="Air quality measurements, {city}, {year}", yearly=True,
         formats=["ndjson", "csv"], size=(8_000_000, 120_000_000), subjects=["environment", "air quality", "sensors"],
         desc="NO2, PM2.5 and PM10 readings every fifteen minutes from {n} monitoring stations in {city}, {year}.",
         de="Messwerte für NO2, PM2,5 und PM10 im Viertelstundentakt von {n} Messstationen in {city}, {year}.",
         fr="Mesures de NO2, PM2,5 et PM10 toutes les quinze minutes sur {n} stations à {city}, {year}."),
    dict(key="street-trees", title="Street tree inventory, {city}", yearly=False,
         formats=["csv", "geojson"], size=(1_500_000, 25_000_000), subjects=["environment", "trees", "geospatial"],
         desc="Every council-managed street tree in {city}, with species, planting year, trunk girth and position.",
         de="Alle städtischen Straßenbäume in {city} mit Art, Pflanzjahr, Stammumfang und Lage.",
         fr="Tous les arbres d'alignement gérés par la commune de {city} : essence, année de plantation, circonférence et position."),
    dict(key="library-loans", title="Library loans by branch, {city}, {year}", yearly=True,
         formats=["csv"], size=(60_000, 900_000), subjects=["libraries", "culture"],
         desc="Monthly loan counts for each public library branch in {city} in {year}, split by adult, children's and audio items.",
         de="Monatliche Ausleihzahlen je Zweigstelle der Stadtbibliothek {city} im Jahr {year}.",
         fr="Nombre mensuel de prêts par bibliothèque de quartier à {city} en {year}."),
    dict(key="building-permits", title="Building permits issued, {city}, {year}", yearly=True,
         formats=["csv", "ndjson"], size=(300_000, 6_000_000), subjects=["planning", "housing"],
         desc="Building permits granted in {city} during {year}, with address, permit type, floor area and decision date.",
         de="Im Jahr {year} in {city} erteilte Baugenehmigungen mit Adresse, Art, Geschossfläche und Datum.",
         fr="Permis de construire accordés à {city} en {year}, avec adresse, type, surface et date de décision."),
    dict(key="bus-stops", title="Bus stop locations, {city}", yearly=False,
         formats=["csv", "geojson"], size=(80_000, 2_000_000), subjects=["transport", "public transport", "geospatial"],
         desc="Position, name, shelter and step-free access of every bus stop served in {city}.",
         de="Lage, Name, Wartehäuschen und Barrierefreiheit aller Bushaltestellen in {city}.",
         fr="Position, nom, abri et accessibilité de chaque arrêt de bus desservi à {city}."),
    dict(key="noise-complaints", title="Noise complaints, {city}, {year}", yearly=True,
         formats=["ndjson"], size=(200_000, 5_000_000), subjects=["environment", "noise", "public services"],
         desc="Noise complaints received by {city} in {year}, with category, district and time of day but no personal data.",
         de="In {city} im Jahr {year} eingegangene Lärmbeschwerden nach Kategorie, Stadtteil und Tageszeit, ohne personenbezogene Daten.",
         fr="Plaintes pour bruit reçues par {city} en {year}, par catégorie, quartier et heure, sans données personnelles."),
]

DATA_FORMATS = {"csv": "text/csv", "ndjson": "application/x-ndjson", "geojson": "application/geo+json"}


def gen_civic():
    pub = Publisher(
        "civic", "https://civicdata.example/#collective", "Civic Open Data Collective",
        "https://civicdata.example/", "https://data.civicdata.example/download", "civicdata",
        peer_prob=0.4)
    rng = pub.rng
    pub.describe_self()
    combos = []
    for city in CITIES:
        for ds in DATASETS:
            years = [2022, 2023, 2024, 2025] if ds["yearly"] else [None]
            for y in years:
                combos.append((city, ds, y))
    rng.shuffle(combos)
    chosen = sorted(combos[:44], key=lambda c: (CITIES.index(c[0]), DATASETS.index(c[1]), c[2] or 0))
    count = 0
    api_done = False
    for city, ds, year in chosen:
        fmts = ds["formats"] if count % 3 != 2 else ds["formats"][:1]
        n = rng.randrange(4, 40)
        for fmt in fmts:
            if count >= 60:
                break
            yslug = f"-{year}" if year else ""
            name = f"{ds['key']}{yslug}"
            iri = f"{CATALOGUE}datasets/{city['slug']}/{name}/{fmt}"
            fn = f"{city['slug']}-{name}.{fmt}"
            title = ds["title"].format(city=city["name"], year=year)
            if len(fmts) > 1:
                title += f" ({fmt.upper() if fmt != 'ndjson' else 'NDJSON'})"
            args = dict(city=city["name"], year=year, n=n)
            if city["lang"] == "de":
                descs = [lit(ds["de"].format(**args), "de")]
                if rng.random() < 0.5:
                    descs.append(lit(ds["desc"].format(**args), "en"))
            elif city["lang"] == "fr":
                descs = [lit(ds["fr"].format(**args), "fr"), lit(ds["desc"].format(**args), "en")]
            else:
                descs = [lit(ds["desc"].format(**args))]
            lo, hi = ds["size"]
            size = rng.randrange(lo, hi) * (2 if fmt == "ndjson" else 3 if fmt == "geojson" else 1)
            if year:
                d = rand_date(rng, f"{year + 1}-01-15", f"{min(year + 1, 2026)}-06-30")
            else:
                d = rand_date(rng, "2024-03-01", "2026-10-31")
            creators = [city["creator"]] + (["Ana Kovačević"] if rng.random() < 0.25 else [])
            extra_urls = []
            if city["slug"] == "northvale" and ds["key"] == "bicycle-counts" and not api_done:
                api_done = True
                extra_urls = [f"https://opendata.northvale.example/api/export?dataset={name}&format={fmt}"]
            pub.resource(iri, title, creators, ds["subjects"] + ["open data"], d, descs, DATA_FORMATS[fmt], size,
                         pub.locations(f"{city['slug']}/{name}", fn, fake_checksum(iri), extra_urls=extra_urls),
                         extra=[(DCT + "spatial", lit(city["name"])),
                                (DCT + "license", I("https://opendatacommons.org/licenses/odbl/1-0/"
                                                    if city["slug"] == "port-alder" else
                                                    "https://creativecommons.org/licenses/by/4.0/"))])
            count += 1
    pub.describe_peers()
    return pub


# ===========================================================================
# 6. Night Shift Audio: podcasts (TriG) and the RSS 1.0 feed
# ===========================================================================

SHOWS = [
    dict(slug="long-night-shift", title="The Long Night Shift", hosts=["Della Marsh"],
         subjects=["podcast", "interview", "work"], fmt="audio/mpeg",
         about="conversations with people who work while everyone else sleeps",
         episodes=["The Lighthouse Keeper Who Stayed", "Bakers Before Dawn", "A Night on the Neonatal Ward",
                   "Taxi Stories from the Ring Road", "The Observatory Night Assistant", "Night Ferry Crossing",
                   "Radio Hams and Grey Lines", "The Last Tram Driver", "Emergency Dispatch, 3 a.m.",
                   "Nightwatch at the Museum", "Road Gritters in the First Snow", "Harbour Pilots"],
         feed=["The Night Librarian", "Signal Box Memories", "Sleep Lab Technicians", "The All-Night Diner",
               "The Bridge Operator"]),
    dict(slug="signal-and-noise", title="Signal & Noise", hosts=["Rafael Ortiz", "Mina Karimi"],
         subjects=["podcast", "technology", "networking"], fmt="audio/ogg",
         about="a fortnightly show about the infrastructure nobody notices until it breaks",
         episodes=["Why Your Wi-Fi Is Slow", "The Quiet Life of DNS", "Peer-to-Peer, Twenty Years On",
                   "Mesh Networks in Small Towns", "What a Checksum Can and Can't Tell You", "Time Zones Are Hard",
                   "Keeping Old Software Alive", "The Economics of Mirrors", "Metadata Is a Love Letter",
                   "Search Without a Search Engine", "Unicode for the Rest of Us", "Ham Radio Packet Networks"],
         feed=["Catalogues That Gossip", "The Long Tail of Torrents", "Building a Home Archive"],
         trailer="A two-minute taste of what Signal & Noise is about, recorded before episode one."),
    dict(slug="kitchen-table-science", title="Kitchen Table Science", hosts=["Dr. Ifeoma Chukwu"],
         subjects=["podcast", "science", "education"], fmt="audio/mpeg",
         about="experiments you can do with what is already in your kitchen",
         episodes=["Why Bread Rises", "The Physics of a Boiling Kettle", "Salt, Ice and Freezing Points",
                   "Fermentation in a Jar", "Colour-Changing Red Cabbage", "How Non-Stick Pans Work",
                   "The Chemistry of Caramel", "Soap Bubbles and Surface Tension", "Measuring Gravity with a Pendulum",
                   "Why Onions Make You Cry", "Microwaves, Explained Calmly", "Crystals from Sugar Water"],
         feed=["Coffee Extraction by Numbers"]),
    dict(slug="slow-radio", title="Slow Radio: Ambient Walks", hosts=["Jonas Eklund", "Aiko Mori (森愛子)"],
         subjects=["podcast", "field recordings", "ambient"], fmt="audio/ogg",
         about="unnarrated field recordings of places at their quietest",
         episodes=["Dawn Chorus, Wicken Fen", "Rain on a Tin Roof", "The Harbour at Low Tide",
                   "Midnight Snow in Kyoto — 京都の雪", "A Forest After the Storm", "Tram Depot at Closing Time",
                   "Cicadas in August", "Fog Horns on the Estuary", "Market Morning in Lyon — Marché de la Croix-Rousse",
                   "Wind Through a Wheat Field", "Night Train to the Coast", "Ice Cracking on a Lake"],
         feed=["Rooftop Rain in Osaka — 大阪の雨"],
         trailer="Thirty seconds of rain and footsteps to tell you what this show sounds like."),
]

EPISODE_DESC = {
    "long-night-shift": "Della Marsh spends a night shift with {guest} and asks what the job is really like.",
    "signal-and-noise": "In \"{title}\", Rafael and Mina dig into a corner of the network nobody thinks about, then answer listener questions.",
    "kitchen-table-science": "{title}: Ifeoma explains the science behind it with an experiment you can try at home tonight.",
    "slow-radio": "{title}: about {mins} minutes of sound, recorded without narration or music.",
}
GUESTS = ["a retired keeper", "two bakers", "a neonatal nurse", "a taxi driver of thirty years",
          "an observatory assistant", "a ferry deckhand", "a radio amateur", "a tram driver",
          "a dispatcher", "a museum guard", "a gritter driver", "a harbour pilot", "a night librarian",
          "a former signaller", "a sleep technician", "a diner cook", "a bridge operator"]


def gen_night_shift():
    graph_iri = f"{CATALOGUE}podcasts/graph/catalogue-2026-11"
    pub = Publisher(
        "night-shift", "https://nightshift.example/#network", "Night Shift Audio",
        "https://nightshift.example/", "https://media.nightshift.example/episodes", "nightshift",
        peer_prob=0.5, graph_iri=graph_iri)
    rng = pub.rng
    pub.describe_self(pub.graph_iri)
    feed_items = []
    for show in SHOWS:
        series = I(f"{CATALOGUE}podcasts/{show['slug']}")
        g = pub.g
        g.comment(series, f"{show['title']}")
        g.add(series, I(RDF + "type"), I(DCMITYPE + "Collection"), pub.graph_iri)
        g.add(series, I(DCT + "title"), lit(show["title"]), pub.graph_iri)
        g.add(series, I(DCT + "description"), lit(show["about"][0].upper() + show["about"][1:] + ".", "en"), pub.graph_iri)
        for h in show["hosts"]:
            g.add(series, I(DCT + "creator"), lit(h), pub.graph_iri)
        g.add(series, I(DCT + "publisher"), pub.iri, pub.graph_iri)
        ext = "mp3" if show["fmt"] == "audio/mpeg" else "ogg"
        rate = 16_000 if ext == "mp3" else 12_000
        d = _dt.date(2025, 1, 6) + _dt.timedelta(days=rng.randrange(0, 20))
        eps = []
        if "trailer" in show:
            eps.append((0, "Trailer", show["trailer"], 60 + rng.randrange(90)))
        for n, t in enumerate(show["episodes"], start=1):
            eps.append((n, t, None, rng.randrange(20 * 60, 75 * 60)))
        for n, t in enumerate(show["feed"], start=len(show["episodes"]) + 1):
            eps.append((n, t, None, rng.randrange(20 * 60, 75 * 60)))
        # The newest episodes (the ones in the RSS feed) count back from late November 2026.
        feed_dates = {}
        cur = _dt.date(2026, 11, 24) - _dt.timedelta(days=rng.randrange(0, 6))
        for n in range(len(show["episodes"]) + len(show["feed"]), len(show["episodes"]), -1):
            feed_dates[n] = cur
            cur -= _dt.timedelta(days=rng.randrange(7, 15))
        for n, title, desc, secs in eps:
            in_feed = n > len(show["episodes"])
            if in_feed:
                d = feed_dates[n]
            else:
                d = d + _dt.timedelta(days=rng.randrange(21, 45) if n > 0 else 0)
            if desc is None:
                desc = EPISODE_DESC[show["slug"]].format(
                    guest=GUESTS[(n - 1) % len(GUESTS)], title=title, mins=round(secs / 60))
            full_title = f"{show['title']} — Episode {n}: {title}" if n else f"{show['title']} — Trailer"
            iri = f"{CATALOGUE}podcasts/{show['slug']}/episode-{n:03d}"
            fn = f"{show['slug']}-{n:03d}.{ext}"
            size = secs * rate + rng.randrange(1 << 14)
            item = dict(iri=iri, title=full_title, short=title, n=n, show=show, date=d.isoformat(),
                        desc=desc, fmt=show["fmt"], size=size, fn=fn, secs=secs)
            if in_feed:
                feed_items.append(item)
                continue
            descs = [lit(desc, "en")]
            if title.startswith("Market Morning in Lyon"):
                descs.append(lit("Quarante minutes du marché de la Croix-Rousse un samedi matin, sans commentaire.", "fr"))
            pub.resource(iri, full_title, show["hosts"], show["subjects"], d.isoformat(), descs, show["fmt"], size,
                         pub.locations(show["slug"], fn, fake_checksum(iri)),
                         extra=[(DCT + "isPartOf", series),
                                (DCT + "extent", lit(f"PT{secs // 60}M{secs % 60}S"))])
    pub.describe_peers(pub.graph_iri)
    # A second graph: where the catalogue graph came from.
    meta = I(f"{CATALOGUE}podcasts/graph/meta")
    g = pub.g
    cg = pub.graph_iri
    g.add(cg, I(DCT + "publisher"), pub.iri, meta)
    g.add(cg, I(DCT + "created"), datetime_("2026-11-24T21:30:00Z"), meta)
    g.add(cg, I(DCT + "description"),
          lit("Monthly catalogue export: every episode still available, with current mirrors.", "en"), meta)
    g.add(cg, I(DCT + "replaces"), I(f"{CATALOGUE}podcasts/graph/catalogue-2026-10"), meta)
    return pub, feed_items


def gen_feed(pub, items):
    """RSS 1.0 (RDF/XML) with gv: terms on each item; written from a template."""
    rng = random.Random(f"{SEED}:night-shift-feed")
    items = sorted(items, key=lambda it: it["date"], reverse=True)
    channel = "https://nightshift.example/feeds/new-episodes.rss"
    x = xml_text
    a = xml_attr
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           "<!--",
           "  Night Shift Audio: new episodes, as an RSS 1.0 feed.",
           "",
           "  Each item is also a gv:Resource with its own locations, so a Grapevine",
           "  node that reads this feed learns where to fetch every episode.",
           "  Written by SampleData/generate.py.",
           "-->",
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
           '         xmlns="http://purl.org/rss/1.0/"',
           '         xmlns:dc="http://purl.org/dc/elements/1.1/"',
           '         xmlns:dcterms="http://purl.org/dc/terms/"',
           '         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"',
           '         xmlns:foaf="http://xmlns.com/foaf/0.1/"',
           '         xmlns:gv="https://w3id.org/grapevine/ns#">',
           "",
           f'  <channel rdf:about="{channel}">',
           "    <title>Night Shift Audio — New Episodes</title>",
           "    <link>https://nightshift.example/</link>",
           "    <description>The latest episodes from every Night Shift Audio show, with download locations for Grapevine peers.</description>",
           "    <dc:language>en</dc:language>",
           "    <dc:publisher>Night Shift Audio</dc:publisher>",
           "    <dc:date>2026-11-25T08:00:00Z</dc:date>",
           "    <items>",
           "      <rdf:Seq>"]
    for it in items:
        out.append(f'        <rdf:li rdf:resource="{a(it["iri"])}"/>')
    out += ["      </rdf:Seq>", "    </items>", "  </channel>"]
    peers_used = []
    for it in items:
        show = it["show"]
        link = f"https://nightshift.example/{show['slug']}/{it['n']}"
        out += ["",
                f'  <item rdf:about="{a(it["iri"])}">',
                f"    <title>{x(it['title'])}</title>",
                f"    <link>{x(link)}</link>",
                f"    <description>{x(it['desc'])}</description>",
                f"    <dc:date>{it['date']}</dc:date>",
                f'    <rdf:type rdf:resource="{GV}Resource"/>',
                f"    <dcterms:title>{x(it['title'])}</dcterms:title>"]
        for h in show["hosts"]:
            out.append(f"    <dcterms:creator>{x(h)}</dcterms:creator>")
        for s in show["subjects"]:
            out.append(f"    <dcterms:subject>{x(s)}</dcterms:subject>")
        out += [f'    <dcterms:date rdf:datatype="{XSD}date">{it["date"]}</dcterms:date>',
                f'    <dcterms:description xml:lang="en">{x(it["desc"])}</dcterms:description>',
                f"    <dcterms:format>{it['fmt']}</dcterms:format>",
                f'    <dcterms:isPartOf rdf:resource="{CATALOGUE}podcasts/{show["slug"]}"/>',
                f'    <gv:size rdf:datatype="{XSD}nonNegativeInteger">{it["size"]}</gv:size>',
                f"    <gv:checksum>{fake_checksum(it['iri'])}</gv:checksum>",
                f'    <gv:publisher rdf:resource="{a(pub.iri.v)}"/>']
        n_loc = rng.choice([1, 2, 2, 3])
        urls = [(f"https://media.nightshift.example/episodes/{show['slug']}/{it['fn']}", None)]
        peers = rng.sample([p for p, _ in PEERS], 3)
        mirrors = rng.sample(MIRRORS, 3)
        while len(urls) < n_loc:
            if rng.random() < 0.5:
                p = peers.pop()
                urls.append((f"{dict(PEERS)[p]}/files/{fake_checksum(it['iri'])[7:19]}/{it['fn']}", p))
                if p not in peers_used:
                    peers_used.append(p)
            else:
                urls.append((mirrors.pop().format(slug="nightshift", path=show["slug"]) + "/" + it["fn"], None))
        for u, p in urls:
            out += ['    <gv:location rdf:parseType="Resource">',
                    f'      <gv:url rdf:resource="{a(u)}"/>',
                    f'      <gv:validUntil rdf:datatype="{XSD}dateTime">{valid_until(rng)}</gv:validUntil>']
            if p:
                out.append(f'      <gv:peer rdf:resource="{peer_iri(p).v}"/>')
            out.append("    </gv:location>")
        out.append("  </item>")
    out += ["", f'  <gv:Publisher rdf:about="{a(pub.iri.v)}">',
            f"    <rdfs:label>{x(pub.label)}</rdfs:label>",
            f'    <foaf:homepage rdf:resource="{a(pub.homepage)}"/>',
            "  </gv:Publisher>"]
    for p in peers_used:
        base = dict(PEERS)[p]
        out += ["", f'  <gv:Peer rdf:about="{peer_iri(p).v}">',
                f"    <gv:peerId>gvp1-{hashlib.sha256(p.encode()).hexdigest()[:24]}</gv:peerId>",
                f'    <gv:endpoint rdf:resource="{base}/grapevine"/>',
                "  </gv:Peer>"]
    out += ["", "</rdf:RDF>", ""]
    return "\n".join(out), len(items)


# ===========================================================================
# 7. Meridian Climate Archive: station observations (N-Quads)
# ===========================================================================

STATIONS = [
    ("Tromsø", "TRM01", "Norway"), ("Göttingen", "GOE02", "Germany"), ("Zürich-Fluntern", "ZRH03", "Switzerland"),
    ("Clermont-Ferrand", "CFE04", "France"), ("Aberdeen Dyce", "ABZ05", "Scotland"), ("Bodø", "BOO06", "Norway"),
    ("Kraków-Balice", "KRK07", "Poland"),
]


def gen_meridian():
    pub = Publisher(
        "meridian", "https://meridian-climate.example/#archive", "Meridian Climate Archive",
        "https://meridian-climate.example/", "https://data.meridian-climate.example/obs", "meridian",
        peer_prob=0.25, graph_iri=f"{CATALOGUE}climate/graph/catalogue")
    rng = pub.rng
    # The publisher's own description lives in the default graph.
    pub.describe_self(None)
    for name, code, country in STATIONS:
        lower = code.lower()
        for year in [2021, 2022, 2023, 2024, 2025]:
            iri = f"{CATALOGUE}climate/{lower}/daily-{year}/csv"
            fn = f"{lower}-daily-{year}.csv"
            days = 366 if year % 4 == 0 else 365
            pub.resource(
                iri, f"Daily observations, {name} ({code}), {year}",
                ["Meridian Climate Archive"] + (["Kasia Wróblewska"] if rng.random() < 0.3 else []),
                ["climate", "weather observations", "meteorology", country],
                rand_date(rng, f"{year + 1}-01-05", f"{year + 1}-02-20"),
                [lit(f"Daily minimum, maximum and mean temperature, precipitation and sunshine for {name} in {year}, "
                     f"one row per day.", "en")],
                "text/csv", days * rng.randrange(82, 96),
                pub.locations(f"{lower}/{year}", fn, fake_checksum(iri)),
                extra=[(DCT + "spatial", lit(f"{name}, {country}")), (DCT + "temporal", lit(str(year)))])
        iri = f"{CATALOGUE}climate/{lower}/hourly-2025/ndjson"
        fn = f"{lower}-hourly-2025.ndjson"
        pub.resource(
            iri, f"Hourly observations, {name} ({code}), 2025", ["Meridian Climate Archive"],
            ["climate", "weather observations", "meteorology", country],
            rand_date(rng, "2026-01-05", "2026-02-20"),
            [lit(f"Hourly temperature, pressure, wind and humidity for {name} in 2025, one JSON object per line.", "en")],
            "application/x-ndjson", 8760 * rng.randrange(190, 240),
            pub.locations(f"{lower}/2025", fn, fake_checksum(iri)),
            extra=[(DCT + "spatial", lit(f"{name}, {country}")), (DCT + "temporal", lit("2025"))])
    # Three station metadata files to round the archive off.
    for title, slug, desc in [
        ("Station register", "stations", "Name, code, position, height and opening date of every station in the archive."),
        ("Instrument changes", "instruments", "A log of instrument replacements and recalibrations at each station since 1990."),
        ("Data gaps", "gaps", "Known gaps in the records, with the reason for each where it is known — power cuts, storms, theft."),
    ]:
        iri = f"{CATALOGUE}climate/metadata/{slug}/csv"
        pub.resource(iri, f"Meridian Climate Archive — {title}", ["Kasia Wróblewska"],
                     ["climate", "metadata", "weather stations"], rand_date(rng, "2026-03-01", "2026-10-31"),
                     [lit(desc, "en")], "text/csv", rng.randrange(4_000, 90_000),
                     pub.locations("metadata", f"{slug}.csv", fake_checksum(iri)))
    pub.describe_peers(pub.graph_iri)
    return pub


# ===========================================================================
# Output
# ===========================================================================

def preamble(lines, mark="#"):
    return "\n".join(f"{mark} {l}" if l else mark for l in lines)


def build():
    files: dict[str, bytes] = {}
    counts = {}

    def put(path, text, pub=None, n=None):
        files[path] = text.encode("utf-8") if isinstance(text, str) else text
        if pub is not None or n is not None:
            counts[path] = n if n is not None else len(pub.resources)

    made_by = "Written by SampleData/generate.py; all names, hosts and checksums are made up."

    hr = gen_hollow_reed()
    put("publishers/hollow-reed-records.ttl", write_turtle(
        hr.g, COMMON_PREFIXES,
        preamble(["Hollow Reed Records: albums and tracks released under Creative Commons licences.",
                  "Each album is offered as a zip of the whole album and as separate tracks.",
                  made_by])), hr)

    tarn = gen_tarn()
    put("publishers/tarn-software.ttl", write_turtle(
        tarn.g, COMMON_PREFIXES + [("owl", OWL)],
        preamble(["Tarn Software Foundation: release artefacts (source tarballs, Debian packages, builds).",
                  "Resource IRIs are written relative to the @base below.",
                  made_by]),
        base=f"{CATALOGUE}software/"), tarn)

    pw = gen_pinewood()
    put("publishers/pinewood-dsg.rdf", RdfXmlWriter(
        [("rdf", RDF), ("rdfs", RDFS), ("dcterms", DCT), ("foaf", FOAF), ("gv", GV)],
        entities=True).document(
        pw.g, "Pinewood University, Distributed Systems Group: technical reports and papers.\n" + made_by), pw)

    ln = gen_lantern()
    put("publishers/lantern-press.rdf", RdfXmlWriter(
        [("rdf", RDF), ("rdfs", RDFS), ("dcterms", DCT), ("foaf", FOAF), ("gv", GV)],
        base=f"{CATALOGUE}books/lantern/", typed_locations=False).document(
        ln.g, "Lantern Press Public-Domain Library: transcribed books, as EPUB and plain text.\n"
              "rdf:about values are relative to xml:base.\n" + made_by), ln)

    cv = gen_civic()
    put("publishers/civic-data.nt", write_ntriples(
        cv.g, preamble(["Civic Open Data Collective: municipal datasets from four towns.", made_by])), cv)

    ns, feed_items = gen_night_shift()
    put("publishers/night-shift-audio.trig", write_trig(
        ns.g, COMMON_PREFIXES + [("dcmitype", DCMITYPE)],
        preamble(["Night Shift Audio: podcast episodes, as a TriG dataset.",
                  "The catalogue is in one named graph; a second graph describes the first.",
                  made_by]),
        {ns.graph_iri: "The catalogue itself.", I(f"{CATALOGUE}podcasts/graph/meta"): "About the catalogue graph."}), ns)
    feed, n_items = gen_feed(ns, feed_items)
    put("feeds/night-shift-audio.rss", feed, n=n_items)

    mc = gen_meridian()
    put("publishers/meridian-climate.nq", write_nquads(
        mc.g, preamble(["Meridian Climate Archive: station observations as N-Quads.",
                        "The publisher is described in the default graph, the catalogue in a named graph.",
                        "Non-ASCII characters are written as \\u escapes.",
                        made_by])), mc)

    # malformed/not-utf8.ttl: valid Turtle except one Latin-1 byte (0xE9, "é")
    # inside the literal on line 5.
    not_utf8 = (
        b"# Not UTF-8: line 5 holds the single byte 0xE9 (Latin-1 for e-acute), which is not valid UTF-8.\n"
        b"@prefix gv: <https://w3id.org/grapevine/ns#> .\n"
        b"@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        b"<https://catalogue.example.net/music/anouk-delacroix/les-heures-bleues> a gv:Resource ;\n"
        b"    dcterms:title \"Caf\xe9 de la Gare\" ;\n"
        b"    gv:location [ gv:url <https://dl.hollowreed.example/anouk-delacroix/les-heures-bleues/cafe.flac> ] .\n")
    put("malformed/not-utf8.ttl", not_utf8)
    return files, counts


def main(argv):
    files, counts = build()
    check = "--check" in argv
    changed = []
    for rel, data in files.items():
        path = HERE / rel
        if check:
            if not path.exists() or path.read_bytes() != data:
                changed.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for rel, n in counts.items():
        print(f"{n:5d} resources  {rel}")
    print(f"{sum(counts.values()):5d} resources in total")
    if check:
        if changed:
            print("differ from generator output:", *changed, sep="\n  ")
            return 1
        print("all generated files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
