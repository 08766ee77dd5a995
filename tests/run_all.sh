#!/bin/sh
# make test: runs every suite, shows their output, and ends with one line
# adding them up: "tests: N passed, N failed". Exit 1 if any suite failed.
# Usage: run_all.sh BUILD_DIR SHARED_DIR
B=$1 SHARED=$2
log=$(mktemp)
status=0
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
# runs one suite, shows and keeps its output; its exit code is returned
suite() {
    "$@" >"$out" 2>&1
    rc=$?
    cat "$out"
    cat "$out" >>"$log"
    [ $rc = 0 ] || echo "suite failed (exit $rc): $*"
    return $rc
}
for t in "$B"/tests/test_*; do
    echo "== $t"
    TK_TESTS=tests SHARED="$SHARED" suite "$t" || status=1
done
suite sh tests/golden/run.sh "$B/tarikh" || status=1
suite sh tests/bad/run.sh "$B/tarikh" || status=1
suite sh tests/explain/run.sh "$B/tarikh" || status=1
suite python3 tests/samples.py "$B/tarikh" "$SHARED" || status=1
suite python3 tests/clean/run.py "$B/tarikh" || status=1
suite sh tests/corpora.sh "$B/tarikh" "$SHARED" || status=1
suite sh tests/threads/run.sh "$B/tarikh" "$SHARED" || status=1
suite sh tests/dict/run.sh "$B/tarikh" "$SHARED" || status=1
suite python3 tests/dict/coverage.py "$B/tarikh" || status=1
suite python3 tests/dedup/run.py "$B/tarikh" || status=1
suite python3 tests/quotes/run.py "$B/tarikh" || status=1
suite python3 tests/quotes/patho.py "$B/tarikh" || status=1
suite python3 tests/quotes/polnear.py --self-test || status=1
# PolNeAR test split, direct quotes: the floors here guard what we reach
# (docs/accuracy.md); the speaker floor (0.88) is not met yet
suite python3 tests/quotes/polnear.py "$B/tarikh" --split test --shared "$SHARED" --min-f1 0.90 --min-speaker 0.88 || status=1
# the validation suites (issue 4): guards against regressions at today's
# levels; the floors (90/80/80/70%) are not met yet
suite python3 tests/validate/run.py --min tabari=0.50 --min petrarch=0.66 --min plover=0.49 --min petrarch2=0.44 \
    "$B/tarikh" "$SHARED" || status=1
# add up: our suites print "name: N passed, M failed"; cmocka prints
# "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:"
awk '
/: [0-9]+ passed, [0-9]+ failed/ { for (i = 1; i <= NF; i++) { if ($i == "passed,") p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
/^\[  PASSED  \] [0-9]+ test/ { p += $4 }
/^\[  FAILED  \] [0-9]+ test\(s\), listed/ { f += $4 }
END { printf "tests: %d passed, %d failed\n", p, f; exit (f > 0) }' "$log" || status=1
exit $status
