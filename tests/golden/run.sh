#!/bin/sh
# Golden tests: each tests/golden/cases/NAME.{jsonl,txt} is coded with the
# arguments in NAME.args (if any); stdout must equal NAME.out, stderr
# NAME.err (empty if absent) and the exit code NAME.exit (0 if absent).
# A failing case prints a diff. UPDATE=1 rewrites the expected files
# (review the diff before committing).
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/cases" || exit 2
export LC_ALL=C
pass=0; fail=0
tmp=$(mktemp -d)
for in in *.jsonl *.txt; do
    [ -e "$in" ] || continue
    name=${in%.*}
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    # shellcheck disable=SC2086
    "$bin" code $args "$in" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/exit"
    [ -f "$name.exit" ] || echo 0 >"$tmp/want_exit"
    [ -f "$name.exit" ] && cp "$name.exit" "$tmp/want_exit"
    [ -f "$name.err" ] && cp "$name.err" "$tmp/want_err" || : >"$tmp/want_err"
    if [ -n "$UPDATE" ]; then
        cp "$tmp/out" "$name.out"
        [ -s "$tmp/err" ] && cp "$tmp/err" "$name.err" || rm -f "$name.err"
        [ "$(cat "$tmp/exit")" = 0 ] && rm -f "$name.exit" || cp "$tmp/exit" "$name.exit"
        continue
    fi
    ok=1
    if ! cmp -s "$tmp/out" "$name.out"; then ok=0; echo "FAIL $name: stdout differs"; diff -u "$name.out" "$tmp/out" | head -40; fi
    if ! cmp -s "$tmp/err" "$tmp/want_err"; then ok=0; echo "FAIL $name: stderr differs"; diff -u "$tmp/want_err" "$tmp/err" | head -20; fi
    if ! cmp -s "$tmp/exit" "$tmp/want_exit"; then ok=0; echo "FAIL $name: exit $(cat "$tmp/exit"), want $(cat "$tmp/want_exit")"; fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
rm -rf "$tmp"
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
