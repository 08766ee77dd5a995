#!/bin/sh
# Threads and compressed input: the output (stdout, stderr, exit code) of
# `tarikh code` must be the same byte for byte at --threads 1, 2 and 4, on
# the reference corpora, the examples and files full of bad records; .gz
# and .zst input must give what the plain file gives; a corrupt or cut
# compressed file is reported and the next file still coded.
# Usage: run.sh BINARY SHARED_DIR. The corpora are skipped, and said so,
# when SHARED_DIR is absent.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=$2
case $shared in /*) ;; *) shared=$(pwd)/$shared ;; esac
repo=$(pwd)
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; skipped=""
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# same NAME ARGS...: runs `tarikh code ARGS` at 1, 2 and 4 threads and
# compares stdout, stderr and the exit code with the 1-thread run
same() {
    name=$1; shift
    for t in 1 2 4; do
        "$bin" code --threads $t "$@" >"$tmp/out.$t" 2>"$tmp/err.$t"
        echo $? >"$tmp/rc.$t"
    done
    for t in 2 4; do
        if ! cmp -s "$tmp/out.1" "$tmp/out.$t"; then bad "$name: stdout at --threads $t differs from --threads 1"; return; fi
        if ! cmp -s "$tmp/err.1" "$tmp/err.$t"; then
            bad "$name: stderr at --threads $t differs from --threads 1"
            diff "$tmp/err.1" "$tmp/err.$t" | head -5 | sed 's/^/    /'
            return
        fi
        if ! cmp -s "$tmp/rc.1" "$tmp/rc.$t"; then bad "$name: exit $(cat "$tmp/rc.$t") at --threads $t, $(cat "$tmp/rc.1") at 1"; return; fi
    done
    [ -s "$tmp/out.1" ] && ok || bad "$name: no output"
}

# the reference corpora (several hundred batches each) and the examples
corpora=$shared/reference/corpora
if [ -d "$corpora" ]; then
    for f in ag_news_test_world reuters21578 allsides_abp_intl; do
        same "$f" "$corpora/$f.jsonl"
    done
    same "ag_news --sentences, tsv" --format tsv "$corpora/ag_news_test_world.jsonl"
    # --dedup day drops events in the writer, in input order
    same "reuters --dedup day" --dedup day "$corpora/reuters21578.jsonl"
else
    skipped="corpora ($corpora absent)"
fi
same "examples" "$repo"/examples/*.txt "$repo/examples/stories.jsonl"
same "examples --tokens" --tokens "$repo"/examples/*.txt "$repo/examples/stories.jsonl"

# bad records between good ones, over many batches: the messages, their
# order and the 100-error cap are the same at any thread count
python3 - "$tmp/mixed.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        k = i % 13
        if k == 3: f.write("not json %d\n" % i)
        elif k == 5: f.write(json.dumps({"id": "n%d" % i, "title": "no text"}) + "\n")
        elif k == 7: f.write("\n")
        elif k == 9: f.write(json.dumps({"id": "big%d" % i, "text": "Words. " * 400}) + "\n")
        elif k == 11: f.write(json.dumps({"id": "d%d" % i, "date": "2021-02-30", "text": "An impossible date."}) + "\n")
        else: f.write(json.dumps({"id": "s%d" % i, "date": "2020-01-0%d" % (1 + i % 9),
                                  "text": "Russian forces shelled Kharkiv on Monday, officials said. Ukraine accused Moscow of war crimes. Story %d." % i}) + "\n")
EOF
printf '{"id":"last","text":"After a file of errors."}\n' >"$tmp/good.jsonl"
: >"$tmp/empty.jsonl"
mkdir "$tmp/adir"
same "bad records" --max-bytes 2000 "$tmp/mixed.jsonl"
[ "$(cat "$tmp/rc.1")" = 1 ] && grep -q "more than 100 errors" "$tmp/err.1" && ok || bad "bad records: exit $(cat "$tmp/rc.1"), want 1 with the error cap"
same "files with errors" "$tmp/mixed.jsonl" "$tmp/missing.jsonl" "$tmp/empty.jsonl" "$tmp/adir" "$tmp/good.jsonl" "$repo/examples/darfur-siege.txt"
[ "$(cat "$tmp/rc.1")" = 2 ] && [ "$(tail -1 "$tmp/out.1" | cut -c1-20)" != "" ] && ok || bad "files with errors: exit $(cat "$tmp/rc.1"), want 2"

# compressed input: the same output as the plain file, by name or by magic,
# from a file or from stdin, one member or several
src=$tmp/src.jsonl
if [ -d "$corpora" ]; then src=$corpora/ag_news_test_world.jsonl
else for i in $(seq 40); do cat "$repo/examples/stories.jsonl"; done >"$src"; fi
"$bin" code --threads 1 "$src" >"$tmp/plain.out" 2>/dev/null
if command -v gzip >/dev/null && command -v zstd >/dev/null; then
    gzip -c "$src" >"$tmp/in.jsonl.gz"
    zstd -q -c "$src" >"$tmp/in.jsonl.zst"
    cp "$tmp/in.jsonl.gz" "$tmp/in-gz-no-extension"
    head -c 300000 "$src" | gzip -c >"$tmp/multi.jsonl.gz"
    tail -c +300001 "$src" | gzip -c >>"$tmp/multi.jsonl.gz"
    for case in in.jsonl.gz in.jsonl.zst in-gz-no-extension multi.jsonl.gz; do
        for t in 1 2; do
            "$bin" code --threads $t "$tmp/$case" >"$tmp/c.out" 2>"$tmp/c.err"
            if cmp -s "$tmp/plain.out" "$tmp/c.out" && [ ! -s "$tmp/c.err" ]; then ok; else bad "$case at --threads $t: not the plain file's output ($(head -1 "$tmp/c.err"))"; fi
        done
    done
    for z in "gzip -c" "zstd -q -c"; do
        $z "$src" | "$bin" code - >"$tmp/c.out" 2>"$tmp/c.err"
        if cmp -s "$tmp/plain.out" "$tmp/c.out" && [ ! -s "$tmp/c.err" ]; then ok; else bad "$z on stdin: not the plain file's output"; fi
    done
    gzip -c "$repo/examples/darfur-siege.txt" >"$tmp/darfur-siege.txt.gz"
    "$bin" code "$repo/examples/darfur-siege.txt" | sed 's/"id":"[^"]*"//' >"$tmp/t1.out"
    "$bin" code "$tmp/darfur-siege.txt.gz" | sed 's/"id":"[^"]*"//' >"$tmp/t2.out"
    cmp -s "$tmp/t1.out" "$tmp/t2.out" && ok || bad ".txt.gz story: not the .txt output"

    # corrupt data in the middle of a gzip file: what came before is coded,
    # the rest of the file skipped with the reason, the next file coded
    python3 - "$tmp/in.jsonl.gz" "$tmp/corrupt.jsonl.gz" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
mid = len(data) // 2
for i in range(mid, mid + 64):
    data[i] ^= 0x5a
open(sys.argv[2], "wb").write(data)
EOF
    for t in 1 2; do
        "$bin" code --threads $t "$tmp/corrupt.jsonl.gz" "$tmp/good.jsonl" >"$tmp/c.out" 2>"$tmp/c.err"
        rc=$?
        if [ $rc = 1 ] && grep -q "^$tmp/corrupt.jsonl.gz: corrupt gzip data: .* (after [0-9]* bytes of text); rest of the file skipped$" "$tmp/c.err" \
            && [ "$(tail -1 "$tmp/c.out" | grep -c '"id":"last"')" = 1 ] && [ "$(wc -l <"$tmp/c.out")" -gt 1 ]; then ok
        else bad "corrupt .gz at --threads $t: exit $rc, stderr: $(head -2 "$tmp/c.err")"; fi
    done
    # a zstd file cut short
    head -c $(($(wc -c <"$tmp/in.jsonl.zst") / 2)) "$tmp/in.jsonl.zst" >"$tmp/cut.jsonl.zst"
    "$bin" code "$tmp/cut.jsonl.zst" "$tmp/good.jsonl" >"$tmp/c.out" 2>"$tmp/c.err"
    rc=$?
    if [ $rc = 1 ] && grep -q "^$tmp/cut.jsonl.zst: truncated zstd data: the file ends inside a compressed frame (after [0-9]* bytes of text); rest of the file skipped$" "$tmp/c.err" \
        && grep -q '"id":"last"' "$tmp/c.out"; then ok
    else bad "cut .zst: exit $rc, stderr: $(head -2 "$tmp/c.err")"; fi
else
    skipped="$skipped${skipped:+, }compressed input (gzip or zstd missing)"
fi

# a pipe that stalls: what was read is coded and written without waiting
# for more input (or for a batch to fill)
mkfifo "$tmp/fifo"
for t in 1 2; do
    "$bin" code --threads $t <"$tmp/fifo" >"$tmp/live.$t" 2>/dev/null &
    pid=$!
    exec 3>"$tmp/fifo"
    echo '{"id":"live","text":"Russia attacked Ukraine."}' >&3
    n=0
    while [ $n -lt 50 ] && ! grep -q '"id":"live"' "$tmp/live.$t" 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
    grep -q '"id":"live"' "$tmp/live.$t" && ok || bad "stalled pipe at --threads $t: the first record was not written while the pipe stayed open"
    exec 3>&-
    wait $pid
done

# --threads must be a count
"$bin" code --threads 0 "$tmp/good.jsonl" >/dev/null 2>"$tmp/c.err"
rc=$?
[ $rc = 2 ] && grep -qxF "tarikh code: --threads wants a number from 1 to 256, not '0'" "$tmp/c.err" && ok || bad "--threads 0: exit $rc"
# no progress line and no summary when stderr is not a terminal
"$bin" code --threads 2 "$repo/examples/stories.jsonl" >/dev/null 2>"$tmp/c.err"
[ ! -s "$tmp/c.err" ] && ok || bad "stderr not a terminal: $(head -1 "$tmp/c.err")"

[ -n "$skipped" ] && echo "threads: skipped $skipped"
echo "threads: $pass passed, $fail failed"
[ $fail = 0 ]
