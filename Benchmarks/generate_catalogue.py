#!/usr/bin/env python3
"""Generate a deterministic, seeded Grapevine resource catalogue in N-Triples or Turtle.

    python3 Benchmarks/generate_catalogue.py --triples 1000000 --format ntriples \
        --seed 42 --publishers 8 -o /tmp/catalogue.nt

Every resource looks like this (Turtle form):

    <https://catalogue.example.net/r/p3/17>
        a gv:Resource ;
        dcterms:title "Coastal rainfall survey 2011" ;
        dcterms:creator "Ada Moreau" ;
        dcterms:subject "rainfall", "coast" ;
        dcterms:date "2011-04-09"^^xsd:date ;
        dcterms:description "..."@fr ;
        dcterms:format "text/csv" ;
        gv:size "48213"^^xsd:nonNegativeInteger ;
        gv:checksum "sha256:<64 lowercase hex>" ;
        gv:publisher <https://catalogue.example.net/publisher/p3> ;
        gv:location [ gv:url <https://peer12.example.org/...> ;
                      gv:validUntil "2026-05-01T00:00:00Z"^^xsd:dateTime ] .

Guarantees, for every resource: a title; one to two locations; each location has
exactly one gv:url (an absolute IRI) and at most one gv:validUntil (typed xsd:dateTime);
gv:size is typed xsd:nonNegativeInteger.  Generation stops at the first whole resource
that brings the count to at least --triples, so the file holds the requested count plus
at most one resource's worth (< 20 triples).

Determinism: the only randomness is `random.Random(seed).random()`, the one call whose
sequence Python promises to keep across versions, and SHA-256 of fixed strings.
Same arguments, same bytes.

Also usable as a module: `generate(out, triples=..., fmt=..., seed=..., publishers=...)`
writes to a text stream and returns the number of triples written.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
from typing import Callable, TextIO

GV = "https://w3id.org/grapevine/ns#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RESOURCE_BASE = "https://catalogue.example.net/r/"
PUBLISHER_BASE = "https://catalogue.example.net/publisher/"

FORMATS = ("ntriples", "turtle")
EXTENSIONS = {"ntriples": "nt", "turtle": "ttl"}

# ~200 subject keywords.
KEYWORDS = (
    "agriculture", "air-quality", "algae", "altitude", "anatomy", "archaeology", "archive",
    "astronomy", "atlas", "audio", "aviation", "bacteria", "bathymetry", "biodiversity",
    "biology", "birds", "botany", "bridges", "budget", "buildings", "census", "chemistry",
    "cities", "climate", "clouds", "coast", "coral", "corpus", "crops", "culture", "currents",
    "cycling", "dams", "demography", "deserts", "dialects", "diet", "drought", "earthquakes",
    "ecology", "economy", "education", "elections", "electricity", "elevation", "emissions",
    "energy", "engineering", "epidemiology", "erosion", "estuaries", "ethnography", "evolution",
    "exoplanets", "farming", "ferries", "fisheries", "flooding", "flora", "folklore", "forests",
    "fossils", "freight", "fungi", "galaxies", "gardens", "genealogy", "genetics", "genomics",
    "geology", "glaciers", "grasslands", "groundwater", "harbours", "health", "heritage",
    "history", "housing", "humidity", "hydrology", "ice", "imagery", "immigration", "income",
    "industry", "insects", "irrigation", "islands", "journalism", "lakes", "land-use",
    "landslides", "languages", "law", "libraries", "lichens", "lidar", "lighthouses",
    "linguistics", "literature", "livestock", "mammals", "manuscripts", "maps", "marine",
    "markets", "medicine", "meteorology", "migration", "minerals", "mining", "monuments",
    "moss", "mountains", "museums", "music", "navigation", "neuroscience", "newspapers",
    "noise", "nutrition", "oceans", "orchards", "ornithology", "paintings", "palaeontology",
    "parks", "peatlands", "pesticides", "photography", "physics", "phytoplankton", "pipelines",
    "planets", "plankton", "poetry", "pollen", "pollution", "population", "ports",
    "precipitation", "proteins", "public-transport", "radar", "railways", "rainfall",
    "recycling", "reefs", "remote-sensing", "reptiles", "rivers", "roads", "rocks", "salinity",
    "satellites", "schools", "sculpture", "sea-ice", "sediment", "seismology", "sensors",
    "sewage", "shipwrecks", "snow", "soil", "solar", "songs", "spectroscopy", "speech",
    "statistics", "stars", "storms", "streets", "sunspots", "surveys", "taxation", "telescopes",
    "temperature", "textiles", "theatre", "tides", "timber", "tourism", "toxicology", "traffic",
    "trails", "trees", "tsunamis", "tunnels", "turbines", "universities", "urbanism",
    "vaccines", "vegetation", "video", "vineyards", "volcanoes", "voting", "waste", "water",
    "waves", "weather", "wetlands", "whales", "wildfires", "wind", "wolves", "zoology",
)

ADJECTIVES = (
    "Annual", "Coastal", "Historic", "Regional", "Daily", "Open", "Global", "Rural", "Urban",
    "Northern", "Southern", "Revised", "Provisional", "Long-term", "Experimental", "Digitised",
    "Harmonised", "Monthly", "Alpine", "Inland",
)
NOUNS = (
    "survey", "records", "measurements", "observations", "inventory", "register", "atlas",
    "collection", "time series", "dataset", "transcripts", "catalogue", "archive", "census",
    "readings", "index",
)
FIRST_NAMES = (
    "Ada", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
    "Ulla", "Viktor", "Wen", "Ximena", "Yusuf", "Zoé",
)
LAST_NAMES = (
    "Moreau", "Okafor", "Lindqvist", "Tanaka", "García", "Novak", "Schmidt", "Rossi", "Kowalski",
    "Haddad", "Nguyen", "Fischer", "Dubois", "Ivanova", "Mensah", "O'Brien", "Silva", "Larsen",
    "Müller", "Costa", "Yilmaz", "Andersen", "Petrov", "Khan",
)
EN_VERBS = ("gathered", "compiled", "digitised", "measured", "recorded", "curated", "assembled")
EN_PLACES = (
    "the northern coast", "three river basins", "the old harbour", "upland farms",
    "the city archive", "twelve field stations", "a volunteer network", "the national library",
)
FR_WORDS = (
    "données", "relevés", "réseau", "été", "hiver", "côte", "forêt", "rivière", "mesures",
    "archives", "région", "stations", "bénévoles", "série", "années", "inventaire",
)
MEDIA_TYPES = (
    ("text/csv", "csv"), ("application/json", "json"), ("application/pdf", "pdf"),
    ("image/png", "png"), ("image/tiff", "tif"), ("text/turtle", "ttl"),
    ("application/n-triples", "nt"), ("application/zip", "zip"), ("audio/ogg", "ogg"),
    ("video/mp4", "mp4"), ("text/html", "html"), ("application/x-netcdf", "nc"),
)


def escape_literal(text: str) -> str:
    """Escape a lexical form for a double-quoted N-Triples / Turtle string."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = (text.replace("\\", "\\\\").replace('"', '\\"')
                .replace("\n", "\\n").replace("\r", "\\r"))
    return text


