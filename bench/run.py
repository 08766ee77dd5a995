#!/usr/bin/env python3
"""make bench: codes the benchmark corpus with `tarikh code` and times
`wc -w` on the same file in the same run, best of N runs each, and prints
stories/s, sentences/s, MB/s, peak RSS and the ratio to wc.
Usage: run.py BINARY SHARED_DIR [RUNS]"""
import os, platform, re, resource, subprocess, sys, time

binary, shared = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
corpus = os.path.join(shared, "reference", "corpora", "allsides_abp_intl.jsonl")
if not os.path.exists(corpus):
    print(f"bench: skipped ({corpus} absent)")
    sys.exit(0)
size = os.path.getsize(corpus)

def timed(cmd, env=None):
    """Wall time and peak RSS (KiB) of one child run; stdout discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {p.stderr.decode()[-300:]}")
    return t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.stderr.decode()

# interleave the two commands so that machine noise hits both alike
wc_env = dict(os.environ, LC_ALL="C.UTF-8")
best_tk = best_seg = best_wc = float("inf")
stats = ""
rss = 0
for _ in range(runs):
    t, r, err = timed([binary, "code", "--stats", corpus])
    if t < best_tk:
        best_tk, stats = t, err
    rss = max(rss, r)
    t, _, _ = timed([binary, "code", "--no-events", corpus])
    best_seg = min(best_seg, t)
    t, _, _ = timed(["wc", "-w", corpus], env=wc_env)
    best_wc = min(best_wc, t)

m = re.search(r"(\d+) stories, (\d+) sentences, (\d+) events", stats)
stories, sentences, events = int(m.group(1)), int(m.group(2)), int(m.group(3))
cpu = "unknown"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {cpu}")
print(f"corpus: {os.path.basename(corpus)}, {size / 1e6:.1f} MB, {stories} stories, {sentences} sentences")
print(f"tarikh code, full pipeline (1 thread, best of {runs}): {best_tk:.3f} s = {stories / best_tk:,.0f} stories/s, "
      f"{sentences / best_tk:,.0f} sentences/s, {size / 1e6 / best_tk:.1f} MB/s, {events} events, peak RSS {rss / 1024:.1f} MB")
print(f"tarikh code --no-events (read, clean, segment; best of {runs}): {best_seg:.3f} s = "
      f"{sentences / best_seg:,.0f} sentences/s, {size / 1e6 / best_seg:.1f} MB/s")
print(f"wc -w (LC_ALL=C.UTF-8, best of {runs}): {best_wc:.3f} s = {size / 1e6 / best_wc:.1f} MB/s")
print(f"ratio: the full pipeline takes {best_tk / best_wc:.2f}x the time of wc -w; read+clean+segment {best_seg / best_wc:.2f}x")
