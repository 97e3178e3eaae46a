# Thin wrapper over CMake. The README's contract: `make run` and `make test`.
JOBS ?= 2
CMAKE_FLAGS = -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19

.PHONY: all bootstrap release debug asan tsan run test test-release test-asan \
        test-tsan test-parse test-py test-py-todo test-py-gcstress stress fuzz bench install clean
PREFIX ?= /usr/local

all: release

bootstrap:
	@bash tools/bootstrap.sh

build/%/CMakeCache.txt: | bootstrap
	@cmake -S . -B build/$* -DCMAKE_BUILD_TYPE=$(BUILD_TYPE_$*) $(CMAKE_FLAGS) >/dev/null

BUILD_TYPE_release = Release
BUILD_TYPE_debug = Debug
BUILD_TYPE_asan = ASan
BUILD_TYPE_tsan = TSan

release debug asan tsan: %: bootstrap build/%/CMakeCache.txt
	@cmake --build build/$* -j$(JOBS)

# The main demo: a Python program under weft, then its time under python3.11.
run: release
	@sh bench/demo/run.sh build/release/vm/weft

# Every suite: Release unit tests and stress programs, then the GC-stress
# subset under ASan+UBSan. Each ctest run ends with its summary line.
test: test-asan test-release

test-release: release
	@cd build/release && ctest --output-on-failure -j$(JOBS)

test-asan: asan
	@cd build/asan && WEFT_GC_STRESS=1 ctest --output-on-failure -j$(JOBS) -L gcstress

test-tsan: tsan
	@cd build/tsan && ctest --output-on-failure -j$(JOBS)

# The parser against python3.11 over the whole of /usr/lib/python3.11 and
# the malformed-snippet corpus (`make test` runs a subset).
test-parse: release
	@PYTHONHASHSEED=0 /usr/bin/python3.11 tests/parse/run_tree.py build/release/vm/weft
	@PYTHONHASHSEED=0 /usr/bin/python3.11 tests/parse/run_snippets.py build/release/vm/weft

# libFuzzer over the tokenizer and parser under ASan, seeded with stdlib files.
FUZZ_SECONDS ?= 600
fuzz: bootstrap
	@cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=ASan -DWF_FUZZ=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build build/fuzz --target fuzz_parse -j$(JOBS)
	@mkdir -p build/fuzz/corpus
	@build/fuzz/tests/parse/fuzz_parse -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=1024 \
	  build/fuzz/corpus /usr/lib/python3.11/json /usr/lib/python3.11/email

# Long modes, kept out of `make test`.
stress: release
	@cd build/release && WEFT_STRESS_LONG=1 ctest --output-on-failure -L stress

bench: release
	@/usr/bin/python3.11 bench/py/run.py --weft build/release/vm/weft
	@build/release/bench/gc_bench
	@bash bench/bigint/run.sh build/release
	@sh bench/compare.sh numbers build/release
	@sh bench/containers/run.sh build/release
	@sh bench/compare.sh types build/release
	@/usr/bin/python3.11 bench/parse/parse_bench.py build/release/vm/weft

# The differential programs (tests/py) against python3.11, and the ones that
# do not pass yet (tests/py/todo).
test-py: release
	@/usr/bin/python3.11 tests/py/run.py --weft build/release/vm/weft --keep-going

# Every program under ASan with a collection at every safepoint poll (long).
test-py-gcstress: asan
	@/usr/bin/python3.11 tests/py/run.py --weft build/asan/vm/weft --keep-going --timeout 1800 --env WEFT_GC_STRESS=1

test-py-todo: release
	@/usr/bin/python3.11 tests/py/run.py --weft build/release/vm/weft --dir tests/py/todo --keep-going

# `weft` under $(PREFIX)/bin.
install: release
	@install -D -m 755 build/release/vm/weft $(DESTDIR)$(PREFIX)/bin/weft
	@echo "installed $(DESTDIR)$(PREFIX)/bin/weft"

clean:
	rm -rf build
