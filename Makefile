# scrutineer — plain Makefile. `make` builds, `make test` runs every test,
# `make demo` builds the sample committee's pack. Quiet by default; V=1 shows
# the commands. `make deps` installs the Debian packages the build needs;
# `make test` and `make demo` do so first, a plain `make` never does.
# CC, CFLAGS, LDFLAGS and LDLIBS from the command line or the environment
# are honoured.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
# The Python the tests read documents with: the first of python3 on PATH
# and the system's that has the Debian modules they use (the tests say
# which they took); `make PYTHON=...` chooses.
PY_MODULES = docx, odf, pypdf, yaml, icalendar, PIL
PYTHON  ?= $(shell for p in python3 /usr/bin/python3; do \
             $$p -c 'import $(PY_MODULES)' 2>/dev/null && { echo $$p; exit 0; }; \
           done; echo /usr/bin/python3)
BUILD   ?= build

LINK_PKGS = libcmark-gfm yaml-0.1 libxml-2.0 libzip zlib nettle libdeflate
# PDF appendices: qpdf checks them (and later assembles them into the
# pack's PDF); poppler, drawing with cairo, reads their text and renders
# their pages. The program loads them when it first needs them
# (src/pdflib.c) rather than linking them: they cost every run some 9 ms
# of start-up. Only the tests that call them directly link them.
PDF_PKGS  = libqpdf poppler-glib cairo
PKGS      = $(LINK_PKGS) $(PDF_PKGS)
DEB_BUILD = libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev \
            libxml2-dev libzip-dev zlib1g-dev libcmocka-dev nettle-dev \
            libqpdf-dev libpoppler-glib-dev libcairo2-dev libdeflate-dev \
            pkg-config
# PDF output runs LibreOffice, lays out with the Liberation fonts (Latin,
# Greek, Cyrillic) and the Noto faces the writers name for every other
# script (core: Arabic, Indic, Ethiopic...; CJK: Chinese), and reads the
# pages back with poppler's pdfinfo. Word's house templates name Calibri
# and Cambria: LibreOffice lays them out in Carlito and Caladea, drawn to
# the same widths, so that a pack breaks its lines and pages as in Word.
DEB_PDF   = libreoffice-writer-nogui fonts-liberation fonts-noto-core \
            fonts-noto-cjk fonts-crosextra-carlito fonts-crosextra-caladea \
            poppler-utils
# A face of each package, to see whether they are installed.
PDF_FONTS = "Liberation Sans" "Noto Sans Gujarati" "Noto Sans CJK SC" \
            "Carlito" "Caladea"
fonts_missing = for f in $(PDF_FONTS); do fc-list "$$f" family | grep -q . \
                  || exit 0; done; exit 1
# pandoc reads the Word and LibreOffice reports the tests link as
# appendices, as an independent judge of their words (never at run time).
DEB_TEST  = $(DEB_PDF) python3-docx python3-odf python3-pypdf python3-yaml \
            python3-icalendar python3-pil jing $(DEB_JING) libxml2-utils \
            valgrind chromium pandoc qpdf
# The jars jing's launcher puts on its class path, each from its package;
# without them it warns of each missing one on every run.
DEB_JING  = libavalon-framework-java libbatik-java libjaxp1.3-java
JING_JARS = avalon-framework batik-all xml-apis
jars_missing = for j in $(JING_JARS); do [ -f /usr/share/java/$$j.jar ] \
                 || exit 0; done; exit 1
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
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(LINK_PKGS))
PDF_LIBS   = $(shell pkg-config --libs $(PDF_PKGS))
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -pthread $(PKG_CFLAGS) -Isrc -I$(BUILD)/gen $(CFLAGS)
LIBS    = -lcmark-gfm-extensions $(PKG_LIBS) -ldl -lm -pthread $(LDLIBS)
# The name a library is installed by (its SONAME), for src/pdflib.c.
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1))/$(2).so \
           | sed -n 's/^ *SONAME *//p')

