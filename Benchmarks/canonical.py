"""One text form for the query results of every engine, so they can be compared.

Grapevine answers in SPARQL JSON, pyoxigraph and rdflib hand back their own term objects.
Each is turned into N-Triples-style text (`<iri>`, `"text"`, `"text"@lang`,
`"text"^^<datatype>`, `_:`), and a result into rows of that text, one cell per variable
in alphabetical order, so that the variable order an engine chooses doesn't matter.

Choices that make equal answers compare equal:

- blank nodes are all `_:`: their labels are private to each engine, and a row that
  differs only in a blank node label is the same answer;
- a literal typed xsd:string is a plain literal, a language tag is lower-cased (RDF 1.1
  says both spellings are the same term);
- typed literals keep their lexical form: `"7"^^xsd:integer` and `"07"^^xsd:integer` are
  different text, which is what a user of the results would see.

Two results that differ as text can still hold the same values: pyoxigraph hands back every
integer-derived type (xsd:nonNegativeInteger, …) as xsd:integer, rdflib writes the UTC
xsd:dateTime "…Z" as "…+00:00". `value_rows` rewrites cells to one form per value for a second
comparison, and the report says when only that one agreed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Iterable, Sequence

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
INTEGER_TYPES = {XSD + t for t in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long",
    "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
TYPED = re.compile(r'^"(.*)"\^\^<([^>]*)>$', re.S)
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
UNBOUND = "UNDEF"


def _quote(text: str) -> str:
    """N-Triples string escaping, so a quote or line break in the text can't shift a cell."""
    return '"' + (text.replace("\\", "\\\\").replace('"', '\\"')
                  .replace("\n", "\\n").replace("\r", "\\r")) + '"'


def term_text(kind: str, value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """The canonical text of one term; `kind` is "iri", "bnode" or "literal"."""
    if kind == "iri":
        return f"<{value}>"
    if kind == "bnode":
        return "_:"
    if lang:
        return f"{_quote(value)}@{lang.lower()}"
    if datatype and datatype not in (XSD_STRING, RDF_LANG_STRING):
        return f"{_quote(value)}^^<{datatype}>"
    return _quote(value)


def from_sparql_json(cell: dict | None) -> str:
    """A term of a SPARQL 1.1 JSON result (`{"type": "uri", "value": ...}`)."""
    if cell is None:
        return UNBOUND
    kind = {"uri": "iri", "bnode": "bnode"}.get(cell["type"], "literal")
    return term_text(kind, cell["value"], cell.get("datatype"), cell.get("xml:lang"))


def from_oxigraph(term) -> str:
    """A pyoxigraph NamedNode, BlankNode or Literal (or None when unbound)."""
    if term is None:
        return UNBOUND
    kind = type(term).__name__
    if kind == "NamedNode":
        return term_text("iri", term.value)
    if kind == "BlankNode":
        return term_text("bnode", term.value)
    return term_text("literal", term.value, term.datatype.value if term.datatype else None,
                     term.language)


def from_rdflib(term) -> str:
    """An rdflib URIRef, BNode or Literal (or None when unbound)."""
    if term is None:
        return UNBOUND
    kind = type(term).__name__
    if kind == "URIRef":
        return term_text("iri", str(term))
    if kind == "BNode":
        return term_text("bnode", str(term))
    return term_text("literal", str(term), str(term.datatype) if term.datatype else None,
                     term.language)


def rows(variables: Sequence[str], solutions: Iterable[Sequence[str]]) -> list[list[str]]:
    """Rows of canonical cells with the columns put in alphabetical order of variable."""
    order = sorted(range(len(variables)), key=lambda i: variables[i])
    return [[solution[i] for i in order] for solution in solutions]


def rows_from_sparql_json(document: dict) -> list[list[str]]:
    """The canonical rows of a SPARQL JSON SELECT result."""
    variables = document.get("head", {}).get("vars", [])
    bindings = document.get("results", {}).get("bindings", [])
    return rows(variables, ([from_sparql_json(b.get(v)) for v in variables] for b in bindings))


def comparable(result_rows: list[list[str]], ordered: bool) -> list[tuple[str, ...]]:
    """The rows as a value to compare: in order for ORDER BY queries, else as a sorted multiset."""
    tuples = [tuple(r) for r in result_rows]
    return tuples if ordered else sorted(tuples)


def digest(result_rows: list[list[str]], ordered: bool) -> str:
    """A short fingerprint of a result, kept in results.json instead of every row."""
    text = json.dumps(comparable(result_rows, ordered), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def difference(reference: list[list[str]], other: list[list[str]], ordered: bool,
               sample: int = 3) -> dict:
    """What one engine's rows have that the other's lack, a few of each, for the report."""
    a, b = comparable(reference, ordered), comparable(other, ordered)
    if ordered:
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return {"first_difference_at": first, "reference": [list(r) for r in a[first:first + sample]],
                "other": [list(r) for r in b[first:first + sample]]}
    only_reference = list((Counter(a) - Counter(b)).elements())
    only_other = list((Counter(b) - Counter(a)).elements())
    return {"only_reference": [list(r) for r in only_reference[:sample]],
            "only_other": [list(r) for r in only_other[:sample]],
            "counts": [len(only_reference), len(only_other)]}


def value_text(cell: str) -> str:
    """The cell with integers as xsd:integer in canonical form and UTC dateTimes ending in Z:
    the same value, whatever form an engine chose for it."""
    match = TYPED.match(cell)
    if not match:
        return cell
    lexical, datatype = match.groups()
    if datatype in INTEGER_TYPES:
        try:
            return f'"{int(lexical)}"^^<{XSD}integer>'
        except ValueError:
            return cell
    if datatype == XSD + "dateTime" and lexical.endswith(("+00:00", "-00:00")):
        return f'"{lexical[:-6]}Z"^^<{datatype}>'
    return cell


def value_rows(result_rows: list[list[str]]) -> list[list[str]]:
    """Every cell through `value_text`, for the comparison of values rather than spellings."""
    return [[value_text(c) for c in row] for row in result_rows]

