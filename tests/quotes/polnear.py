#!/usr/bin/env python3
"""Direct quotations and their speakers scored against PolNeAR.

PolNeAR (SHARED/reference/quotes/polnear, see its README.md) annotates
attributions (source, cue, content) in 1008 US political news articles of
2015-2016. This script writes every article of one split into a temporary
JSON Lines file ({"id", "date", "text"}), runs `BINARY code FILE` once, and
compares the "quotes" of each output record with the gold direct quotes.

Usage:
  polnear.py BINARY [--split train|dev|test] [--shared DIR] [--min-f1 F]
             [--min-speaker F] [-v] [--limit N]
  polnear.py --dump-gold [--split S] [--shared DIR] [--limit N]
  polnear.py --self-test

Exit: 0 fine (or skipped: no SHARED dir), 1 below a --min-* floor (or a
failed self-test), 2 the binary could not be run or its output is unusable.

The data, as found (PolNeAR v1.0.0)
-----------------------------------
* SPLIT/text/NAME.txt is one article; SPLIT/attributions/NAME_XXXX.ann is
  its brat standoff annotation by annotator XXXX (4 hex digits).  Every
  article has at least one .ann.  A few articles were annotated by several
  annotators (5 or 6 .ann files: 16 in train, 2 in dev, 2 in test); we use
  the FIRST .ann BY FILE NAME (i.e. the smallest annotator id), always.
* Offsets in the .ann files are Unicode CHARACTER (code point) offsets into
  the .txt read as UTF-8 (no BOM stripping, no newline translation): the
  slice text[start:end] equals the span text of the .ann for 105838 of the
  105841 spans of train+dev+test; the 3 others are spans whose text runs
  over a newline, which brat writes on several lines of the .ann (we read
  offsets only, so those lines are skipped).  Byte offsets would not do:
  610 of the 1008 texts are not ASCII (’ “ ” — ...).
* Discontinuous spans are "Content 10 20;30 40"; an event may also have a
  "Content2" role (a second content piece): all content fragments of an
  event make its content (we use the union of covered characters).
  "Attribution-no-source" events have no Source.  "Discard" and "Discuss"
  spans, AnnotatorNotes and events without a Content are ignored.
* Dates come from data/metadata.tsv (publication_date), else from the file
  name (publisher_YYYY-MM-DD_slug).

Gold direct quotes (the definition of our issue): an attribution whose
content contains a double quotation mark: " “ ” „ ‟ « » ❝ ❞ 〝 〞 〟 ＂ and
the two-character '' and `` (the NYT articles write ''like this'').  Counts
with the first .ann of each article:
    train 840 articles, 6383 gold direct quotes (6268 with a source)
    dev    84 articles,  710 gold direct quotes  (700 with a source)
    test   84 articles,  676 gold direct quotes  (671 with a source)
(out of 19832 / 2192 / 2044 attributions with a content).  By marks: train
2712 “”, 2326 ", 1200 '' (NYT), the rest mixed or a lone mark (a content
that ends or begins inside a quotation).  The definition also takes in
contents that merely contain a quoted title or scare quote ("sings Bruce
Springsteen's “American Skin”") and transcripts ("PENCE: ..."); a content
made of several quoted pieces ("“A,” he said. “B.”" annotated as one
discontinuous content) is one gold quote, so each predicted piece in it
matches it.

Predictions: each output record's "quotes" (absent: none); a quote with
"speech": false (a title, a scare quote) is not a prediction, a missing
"speech" means true.  "start"/"end" (of the quote and of its "speaker") are
BYTE offsets into the UTF-8 text and are converted to character offsets.

Scoring
* A predicted quote and a gold quote qualify as a pair when their overlap
  is at least half the length of the shorter one (in characters; for a
  discontinuous gold content, over the union of its fragments).  As the
  issue defines it, each prediction is judged on its own: precision =
  predictions that match some gold quote / predictions; recall = gold
  quotes matched by some prediction / gold quotes; F1.  So the two pieces
  of "“A,” he said, “B.”" both count as right against a gold content
  annotated as one discontinuous "A … B".  For speakers, each gold quote
  is paired with one prediction (one-to-one, greedily, best overlap first;
  ties: higher overlap/union, then text order).
* Speaker accuracy, over matched pairs whose gold has a Source: right when
  the predicted speaker span overlaps a fragment of the gold Source, or
  when the last word of at least 3 letters of the predicted speaker "name"
  (case-insensitive, possessive 's dropped) is one of the words of the gold
  Source text.  A null speaker is wrong.  Matched pairs whose gold has no
  Source are counted and reported apart, not scored.

The last line is, e.g.:
  polnear dev: gold 812, predicted 790, matched 700; precision 0.886 recall 0.862 F1 0.874; speaker accuracy 0.900 (630/700)
-v shows per article the missed gold quotes, false positives and wrong
speakers; --dump-gold prints the gold direct quotes without running BINARY;
--self-test checks the rules on synthetic cases ("N passed, M failed").
"""
import argparse
import bisect
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUBDIR = os.path.join("reference", "quotes", "polnear")