class Resource:
    """One generated resource, independent of the output syntax."""

    __slots__ = ("iri", "title", "creator", "subjects", "date", "description", "lang",
                 "media_type", "size", "checksum", "publisher", "locations")

    def triple_count(self) -> int:
        # type, title, creator, subjects, date, description, format, size, checksum,
        # publisher, and per location: the link, gv:url, optional gv:validUntil.
        count = 9 + len(self.subjects)
        for _url, valid_until in self.locations:
            count += 2 if valid_until is None else 3
        return count


class CatalogueModel:
    """Deterministic stream of resources drawn from one seed."""

    def __init__(self, seed: int, publishers: int):
        if publishers < 1:
            raise ValueError("need at least one publisher")
        self.seed = seed
        self.publishers = publishers
        self._rand: Callable[[], float] = random.Random(seed).random

    def _below(self, n: int) -> int:
        return int(self._rand() * n)

    def _pick(self, seq):
        return seq[int(self._rand() * len(seq))]

    def resource(self, n: int) -> Resource:
        below, pick = self._below, self._pick
        res = Resource()
        publisher = f"p{below(self.publishers)}"
        res.publisher = PUBLISHER_BASE + publisher
        res.iri = f"{RESOURCE_BASE}{publisher}/{n}"

        year = 1990 + below(36)
        kw1 = pick(KEYWORDS)
        if below(50) == 0:
            res.title = f'The "{kw1}" {pick(NOUNS)}, {year}'  # exercises escaping
        else:
            res.title = f"{pick(ADJECTIVES)} {kw1} {pick(NOUNS)} {year}"
        res.creator = f"{pick(FIRST_NAMES)} {pick(LAST_NAMES)}"

        subjects = [kw1]
        for _ in range(below(3)):  # 1-3 keywords, distinct
            kw = pick(KEYWORDS)
            if kw not in subjects:
                subjects.append(kw)
        res.subjects = subjects
        res.date = f"{year:04d}-{1 + below(12):02d}-{1 + below(28):02d}"

        lang_roll = below(20)
        if lang_roll < 4:  # 20 % French
            words = [pick(FR_WORDS) for _ in range(6 + below(6))]
            res.description = (f"{words[0].capitalize()} {' '.join(words[1:])} "
                               f"sur {kw1} ({year}).")
            res.lang = "fr"
        else:  # 30 % tagged @en, 50 % plain
            adjective = pick(ADJECTIVES).lower()
            article = "An" if adjective[0] in "aeiou" else "A"
            res.description = (f"{article} {adjective} {pick(NOUNS)} of {kw1} and "
                               f"{pick(KEYWORDS)} {pick(EN_VERBS)} by {res.creator} across "
                               f"{pick(EN_PLACES)} in {year}.")
            res.lang = "en" if lang_roll < 10 else None

        media_type, ext = pick(MEDIA_TYPES)
        res.media_type = media_type
        # Sizes spread over many orders of magnitude, from a few bytes to ~100 GB.
        res.size = int(10 ** (1 + self._rand() * 10))
        res.checksum = "sha256:" + hashlib.sha256(
            f"grapevine-bench:{self.seed}:{res.iri}".encode()).hexdigest()

        locations = []
        for i in range(1 + below(2)):
            peer = 1 + below(64)
            url = f"https://peer{peer}.example.org/{publisher}/{n}/{i}/{kw1}.{ext}"
            if below(10) == 0:
                valid_until = None  # gv:validUntil is optional
            else:
                valid_until = (f"{2025 + below(3)}-{1 + below(12):02d}-{1 + below(28):02d}"
                               f"T{below(24):02d}:{below(60):02d}:00Z")
            locations.append((url, valid_until))
        res.locations = locations
        return res


