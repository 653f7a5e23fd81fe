#!/usr/bin/env python3
"""Validation figures for the page reader on the dev split written by bench/read-pages.sh (never the test split).

    python3 bench/read-pages-validate.py target/read-pages/dev [--save base.json] [--against base.json]

Prints the dev F1 (evaluate.py's scoring: 4-word shingles, precision and recall averaged over pages) and the same
over five folds of the dev pages (fold = the second hex digit of the sha256, mod 5): the spread between folds says
how much one figure moves with the pages drawn. --save keeps each page's figures; --against lists the pages whose
F1 moved (more than 0.002) since a saved run: an ablation (a rule turned off) is read this way: a rule whose
effect is on one page only was written for that page."""
import json
import statistics
import sys
from pathlib import Path

folder = Path(sys.argv[1])
sys.path.insert(0, str(folder))
import evaluate  # noqa: E402

args = sys.argv[2:]
truth = json.loads((folder / 'ground-truth.json').read_text())
out = json.loads((folder / 'output' / 'atlas.json').read_text())
out = out.get('output', out)


def page_scores(true, pred):
    tp, fp, fn = evaluate.string_shingle_matching(true=true, pred=pred)
    return evaluate.precision_score(tp, fp, fn), evaluate.recall_score(tp, fp, fn)


def f1(rows):
    p = statistics.mean(r[0] for r in rows)
    r = statistics.mean(r[1] for r in rows)
    return 2 * p * r / (p + r) if p + r else 0.0


pages = {sha: page_scores(t['articleBody'], out.get(sha, {}).get('articleBody', '')) for sha, t in truth.items()}
folds = {}
for sha, s in pages.items():
    folds.setdefault(int(sha[1], 16) % 5, []).append(s)
per_fold = [f1(folds[k]) for k in sorted(folds)]
page_f1 = {sha: (2 * p * r / (p + r) if p + r else 0.0) for sha, (p, r) in pages.items()}
print(f'dev F1 {f1(list(pages.values())):.4f}  P {statistics.mean(s[0] for s in pages.values()):.4f}'
      f'  R {statistics.mean(s[1] for s in pages.values()):.4f}  ({len(pages)} pages)')
print('folds ' + ' '.join(f'{x:.3f}' for x in per_fold) + f'  min {min(per_fold):.3f}  sd {statistics.pstdev(per_fold):.3f}')
print('pages under 0.9: ' + str(sum(1 for v in page_f1.values() if v < 0.9))
      + ', 0.9-0.97: ' + str(sum(1 for v in page_f1.values() if 0.9 <= v < 0.97)))
if '--save' in args:
    Path(args[args.index('--save') + 1]).write_text(json.dumps(page_f1))
if '--against' in args:
    base = json.loads(Path(args[args.index('--against') + 1]).read_text())
    moved = sorted(((page_f1[s] - base[s], s) for s in page_f1 if abs(page_f1[s] - base.get(s, 0)) > 0.002))
    print(f'{len(moved)} pages moved (+{sum(1 for d, _ in moved if d > 0)} / -{sum(1 for d, _ in moved if d < 0)}), '
          f'sum of F1 changes {sum(d for d, _ in moved):+.3f}')
    for d, s in moved:
        print(f'  {s[:10]}  {base[s]:.3f} -> {page_f1[s]:.3f}  {truth[s]["url"][:90]}')
