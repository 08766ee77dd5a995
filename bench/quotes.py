#!/usr/bin/env python3
"""What quotations cost, by wall time: each round runs every binary given
with and without --no-quotes, back to back (the order alternating from one
round to the next, so that the machine's slow spells fall on both), one
thread, output discarded. Prints per binary the best of the rounds for
each mode and their ratio, and the median and range of the ratios of the
pairs run together. A faster companion to `make bench` for comparing two
builds of the quote stage; see docs/performance.md for what the noise of
this machine does to it.

Usage: quotes.py CORPUS ROUNDS BINARY [BINARY...]"""
import os, statistics, subprocess, sys, time

if len(sys.argv) < 4:
    sys.exit(__doc__)
corpus, rounds, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {b: {"q": [], "nq": []} for b in binaries}


def one(binary, opts):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "code", "--threads", "1", *opts, corpus], stdout=subprocess.DEVNULL)
    _, status, _ = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"quotes.py: {binary} failed on {corpus}")
    return time.perf_counter() - t0


for r in range(rounds):
    modes = (("q", []), ("nq", ["--no-quotes"]))
    for b in binaries if r % 2 == 0 else binaries[::-1]:
        for k, opts in modes if r % 2 == 0 else modes[::-1]:
            times[b][k].append(one(b, opts))
for b in binaries:
    q, nq = times[b]["q"], times[b]["nq"]
    pairs = [a / c for a, c in zip(q, nq)]
    print(f"{b}: quotes {min(q):.3f} s, --no-quotes {min(nq):.3f} s (best of {rounds}): quotes add "
          f"{100 * (min(q) / min(nq) - 1):.1f}%; pairs: median {100 * (statistics.median(pairs) - 1):+.1f}%, "
          f"from {100 * (min(pairs) - 1):+.1f}% to {100 * (max(pairs) - 1):+.1f}%")
