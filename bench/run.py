#!/usr/bin/env python3
"""make bench: the throughput figures of docs/performance.md, with the floors
of the Throughput issue, measured in one run on this machine.

  1. the full pipeline on allsides_abp_intl.jsonl at 1 and 2 threads (and
     --no-quotes and --no-events at 1, for what quotations and events
     cost), interleaved with `wc -w` on the same file, best of N;
  2. the same with the Phoenix dictionaries;
  3. start-up: one short story, built-in and Phoenix dictionaries, best of 10;
  4. 5 million sentences: the corpus repeated through a pipe into `tarikh code -`;
  5. streamed input of 30 MB and of 3 GB (made on the fly, never stored):
     peak RSS must not grow with the input.

Peak RSS is each child's own (os.wait4). Exit 1 when a floor is missed.
Usage: run.py BINARY SHARED_DIR [RUNS] [--no-3gb]"""
import math, os, platform, re, subprocess, sys, tempfile, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
binary, shared = os.path.abspath(args[0]), args[1]
runs = int(args[2]) if len(args) > 2 else 5
big = "--no-3gb" not in sys.argv
corpus = os.path.join(shared, "reference", "corpora", "allsides_abp_intl.jsonl")
phoenix = os.path.join(shared, "reference", "dictionaries", "phoenix")
if not os.path.exists(corpus):
    print(f"bench: skipped ({corpus} absent)")
    sys.exit(0)
size = os.path.getsize(corpus)
STATS = re.compile(r"(\d+) stories, (\d+) sentences, (\d+) events")
misses = []


