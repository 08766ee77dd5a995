#!/bin/sh
# Bad input that is made on the fly (too big or too odd to store): each
# case checks the exact message on stderr, the exit code, and that the rest
# of the input is still coded. Memory is capped with ulimit -v unless the
# binary is built with sanitizers (TK_ASAN=1), which reserve address space.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -f err ] && sed 's/^/    stderr: /' err | head -5; }
# run ARGS... : runs tarikh with a memory cap, stdout to out, stderr to err
run() {
    if [ -n "$TK_ASAN" ]; then "$bin" "$@" >out 2>err; else (ulimit -v 400000; exec "$bin" "$@") >out 2>err; fi
    echo $? >rc
}
expect() { # NAME EXIT STDERR-LINE [STORIES]
    name=$1 want_rc=$2 want_err=$3 want_n=$4
    if [ "$(cat rc)" != "$want_rc" ]; then bad "$name: exit $(cat rc), want $want_rc"; return; fi
    if [ -n "$want_err" ] && ! grep -qxF "$want_err" err; then bad "$name: stderr lacks: $want_err"; return; fi
    if [ -n "$want_n" ] && [ "$(wc -l <out | tr -d ' ')" != "$want_n" ]; then bad "$name: $(wc -l <out) stories out, want $want_n"; return; fi
    ok
}

# a 100 MB line between two good records: skipped with its size, the rest coded
{ echo '{"id":"a","text":"First story."}'
  printf '{"id":"huge","text":"'; head -c 104857600 /dev/zero | tr '\0' 'a'; echo '"}'
  echo '{"id":"b","text":"Last story."}'; } >huge.jsonl
run code huge.jsonl
expect "100 MB line" 1 "huge.jsonl:2: record of 104857623 bytes exceeds the limit of 16777216 bytes; record skipped" 2

# a story of one million sentences: coded, every sentence found
python3 -c "
import json
print(json.dumps({'id': 'million', 'text': 'He fled. ' * 1000000}))" >million.jsonl
run code million.jsonl
expect "1M sentences" 0 "" 1
run code --sentences million.jsonl
n=$(python3 -c "import json; print(len(json.loads(open('out').readline())['sentences']))")
[ "$n" = 1000000 ] && ok || bad "1M sentences: $n sentences, want 1000000"

# NUL bytes: raw in a JSONL line and in a .txt story; repaired with a warning
printf '{"id":"nul","text":"The road\000 is closed."}\n' >nul.jsonl
run code nul.jsonl
expect "raw NUL in JSONL" 0 "" 1
grep -qF 'NUL character or broken \\u escape in the record replaced with U+FFFD (1)' out && ok || bad "raw NUL warning"
printf 'Title\n\nThe road\000 is closed. Nothing passes.\n' >nul.txt
run code nul.txt
grep -q 'NUL byte in text replaced with U+FFFD (1)' out && ok || bad "NUL in txt warning"

# a binary file: rejected as a whole, with the reason
python3 -c "
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(100000)))" >blob.jsonl
run code blob.jsonl
expect "binary file" 1 "blob.jsonl: binary file, not JSON Lines text; skipped" 0
cp blob.jsonl blob.txt
run code blob.txt
expect "binary txt" 1 "blob.txt: binary file, not a text story; skipped" 0
# compressed input is read (tests/threads covers it); a gzip file cut
# short is reported as such, and the next file is still coded
printf '\037\213\010\000' >z.jsonl
echo '{"id":"y","text":"Coded after the broken file."}' >after.jsonl
run code z.jsonl after.jsonl
expect "truncated gzip file" 1 "z.jsonl: truncated gzip data: the file ends inside a compressed member (after 0 bytes of text); rest of the file skipped" 1

# an empty file, a missing file, a directory: clear messages, others still coded
: >empty.jsonl
run code empty.jsonl
expect "empty file" 0 "empty.jsonl: empty file, no stories" 0
echo '{"id":"x","text":"Still coded."}' >good.jsonl
run code missing.jsonl good.jsonl
expect "missing file" 2 "missing.jsonl: cannot open: No such file or directory" 1
mkdir adir
run code adir good.jsonl
expect "directory" 2 "adir: is a directory, not a file of stories" 1

# many bad lines: the first 100 are shown, the rest counted
python3 -c "print('not json\n' * 500, end='')" >garbage.jsonl
run code garbage.jsonl
expect "error cap" 1 "garbage.jsonl: more than 100 errors; further errors in this file are counted but not shown" 0
expect "error count" 1 "tarikh: 500 records rejected, 0 coded" 0

# usage errors
run code --format xml good.jsonl
expect "bad format" 2 "tarikh code: unknown format 'xml' (jsonl, text, tsv)" 0
run frobnicate
expect "bad command" 2 "tarikh: unknown command 'frobnicate'" 0
# a --dict that is not there stops the run before it codes with nothing
run code --dict no-such-dicts good.jsonl
expect "missing --dict" 2 "tarikh code: no-such-dicts: cannot open: No such file or directory" 0
run dict stats --dict +no-such-dicts
expect "missing --dict (dict stats)" 2 "tarikh dict: no-such-dicts: cannot open: No such file or directory" 0
run explain "Russia attacked Ukraine." --dict no-such-dicts
expect "missing --dict (explain)" 2 "tarikh explain: no-such-dicts: cannot open: No such file or directory" 0

# -o writes atomically: complete file, no temporary left behind
run code -o result.jsonl good.jsonl good.jsonl
[ "$(cat rc)" = 0 ] && [ "$(wc -l <result.jsonl | tr -d ' ')" = 2 ] && [ -z "$(ls | grep 'result.jsonl.tmp')" ] && ok || bad "-o complete"
# an interrupted run leaves neither the final file nor the temporary
mkfifo slow
( "$bin" code -o interrupted.jsonl slow 2>/dev/null & echo $! >pid; wait ) &
exec 3>slow
echo '{"id":"x","text":"One."}' >&3
sleep 0.3
kill -TERM "$(cat pid)"
exec 3>&-
wait
if [ ! -e interrupted.jsonl ] && [ -z "$(ls | grep 'interrupted.jsonl.tmp')" ]; then ok; else bad "interrupted -o left files: $(ls)"; fi
# an unwritable output: exit 2 with the reason
run code -o /nonexistent-dir/out.jsonl good.jsonl
expect "unwritable -o" 2 "/nonexistent-dir/out.jsonl: cannot create output: No such file or directory" 0

echo "bad input: $pass passed, $fail failed"
[ $fail = 0 ]
