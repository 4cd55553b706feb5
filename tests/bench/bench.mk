# bench.mk - `make bench` (from the Makefile, which passes PROG=<abs path of riskcast>).
#
#   make bench                 the full benchmark (about 5 minutes on 2 cores)
#   make bench BENCH_QUICK=1   a short version (under a minute)
#   make bench BENCH_LONG=1    also peak memory of a 1,000,000-iteration run to its end
#                              (about 5 more minutes)
#
# Builds build/bench/bench against build/libriskcast.a and runs it from the
# repository root. Timings never fail the build: the program exits 0 whatever
# the PASS/FAIL verdicts.

CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS    := yaml-0.1 gsl jansson libxml-2.0
# the engine's warnings; WERROR=1 (make test-all) makes them errors
BENCH_WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter \
              $(if $(WERROR),-Werror)
PROG    ?= $(abspath riskcast)
BENCH   := build/bench/bench

.PHONY: run
run: $(BENCH)
	$(BENCH) --riskcast $(PROG) --data tests/data --work build/bench $(if $(BENCH_QUICK),--quick) $(if $(BENCH_LONG),--long)

$(BENCH): tests/bench/bench.c build/libriskcast.a
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -fno-math-errno -ffp-contract=off $(BENCH_WARN) $(CFLAGS) -Iinclude -Isrc -pthread \
	    $(shell pkg-config --cflags $(PKGS)) -o $@ $< build/libriskcast.a \
	    $(shell pkg-config --libs $(PKGS)) -lm -pthread
