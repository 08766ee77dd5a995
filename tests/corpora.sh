#!/bin/sh
# Codes the three reference corpora: every story must come out, with no
# error and no rejected record. Skipped (and said so) without ../shared.
bin=$1 shared=$2
dir=$shared/reference/corpora
if [ ! -d "$dir" ]; then echo "corpora: skipped ($dir absent)"; exit 0; fi
pass=0; fail=0
for f in allsides_abp_intl reuters21578 ag_news_test_world; do
    [ -f "$dir/$f.jsonl" ] || { echo "corpora: $f.jsonl absent, skipped"; continue; }
    want=$(grep -c . "$dir/$f.jsonl")
    got=$("$bin" code "$dir/$f.jsonl" 2>/tmp/tk-corpus-err.$$ | wc -l | tr -d ' ')
    if [ "$got" = "$want" ] && [ ! -s /tmp/tk-corpus-err.$$ ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $f: $got of $want stories, stderr: $(head -3 /tmp/tk-corpus-err.$$)"
    fi
    rm -f /tmp/tk-corpus-err.$$
done
echo "corpora: $pass passed, $fail failed"
[ $fail = 0 ]
