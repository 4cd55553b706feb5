# riskcast - Monte Carlo schedule and cost risk for project plans.
#
#   make                  build ./riskcast (optimised)
#   make test             build and run every test (unit, statistical, command line)
#   make SANITIZER=address,undefined test    the same under sanitizers (separate build dir)
#   make deps             install the Debian packages it needs (as root), else print the command
#   make install          PREFIX=/usr/local DESTDIR=
#   make bench            the benchmark (never part of `make test`)
#   make tsan             the threaded engine under ThreadSanitizer (determinism + sim tests)
#   make fuzz             fuzz campaigns (clang, libFuzzer)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/riskcast
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
CFLAGS  ?= -O2 -g
WARNINGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ifdef WERROR
WARNINGS += -Werror
endif

PKGS := yaml-0.1 gsl jansson libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

.DEFAULT_GOAL := all
comma := ,
BUILD := build
ifdef SANITIZER
BUILD := build/san-$(subst $(comma),-,$(SANITIZER))
CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=$(SANITIZER) -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZER)
endif

ALL_CFLAGS = -std=gnu11 -fno-math-errno -ffp-contract=off $(WARNINGS) $(CFLAGS) -Iinclude -Isrc -pthread $(PKG_CFLAGS) \
             -DRC_DATADIR='"$(DATADIR)"' -MMD -MP
LIBS = $(PKG_LIBS) -lm -pthread

CLI_SRC  := src/main.c $(wildcard src/cli_*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/src/%.o)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/src/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

ifdef SANITIZER
PROG := $(BUILD)/riskcast
else
PROG := riskcast
endif

# What CI runs (README's test command), warnings as errors: the threaded
# engine under ThreadSanitizer, the suite under AddressSanitizer +
# UndefinedBehaviorSanitizer, the benchmark program built (not run), then
# the suite on the optimised build, whose summary is the last line.
test-all:
	$(MAKE) --no-print-directory WERROR=1 tsan
	RISKCAST_SKIP_BROWSER=1 $(MAKE) --no-print-directory WERROR=1 SANITIZER=address,undefined test
	$(MAKE) --no-print-directory WERROR=1 build/libriskcast.a
	$(MAKE) --no-print-directory -f tests/bench/bench.mk WERROR=1 build/bench/bench
	$(MAKE) --no-print-directory WERROR=1 test

# ThreadSanitizer on the threaded engine: the simulation unit test and the
# determinism CLI test (every thread count); any data race fails.
TSAN_BUILD := build/san-thread
tsan:
	@$(MAKE) --no-print-directory SANITIZER=thread $(TSAN_BUILD)/riskcast $(TSAN_BUILD)/tests/test_sim
	@echo "== tsan: test_sim"
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 $(TSAN_BUILD)/tests/test_sim >$(TSAN_BUILD)/sim.log 2>&1; \
	    s=$$?; grep -E '^(FAIL|  )|ThreadSanitizer' $(TSAN_BUILD)/sim.log; tail -n 1 $(TSAN_BUILD)/sim.log; exit $$s
	@echo "== tsan: tests/cli/determinism.sh"
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 RISKCAST=$(abspath $(TSAN_BUILD)/riskcast) \
	    sh tests/cli/determinism.sh >$(TSAN_BUILD)/determinism.log 2>&1; \
	    s=$$?; grep -E '^(FAIL|  )' $(TSAN_BUILD)/determinism.log; tail -n 1 $(TSAN_BUILD)/determinism.log; exit $$s

.PHONY: test-all tsan all test check-deps deps install uninstall clean bench fuzz
all: $(PROG)

$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -c $< -o $@

$(BUILD)/libriskcast.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(PROG): $(CLI_OBJ) $(BUILD)/libriskcast.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libriskcast.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# keep the test objects: make would otherwise delete them after the run and
# print that as the last line, after the suite's summary
.SECONDARY: $(TEST_BIN:%=%.o)

test: $(PROG) $(TEST_BIN)
	@RISKCAST=$(abspath $(PROG)) TEST_BIN_DIR=$(abspath $(BUILD)/tests) sh tests/run.sh

deps:
	@sh tests/deps.sh

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/plots $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/riskcast
	install -m 644 plots/*.gp $(DESTDIR)$(DATADIR)/plots/
	if [ -f doc/riskcast.1 ]; then install -m 644 doc/riskcast.1 $(DESTDIR)$(MANDIR)/man1/; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/riskcast $(DESTDIR)$(MANDIR)/man1/riskcast.1
	rm -rf $(DESTDIR)$(DATADIR)

bench: $(PROG)
	@$(MAKE) --no-print-directory -f tests/bench/bench.mk PROG=$(abspath $(PROG))

fuzz:
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk

clean:
	rm -rf build riskcast

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:%=%.d)