# The program's own files (main.c, cli_*.c) are not part of the library.
PROG_SRC = src/main.c $(wildcard src/cli_*.c)
PROG_OBJ = $(PROG_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_SRC  = $(filter-out $(PROG_SRC),$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/templates_data.o
TEMPLATES = $(sort $(wildcard templates/*/*.xml))

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

DEPS_STAMP = $(BUILD)/.deps-ok
# The goals that set the machine up before compiling anything.
SETUP_GOALS = test demo
OBJ_SETUP  = $(if $(filter $(SETUP_GOALS),$(MAKECMDGOALS)),$(DEPS_STAMP))

.PHONY: all deps pdf-deps test-deps test unit golden layers e2e sanitize demo \
        install uninstall clean format leakcheck threadcheck fuzz fuzz-replay \
        bench bench-deps
.PHONY: docs

all: scrutineer $(BUILD)/scrutineer.1 $(BUILD)/scrutineer.bash
all: $(BUILD)/man/scrutineer-sources.5

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
# and the writers name (so every machine lays the pages out alike), pdfinfo.
pdf-deps:
	$(Q)if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null \
	     || ($(fonts_missing)); then \
	  echo "installing PDF dependencies: $(DEB_PDF)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_PDF) >/dev/null; \
	fi

# Tools the end-to-end tests read documents with (LibreOffice, pdftotext...).
test-deps:
	$(Q)if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
	     || ! command -v jing >/dev/null || ($(jars_missing)) \
	     || ! command -v valgrind >/dev/null \
	     || ! command -v xmllint >/dev/null || ! command -v pandoc >/dev/null \
	     || ($(fonts_missing)) \
	     || ! command -v chromium >/dev/null || ! command -v qpdf >/dev/null \
	     || ! $(PYTHON) -c 'import $(PY_MODULES)' 2>/dev/null; then \
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

scrutineer: $(PROG_OBJ) $(BUILD)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# The manual page and the bash completion, written by the program from the
# table it parses its command line with (never committed).
$(BUILD)/scrutineer.1: scrutineer | $(BUILD)
	@echo "  GEN     $@"
	$(Q)./scrutineer --write-man-page >$@.tmp && mv $@.tmp $@

$(BUILD)/scrutineer.bash: scrutineer | $(BUILD)
	@echo "  GEN     $@"
	$(Q)./scrutineer --write-bash-completion >$@.tmp && mv $@.tmp $@

$(BUILD)/libscrutineer.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj $(OBJ_SETUP)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(OBJ_DEFS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/pdflib.o: OBJ_DEFS = \
  -DSCR_QPDF_SONAME='"$(call soname,libqpdf,libqpdf)"' \
  -DSCR_POPPLER_GLIB_SONAME='"$(call soname,poppler-glib,libpoppler-glib)"'

# The default house style is compiled into the binary.
$(BUILD)/gen/templates_data.c: $(TEMPLATES) $(BUILD)/embed | $(BUILD)/gen
	@echo "  EMBED   $@"
	$(Q)$(BUILD)/embed $(TEMPLATES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/templates_data.o: $(BUILD)/gen/templates_data.c | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror -O2 -o $@ $<

# The reference of the source files' fields, from the table in
# src/fields.c: the man page scrutineer-sources(5) at build time, and
# docs/sources.md, committed, by `make docs`.
$(BUILD)/gen_reference: tools/gen_reference.c $(BUILD)/libscrutineer.a
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS)

$(BUILD)/man/scrutineer-sources.5: $(BUILD)/gen_reference
	@echo "  GEN     $@"
	$(Q)mkdir -p $(BUILD)/man
	$(Q)$(BUILD)/gen_reference mdoc > $@.tmp && mv $@.tmp $@

docs: $(BUILD)/gen_reference
	@echo "  GEN     docs/sources.md"
	$(Q)mkdir -p docs
	$(Q)$(BUILD)/gen_reference markdown > docs/sources.md.tmp && \
	  mv docs/sources.md.tmp docs/sources.md

$(BUILD) $(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	$(Q)mkdir -p $@

-include $(wildcard $(BUILD)/obj/*.d)

# ---- tests ---------------------------------------------------------------

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS) \
	  $(PDF_LIBS) -lcmocka

$(BUILD)/tests/golden: tests/golden.c $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS)

unit: $(UNIT_BIN)
	$(Q)for t in $(UNIT_BIN); do echo "  UNIT    $$t"; $$t || exit 1; done

golden: $(BUILD)/tests/golden
	$(Q)$(BUILD)/tests/golden tests/golden

# No object uses a symbol of a higher layer (tests/layers.txt).
layers: scrutineer
	$(Q)$(PYTHON) tests/check_layers.py tests/layers.txt $(BUILD)/obj

e2e: scrutineer test-deps
	@echo "  PYTHON  $(PYTHON)"
	$(Q)PYTHON=$(PYTHON) sh tests/bad_input/run.sh ./scrutineer
	$(Q)PYTHON=$(PYTHON) sh tests/e2e/run.sh ./scrutineer
	$(Q)PYTHON=$(PYTHON) BUILD=$(BUILD) sh tests/e2e/install.sh ./scrutineer

# The unit, golden, fuzzing-corpus, bad-input and end-to-end tests again,
# under ASan + UBSan with leak detection.
# Leaks of the system's libraries that are not ours to mend (tests/lsan.supp).
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp
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
$(BUILD)/scrutineer: $(PROG_OBJ) $(BUILD)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# ---- fuzzing ---------------------------------------------------------------
# `make fuzz FUZZ_HARNESS=H FUZZ_SECONDS=N` runs a libFuzzer harness (clang)
# from its seed corpus for N seconds: H is build (the sources), template
# (--template's DOCX and ODT files), workspace (odd entries in the
# workspace scan), report (Word and LibreOffice reports) or pdf (PDF
# appendices). Inputs it finds are kept in build-fuzz/corpus-H, and a
# crash is written to build-fuzz/ for the regression corpus
# (tests/fuzz/regressions/ for build, tests/fuzz/regressions-H/ for others).
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_HARNESS ?= build
FUZZ_HARNESSES = build template workspace report pdf
FUZZ_DIR      = build-fuzz
# several jobs log to $(FUZZ_DIR)/fuzz-N.log
FUZZ_PARALLEL = $(if $(filter-out 1,$(FUZZ_JOBS)),-jobs=$(FUZZ_JOBS) \
                -workers=$(FUZZ_JOBS))
FUZZ_FLAGS    = -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_DEFS     = -DFUZZ_WORKSPACE='"$(CURDIR)/tests/fixtures/small"' -Itests/fuzz
FUZZ_COMMON   = tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h
# the harness's regression corpus, where it has one
fuzz_regressions = $(wildcard tests/fuzz/regressions$(if $(filter build,$(1)),,-$(1)))
fuzz_dict = -dict=tests/fuzz/$(if $(filter build,$(1)),sources,$(1)).dict

fuzz-deps:
	$(Q)if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\
	  { (void)d; (void)n; return 0; }' | clang -x c -fsanitize=fuzzer \
	  -o /dev/null - 2>/dev/null; then \
	  echo "installing clang and libFuzzer"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends clang libclang-rt-dev \
	    >/dev/null; \
	fi

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) fuzz-deps $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_FLAGS)" \
	  $(FUZZ_DIR)/libscrutineer.a
	@echo "  LD      $@"
	$(Q)clang $(CSTD) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_FLAGS) \
	  $(PKG_CFLAGS) -Isrc $(FUZZ_DEFS) -o $@ $< tests/fuzz/fuzz_common.c \
	  $(FUZZ_DIR)/libscrutineer.a $(LIBS) $(PDF_LIBS)

fuzz: $(FUZZ_DIR)/fuzz_$(FUZZ_HARNESS)
	$(Q)rm -rf $(FUZZ_DIR)/seeds-$(FUZZ_HARNESS) && \
	  PYTHON=$(PYTHON) sh tests/fuzz/make-seeds.sh $(FUZZ_DIR)/seeds-$(FUZZ_HARNESS) $(FUZZ_HARNESS)
	$(Q)mkdir -p $(FUZZ_DIR)/corpus-$(FUZZ_HARNESS)
	$(Q)UBSAN_OPTIONS=halt_on_error=1 $(FUZZ_DIR)/fuzz_$(FUZZ_HARNESS) \
	  -max_total_time=$(FUZZ_SECONDS) $(FUZZ_PARALLEL) -timeout=20 -rss_limit_mb=2048 \
	  -max_len=1100000 $(call fuzz_dict,$(FUZZ_HARNESS)) \
	  -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1 \
	  $(FUZZ_DIR)/corpus-$(FUZZ_HARNESS) $(FUZZ_DIR)/seeds-$(FUZZ_HARNESS) \
	  $(call fuzz_regressions,$(FUZZ_HARNESS))

# Every harness's seed and regression corpora, run without libFuzzer under
# ASan + UBSan with leak detection (part of `make sanitize`). The harnesses
# link the PDF libraries, which the program loads only when it reads a PDF:
# loaded that way, part-way through the PDF seeds, LeakSanitizer's scan at
# exit crashed ("Tracer caught signal 11") on every run of the whole corpus
# and on none of either half; linked from the start it never did.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) $(BUILD)/libscrutineer.a | $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(FUZZ_DEFS) -o $@ $< tests/fuzz/fuzz_common.c \
	  tests/fuzz/replay.c $(BUILD)/libscrutineer.a $(LIBS) $(PDF_LIBS)

fuzz-replay: $(foreach h,$(FUZZ_HARNESSES),$(BUILD)/tests/replay_$(h))
	$(Q)for h in $(FUZZ_HARNESSES); do \
	  rm -rf $(BUILD)/seeds-$$h && \
	  PYTHON=$(PYTHON) sh tests/fuzz/make-seeds.sh $(BUILD)/seeds-$$h $$h || exit 1; \
	  reg=tests/fuzz/regressions; [ $$h = build ] || reg=$$reg-$$h; \
	  [ -d $$reg ] || reg=; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	    $(BUILD)/tests/replay_$$h $(BUILD)/seeds-$$h $$reg || exit 1; \
	done

test: all unit golden layers sanitize e2e threadcheck
	@echo "all tests passed"

demo: scrutineer pdf-deps
	./scrutineer pack agendas/2026-06-17.md -o out -f docx,odt,pdf

# Helgrind over builds whose sources are parsed on two threads while the
# package is compressed on two: any unsynchronised access is an error.
# The small committee with a Word report as an appendix: read on the
# second thread while the first writes XML, both with libxml2.
REPORTS_WS = $(BUILD)/reports-ws
# What the system's libraries do that is not ours to mend (each file says).
HELGRIND_SUPP = --suppressions=$(CURDIR)/tests/helgrind.supp
MEMCHECK_SUPP = --suppressions=$(CURDIR)/tests/valgrind.supp
$(REPORTS_WS)/agendas/2026-06-17/word.docx: tests/e2e/make_reports.py \
  tests/e2e/make_pdfs.py | test-deps
	$(Q)rm -rf $(REPORTS_WS) && cp -r tests/fixtures/small $(REPORTS_WS)
	$(Q)$(PYTHON) tests/e2e/make_reports.py $(REPORTS_WS)/agendas/2026-06-17
	$(Q)printf '\n## School places\n\n[Appendix](2026-06-17/word.docx)\n' \
	  >> $(REPORTS_WS)/agendas/2026-06-17.md
	$(Q)$(PYTHON) tests/e2e/make_pdfs.py $(REPORTS_WS)/agendas/2026-06-17 \
	  letter.pdf scan.pdf
	$(Q)printf '\n## Letters\n\n[Appendix](2026-06-17/letter.pdf) and [Appendix](2026-06-17/scan.pdf)\n' \
	  >> $(REPORTS_WS)/agendas/2026-06-17.md

threadcheck: scrutineer test-deps $(REPORTS_WS)/agendas/2026-06-17/word.docx
	$(Q)for cmd in "pack agendas/2026-06-17.md -f docx,odt" \
	     "tracker --today 2026-09-09 -f docx,odt,csv"; do \
	  echo "  HELGRIND scrutineer $$cmd"; \
	  valgrind --tool=helgrind --error-exitcode=1 -q $(HELGRIND_SUPP) \
	    ./scrutineer $$cmd -o $(BUILD)/threads -q || exit 1; \
	done
	@echo "  HELGRIND scrutineer pack (a Word report and PDFs as appendices)"
	$(Q)cd $(REPORTS_WS) && valgrind --tool=helgrind --error-exitcode=1 -q \
	  $(HELGRIND_SUPP) \
	  --log-file=$(CURDIR)/$(BUILD)/helgrind-reports.log \
	  $(CURDIR)/scrutineer pack agendas/2026-06-17.md -f docx,odt \
	  -o $(CURDIR)/$(BUILD)/threads -q 2>/dev/null \
	  || { cat $(CURDIR)/$(BUILD)/helgrind-reports.log; exit 1; }

leakcheck: scrutineer test-deps $(REPORTS_WS)/agendas/2026-06-17/word.docx
	$(Q)for cmd in "pack agendas/2026-06-17.md" "minutes minutes/2026-04-14.md" \
	     "tracker --today 2026-09-09 -f docx,odt,csv" \
	     "pack agendas/2026-06-17.md -f docx,odt,pdf" \
	     "site --today 2026-09-09 -f docx,odt,csv" \
	     "site --today 2026-09-09 -f docx,odt,pdf"; do \
	  echo "  VALGRIND scrutineer $$cmd"; \
	  valgrind --error-exitcode=1 --leak-check=full $(MEMCHECK_SUPP) \
	    --errors-for-leak-kinds=definite,indirect -q \
	    ./scrutineer $$cmd -o $(BUILD)/leak -q || exit 1; \
	done
	@echo "  VALGRIND scrutineer pack and import (a Word report, PDFs)"
	$(Q)cd $(REPORTS_WS) && valgrind --error-exitcode=1 --leak-check=full \
	  $(MEMCHECK_SUPP) \
	  --errors-for-leak-kinds=definite,indirect -q \
	  --log-file=$(CURDIR)/$(BUILD)/valgrind-reports.log $(CURDIR)/scrutineer \
	  pack agendas/2026-06-17.md -f docx,odt,pdf -o $(CURDIR)/$(BUILD)/leak \
	  -q 2>/dev/null \
	  || { cat $(CURDIR)/$(BUILD)/valgrind-reports.log; exit 1; }
	$(Q)valgrind --error-exitcode=1 --leak-check=full $(MEMCHECK_SUPP) \
	  --errors-for-leak-kinds=definite,indirect -q \
	  --log-file=$(BUILD)/valgrind-import.log ./scrutineer import \
	  $(REPORTS_WS)/agendas/2026-06-17/word.docx -o $(BUILD)/leak/word.md -q \
	  2>/dev/null || { cat $(BUILD)/valgrind-import.log; exit 1; }
	@echo "  VALGRIND scrutineer site COUNCIL (two committees, with PDF, twice)"
	$(Q)rm -rf $(BUILD)/leak-council && cp -r tests/fixtures/council \
	  $(BUILD)/leak-council && mkdir -p $(BUILD)/leak-council/committees/cype \
	  && cp -r agendas minutes $(BUILD)/leak-council/committees/cype/
	$(Q)for run in 1 2; do \
	  valgrind --error-exitcode=1 --leak-check=full $(MEMCHECK_SUPP) \
	    --errors-for-leak-kinds=definite,indirect -q \
	    ./scrutineer site $(BUILD)/leak-council --today 2026-06-01 \
	    -f docx,odt,pdf -o $(BUILD)/leak-council-site -q || exit 1; \
	done

# ---- benchmark (never part of `make test`) --------------------------------

# pandoc is the reference the benchmark measures against; only `make bench`
# needs it, so only this target installs it (with GNU time, for peak RSS,
# and Python, which drives the runs).
DEB_BENCH = pandoc time python3 python3-docx

bench-deps:
	$(Q)if ! command -v pandoc >/dev/null || ! [ -x /usr/bin/time ] \
	     || ! [ -x $(PYTHON) ] || ! $(PYTHON) -c 'import docx' 2>/dev/null; then \
	  echo "installing benchmark dependencies: $(DEB_BENCH)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_BENCH) >/dev/null; \
	fi

$(BUILD)/bench/zfloor: bench/zfloor.c src/deflate.h $(BUILD)/libscrutineer.a
	$(Q)mkdir -p $(BUILD)/bench
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libscrutineer.a $(LIBS)

bench: scrutineer $(BUILD)/bench/zfloor bench-deps pdf-deps
	$(Q)$(PYTHON) bench/run.py --scrutineer ./scrutineer \
	  --zfloor $(BUILD)/bench/zfloor --work $(BUILD)/bench $(BENCH_ARGS)

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/*.c tools/*.c

# The program, and the library with its one header and a pkg-config file,
# so that other programs can build packs: pkg-config --cflags --libs
# --static scrutineer.
VERSION = $(shell sed -n 's/^\#define SCR_VERSION "\(.*\)"$$/\1/p' src/scrutineer.h)

$(BUILD)/scrutineer.pc: src/scrutineer.h Makefile | $(BUILD)
	$(Q)printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$${prefix}/include' \
	  'libdir=$${prefix}/lib' '' 'Name: scrutineer' \
	  'Description: Council committee papers from Markdown to DOCX, ODT and PDF' \
	  'Version: $(VERSION)' 'Requires.private: $(LINK_PKGS)' \
	  'Libs: -L$${libdir} -lscrutineer' \
	  'Libs.private: -lcmark-gfm-extensions -ldl -lm -pthread' \
	  'Cflags: -I$${includedir}' >$@

MAN1DIR  = $(PREFIX)/share/man/man1
BASHCOMP = $(PREFIX)/share/bash-completion/completions

install: scrutineer $(BUILD)/libscrutineer.a $(BUILD)/scrutineer.pc \
  $(BUILD)/scrutineer.1 $(BUILD)/scrutineer.bash
install: $(BUILD)/man/scrutineer-sources.5
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(MAN1DIR) $(DESTDIR)$(BASHCOMP)
	install -m 755 scrutineer $(DESTDIR)$(PREFIX)/bin/scrutineer
	install -m 644 $(BUILD)/libscrutineer.a $(DESTDIR)$(PREFIX)/lib/libscrutineer.a
	install -m 644 src/scrutineer.h $(DESTDIR)$(PREFIX)/include/scrutineer.h
	install -m 644 $(BUILD)/scrutineer.pc \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/scrutineer.pc
	install -m 644 $(BUILD)/scrutineer.1 $(DESTDIR)$(MAN1DIR)/scrutineer.1
	install -m 644 $(BUILD)/scrutineer.bash $(DESTDIR)$(BASHCOMP)/scrutineer
	install -d $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 $(BUILD)/man/scrutineer-sources.5 \
	  $(DESTDIR)$(PREFIX)/share/man/man5/scrutineer-sources.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/scrutineer $(DESTDIR)$(PREFIX)/lib/libscrutineer.a \
	  $(DESTDIR)$(PREFIX)/include/scrutineer.h \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/scrutineer.pc \
	  $(DESTDIR)$(MAN1DIR)/scrutineer.1 $(DESTDIR)$(BASHCOMP)/scrutineer
	rm -f $(DESTDIR)$(PREFIX)/share/man/man5/scrutineer-sources.5

clean:
	rm -rf build build-asan build-fuzz scrutineer out
