#!/usr/bin/env python3
"""The shared samples (../shared/samples/*.txt with .expect.json): each,
wrapped as one JSON Lines record the way score.py does, must come out as one
record with every `boilerplate` string removed (in a removed span, in no
sentence) and no sentence broken inside a listed quotation.
Usage: samples.py BINARY SHARED_DIR. Prints 'N passed, N failed'; skips
(and says so) when SHARED_DIR/samples is absent."""
import glob, json, os, subprocess, sys, tempfile

binary, shared = sys.argv[1], sys.argv[2]
samples = sorted(glob.glob(os.path.join(shared, "samples", "*.txt")))
if not samples:
    print(f"samples: skipped ({shared}/samples absent)")
    sys.exit(0)
passed = failed = 0
for path in samples:
    exp_path = path[:-4] + ".expect.json"
    if not os.path.exists(exp_path):
        continue
    exp = json.load(open(exp_path, encoding="utf-8"))
    text = open(path, encoding="utf-8").read()
    rec = dict(exp["story"], text=text, title=text.split("\n", 1)[0])
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp = f.name
    p = subprocess.run([binary, "code", "--sentences", tmp], capture_output=True, text=True, timeout=60)
    os.unlink(tmp)
    problems = []
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    if p.returncode != 0 or len(lines) != 1:
        problems.append(f"exit {p.returncode}, {len(lines)} records: {p.stderr[-300:]}")
    else:
        story = json.loads(lines[0])
        raw = text.encode()
        removed = [raw[r["start"]:r["end"]].decode() for r in story["removed"]]
        sentences = [s["text"] for s in story["sentences"]]
        for b in exp["boilerplate"]:
            if not any(b in r for r in removed):
                problems.append(f"boilerplate not removed: {b!r}")
            if any(b in s for s in sentences):
                problems.append(f"boilerplate in a sentence: {b!r}")
        for q in exp["quotes"]:
            if not any(q["contains"] in s for s in sentences):
                problems.append(f"quotation split across sentences or lost: {q['contains']!r}")
        for e in exp.get("events", []):
            if not any(e["sentence_contains"] in s for s in sentences):
                problems.append(f"event sentence split or lost: {e['sentence_contains']!r}")
    name = os.path.basename(path)
    if problems:
        failed += 1
        print(f"FAIL {name}")
        for x in problems:
            print("   ", x)
    else:
        passed += 1
print(f"samples: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
