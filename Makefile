# scrutineer — plain Makefile. `make` builds, `make test` runs every test,
# `make demo` builds the sample committee's pack. Quiet by default; V=1 shows
# the commands.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PYTHON  ?= /usr/bin/python3
BUILD   ?= build

PKGS     = libcmark-gfm yaml-0.1 libxml-2.0 libzip zlib
DEB_BUILD = libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev \
            libxml2-dev libzip-dev zlib1g-dev libcmocka-dev pkg-config
DEB_TEST  = libreoffice-writer-nogui fonts-liberation poppler-utils \
            python3-docx python3-odf jing valgrind

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

.PHONY: all deps test-deps test unit golden e2e sanitize demo install \
        uninstall clean format leakcheck bench bench-deps

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

# Tools the end-to-end tests read documents with (LibreOffice, pdftotext...).
test-deps:
	$(Q)if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
	     || ! command -v jing >/dev/null || ! command -v valgrind >/dev/null \
	     || ! fc-list | grep -q "Liberation Sans" \
	     || ! $(PYTHON) -c 'import docx, odf' 2>/dev/null; then \
	  echo "installing test dependencies: $(DEB_TEST)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_TEST) >/dev/null; \
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
	$(Q)PYTHON=$(PYTHON) sh tests/e2e/run.sh ./scrutineer

# The unit and golden tests again under ASan + UBSan, with leak detection.
sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  unit golden scrutineer-asan

scrutineer-asan: $(BUILD)/obj/main.o $(BUILD)/libscrutineer.a
	$(Q)$(CC) $(ALL_CFLAGS) -o $(BUILD)/scrutineer $^ $(LIBS)
	$(Q)for cmd in "pack agendas/2026-06-17.md" "minutes minutes/2026-04-14.md" \
	     "tracker --today 2026-09-09 -f docx,odt,csv" "check"; do \
	  echo "  ASAN    scrutineer $$cmd"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	    $(BUILD)/scrutineer $$cmd -o $(BUILD)/out -q || exit 1; \
	done

test: all unit golden sanitize e2e
	@echo "all tests passed"

demo: scrutineer
	./scrutineer pack agendas/2026-06-17.md -o out

leakcheck: scrutineer test-deps
	$(Q)for cmd in "pack agendas/2026-06-17.md" "minutes minutes/2026-04-14.md" \
	     "tracker --today 2026-09-09 -f docx,odt,csv"; do \
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

$(BUILD)/bench/zfloor: bench/zfloor.c $(DEPS_STAMP)
	$(Q)mkdir -p $(BUILD)/bench
	$(Q)$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O2 -o $@ $< -lz

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
	rm -rf build build-asan scrutineer out