def render_ntriples(res: Resource, n: int) -> str:
    s = f"<{res.iri}> "
    lines = [
        f"{s}<{RDF_TYPE}> <{GV}Resource> .",
        f'{s}<{DCTERMS}title> "{escape_literal(res.title)}" .',
        f'{s}<{DCTERMS}creator> "{escape_literal(res.creator)}" .',
    ]
    for kw in res.subjects:
        lines.append(f'{s}<{DCTERMS}subject> "{kw}" .')
    lines.append(f'{s}<{DCTERMS}date> "{res.date}"^^<{XSD}date> .')
    tag = f"@{res.lang}" if res.lang else ""
    lines.append(f'{s}<{DCTERMS}description> "{escape_literal(res.description)}"{tag} .')
    lines.append(f'{s}<{DCTERMS}format> "{res.media_type}" .')
    lines.append(f'{s}<{GV}size> "{res.size}"^^<{XSD}nonNegativeInteger> .')
    lines.append(f'{s}<{GV}checksum> "{res.checksum}" .')
    lines.append(f"{s}<{GV}publisher> <{res.publisher}> .")
    for i, (url, valid_until) in enumerate(res.locations):
        node = f"_:l{n}_{i}"
        lines.append(f"{s}<{GV}location> {node} .")
        lines.append(f"{node} <{GV}url> <{url}> .")
        if valid_until is not None:
            lines.append(f'{node} <{GV}validUntil> "{valid_until}"^^<{XSD}dateTime> .')
    lines.append("")
    return "\n".join(lines)