DOUBLE_MARKS = "\"“”„‟«»❝❞〝〞〟＂"
QUOTE_RE = re.compile("[" + re.escape(DOUBLE_MARKS) + "]|''|``")
ANN_RE = re.compile(r"^(.*)_([0-9a-f]{4})\.ann$")
T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
NAME_DATE_RE = re.compile(r"_(\d{4}-\d\d-\d\d)_")
DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")


# ---------------------------------------------------------------- spans

def merge(frags):
    """Sorted union of (start, end) fragments, empty ones dropped."""
    out = []
    for s, e in sorted(f for f in frags if f[1] > f[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def covered(frags):
    return sum(e - s for s, e in frags)


def overlap(s, e, frags):
    """Characters of [s, e) inside the (merged) fragments."""
    return sum(max(0, min(e, fe) - max(s, fs)) for fs, fe in frags)


def byte_to_char(text):
    """A function mapping a byte offset of text's UTF-8 to a character
    offset (a byte inside a character maps to that character's start)."""
    n = len(text)
    if text.isascii():
        return lambda b: min(max(b, 0), n)
    starts, pos = [], 0
    for ch in text:
        starts.append(pos)
        c = ord(ch)
        pos += 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
    starts.append(pos)  # offset n is the end of the text

    def conv(b):
        if b <= 0:
            return 0
        if b >= pos:
            return n
        return bisect.bisect_right(starts, b) - 1
    return conv


# ---------------------------------------------------------------- gold

def is_direct(text, frags):
    return any(QUOTE_RE.search(text, s, e) for s, e in frags)


def parse_ann(ann, text):
    """Attributions of one brat .ann (its content as a string): a list of
    dicts with content/source/cue fragments (character offsets, merged),
    sorted by content start; 'direct' tells whether it is a gold quote."""
    spans = {}
    events = []
    for line in ann.split("\n"):
        m = T_RE.match(line)
        if m:
            frags = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            spans[m.group(1)] = frags
        elif line.startswith("E") and "\t" in line:
            events.append(line.split("\t", 1)[1].split())
    out = []
    for roles in events:
        content, source, cue = [], [], []
        for r in roles:
            role, _, tid = r.partition(":")
            base = role.rstrip("0123456789")
            frags = spans.get(tid)
            if frags is None:
                continue
            if base == "Content":
                content += frags
            elif base == "Source":
                source += frags
            elif base == "Cue":
                cue += frags
        content = merge(f for f in content if 0 <= f[0] and f[1] <= len(text))
        if not content:
            continue
        source = merge(f for f in source if 0 <= f[0] and f[1] <= len(text))
        cue = merge(f for f in cue if 0 <= f[0] and f[1] <= len(text))
        out.append({
            "content": content,
            "len": covered(content),
            "source": source,
            "source_text": " ".join(text[s:e] for s, e in source),
            "cue_text": " ".join(text[s:e] for s, e in cue),
            "text": " ".join(text[s:e] for s, e in content),
            "direct": is_direct(text, content),
        })
    out.sort(key=lambda g: g["content"][0])
    return out


def load_split(data, split, limit=None):
    """Articles of data/split: list of dicts name, date, text, ann, golds
    (direct quotes only), n_attr; plus a note about the .ann choice."""
    tdir = os.path.join(data, split, "text")
    adir = os.path.join(data, split, "attributions")
    dates = {}
    meta = os.path.join(data, "metadata.tsv")
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            try:
                ic, iname, idate = (head.index("compartment"), head.index("filename"),
                                    head.index("publication_date"))
            except ValueError:
                ic = None
            for line in f if ic is not None else []:
                row = line.rstrip("\n").split("\t")
                if len(row) > max(ic, iname, idate) and row[ic] == split \
                        and DATE_RE.match(row[idate]):
                    dates[row[iname]] = row[idate]
    anns = {}
    for fn in os.listdir(adir):
        m = ANN_RE.match(fn)
        if m:
            anns.setdefault(m.group(1), []).append(fn)
    names = sorted(fn[:-4] for fn in os.listdir(tdir) if fn.endswith(".txt"))
    if limit is not None:
        names = names[:limit]
    arts = []
    several = missing = 0
    for name in names:
        with open(os.path.join(tdir, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        cands = sorted(anns.get(name, []))
        if len(cands) > 1:
            several += 1
        if cands:
            with open(os.path.join(adir, cands[0]), encoding="utf-8", newline="") as f:
                attrs = parse_ann(f.read(), text)
        else:
            missing += 1
            attrs = []
        date = dates.get(name)
        if date is None:
            m = NAME_DATE_RE.search(name)
            date = m.group(1) if m else None
        arts.append({"name": name, "date": date, "text": text,
                     "ann": cands[0] if cands else None,
                     "golds": [a for a in attrs if a["direct"]],
                     "n_attr": len(attrs)})
    return arts, several, missing


# ---------------------------------------------------------------- predictions

class OutputError(Exception):
    pass


def predictions(rec, text):
    """The predicted quotes of one output record, in character offsets."""
    quotes = rec.get("quotes")
    if quotes is None:
        return []
    if not isinstance(quotes, list):
        raise OutputError(f"{rec.get('id')}: \"quotes\" is not a list")
    conv = byte_to_char(text)
    out = []
    for q in quotes:
        if not isinstance(q, dict):
            raise OutputError(f"{rec.get('id')}: a quote is not an object")
        if q.get("speech", True) is False:
            continue
        s, e = q.get("start"), q.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or isinstance(s, bool) or e < s:
            raise OutputError(f"{rec.get('id')}: quote without valid start/end: "
                              f"{json.dumps(q, ensure_ascii=False)[:200]}")
        sp = q.get("speaker")
        speaker = None
        if isinstance(sp, dict):
            ss, se = sp.get("start"), sp.get("end")
            span = (conv(ss), conv(se)) if isinstance(ss, int) and isinstance(se, int) \
                and not isinstance(ss, bool) and se >= ss else None
            speaker = {"span": span, "name": sp.get("name") or "",
                       "text": sp.get("text") or ""}
        out.append({"start": conv(s), "end": conv(e), "text": q.get("text") or "",
                    "speaker": speaker, "cue": q.get("cue") or ""})
    out.sort(key=lambda p: (p["start"], p["end"]))
    return out


# ---------------------------------------------------------------- scoring

def words(s):
    s = s.replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"'s\b", "", s)
    return re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", s)


def name_key(name):
    """The last word of at least 3 letters of a name, lower case, or None."""
    for w in reversed(words(name)):
        if sum(c.isalpha() for c in w) >= 3:
            return w
    return None


def speaker_right(pred_speaker, gold):
    if not pred_speaker:
        return False
    span = pred_speaker.get("span")
    if span and span[1] > span[0] and overlap(span[0], span[1], gold["source"]) > 0:
        return True
    key = name_key(pred_speaker.get("name") or "")
    return key is not None and key in words(gold["source_text"])


def candidates(golds, preds):
    """Every (gold index, pred index, overlap, union) whose overlap is at
    least half the shorter of the two."""
    for gi, g in enumerate(golds):
        gs, ge = g["content"][0][0], g["content"][-1][1]
        for pi, p in enumerate(preds):
            if p["end"] <= gs or p["start"] >= ge:
                continue
            ov = overlap(p["start"], p["end"], g["content"])
            lp = p["end"] - p["start"]
            if ov > 0 and 2 * ov >= min(lp, g["len"]):
                yield gi, pi, ov, lp + g["len"] - ov


def qualifies(golds, preds):
    """(gold indices matched by some prediction, prediction indices that
    match some gold)."""
    mg, mp = set(), set()
    for gi, pi, _, _ in candidates(golds, preds):
        mg.add(gi)
        mp.add(pi)
    return mg, mp


def match(golds, preds):
    """One-to-one greedy pairs (gold index, pred index), best overlap
    first (ties: higher overlap/union, then text order)."""
    cands = [(-ov, -ov / union, gi, pi) for gi, pi, ov, union in candidates(golds, preds)]
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


class Score:
    def __init__(self):
        self.gold = self.pred = self.matched = self.pred_ok = 0
        self.sp_right = self.sp_total = self.no_source = 0

    def add(self, golds, preds):
        """Scores one article; returns (pairs, missed golds, false positive
        preds, wrong-speaker pairs) for -v."""
        pairs = match(golds, preds)
        mg, mp = qualifies(golds, preds)
        self.gold += len(golds)
        self.pred += len(preds)
        self.matched += len(mg)
        self.pred_ok += len(mp)
        wrong = []
        for gi, pi in pairs:
            g = golds[gi]
            if not g["source"]:
                self.no_source += 1
                continue
            self.sp_total += 1
            if speaker_right(preds[pi]["speaker"], g):
                self.sp_right += 1
            else:
                wrong.append((gi, pi))
        missed = [i for i in range(len(golds)) if i not in mg]
        fps = [i for i in range(len(preds)) if i not in mp]
        return pairs, missed, fps, wrong

    def prf(self):
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def speaker(self):
        return self.sp_right / self.sp_total if self.sp_total else 0.0

    def line(self, split):
        p, r, f = self.prf()
        return (f"polnear {split}: gold {self.gold}, predicted {self.pred}, "
                f"matched {self.matched}; precision {p:.3f} recall {r:.3f} F1 {f:.3f}; "
                f"speaker accuracy {self.speaker():.3f} ({self.sp_right}/{self.sp_total})")


# ---------------------------------------------------------------- running

def clip(s, n=100):
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n] + "..."


def run_binary(binary, arts):
    fd, tmp = tempfile.mkstemp(prefix="polnear-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for a in arts:
                rec = {"id": a["name"]}
                if a["date"]:
                    rec["date"] = a["date"]
                rec["text"] = a["text"]
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        try:
            p = subprocess.run([binary, "code", tmp], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=3600)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise OutputError(f"cannot run {binary}: {e}")
    finally:
        os.unlink(tmp)
    err = p.stderr.decode("utf-8", "replace").splitlines()
    if err:
        shown = err if len(err) <= 20 else err[:20] + [f"... ({len(err) - 20} more lines)"]
        sys.stderr.write("".join(f"polnear: {BINARY_NAME}: {l}\n" for l in shown))
    if p.returncode not in (0, 1):
        raise OutputError(f"{binary} code exited with {p.returncode}")
    out = {}
    order = []
    for n, line in enumerate(p.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            raise OutputError(f"output line {n} is not JSON ({e}): {line[:120]}")
        if not isinstance(rec, dict) or "id" not in rec:
            raise OutputError(f"output line {n} has no \"id\": {line[:120]}")
        out[rec["id"]] = rec
        order.append(rec["id"])
    names = [a["name"] for a in arts]
    missing = [n for n in names if n not in out]
    if missing and p.returncode == 0:
        raise OutputError(f"{len(missing)} records missing from the output "
                          f"(exit 0), first {missing[0]}")
    if missing:
        sys.stderr.write(f"polnear: {len(missing)} records rejected by the binary "
                         f"(scored as no quotes), first {missing[0]}\n")
    if [n for n in order if n in set(names)] != [n for n in names if n in out]:
        sys.stderr.write("polnear: warning: output records are not in input order\n")
    return out


BINARY_NAME = "binary"


def norm(s):
    return " ".join(QUOTE_RE.sub(" ", s).split())


def verbose_article(a, golds, preds, missed, fps, wrong):
    if not (missed or fps or wrong):
        return
    print(f"-- {a['name']} ({a['ann']})")
    for gi in missed:
        g = golds[gi]
        print(f"   missed  {g['content'][0][0]}: {clip(g['text'])!r}  "
              f"[gold source: {clip(g['source_text'], 60) or '-'}]")
    for pi in fps:
        p = preds[pi]
        sp = p["speaker"]
        who = (f"{sp['text']!r} name {sp['name']!r}" if sp else "null")
        got = a["text"][p["start"]:p["end"]]
        ours = "" if norm(p["text"]) in norm(got) or norm(got) in norm(p["text"]) \
            else f" (our \"text\" differs: {clip(p['text'], 60)!r})"
        print(f"   false+  {p['start']}: {clip(got)!r}{ours}  [our speaker: {who}]")
    for gi, pi in wrong:
        g, p = golds[gi], preds[pi]
        sp = p["speaker"]
        who = (f"{sp['text']!r} name {sp['name']!r}" if sp else "null")
        print(f"   speaker {p['start']}: {clip(g['text'], 60)!r}  "
              f"[gold: {clip(g['source_text'], 60)!r}, ours: {who}]")


def dump_gold(arts, split):
    n = 0
    for a in arts:
        for g in a["golds"]:
            n += 1
            frags = ";".join(f"{s}-{e}" for s, e in g["content"])
            print(f"{a['name']}\t{frags}\t{g['source_text'] or '-'}\t{g['cue_text']}\t"
                  f"{' '.join(g['text'].split())}")
    print(f"polnear {split}: {n} gold direct quotes in {len(arts)} articles")


# ---------------------------------------------------------------- self-test

def self_test():
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL", what)

    def gold(frags, source=(), text=""):
        c = merge(frags)
        src = merge(source)
        return {"content": c, "len": covered(c), "source": src, "source_text": text,
                "text": "", "cue_text": "", "direct": True}

    def pred(s, e, speaker=None):
        return {"start": s, "end": e, "text": "", "speaker": speaker, "cue": ""}

    # overlap at least half of the shorter one
    g10 = [gold([(0, 10)])]
    check(match(g10, [pred(5, 15)]) == [(0, 0)], "overlap 5 of 10: exactly half matches")
    check(match(g10, [pred(6, 16)]) == [], "overlap 4 of 10: below half")
    check(match(g10, [pred(4, 24)]) == [(0, 0)], "overlap 6, shorter is the gold (10)")
    check(match([gold([(0, 100)])], [pred(95, 105)]) == [(0, 0)],
          "short prediction inside a long gold: half of the prediction")
    check(match([gold([(0, 100)])], [pred(96, 106)]) == [], "4 of 10 of a short prediction")
    check(match(g10, [pred(10, 20)]) == [], "touching spans do not overlap")
    # discontinuous gold: union of fragments
    gd = [gold([(0, 10), (20, 30)])]
    check(gd[0]["len"] == 20, "discontinuous gold length is the union")
    check(match(gd, [pred(0, 30)]) == [(0, 0)], "prediction spanning the gap")
    check(match(gd, [pred(5, 15)]) == [(0, 0)], "5 of 10 with a gap")
    check(match(gd, [pred(7, 22)]) == [], "5 of 15 with a gap: below half")
    check(merge([(20, 30), (0, 10), (5, 12)]) == [(0, 12), (20, 30)], "merge fragments")
    # one to one, best overlap first
    gs = [gold([(0, 50)]), gold([(60, 70)])]
    ps = [pred(0, 30), pred(0, 50), pred(55, 70)]
    check(match(gs, ps) == [(0, 1), (1, 2)], "greedy one-to-one, best first")
    s = Score()
    s.add(gs, ps)
    p, r, f = s.prf()
    check((s.gold, s.pred, s.matched) == (2, 3, 2) and p == 1.0 and r == 1.0,
          "each prediction judged on its own: two pieces of one gold both right")
    s = Score()
    s.add(gs, [pred(0, 50), pred(200, 230), pred(300, 330)])
    p, r, f = s.prf()
    check((s.gold, s.pred, s.matched) == (2, 3, 1) and abs(p - 1 / 3) < 1e-9 and r == 0.5
          and abs(f - 0.4) < 1e-9, "precision, recall, F1")
    check(Score().line("dev") == "polnear dev: gold 0, predicted 0, matched 0; precision "
          "0.000 recall 0.000 F1 0.000; speaker accuracy 0.000 (0/0)", "final line, empty")
    # byte offsets to characters
    text = "Zoë said “déjà vu” 😀 and «ça» ok"
    raw = text.encode("utf-8")
    conv = byte_to_char(text)
    for piece in ("déjà vu", "ça", "ok", "Zoë", "😀"):
        b = raw.index(piece.encode())
        c0, c1 = conv(b), conv(b + len(piece.encode()))
        check(text[c0:c1] == piece, f"byte->char for {piece!r}")
    check(conv(len(raw)) == len(text) and conv(0) == 0, "byte->char at the ends")
    check(byte_to_char("plain")(3) == 3, "byte->char for ASCII")
    rec = {"id": "x", "quotes": [
        {"text": "déjà vu", "start": raw.index("déjà".encode()), "end": raw.index("” 😀".encode()),
         "speaker": {"text": "Zoë", "start": 0, "end": len("Zoë".encode()), "name": "Zoë"}},
        {"text": "ça", "start": raw.index(b"\xc3\xa7a"), "end": raw.index("»".encode()),
         "speaker": None, "speech": False}]}
    pr = predictions(rec, text)
    check(len(pr) == 1 and text[pr[0]["start"]:pr[0]["end"]] == "déjà vu"
          and pr[0]["speaker"]["span"] == (0, 3), "predictions: bytes to chars, speech false dropped")
    check(predictions({"id": "x"}, text) == [], "no \"quotes\" key: no predictions")
    # speaker rules
    src = "Hillary Clinton’s campaign"
    g = gold([(100, 150)], [(10, 10 + len(src))], src)
    sp = lambda name, span=None: {"span": span, "name": name, "text": name}
    check(speaker_right(sp("Hillary Rodham Clinton"), g), "name: last word")
    check(speaker_right(sp("CLINTON'S"), g), "name: case and possessive")
    check(not speaker_right(sp("Bill Clinton Jr"), gold([(0, 5)], [(9, 14)], "Trump")),
          "name: different person")
    check(speaker_right(sp("Donald Trump Jr."), gold([(0, 5)], [(9, 14)], "Donald Trump")),
          "name: last word of 3+ letters (Jr. skipped)")
    check(speaker_right(sp("Martin O’Malley"), gold([(0, 5)], [(9, 20)], "O'Malley's aide")),
          "name: apostrophes in names")
    check(not speaker_right(sp("Ed"), gold([(0, 5)], [(9, 11)], "Ed")), "name: 2 letters is no name")
    check(speaker_right(sp("Someone Else", (30, 40)), g), "speaker span overlaps source")
    check(not speaker_right(sp("Someone Else", (0, 10)), g), "speaker span before the source")
    check(not speaker_right(None, g), "null speaker is wrong")
    s = Score()
    s.add([g, gold([(200, 220)])],
          [pred(100, 150, sp("Clinton")), pred(200, 220, sp("Clinton"))])
    check((s.sp_right, s.sp_total, s.no_source) == (1, 1, 1), "no-source pairs counted apart")
    # gold: brat parsing and direct quotes
    text = ("Obama said “we will win” today.\nThe NYT: ''Yes,'' he said.\n"
            "Aides think it is ‘fine’. She said, «bon» and more.")
    def at(s):
        i = text.index(s)
        return f"{i} {i + len(s)}"
    ann = "\n".join([
        f"T1\tSource {at('Obama')}\tObama", f"T2\tCue {at('said')}\tsaid",
        f"T3\tContent {at('“we will win”')}\t“we will win”",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        f"T4\tContent {at(chr(39) * 2 + 'Yes,')};{at('he')}\tx", f"T5\tCue {at('he said')}\thola",
        "continued text of a span that ran over a newline",
        "E2\tAttribution-no-source:T5 Content:T4 Cue:T5",
        f"T6\tContent {at('it is ‘fine’')}\tit is ‘fine’", f"T7\tSource {at('Aides')}\tAides",
        "E3\tAttribution:T6 Source:T7 Content:T6 ",
        f"T8\tContent {at('«bon»')}\t«bon»", f"T9\tContent2 {at('and more')}\tand more",
        f"T10\tSource {at('She')}\tShe", "E4\tAttribution:T8 Source:T10 Content:T8 Content2:T9",
        "#1\tAnnotatorNotes T1\tnote", f"T11\tDiscard {at('Obama')}\tObama", ""])
    attrs = parse_ann(ann, text)
    check([a["direct"] for a in attrs] == [True, True, False, True], "direct: “” '' ‘’ «»")
    check(attrs[0]["source_text"] == "Obama" and attrs[1]["source"] == [], "sources")
    check(len(attrs[1]["content"]) == 2 and attrs[3]["len"] == len("«bon»and more"),
          "discontinuous content and Content2")
    print(f"polnear self-test: {passed} passed, {failed} failed")
    return 1 if failed else 0


# ---------------------------------------------------------------- main

def main():
    global BINARY_NAME
    ap = argparse.ArgumentParser(description="Score direct quotes against PolNeAR.")
    ap.add_argument("binary", nargs="?", help="the tarikh binary")
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                    help="the shared directory (default: ../shared from the repo root)")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--min-speaker", type=float)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--limit", type=int, metavar="N", help="first N articles (by name)")
    ap.add_argument("--dump-gold", action="store_true", help="print the gold direct quotes")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()

    if args.self_test:
        return self_test()
    if not args.binary and not args.dump_gold:
        ap.print_usage(sys.stderr)
        print("polnear: BINARY is required", file=sys.stderr)
        return 2
    shared = os.path.normpath(args.shared)
    if not os.path.isdir(shared):
        print(f"polnear: skipped (no {shared})")
        return 0
    data = os.path.join(shared, SUBDIR, "data")
    if not os.path.isdir(os.path.join(data, args.split, "text")):
        print(f"polnear: skipped (no {os.path.join(data, args.split)})")
        return 0

    arts, several, missing = load_split(data, args.split, args.limit)
    if args.dump_gold:
        dump_gold(arts, args.split)
        return 0
    n_gold = sum(len(a["golds"]) for a in arts)
    n_src = sum(1 for a in arts for g in a["golds"] if g["source"])
    print(f"polnear {args.split}: {len(arts)} articles ({several} with several .ann: first "
          f"by name{', %d without .ann' % missing if missing else ''}), "
          f"{sum(a['n_attr'] for a in arts)} attributions, {n_gold} gold direct quotes "
          f"({n_src} with a source)")
    sys.stdout.flush()

    BINARY_NAME = os.path.basename(args.binary)
    try:
        out = run_binary(args.binary, arts) if arts else {}
        score = Score()
        for a in arts:
            rec = out.get(a["name"], {})
            preds = predictions(rec, a["text"])
            pairs, missed, fps, wrong = score.add(a["golds"], preds)
            if args.verbose:
                verbose_article(a, a["golds"], preds, missed, fps, wrong)
    except OutputError as e:
        print(f"polnear: failed: {e}", file=sys.stderr)
        return 2
    if score.no_source:
        print(f"polnear {args.split}: {score.no_source} matched quotes whose gold has no "
              f"source (speaker not scored)")
    print(score.line(args.split))
    rc = 0
    f1 = score.prf()[2]
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"polnear {args.split}: F1 {f1:.3f} below the floor {args.min_f1}")
        rc = 1
    if args.min_speaker is not None and score.speaker() < args.min_speaker:
        print(f"polnear {args.split}: speaker accuracy {score.speaker():.3f} below the "
              f"floor {args.min_speaker}")
        rc = 1
    floors = (args.min_f1 is not None) + (args.min_speaker is not None)
    if floors:
        # one check per floor, in the form tests/run_all.sh adds up
        bad = (args.min_f1 is not None and f1 < args.min_f1) + \
              (args.min_speaker is not None and score.speaker() < args.min_speaker)
        print(f"polnear floors: {floors - bad} passed, {bad} failed")
    return rc


if __name__ == "__main__":
    sys.exit(main())
