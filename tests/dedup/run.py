#!/usr/bin/env python3
"""`tarikh code --dedup story|day`. On stories made on the fly (3,000, so
that they span many batches of the thread pipeline, with events repeated
within stories, across stories of a date, on other dates, and undated):

- the events kept are exactly those this script computes from the run
  without --dedup: story mode keeps the first event of each (date, source,
  target, code) of a story; day mode the first of the whole run for each
  date (undated events only within their story);
- the summary line counts the events dropped;
- stdout and stderr are the same byte for byte at --threads 1, 2 and 4, in
  the jsonl, tsv and text formats;
- the bounds of day mode: once 64 dates are held, the oldest date is
  forgotten (its repeat is kept again) while the newest are still checked.

Usage: run.py BINARY. Prints 'dedup: N passed, N failed'."""
import json, os, re, subprocess, sys, tempfile

binary = sys.argv[1]
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def run(args, path):
    p = subprocess.run([binary, "code", "--stats"] + args + [path], capture_output=True, text=True)
    # the summary's time and rates change from run to run
    err = re.sub(r" [0-9.]+ MB in .*", "", p.stderr)
    return p.returncode, p.stdout, err


TEMPLATES = [
    "Russia attacked Ukraine near Kharkiv. Russia attacked Ukraine again.",
    "China condemned Russia. Russia attacked Ukraine.",
    "Iran condemned Israel. Israel attacked Hamas in Gaza. Iran condemned Israel on Monday.",
    "France signed an agreement with Mali. China condemned Russia.",
]
tmp = tempfile.mkdtemp()
stories = os.path.join(tmp, "stories.jsonl")
with open(stories, "w") as f:
    for i in range(3000):
        rec = {"id": f"s{i}", "text": TEMPLATES[i % 4] + (" Turkey condemned Syria." if i % 7 == 0 else "")}
        if i % 11:  # some undated stories
            rec["date"] = f"2024-03-{1 + (i // 200) % 28:02d}"
        f.write(json.dumps(rec) + "\n")

rc, plain, _ = run(["--threads", "1"], stories)
records = [json.loads(l) for l in plain.splitlines()]
check(rc == 0 and len(records) == 3000, "the stories are coded")


def key(e):
    return (e["date"], e["source"]["code"], e["target"]["code"] if e["target"] else None, e["code"])


def expect(mode):
    seen_day = set()
    out = []
    for r in records:
        seen_story = set()
        kept = []
        for e in r["events"]:
            k = key(e)
            if k in seen_story:
                continue
            seen_story.add(k)
            if mode == "day" and k[0] is not None:
                if k in seen_day:
                    continue
                seen_day.add(k)
            kept.append(e)
        out.append(kept)
    return out


total = sum(len(r["events"]) for r in records)
for mode in ("story", "day"):
    want = expect(mode)
    dropped = total - sum(len(k) for k in want)
    check(dropped > 0, f"--dedup {mode}: the stories have repeats to drop")
    outs = {}
    for fmt in ("jsonl", "tsv", "text"):
        for t in (1, 2, 4):
            outs[fmt, t] = run(["--dedup", mode, "--format", fmt, "--threads", str(t)], stories)
        same = all(outs[fmt, t] == outs[fmt, 1] for t in (2, 4))
        check(same, f"--dedup {mode} --format {fmt}: the same output and messages at --threads 1, 2 and 4")
    rc, out, err = outs["jsonl", 1]
    got = [json.loads(l) for l in out.splitlines()]
    check(rc == 0 and [[key(e) for e in r["events"]] for r in got] == [[key(e) for e in k] for k in want],
          f"--dedup {mode}: exactly the first event of each key is kept, in order")
    # the rest of each record is untouched
    same_rest = all({**a, "events": None} == {**b, "events": None} for a, b in zip(got, records))
    check(same_rest, f"--dedup {mode}: records are otherwise unchanged")
    check(f"events ({dropped} repeated events dropped)" in err,
          f"--dedup {mode}: the summary counts {dropped} dropped events ({err.strip()})")
    rc, out, _ = outs["tsv", 1]
    lines = out.splitlines()
    check(len(lines) == 1 + sum(len(k) for k in want), f"--dedup {mode} --format tsv: one line per kept event")
    rc, out, _ = outs["text", 1]
    counts = [int(n) for n in re.findall(r"^Events \((\d+)\):$", out, re.M)]
    lines = sum(1 for l in out.splitlines() if re.match(r"^ +\d+  \S+ -> ", l))
    check(counts == [len(k) for k in want] and lines == sum(counts),
          f"--dedup {mode} --format text: the event counts and lines are the kept ones")

# the bounds: 70 dates, then the first date again (forgotten: kept) and
# the last date again (held: dropped)
bounds = os.path.join(tmp, "bounds.jsonl")
with open(bounds, "w") as f:
    for i in range(70):
        f.write(json.dumps({"id": f"d{i}", "date": f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}",
                            "text": "Russia attacked Ukraine."}) + "\n")
    f.write(json.dumps({"id": "first-again", "date": "2024-01-01", "text": "Russia attacked Ukraine."}) + "\n")
    f.write(json.dumps({"id": "last-again", "date": "2024-03-14", "text": "Russia attacked Ukraine."}) + "\n")
rc, out, err = run(["--dedup", "day", "--format", "tsv"], bounds)
ids = [l.split("\t")[0] for l in out.splitlines()[1:]]
check(len(ids) == 71 and "first-again" in ids and "last-again" not in ids,
      f"--dedup day holds the latest 64 dates: an older date's repeat is kept, a recent one's dropped ({len(ids)})")

# usage
p = subprocess.run([binary, "code", "--dedup", "week", stories], capture_output=True, text=True)
check(p.returncode == 2 and "--dedup wants story or day" in p.stderr, "--dedup week is a usage error")
p = subprocess.run([binary, "code", "--help"], capture_output=True, text=True)
check("--dedup story|day" in p.stdout, "--help describes --dedup")

for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
print(f"dedup: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
