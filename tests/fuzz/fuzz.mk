# fuzz.mk - libFuzzer campaigns, one per input entry point (`make fuzz`).
#
#   make fuzz                          build, then run every campaign
#   make fuzz FUZZ_SECONDS=600         shorter campaigns
#   make -f tests/fuzz/fuzz.mk build/fuzz/fuzz_load    build one harness
#   make -f tests/fuzz/fuzz.mk fuzz-xer                run one campaign
#
# The library is compiled here with clang and the fuzzer flags into
# build/fuzz/ (never mixed with the normal build). Each campaign's corpus
# grows in build/fuzz/corpus/NAME, seeded from the repository's inputs and
# tests/fuzz/seeds/NAME; crashes, leaks and hangs land in build/fuzz/NAME/.
# Commit every finding's input under tests/fuzz/regress/NAME/ once fixed:
# `make test` replays those without the fuzzer (tests/unit/test_fuzz_regress.c).

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 1800
FUZZ_JOBS    ?= 1
FUZZ_NICE    ?= nice -n 10
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_DIR     := build/fuzz

PKGS        := yaml-0.1 gsl jansson libxml-2.0
PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
FUZZ_CFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra \
               -Wno-unused-parameter -Iinclude -Isrc -Itests/fuzz -pthread \
               $(PKG_CFLAGS) -DRC_DATADIR='"/usr/local/share/riskcast"' \
               -DRC_FUZZING $(FUZZ_SAN)

LIB_SRC := $(filter-out src/main.c $(wildcard src/cli_*.c),$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_DIR)/src/%.o)
NAMES   := load xer mspdi
BINS    := $(NAMES:%=$(FUZZ_DIR)/fuzz_%)

# max input length and seeds per campaign
LEN_load  := 65536
LEN_xer   := 262144
LEN_mspdi := 262144
SEEDS_load  := scenarios/*.yaml tests/data/ok/* tests/data/bad/*.yaml tests/fuzz/seeds/load/*
SEEDS_xer   := tests/data/import/*.xer tests/fuzz/seeds/xer/* tests/fuzz/regress/xer/*
SEEDS_mspdi := tests/data/import/*.xml tests/fuzz/seeds/mspdi/* tests/fuzz/regress/mspdi/*
SEEDS_load  += tests/fuzz/regress/load/*

.PHONY: all build $(NAMES:%=fuzz-%)
all: build
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk -j3 $(NAMES:%=fuzz-%)

build: $(BINS)

.SECONDARY: $(LIB_OBJ)

$(FUZZ_DIR)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_import.h $(LIB_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_OBJ) $(PKG_LIBS) -lm -pthread

# fuzz-NAME: seed the corpus, then fuzz for FUZZ_SECONDS; the log is
# build/fuzz/NAME.log and ends with libFuzzer's stat:: lines.
$(NAMES:%=fuzz-%): fuzz-%: $(FUZZ_DIR)/fuzz_%
	@mkdir -p $(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/$*
	@for f in $(SEEDS_$*); do [ -f "$$f" ] && cp "$$f" $(FUZZ_DIR)/corpus/$*/ || true; done
	@echo "fuzz-$*: $(FUZZ_SECONDS) s, log $(FUZZ_DIR)/$*.log"
	@$(FUZZ_NICE) $(FUZZ_DIR)/fuzz_$* $(FUZZ_DIR)/corpus/$* \
	    -dict=tests/fuzz/$*.dict -max_len=$(LEN_$*) -timeout=10 \
	    -rss_limit_mb=2048 -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/$*/ -print_final_stats=1 \
	    >$(FUZZ_DIR)/$*.log 2>&1; rc=$$?; \
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov:' $(FUZZ_DIR)/$*.log | tail -n 3; \
	ls $(FUZZ_DIR)/$*/ 2>/dev/null | sed 's/^/  finding: /'; \
	exit $$rc

# header dependencies: a changed header rebuilds every object using it
-include $(LIB_OBJ:.o=.d)
