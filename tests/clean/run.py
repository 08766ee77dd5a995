#!/usr/bin/env python3
"""Boilerplate-cleaning cases: tests/clean/cases.jsonl holds stories with the
substrings that must end up removed and those that must stay. Runs
`tarikh code` once on all of them and checks each substring against the
removed spans (byte offsets into the text). Prints 'N passed, N failed'."""
import json, os, subprocess, sys, tempfile

binary = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
cases = [json.loads(l) for l in open(os.path.join(here, "cases.jsonl"), encoding="utf-8") if l.strip()]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps({"id": c["name"], "text": c["text"]}, ensure_ascii=False) + "\n")
    path = f.name
p = subprocess.run([binary, "code", path], capture_output=True, timeout=60)
os.unlink(path)
if p.returncode != 0:
    print("tarikh code failed:", p.stderr.decode()[-500:])
    sys.exit(1)
out = {r["id"]: r for r in map(json.loads, p.stdout.decode().splitlines())}
passed = failed = 0
for c in cases:
    r = out[c["name"]]
    text = c["text"].encode()
    spans = [(x["start"], x["end"]) for x in r["removed"]]
    def covered(sub):
        a = text.find(sub.encode())
        b = a + len(sub.encode())
        return all(any(s <= i < e for s, e in spans) for i in range(a, b) if text[i:i+1] not in b" \n")
    def touched(sub):
        a = text.find(sub.encode())
        b = a + len(sub.encode())
        return any(s < b and a < e for s, e in spans)
    problems = [f"not removed: {s!r}" for s in c.get("removed", []) if not covered(s)]
    problems += [f"wrongly removed: {s!r}" for s in c.get("kept", []) if touched(s)]
    if problems:
        failed += 1
        print(f"FAIL {c['name']}")
        for x in problems:
            print("   ", x)
    else:
        passed += 1
print(f"clean: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
