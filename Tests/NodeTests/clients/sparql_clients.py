#!/usr/bin/env python3
"""Queries a Grapevine node with SPARQL clients nobody here wrote, and checks the answers.

    python3 sparql_clients.py http://127.0.0.1:8470/sparql

Needs `pip install SPARQLWrapper rdflib`. The node must hold SampleData (480 gv:Resource).
Prints one line per check; exits 0 when all pass, 1 with the failures listed, 2 on bad usage or
missing packages.
"""

import sys

try:
    from SPARQLWrapper import (CSV, GET, JSON, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED,
                               XML, SPARQLWrapper)
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
    import rdflib
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
except ImportError as error:  # pragma: no cover - reported to the Swift test
    print(f"missing Python package: {error}; run: pip install SPARQLWrapper rdflib", file=sys.stderr)
    sys.exit(2)

GV = Namespace("https://w3id.org/grapevine/ns#")
PREFIXES = """PREFIX gv: <https://w3id.org/grapevine/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
EXPECTED_RESOURCES = 480
COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gv:Resource }"
ASK_TRUE = PREFIXES + "ASK { ?r a gv:Resource ; dcterms:title ?t }"
ASK_FALSE = "ASK { <urn:grapevine:nothing-here> ?p ?o }"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a gv:Resource ; dcterms:title ?t }"

failures = []
passed = 0


def check(name, actual, expected):
    global passed
    if actual == expected:
        passed += 1
        print(f"ok    {name}: {actual!r}")
    else:
        failures.append(f"{name}: expected {expected!r}, got {actual!r}")
        print(f"FAIL  {name}: expected {expected!r}, got {actual!r}")


def attempt(name, body):
    """Runs one group of checks; an exception is a failure, not the end of the run."""
    try:
        body()
    except Exception as error:  # noqa: BLE001 - every error is reported
        failures.append(f"{name}: {type(error).__name__}: {error}")
        print(f"FAIL  {name}: {type(error).__name__}: {error}")


def wrapper(endpoint, query, return_format, method=GET, request_method=None):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(return_format)
    sparql.setMethod(method)
    if request_method:
        sparql.setRequestMethod(request_method)
    return sparql


def xml_text(document, tag):
    """The text of every element named `tag` in a SPARQL XML results document (a minidom)."""
    return ["".join(node.data for node in element.childNodes if node.nodeType == node.TEXT_NODE)
            for element in document.getElementsByTagName(tag)]


def sparqlwrapper_checks(endpoint):
    # SELECT, JSON: by GET, by form POST, and by direct POST (application/sparql-query).
    for label, method, request_method in [("GET", GET, None), ("POST form", POST, URLENCODED),
                                          ("POST direct", POST, POSTDIRECTLY)]:
        def select_json(method=method, request_method=request_method, label=label):
            result = wrapper(endpoint, COUNT, JSON, method, request_method).query()
            data = result.convert()
            check(f"SPARQLWrapper SELECT JSON ({label}) content type",
                  result.info()["content-type"].split(";")[0], "application/sparql-results+json")
            check(f"SPARQLWrapper SELECT JSON ({label}) variables", data["head"]["vars"], ["n"])
            check(f"SPARQLWrapper SELECT JSON ({label}) count",
                  int(data["results"]["bindings"][0]["n"]["value"]), EXPECTED_RESOURCES)
        attempt(f"SPARQLWrapper SELECT JSON ({label})", select_json)

    def select_xml():
        document = wrapper(endpoint, COUNT, XML).query().convert()
        check("SPARQLWrapper SELECT XML count", [int(text) for text in xml_text(document, "literal")],
              [EXPECTED_RESOURCES])
    attempt("SPARQLWrapper SELECT XML", select_xml)

    def select_csv_tsv():
        csv = wrapper(endpoint, COUNT, CSV).query().convert().decode("utf-8").splitlines()
        check("SPARQLWrapper SELECT CSV", csv, ["n", str(EXPECTED_RESOURCES)])
        tsv = wrapper(endpoint, COUNT, TSV).query().convert().decode("utf-8").splitlines()
        check("SPARQLWrapper SELECT TSV header", tsv[0], "?n")
        check("SPARQLWrapper SELECT TSV count", tsv[1].split("^^")[0].strip('"'), str(EXPECTED_RESOURCES))
    attempt("SPARQLWrapper SELECT CSV/TSV", select_csv_tsv)

    def select_rows():
        query = PREFIXES + """SELECT ?r ?title WHERE { ?r a gv:Resource ; dcterms:title ?title }
                              ORDER BY ?r LIMIT 5"""
        data = wrapper(endpoint, query, JSON).query().convert()
        rows = data["results"]["bindings"]
        check("SPARQLWrapper SELECT rows", len(rows), 5)
        check("SPARQLWrapper SELECT row types", {(row["r"]["type"], row["title"]["type"]) for row in rows},
              {("uri", "literal")})
    attempt("SPARQLWrapper SELECT rows", select_rows)

    def ask():
        check("SPARQLWrapper ASK JSON true", wrapper(endpoint, ASK_TRUE, JSON).query().convert()["boolean"], True)
        check("SPARQLWrapper ASK JSON false", wrapper(endpoint, ASK_FALSE, JSON).query().convert()["boolean"], False)
        document = wrapper(endpoint, ASK_TRUE, XML).query().convert()
        check("SPARQLWrapper ASK XML true", xml_text(document, "boolean"), ["true"])
        document = wrapper(endpoint, ASK_FALSE, XML, POST).query().convert()
        check("SPARQLWrapper ASK XML false (POST)", xml_text(document, "boolean"), ["false"])
    attempt("SPARQLWrapper ASK", ask)

    def construct():
        # XML for a CONSTRUCT means RDF/XML; SPARQLWrapper turns it into an rdflib Graph.
        graph = wrapper(endpoint, CONSTRUCT, XML).query().convert()
        check("SPARQLWrapper CONSTRUCT XML is a graph", isinstance(graph, Graph), True)
        check("SPARQLWrapper CONSTRUCT XML triples", len(graph), EXPECTED_RESOURCES)
        check("SPARQLWrapper CONSTRUCT XML predicates", set(graph.predicates()), {DCTERMS.title})
        graph = wrapper(endpoint, CONSTRUCT, RDFXML, POST).query().convert()
        check("SPARQLWrapper CONSTRUCT RDFXML (POST) triples", len(graph), EXPECTED_RESOURCES)
        turtle = wrapper(endpoint, CONSTRUCT, TURTLE).query().convert()
        parsed = Graph().parse(data=turtle, format="turtle")
        check("SPARQLWrapper CONSTRUCT Turtle triples", len(parsed), EXPECTED_RESOURCES)
        describe = wrapper(endpoint, "DESCRIBE <https://tarn.example.org/#foundation>", XML).query().convert()
        check("SPARQLWrapper DESCRIBE label",
              describe.value(URIRef("https://tarn.example.org/#foundation"), rdflib.RDFS.label),
              Literal("Tarn Software Foundation"))
    attempt("SPARQLWrapper CONSTRUCT", construct)

    def bad_query():
        try:
            wrapper(endpoint, "SELECT ?s WHERE { ?s ?p }", JSON).query()
            check("SPARQLWrapper malformed query raises QueryBadFormed", "no error", "QueryBadFormed")
        except QueryBadFormed as error:
            check("SPARQLWrapper malformed query raises QueryBadFormed", "QueryBadFormed", "QueryBadFormed")
            check("SPARQLWrapper malformed query message names the line", "line 1, column" in str(error), True)
    attempt("SPARQLWrapper malformed query", bad_query)


def rdflib_checks(endpoint):
    def select():
        graph = Graph(store=SPARQLStore(endpoint))
        rows = list(graph.query(COUNT))
        check("rdflib SPARQLStore SELECT count", int(rows[0][0]), EXPECTED_RESOURCES)
        rows = list(graph.query(PREFIXES + """SELECT ?r ?title WHERE { ?r a gv:Resource ; dcterms:title ?title }
                                              ORDER BY ?r LIMIT 3"""))
        check("rdflib SPARQLStore SELECT rows", len(rows), 3)
        check("rdflib SPARQLStore SELECT terms", {(type(r), type(t)) for r, t in rows}, {(URIRef, Literal)})
        check("rdflib SPARQLStore ASK", graph.query(ASK_TRUE).askAnswer, True)
    attempt("rdflib SPARQLStore SELECT", select)

    def triples():
        # Graph.triples() over the store: rdflib writes the query itself.
        graph = Graph(store=SPARQLStore(endpoint))
        check("rdflib SPARQLStore triples()", len(list(graph.triples((None, RDF.type, GV.Resource)))),
              EXPECTED_RESOURCES)
    attempt("rdflib SPARQLStore triples()", triples)

    def one_graph():
        # A graph with an identifier asks with default-graph-uri: only that description answers.
        everything = Graph(store=SPARQLStore(endpoint))
        rows = list(everything.query(PREFIXES + """
            SELECT ?g (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a gv:Resource } }
            GROUP BY ?g ORDER BY DESC(?n) LIMIT 1"""))
        name, expected = rows[0][0], int(rows[0][1])
        check("rdflib SPARQLStore largest graph has resources", expected > 0, True)
        one = Graph(store=SPARQLStore(endpoint), identifier=URIRef(name))
        count = int(list(one.query(COUNT))[0][0])
        check(f"rdflib SPARQLStore default-graph-uri <{name}>", count, expected)
    attempt("rdflib SPARQLStore one graph", one_graph)


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} ENDPOINT (like http://127.0.0.1:8470/sparql)", file=sys.stderr)
        return 2
    endpoint = sys.argv[1]
    print(f"SPARQLWrapper, rdflib {rdflib.__version__} against {endpoint}")
    sparqlwrapper_checks(endpoint)
    rdflib_checks(endpoint)
    if failures:
        print(f"\n{len(failures)} check(s) failed, {passed} passed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"\nall {passed} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