def render_turtle(res: Resource, n: int) -> str:
    tag = f"@{res.lang}" if res.lang else ""
    subjects = ", ".join(f'"{kw}"' for kw in res.subjects)
    locations = []
    for url, valid_until in res.locations:
        if valid_until is None:
            locations.append(f"[ gv:url <{url}> ]")
        else:
            locations.append(f'[ gv:url <{url}> ;\n        gv:validUntil "{valid_until}"^^xsd:dateTime ]')
    return (
        f"<{res.iri}>\n"
        f"    a gv:Resource ;\n"
        f'    dcterms:title "{escape_literal(res.title)}" ;\n'
        f'    dcterms:creator "{escape_literal(res.creator)}" ;\n'
        f"    dcterms:subject {subjects} ;\n"
        f'    dcterms:date "{res.date}"^^xsd:date ;\n'
        f'    dcterms:description "{escape_literal(res.description)}"{tag} ;\n'
        f'    dcterms:format "{res.media_type}" ;\n'
        f'    gv:size "{res.size}"^^xsd:nonNegativeInteger ;\n'
        f'    gv:checksum "{res.checksum}" ;\n'
        f"    gv:publisher <{res.publisher}> ;\n"
        f"    gv:location {(' ,' + chr(10) + '        ').join(locations)} .\n\n"
    )


def header(fmt: str, triples: int, seed: int, publishers: int) -> str:
    note = (f"# Grapevine benchmark catalogue: generate_catalogue.py --triples {triples} "
            f"--format {fmt} --seed {seed} --publishers {publishers}\n")
    if fmt == "turtle":
        return (note +
                f"@prefix gv: <{GV}> .\n"
                f"@prefix dcterms: <{DCTERMS}> .\n"
                f"@prefix xsd: <{XSD}> .\n\n")
    return note


def generate(out: TextIO, *, triples: int, fmt: str = "ntriples", seed: int = 42,
             publishers: int = 8) -> tuple[int, int]:
    """Write the catalogue to `out`; return (triples written, resources written)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    render = render_ntriples if fmt == "ntriples" else render_turtle
    model = CatalogueModel(seed, publishers)
    out.write(header(fmt, triples, seed, publishers))
    written = 0
    n = 0
    chunk: list[str] = []
    while written < triples:
        res = model.resource(n)
        chunk.append(render(res, n))
        written += res.triple_count()
        n += 1
        if len(chunk) >= 2000:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    return written, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000,
                    help="stop at the first whole resource reaching this count (default 1000000)")
    ap.add_argument("--format", choices=FORMATS, default="ntriples")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--publishers", type=int, default=8)
    ap.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.triples < 1:
        ap.error("--triples must be positive")

    started = time.perf_counter()
    if args.output == "-":
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n",
                               write_through=False)
        try:
            count, resources = generate(out, triples=args.triples, fmt=args.format,
                                        seed=args.seed, publishers=args.publishers)
            out.flush()
        except BrokenPipeError:  # e.g. piped into `head`
            return 0
        finally:
            out.detach()
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n",
                  buffering=1 << 20) as out:
            count, resources = generate(out, triples=args.triples, fmt=args.format,
                                        seed=args.seed, publishers=args.publishers)
    if not args.quiet:
        print(f"generate_catalogue: {count} triples, {resources} resources, {args.format}, "
              f"seed {args.seed}, {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
