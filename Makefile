# Benchmarks: Grapevine against pyoxigraph, rdflib and rapper on the same data, in one run.
# See Benchmarks/README.md ("make bench").
#
#   make bench          set-up, release build, the full run (100k and 1M triples, ~25 min on
#                       two cores); writes Benchmarks/RESULTS.md, results.json and results.png
#   make bench-smoke    tiny sizes with the debug build (< 1 min): does it run, do engines agree
#   make bench-setup    only install the peers and tools (apt, pip; needs root)
#
# Variables: BENCH_ARGS="--only load query --sizes 100000" passes options to bench.py.

PYTHON ?= python3
BENCH_ARGS ?=

.PHONY: bench bench-smoke bench-setup

bench-setup:
	scripts/bench-setup

bench: bench-setup
	swift build -c release --product grapevine
	$(PYTHON) Benchmarks/bench.py --grapevine .build/release/grapevine $(BENCH_ARGS)

bench-smoke:
	swift build --product grapevine
	$(PYTHON) Benchmarks/bench.py --smoke --grapevine .build/debug/grapevine $(BENCH_ARGS)
