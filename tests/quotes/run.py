#!/usr/bin/env python3
"""Quotation cases: each line of tests/quotes/cases.jsonl is a story with
the quotes it must yield (a fragment of the quote's text, the speaker's
name or mention, and optionally cue, description, code prefix, nested,
partial, kind), text that must not be inside any speech quote, and the
modality of events inside quotes. One check per expectation; prints
"quotes: N passed, M failed". Usage: run.py BINARY"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
cases = [json.loads(l) for l in open(os.path.join(here, "cases.jsonl"), encoding="utf-8") if l.strip()]
inp = "".join(json.dumps({k: c[k] for k in ("id", "date", "text")}, ensure_ascii=False) + "\n" for c in cases)
p = subprocess.run([binary, "code", "-"], input=inp.encode(), capture_output=True, timeout=120)
if p.returncode != 0:
    print("quotes: tarikh failed:", p.stderr.decode()[-300:])
    print("quotes: 0 passed, 1 failed")
    sys.exit(1)
out = {}
for line in p.stdout.decode().splitlines():
    r = json.loads(line)
    out[r["id"]] = r
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)

def speaker_str(sp):
    return " ".join(str(sp.get(k) or "") for k in ("name", "text")) if sp else ""

for c in cases:
    r = out.get(c["id"])
    if r is None:
        check(False, f"{c['id']}: no output record")
        continue
    quotes = r.get("quotes", [])
    for e in c["expect"]:
        hits = [q for q in quotes if e["contains"].lower() in q["text"].lower()]
        if not hits:
            check(False, f"{c['id']}: no quote contains {e['contains']!r}; got {[q['text'] for q in quotes]}")
            continue
        qq = min(hits, key=lambda q: len(q["text"]))
        what = f"{c['id']}: {e['contains']!r}"
        problems = []
        if e["speaker"] is not None and e["speaker"].lower() not in speaker_str(qq["speaker"]).lower():
            problems.append(f"speaker {speaker_str(qq['speaker'])!r}, want {e['speaker']!r}")
        if "kind" in e and qq.get("kind") != e["kind"]:
            problems.append(f"kind {qq.get('kind')!r}, want {e['kind']!r}")
        elif "kind" not in e and qq.get("kind") != "speech":
            problems.append(f"kind {qq.get('kind')!r}, want speech")
        for flag in ("nested", "partial"):
            if flag in e and qq.get(flag) != e[flag]:
                problems.append(f"{flag} {qq.get(flag)}, want {e[flag]}")
        if "cue" in e and (qq.get("cue") or "").lower() != e["cue"].lower():
            problems.append(f"cue {qq.get('cue')!r}, want {e['cue']!r}")
        sp = qq.get("speaker") or {}
        if "description" in e and e["description"].lower() not in (sp.get("description") or "").lower():
            problems.append(f"description {sp.get('description')!r}, want {e['description']!r}")
        if "code_prefix" in e and not (sp.get("code") or "").startswith(e["code_prefix"]):
            problems.append(f"code {sp.get('code')!r}, want {e['code_prefix']}...")
        check(not problems, what + ": " + "; ".join(problems))
    for a in c["absent"]:
        bad = [q["text"] for q in quotes if q.get("kind") == "speech" and a.lower() in q["text"].lower()]
        check(not bad, f"{c['id']}: {a!r} must not be quoted; got {bad}")
    for ev in c["events"]:
        hits = [e for e in r.get("events", []) if ev["contains"].lower() in e["text"].lower()]
        check(hits and all(e["modality"] == ev["modality"] for e in hits),
              f"{c['id']}: events with {ev['contains']!r} must be {ev['modality']}: "
              f"{[(e['code'], e['modality']) for e in hits]}")
print(f"quotes: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
