#!/usr/bin/env python3
"""Pathological quotation input, made on the fly: 100,000 unbalanced quote
marks, a 10,000-deep nesting, a story that is one giant quote, 50,000
quotes each with a new speaker. Each must be coded (exit 0, one valid JSON
record) without crash or hang (a 120 s guard, not a speed test: make bench
measures speed). Prints "quotes pathological: N passed, M failed".
Usage: patho.py BINARY"""
import json, subprocess, sys, time

binary = sys.argv[1]

def story(text):
    return (json.dumps({"id": "p", "date": "2024-01-01", "text": text}, ensure_ascii=False) + "\n").encode()

cases = {
    "100k unbalanced marks": "“ word " * 60000 + "” x " * 40000,
    "100k lone marks, one paragraph": "He said “ " * 100000,
    "10k-deep nesting, guillemets and curly": "« “ " * 5000 + "deep" + " ” »" * 5000,
    "10k-deep nesting, plus": "+ a " * 10000 + "deep" + " b +" * 10000,
    "10k-deep nesting, single": "‘" * 10000 + "deep" + "’" * 10000,
    "one giant quote": "“" + "The people of the valley are holding out and will not leave. " * 60000 + "”, said the mayor.",
    "giant quote never closed": "“ " + "We are still here, and the road is cut. " * 60000,
    "50k speakers": "".join(f"“We stay,” said Person{i} Name{i}. " for i in range(50000)),
    "mention walls": "“x,” " + "he said, " * 50000,
}
passed = failed = 0
for name, text in cases.items():
    t0 = time.time()
    try:
        p = subprocess.run([binary, "code", "--max-bytes", "64000000", "-"], input=story(text),
                           capture_output=True, timeout=120)
        lines = p.stdout.decode("utf-8", "replace").splitlines()
        ok = p.returncode == 0 and len(lines) == 1
        nq = len(json.loads(lines[0]).get("quotes", [])) if ok else -1
    except subprocess.TimeoutExpired:
        ok, nq = False, -1
    dt = time.time() - t0
    if ok:
        passed += 1
        print(f"ok   {name}: {len(text.encode()) // 1024} KiB, {nq} quotes, {dt:.2f} s")
    else:
        failed += 1
        print(f"FAIL {name}: exit {getattr(p, 'returncode', 'timeout')}, {dt:.2f} s")
print(f"quotes pathological: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
