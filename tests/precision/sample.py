#!/usr/bin/env python3
"""Draws the hand-judged precision sample of issue 4.

Codes SHARED/reference/corpora/ag_news_test_world.jsonl (1,900 AG News
"World" stories, no dates) with BINARY, then draws 100 events at random
with a fixed seed (random.Random(SEED).sample over all events in input
order) and writes them for judging, one JSON object per line:
  {"n", "id", "sentence", "source", "code", "name", "target", "verb",
   "negated", "modality"}
Also prints how many stories produced no event at all, and a fixed-seed
sample of 20 of them so the reasons can be judged too.

Usage: sample.py BINARY SHARED_DIR OUT.jsonl [--seed N]
The judged table lives in docs/accuracy.md; this script only draws."""
import json, random, subprocess, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
seed = 2026
if "--seed" in sys.argv:
    seed = int(sys.argv[sys.argv.index("--seed") + 1])
    args = [a for a in args if a != str(seed)]
binary, shared, out = args[0], args[1], args[2]
corpus = f"{shared}/reference/corpora/ag_news_test_world.jsonl"
p = subprocess.run([binary, "code", "--threads", "1", "--sentences", corpus], capture_output=True, text=True)
if p.returncode not in (0, 3):
    sys.exit(f"sample: {binary} failed ({p.returncode}): {p.stderr[-400:]}")
records = [json.loads(l) for l in p.stdout.splitlines()]
texts = {}
for l in open(corpus, encoding="utf-8"):
    r = json.loads(l)
    texts[r["id"]] = r["text"]
events = []
for r in records:
    sents = r.get("sentences", [])
    for e in r["events"]:
        s = sents[e["sentence"]]["text"] if e["sentence"] < len(sents) else e["text"]
        events.append({"id": r["id"], "sentence": s,
                       "source": f"{e['source']['text']} [{e['source']['code']}]" if e["source"] else None,
                       "code": e["code"], "name": e["name"],
                       "target": f"{e['target']['text']} [{e['target']['code']}]" if e["target"] else None,
                       "verb": e["evidence"]["verb"], "negated": e["negated"], "modality": e["modality"]})
rng = random.Random(seed)
pick = rng.sample(range(len(events)), min(100, len(events)))
with open(out, "w", encoding="utf-8") as f:
    for n, i in enumerate(sorted(pick), 1):
        f.write(json.dumps({"n": n, **events[i]}, ensure_ascii=False) + "\n")
empty = [r["id"] for r in records if not r["events"]]
print(f"sample: {len(records)} stories, {len(events)} events, {len(empty)} stories with no event; "
      f"100 events drawn with seed {seed} into {out}")
for i in random.Random(seed).sample(range(len(empty)), min(20, len(empty))):
    print(f"  no event: {empty[i]}: {texts.get(empty[i], '')[:240]}")
