#!/usr/bin/env python3
"""Sample the memory of process trees until SIGTERM (or until every root has exited).

  procmem.py OUT_PREFIX LABEL=PID [LABEL=PID ...]

Every 0.5 s, per label, sums over the process and its descendants: RSS and PSS (shared pages
counted once across the tree), and keeps each process's VmHWM (its own exact peak RSS).
Writes OUT_PREFIX.series (time_s label rss_mib pss_mib per sample) and, at the end,
OUT_PREFIX.summary, one line per label:

  LABEL peak_rss_mib=N peak_pss_mib=N max_vmhwm_mib=N processes=N samples=N
        rss_q1_mib=N rss_q2_mib=N rss_q3_mib=N rss_q4_mib=N

rss_qK_mib is the largest RSS sampled in the K-th quarter of the samples: flat memory has
q2..q4 close to each other (q1 includes start-up).
"""
import os
import signal
import sys
import time

prefix, roots = sys.argv[1], dict(a.split("=", 1) for a in sys.argv[2:])
stop = False
signal.signal(signal.SIGTERM, lambda *_: globals().__setitem__("stop", True))
signal.signal(signal.SIGINT, lambda *_: globals().__setitem__("stop", True))


def tree(root):
    kids = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(p))
            except (OSError, IndexError, ValueError):
                pass
    todo, seen = [int(root)], []
    while todo:
        p = todo.pop()
        if os.path.exists(f"/proc/{p}"):
            seen.append(p)
            todo += kids.get(p, [])
    return seen


def field(path, name):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(name):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


series = {k: [] for k in roots}     # (t, rss_kib, pss_kib)
hwm = {k: {} for k in roots}
t0 = time.time()
with open(prefix + ".series", "w") as out:
    while not stop:
        alive = 0
        for label, root in roots.items():
            rss = pss = 0
            for p in tree(root):
                rss += field(f"/proc/{p}/status", "VmRSS:")
                pss += field(f"/proc/{p}/smaps_rollup", "Pss:")
                h = field(f"/proc/{p}/status", "VmHWM:")
                if h:
                    hwm[label][p] = h
            if rss:
                alive += 1
                t = time.time() - t0
                series[label].append((t, rss, pss))
                out.write(f"{t:.1f} {label} {rss / 1024:.0f} {pss / 1024:.0f}\n")
        out.flush()
        if not alive:
            break
        time.sleep(0.5)

with open(prefix + ".summary", "w") as f:
    for label in roots:
        s = series[label]
        n = len(s)
        quarters = []
        for q in range(4):
            part = s[q * n // 4:(q + 1) * n // 4] if n >= 4 else s
            quarters.append(max((x[1] for x in part), default=0) / 1024)
        f.write(f"{label} peak_rss_mib={max((x[1] for x in s), default=0) / 1024:.0f} "
                f"peak_pss_mib={max((x[2] for x in s), default=0) / 1024:.0f} "
                f"max_vmhwm_mib={max(hwm[label].values() or [0]) / 1024:.0f} processes={len(hwm[label])} "
                f"samples={n} " + " ".join(f"rss_q{i + 1}_mib={v:.0f}" for i, v in enumerate(quarters)) + "\n")
