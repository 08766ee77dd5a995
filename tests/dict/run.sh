#!/bin/sh
# Dictionary checks through the CLI: `tarikh dict check` on our own data/
# (no problem allowed), on the small files in tests/dict/files/ (good ones
# clean; the malformed actors, agents, verbs and places files give exactly
# the lines in expected/malformed.err, exit 0 as warnings are not errors,
# exit 1 with --strict), on the field's
# reference dictionaries (exactly the known defects of Phoenix, listed in
# expected/phoenix.err; none in the TABARI and PETRARCH validation sets),
# and `tarikh dict lookup` on a few phrases of the built-in dictionaries.
# Usage: run.sh path/to/tarikh SHARED_DIR
# Prints "dict: N passed, N failed"; exits 1 when any check failed.
[ $# -ge 1 ] || { echo "usage: run.sh path/to/tarikh [SHARED_DIR]" >&2; exit 2; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=${2:-../shared}
shared_arg=$shared
case $shared in /*) ;; *) shared=$(pwd)/$shared ;; esac
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# check NAME WANT_RC WANT_ERR DIR ARGS... : runs `tarikh dict check ARGS`
# in DIR; stdout must end "0 warnings, 0 errors" when WANT_ERR is "clean",
# else stderr must equal the file WANT_ERR (the diff is shown).
check() {
    name=$1 want_rc=$2 want_err=$3 dir=$4
    shift 4
    (cd "$dir" && "$bin" dict check "$@") >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" != "$want_rc" ]; then
        bad "$name: exit $rc, want $want_rc"
        sed 's/^/    /' "$tmp/err" | head -10
        return
    fi
    if [ "$want_err" = clean ]; then
        if [ -s "$tmp/err" ] || ! grep -q '; 0 warnings, 0 errors$' "$tmp/out"; then
            bad "$name: problems reported"
            sed 's/^/    /' "$tmp/out" "$tmp/err" | head -20
            return
        fi
    elif ! diff -u "$want_err" "$tmp/err" >"$tmp/diff"; then
        bad "$name: stderr differs from $want_err"
        sed 's/^/    /' "$tmp/diff" | head -40
        return
    fi
    ok
}

# our own dictionaries: not one problem
check "data/" 0 clean "$root" data

# the small files: each good one clean, alone and all together
for f in "$root"/tests/dict/files/good*; do
    check "files/$(basename "$f")" 0 clean "$root" "tests/dict/files/$(basename "$f")"
done
goods=$(cd "$root" && echo tests/dict/files/good*)
# shellcheck disable=SC2086 # file names without blanks
check "files/good* together, --strict" 0 clean "$root" --strict $goods

# the malformed ones: exactly the expected warnings; warnings are not errors
check "malformed files" 0 "$here/expected/malformed.err" "$root" \
    tests/dict/files/malformed.actors tests/dict/files/malformed.agents tests/dict/files/malformed.verbs \
    tests/dict/files/malformed.places
# with --strict the first malformed line of each is an error: exit 1
for k in actors agents verbs places; do
    f=tests/dict/files/malformed.$k
    (cd "$root" && "$bin" dict check --strict "$f") >"$tmp/out" 2>"$tmp/err"
    rc=$?
    first=$(grep -m1 "^$f:" "$here/expected/malformed.err" | sed 's/: warning: /: error: /')
    if [ "$rc" != 1 ]; then bad "malformed.$k --strict: exit $rc, want 1"
    elif [ "$(head -1 "$tmp/err")" != "$first" ]; then bad "malformed.$k --strict: stderr \"$(head -1 "$tmp/err")\", want \"$first\""
    else ok; fi
done

# the field's dictionaries
if [ -d "$shared/reference" ]; then
    ref=$shared/reference
    check "reference phoenix" 0 "$here/expected/phoenix.err" "$ref/dictionaries" phoenix
    check "reference tabari" 0 clean "$ref/validation/tabari" \
        TABARI.Demo.actors TABARI.Demo.verbs Validate.agents
    check "reference petrarch" 0 clean "$ref/validation" petrarch
else
    echo "dict: reference sets skipped ($shared_arg absent)"
fi

# lookups in the built-in dictionaries: the code that results
lookup() { # PHRASE DATE WANT (the result must start with WANT: a group
           # code may follow, as in AFGGOVTAL)
    if [ -n "$2" ]; then "$bin" dict lookup "$1" --date "$2"; else "$bin" dict lookup "$1"; fi >"$tmp/out" 2>"$tmp/err"
    rc=$?
    got=$(sed -n 's/^  result: //p' "$tmp/out")
    case "$got" in "$3"*) match=1 ;; *) match=0 ;; esac
    if [ "$rc" = 0 ] && [ $match = 1 ]; then ok
    else bad "lookup \"$1\"${2:+ on $2}: exit $rc, result \"$got\", want \"$3\""; sed 's/^/    /' "$tmp/out" "$tmp/err" | head -10; fi
}
if [ -f "$root/data/actors/countries.actors" ] && [ -f "$root/data/actors/nonstate.actors" ]; then
    lookup "the Taliban" 2021-09-01 AFGGOV
    lookup "Afghan police" "" AFGCOP
    lookup "the Kremlin" "" RUSGOV
    lookup "Kabul" "" AFGGOV
    lookup "the Taliban" 2015-06-01 AFGINS
    lookup "Nikol Pashinyan" 2023-01-17 ARMGOV
else
    echo "dict: lookup checks skipped (data/actors/countries.actors or nonstate.actors absent)"
fi

echo "dict: $pass passed, $fail failed"
[ "$fail" = 0 ]
