# tarikh — plain Makefile. `make` builds build/tarikh; `make test` runs every
# suite; `make check-asan` runs them under AddressSanitizer + UBSan;
# `make bench` measures speed; `make fuzz` builds the libFuzzer target.
CC ?= cc
PKGS = libutf8proc libcjson zlib libzstd
SHARED ?= ../shared

# Install the Debian packages we need when pkg-config cannot find them.
POSLEX ?= /usr/share/festival/dicts/wsj.wp39.poslexR
DEPS_OK := $(shell pkg-config --exists $(PKGS) cmocka 2>/dev/null && test -f /usr/share/wordnet/verb.exc && test -f $(POSLEX) && echo yes)
ifneq ($(DEPS_OK),yes)
$(info tarikh: installing build dependencies (scripts/install-deps.sh))
$(shell sh scripts/install-deps.sh >&2)
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS))
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
OPT ?= -O2 -g
CFLAGS_ALL = -std=c17 -D_GNU_SOURCE -pthread $(WARN) $(OPT) -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -pthread $(LDFLAGS) $(EXTRA_LDFLAGS)

B ?= build
LIB_SRC = $(wildcard src/util/*.c src/read/*.c src/clean/*.c src/segment/*.c src/match/*.c src/code/*.c src/dict/*.c src/write/*.c src/engine/*.c src/quote/*.c)
DATA_FILES = $(sort $(wildcard data/*.md data/*/*.txt data/*/*.actors data/*/*.verbs))
WORDNET ?= /usr/share/wordnet
GEN_SRC = $(B)/gen/irregular.c $(B)/gen/data.c $(B)/gen/poslex.c
GEN_OBJ = $(B)/obj/gen/irregular.o $(B)/obj/gen/data.o $(B)/obj/gen/poslex.o
CLI_SRC = $(wildcard src/cli/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/obj/%.o)
HDRS = $(wildcard include/*.h src/*/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all test unit golden check-asan bench validate fuzz fuzz-run fuzz-run-dict clean example install
all: $(B)/tarikh

$(B)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/gen/irregular.c: tools/gen_irregular.py
	@mkdir -p $(dir $@)
	@python3 tools/gen_irregular.py $(WORDNET) $@

$(B)/gen/poslex.c: tools/gen_poslex.py
	@mkdir -p $(dir $@)
	@python3 tools/gen_poslex.py $(POSLEX) $@

$(B)/gen/data.c: tools/embed.py $(DATA_FILES)
	@mkdir -p $(dir $@)
	@python3 tools/embed.py $@ $(DATA_FILES)

$(B)/obj/gen/%.o: $(B)/gen/%.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/libtarikh.a: $(LIB_OBJ) $(GEN_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/tarikh: $(CLI_OBJ) $(B)/libtarikh.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(B)/libtarikh.a $(LDLIBS_ALL)

$(B)/tests/%: tests/unit/%.c $(B)/libtarikh.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(B)/libtarikh.a $(LDLIBS_ALL) $(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; TK_TESTS=tests SHARED=$(SHARED) $$t; done

golden: $(B)/tarikh
	@sh tests/golden/run.sh $(B)/tarikh

test: $(B)/tarikh $(UNIT_BIN)
	@sh tests/run_all.sh $(B) $(SHARED)

check-asan:
	TK_ASAN=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) B=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

example: $(B)/tarikh
	$(B)/tarikh code --format text examples/*.txt examples/stories.jsonl

# the field's validation suites (TABARI, PETRARCH unit tests, PLOVER and
# PETRARCH2 gold standards); not yet part of make test: see docs/accuracy.md
validate: $(B)/tarikh
	@python3 tests/validate/run.py $(B)/tarikh $(SHARED)

bench: $(B)/tarikh
	@python3 bench/run.py $(B)/tarikh $(SHARED)

FUZZ_CC ?= clang
fuzz: $(B)/fuzz_reader $(B)/fuzz_dict
$(B)/fuzz_dict: fuzz/fuzz_dict.c $(LIB_SRC) $(GEN_SRC) $(HDRS)
	@mkdir -p $(B)
	$(FUZZ_CC) -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Iinclude -Isrc $(PKG_CFLAGS) -o $@ fuzz/fuzz_dict.c $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS)
fuzz-run-dict: $(B)/fuzz_dict
	@mkdir -p $(B)/fuzz-corpus-dict
	$(B)/fuzz_dict -max_total_time=$${FUZZ_SECONDS:-60} -max_len=16384 $(B)/fuzz-corpus-dict fuzz/seeds-dict
$(B)/fuzz_reader: fuzz/fuzz_reader.c $(LIB_SRC) $(GEN_SRC) $(HDRS)
	@mkdir -p $(B)
	$(FUZZ_CC) -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Iinclude -Isrc $(PKG_CFLAGS) -o $@ fuzz/fuzz_reader.c $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS)
fuzz-run: $(B)/fuzz_reader
	@mkdir -p $(B)/fuzz-corpus
	$(B)/fuzz_reader -max_total_time=$${FUZZ_SECONDS:-60} -max_len=65536 $(B)/fuzz-corpus fuzz/seeds

PREFIX ?= /usr/local
install: $(B)/tarikh
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tarikh
	install -m 755 $(B)/tarikh $(DESTDIR)$(PREFIX)/bin/tarikh
	cp -r data/. $(DESTDIR)$(PREFIX)/share/tarikh/

clean:
	rm -rf build
