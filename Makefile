# scrutineer — plain Makefile. `make` builds, `make test` runs every test,
# `make demo` builds the sample committee's pack. Quiet by default; V=1 shows
# the commands.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PYTHON  ?= /usr/bin/python3
BUILD   ?= build

PKGS     = libcmark-gfm yaml-0.1 libxml-2.0 libzip zlib nettle
DEB_BUILD = libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev \
            libxml2-dev libzip-dev zlib1g-dev libcmocka-dev nettle-dev pkg-config
# PDF output runs LibreOffice, lays out with the Liberation fonts, and reads
# the pages back with poppler's pdfinfo.
DEB_PDF   = libreoffice-writer-nogui fonts-liberation poppler-utils
DEB_TEST  = $(DEB_PDF) python3-docx python3-odf python3-pypdf python3-yaml \
            python3-icalendar jing libxml2-utils valgrind chromium
# The site's browser test drives Chromium with playwright-core and checks
# each page with axe-core, both from npm, kept under build/ (never committed).
NODE_DIR  = build/node
NODE_PKGS = playwright-core axe-core

ifeq ($(V),1)
Q =
else
Q = @
endif

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
CSTD    = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT    ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -pthread $(PKG_CFLAGS) -Isrc -I$(BUILD)/gen $(CFLAGS)
LIBS    = -lcmark-gfm-extensions $(PKG_LIBS) -lm -pthread $(LDLIBS)

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/templates_data.o
TEMPLATES = $(sort $(wildcard templates/*/*.xml))

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

DEPS_STAMP = $(BUILD)/.deps-ok

.PHONY: all deps pdf-deps test-deps test unit golden e2e sanitize demo \
        install uninstall clean format leakcheck threadcheck fuzz fuzz-replay \
        bench bench-deps

all: scrutineer

# Install the Debian build dependencies when pkg-config cannot find them.
$(DEPS_STAMP):
	$(Q)mkdir -p $(BUILD)
	$(Q)if ! pkg-config --exists $(PKGS) 2>/dev/null || \
	     ! [ -f /usr/include/cmark-gfm-core-extensions.h ] || \
	     ! pkg-config --exists cmocka 2>/dev/null; then \
	  echo "installing build dependencies: $(DEB_BUILD)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_BUILD) >/dev/null; \
	fi
	$(Q)touch $@
deps: $(DEPS_STAMP)

# What `-f pdf` needs at run time: LibreOffice, the fonts the house style
# names (so every machine lays the pages out alike), pdfinfo.
pdf-deps:
	$(Q)if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null \
	     || ! fc-list | grep -q "Liberation Sans"; then \
	  echo "installing PDF dependencies: $(DEB_PDF)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_PDF) >/dev/null; \
	fi

# Tools the end-to-end tests read documents with (LibreOffice, pdftotext...).
test-deps:
	$(Q)if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
	     || ! command -v jing >/dev/null || ! command -v valgrind >/dev/null \
	     || ! command -v xmllint >/dev/null \
	     || ! fc-list | grep -q "Liberation Sans" \
	     || ! command -v chromium >/dev/null \
	     || ! $(PYTHON) -c 'import docx, odf, pypdf, yaml, icalendar' 2>/dev/null; then \
	  echo "installing test dependencies: $(DEB_TEST)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_TEST) >/dev/null; \
	fi
	$(Q)if ! command -v npm >/dev/null; then \
	  echo "installing npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; \
	fi
	$(Q)if ! [ -d $(NODE_DIR)/node_modules/playwright-core ] \
	     || ! [ -d $(NODE_DIR)/node_modules/axe-core ]; then \
	  echo "installing into $(NODE_DIR): $(NODE_PKGS)"; \
	  mkdir -p $(NODE_DIR) && npm install --prefix $(NODE_DIR) --no-audit \
	    --no-fund --silent $(NODE_PKGS) >/dev/null; \
	fi

scrutineer: $(BUILD)/obj/main.o $(BUILD)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libscrutineer.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: src/%.c $(DEPS_STAMP) | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The default house style is compiled into the binary.
$(BUILD)/gen/templates_data.c: $(TEMPLATES) $(BUILD)/embed | $(BUILD)/gen
	@echo "  EMBED   $@"
	$(Q)$(BUILD)/embed $(TEMPLATES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/templates_data.o: $(BUILD)/gen/templates_data.c | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror -O2 -o $@ $<

$(BUILD) $(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	$(Q)mkdir -p $@

-include $(wildcard $(BUILD)/obj/*.d)

# ---- tests ---------------------------------------------------------------

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS) -lcmocka

$(BUILD)/tests/golden: tests/golden.c $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS)

unit: $(UNIT_BIN)
	$(Q)for t in $(UNIT_BIN); do echo "  UNIT    $$t"; $$t || exit 1; done

golden: $(BUILD)/tests/golden
	$(Q)$(BUILD)/tests/golden tests/golden

e2e: scrutineer test-deps
	$(Q)PYTHON=$(PYTHON) sh tests/bad_input/run.sh ./scrutineer
	$(Q)PYTHON=$(PYTHON) sh tests/e2e/run.sh ./scrutineer

# The unit, golden, fuzzing-corpus, bad-input and end-to-end tests again,
# under ASan + UBSan with leak detection.
SANITIZE_OPT = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all
sanitize: test-deps
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan OPT="$(SANITIZE_OPT)" \
	  unit golden fuzz-replay build-asan/scrutineer
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	  PYTHON=$(PYTHON) sh tests/bad_input/run.sh build-asan/scrutineer
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	  PYTHON=$(PYTHON) sh tests/e2e/run.sh build-asan/scrutineer

# The binary of another build folder (the sanitizers', or a second one of
# your own): make BUILD=build-x build-x/scrutineer
$(BUILD)/scrutineer: $(BUILD)/obj/main.o $(BUILD)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# ---- fuzzing ---------------------------------------------------------------
# `make fuzz FUZZ_SECONDS=N` runs the libFuzzer harness (clang) from the seed
# corpus for N seconds; inputs it finds are kept in build-fuzz/corpus, and a
# crash is written to build-fuzz/ for the regression corpus
# (tests/fuzz/regressions/).
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_DIR      = build-fuzz
# several jobs log to $(FUZZ_DIR)/fuzz-N.log
FUZZ_PARALLEL = $(if $(filter-out 1,$(FUZZ_JOBS)),-jobs=$(FUZZ_JOBS) \
                -workers=$(FUZZ_JOBS))
FUZZ_FLAGS    = -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_DEFS     = -DFUZZ_WORKSPACE='"$(CURDIR)/tests/fixtures/small"'

fuzz-deps:
	$(Q)if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\
	  { (void)d; (void)n; return 0; }' | clang -x c -fsanitize=fuzzer \
	  -o /dev/null - 2>/dev/null; then \
	  echo "installing clang and libFuzzer"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends clang libclang-rt-dev \
	    >/dev/null; \
	fi

$(FUZZ_DIR)/fuzz_build: tests/fuzz/fuzz_build.c fuzz-deps $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_FLAGS)" \
	  $(FUZZ_DIR)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)clang $(CSTD) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_FLAGS) \
	  $(PKG_CFLAGS) -Isrc $(FUZZ_DEFS) -o $@ tests/fuzz/fuzz_build.c \
	  $(FUZZ_DIR)/libscrutineer.a $(LIBS)

fuzz: $(FUZZ_DIR)/fuzz_build
	$(Q)rm -rf $(FUZZ_DIR)/seeds && sh tests/fuzz/make-seeds.sh $(FUZZ_DIR)/seeds
	$(Q)mkdir -p $(FUZZ_DIR)/corpus
	$(Q)UBSAN_OPTIONS=halt_on_error=1 $(FUZZ_DIR)/fuzz_build \
	  -max_total_time=$(FUZZ_SECONDS) $(FUZZ_PARALLEL) -timeout=20 -rss_limit_mb=2048 \
	  -max_len=1100000 -dict=tests/fuzz/sources.dict \
	  -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1 \
	  $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds tests/fuzz/regressions

# The seed and regression corpora through the harness without libFuzzer,
# under ASan + UBSan with leak detection (part of `make sanitize`).
$(BUILD)/tests/replay: tests/fuzz/fuzz_build.c tests/fuzz/replay.c $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) -o $@ tests/fuzz/fuzz_build.c \
	  tests/fuzz/replay.c $(BUILD)/libscrutineer.a $(LIBS)

fuzz-replay: $(BUILD)/tests/replay
	$(Q)rm -rf $(BUILD)/seeds && sh tests/fuzz/make-seeds.sh $(BUILD)/seeds
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	  $(BUILD)/tests/replay $(BUILD)/seeds tests/fuzz/regressions

test: all unit golden sanitize e2e threadcheck
	@echo "all tests passed"

demo: scrutineer pdf-deps
	./scrutineer pack agendas/2026-06-17.md -o out -f docx,odt,pdf

# Helgrind over builds whose sources are parsed on two threads while the
# package is compressed on two: any unsynchronised access is an error.
threadcheck: scrutineer test-deps
	$(Q)for cmd in "pack agendas/2026-06-17.md -f docx,odt" \
	     "tracker --today 2026-09-09 -f docx,odt,csv"; do \
	  echo "  HELGRIND scrutineer $$cmd"; \
	  valgrind --tool=helgrind --error-exitcode=1 -q \
	    ./scrutineer $$cmd -o $(BUILD)/threads -q || exit 1; \
	done

leakcheck: scrutineer test-deps
	$(Q)for cmd in "pack agendas/2026-06-17.md" "minutes minutes/2026-04-14.md" \
	     "tracker --today 2026-09-09 -f docx,odt,csv" \
	     "pack agendas/2026-06-17.md -f docx,odt,pdf" \
	     "site --today 2026-09-09 -f docx,odt,csv"; do \
	  echo "  VALGRIND scrutineer $$cmd"; \
	  valgrind --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect -q \
	    ./scrutineer $$cmd -o $(BUILD)/leak -q || exit 1; \
	done

# ---- benchmark (never part of `make test`) --------------------------------

# pandoc is the reference the benchmark measures against; only `make bench`
# needs it, so only this target installs it (with GNU time, for peak RSS,
# and Python, which drives the runs).
DEB_BENCH = pandoc time python3

bench-deps:
	$(Q)if ! command -v pandoc >/dev/null || ! [ -x /usr/bin/time ] \
	     || ! [ -x $(PYTHON) ]; then \
	  echo "installing benchmark dependencies: $(DEB_BENCH)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_BENCH) >/dev/null; \
	fi

$(BUILD)/bench/zfloor: bench/zfloor.c src/deflate.h $(DEPS_STAMP)
	$(Q)mkdir -p $(BUILD)/bench
	$(Q)$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O2 -Isrc -o $@ $< -lz

bench: scrutineer $(BUILD)/bench/zfloor bench-deps
	$(Q)$(PYTHON) bench/run.py --scrutineer ./scrutineer \
	  --zfloor $(BUILD)/bench/zfloor --work $(BUILD)/bench $(BENCH_ARGS)

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/*.c tools/*.c

install: scrutineer
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 scrutineer $(DESTDIR)$(PREFIX)/bin/scrutineer

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/scrutineer

clean:
	rm -rf build build-asan build-fuzz scrutineer out
