#!/usr/bin/env python3
"""Each page's body precision / recall / F1 in one split folder written by bench/read-pages.sh, worst first,
beside trafilatura's and rs-trafilatura's: where the reader loses. Uses evaluate.py's own shingle matching.
    python3 bench/read-pages-report.py target/read-pages/dev [name]"""
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
sys.path.insert(0, str(folder))
import evaluate  # noqa: E402

name = sys.argv[2] if len(sys.argv) > 2 else 'atlas'
truth = json.loads((folder / 'ground-truth.json').read_text())
outputs = {}
for n in (name, 'trafilatura', 'rs_trafilatura'):
    data = json.loads((folder / 'output' / (n + '.json')).read_text())
    outputs[n] = data['output'] if set(data) == {'version', 'output'} else data


def scores(true, pred):
    tp, fp, fn = evaluate.string_shingle_matching(true=true, pred=pred)
    p = evaluate.precision_score(tp, fp, fn)
    r = evaluate.recall_score(tp, fp, fn)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


rows = []
for sha, t in truth.items():
    row = [sha[:10]]
    for n, out in outputs.items():
        row.append(scores(t['articleBody'], out[sha].get('articleBody', '')))
    rows.append((row, t['url']))
rows.sort(key=lambda r: r[0][1][2])
print(f'{"page":<10}  {name + " P/R/F1":<20}  {"trafilatura F1":>14}  {"rs-traf F1":>10}  url')
for row, url in rows:
    p, r, f = row[1]
    print(f'{row[0]:<10}  {p:.2f} {r:.2f} {f:.3f}        {row[2][2]:>14.3f}  {row[3][2]:>10.3f}  {url[:80]}')