def run(cmd, stdin=None, env=None):
    """Runs one child, stdout discarded: (wall seconds, its peak RSS in MB, stderr)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        t = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed (exit {p.returncode}): {text[-300:]}")
    return t, ru.ru_maxrss / 1024, text


def piped(gen_cmd, cmd):
    """gen_cmd | cmd: (wall seconds, cmd's peak RSS in MB, cmd's stderr)."""
    gen = subprocess.Popen(gen_cmd, stdout=subprocess.PIPE)
    try:
        return run(cmd, stdin=gen.stdout)
    finally:
        gen.stdout.close()
        gen.wait()


def floor(ok, what):
    if not ok:
        misses.append(what)
    return "" if ok else "   <-- BELOW THE FLOOR"


def counts(stderr):
    m = STATS.search(stderr)
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


cpu = "unknown"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
except OSError:
    commit = "unknown"
print(f"machine: {platform.machine()}, {os.cpu_count()} cores (nproc), {cpu}; commit {commit}")

# 1 and 2: full pipeline at 1 and 2 threads, ours and Phoenix, with wc -w in
# the same rounds so that machine noise hits all alike
wc_env = dict(os.environ, LC_ALL="C.UTF-8")
cases = [("ours, 1 thread", ["--threads", "1"]), ("ours, 2 threads", ["--threads", "2"]),
         ("--no-quotes, 1 thread", ["--threads", "1", "--no-quotes"]),
         ("--no-events, 1 thread", ["--threads", "1", "--no-events"])]
if os.path.isdir(phoenix):
    cases += [("Phoenix, 1 thread", ["--threads", "1", "--dict", phoenix]),
              ("Phoenix, 2 threads", ["--threads", "2", "--dict", phoenix])]
best = {name: (math.inf, 0, "") for name, _ in cases}
best_wc = math.inf
for _ in range(runs):
    for name, opts in cases:
        t, rss, err = run([binary, "code", "--stats", *opts, corpus])
        if t < best[name][0]:
            best[name] = (t, max(rss, best[name][1]), err)
        else:
            best[name] = (best[name][0], max(rss, best[name][1]), best[name][2])
    best_wc = min(best_wc, run(["wc", "-w", corpus], env=wc_env)[0])

stories, sentences, events = counts(best["ours, 1 thread"][2])
print(f"corpus: {os.path.basename(corpus)}, {size / 1e6:.1f} MB, {stories} stories, {sentences} sentences")
print(f"wc -w (LC_ALL=C.UTF-8, best of {runs}): {best_wc:.3f} s = {size / 1e6 / best_wc:.1f} MB/s")
for name, _ in cases:
    t, rss, err = best[name]
    _, _, ev = counts(err)
    line = (f"tarikh code, {name} (best of {runs}): {t:.3f} s = {sentences / t:,.0f} sentences/s, "
            f"{size / 1e6 / t:.1f} MB/s, {ev} events, peak RSS {rss:.1f} MB, {t / best_wc:.2f}x wc -w")
    if name == "ours, 1 thread":
        line += floor(sentences / t >= 100_000, "100,000 sentences/s on one core")
    print(line)
t1, t2 = best["ours, 1 thread"][0], best["ours, 2 threads"][0]
tnq = best["--no-quotes, 1 thread"][0]
print(f"quotations add {100 * (t1 / tnq - 1):.1f}% to the pipeline's time (1 thread, best of {runs})"
      + floor(t1 / tnq <= 1.20, "quotes add at most 20%"))
print(f"speed-up at 2 threads: {t1 / t2:.2f}x" + floor(t1 / t2 >= 1.8, "1.8x on 2 threads"))
if "Phoenix, 2 threads" in best:
    print(f"speed-up at 2 threads with Phoenix: {best['Phoenix, 1 thread'][0] / best['Phoenix, 2 threads'][0]:.2f}x")

# 3: start-up, on a one-story file (default thread count)
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    f.write('{"id":"s","text":"Russia accused Ukraine of shelling the city."}\n')
    one = f.name
start = {}
for name, opts, limit in [("built-in dictionaries", [], 0.050), ("Phoenix dictionaries", ["--dict", phoenix], 0.500)]:
    if name.startswith("Phoenix") and not os.path.isdir(phoenix):
        continue
    t = min(run([binary, "code", *opts, one])[0] for _ in range(10))
    start[name] = t
    print(f"start-up, {name} (one story, best of 10): {t * 1000:.0f} ms" +
          floor(t < limit, f"start-up under {limit * 1000:.0f} ms with {name}"))
os.unlink(one)

# 4: five million sentences through a pipe
reps = math.ceil(5_000_000 / sentences)
gen = ["sh", "-c", f'i=0; while [ $i -lt {reps} ]; do cat "$0"; i=$((i+1)); done', corpus]
t, rss, err = piped(gen, [binary, "code", "--stats", "-"])
s5, n5, _ = counts(err)
print(f"5M sentences (the corpus {reps} times, `cat` into a pipe, tarikh code -, default threads): "
      f"{n5:,} sentences in {t:.1f} s = {n5 / t:,.0f} sentences/s, {size * reps / 1e6 / t:.1f} MB/s, "
      f"peak RSS {rss:.1f} MB" + floor(t < 30, "5 million sentences in under 30 s"))

# 5: peak RSS at 30 MB and 3 GB of streamed input
head30 = ["head", "-n", str(stories * 30 // 36), corpus]
t, rss30, err = piped(head30, [binary, "code", "--stats", "-"])
print(f"streamed 30 MB (head of the corpus into a pipe): {t:.1f} s, peak RSS {rss30:.1f} MB")
if big:
    reps3 = math.ceil(3e9 / size)
    gen = ["sh", "-c", f'i=0; while [ $i -lt {reps3} ]; do cat "$0"; i=$((i+1)); done', corpus]
    t, rss3, err = piped(gen, [binary, "code", "--stats", "-"])
    s3, n3, _ = counts(err)
    ok = s3 == stories * reps3
    print(f"streamed {size * reps3 / 1e9:.2f} GB (the corpus {reps3} times into a pipe, full pipeline): "
          f"{s3:,} stories{'' if ok else ' (WRONG COUNT)'}, {n3:,} sentences in {t:.1f} s = "
          f"{n3 / t:,.0f} sentences/s, {size * reps3 / 1e6 / t:.1f} MB/s, peak RSS {rss3:.1f} MB"
          + floor(rss3 < 200 and ok, "peak RSS under 200 MB at 3 GB"))
    print(f"peak RSS at 30 MB vs 3 GB of input: {rss30:.1f} MB vs {rss3:.1f} MB")

if misses:
    print("bench: below the floor: " + "; ".join(misses))
    sys.exit(1)
print("bench: every floor met")
