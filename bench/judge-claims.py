#!/usr/bin/env python3
"""Claims stored from unseen news, judged blind by hand, and the figures they give (issue 20).

bench/read-pages-claims.sh with JAVA_OPTS=-Ddump=dev|test prints every claim fetchArticle would store from the
benchmark pages' marked bodies, with its explanation (a "DUMP" block). This script keeps the judgements of such
claims in bench/judged-claims.tsv — keyed by a hash of the page, stance, sentence and roles, so no page text is
copied — and:

  judge-claims.py pack DUMP [DUMP ...] > to-judge.md      # the claims no one has judged yet, shuffled, ids J001...
  judge-claims.py add to-judge.md judgements.tsv          # a judge's verdicts (id, holds Y/N, stance_ok Y/N, reason)
  judge-claims.py score DUMP [DUMP ...]                   # stored, holding, stance right; outlet / speaking verb apart

The judge sees only to-judge.md (sentence, stance, the three roles with their explanation) and the rubric in
docs/extraction.md ("Judged blind"); they are not told which build stored which claim.
"""
import hashlib
import os
import random
import re
import sys

JUDGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "judged-claims.tsv")


def parse(path):
    """The DUMP blocks of a read-pages-claims.sh output: page, stance, sentence, roles, whether a verb spoke."""
    claims, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("DUMP "):
            page, _, stance, sentence = line.split(" ", 4)[1:]
            cur = {"page": page, "stance": stance, "sentence": sentence, "claimant": "", "subject": "",
                   "counterparty": "", "speaking": False}
            claims.append(cur)
        elif cur is not None and re.match(r"^(claimant|subject|counterparty): ", line):
            role, value = line.split(": ", 1)
            cur[role] = value
        elif cur is not None and line.startswith("    cue: "):
            cur["speaking"] = not line.startswith("    cue: none")
        elif not line.startswith((" ", "stance", "place")):
            cur = None
    return claims


def key(c):
    text = "\x1f".join([c["page"], c["stance"], c["sentence"], c["claimant"][:80], c["subject"][:80], c["counterparty"][:80]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def judged():
    verdicts = {}
    if os.path.exists(JUDGED):
        for line in open(JUDGED, encoding="utf-8").read().splitlines()[1:]:
            k, holds, stance_ok, reason = (line.split("\t") + [""])[:4]
            verdicts[k] = (holds == "Y", stance_ok == "Y", reason)
    return verdicts


def pack(dumps):
    verdicts, seen, todo = judged(), set(), []
    for path in dumps:
        for c in parse(path):
            k = key(c)
            if k not in verdicts and k not in seen:
                seen.add(k)
                todo.append(c)
    random.shuffle(todo)
    for i, c in enumerate(todo, 1):
        print(f"## J{i:03d} (page {c['page']}) key {key(c)}\nSENTENCE: {c['sentence']}\nSTANCE: {c['stance']}\n"
              f"CLAIMANT: {c['claimant']}\nSUBJECT: {c['subject']}\nCOUNTERPARTY: {c['counterparty'] or '-'}\n")


def add(packed, verdict_file):
    ids = dict(re.findall(r"^## ([A-Z]\d+) \(page \w+\) key (\w+)$", open(packed, encoding="utf-8").read(), re.M))
    verdicts = judged()
    for number, line in enumerate(open(verdict_file, encoding="utf-8").read().splitlines()[1:], 2):
        jid, holds, stance_ok, reason = (line.split("\t") + [""])[:4]
        if jid not in ids or holds not in ("Y", "N") or stance_ok not in ("Y", "N"):
            sys.exit(f"{verdict_file}:{number}: expected an id of {packed} and Y/N twice, got {line!r}; nothing added")
        verdicts[ids[jid]] = (holds == "Y", stance_ok == "Y", reason)
    with open(JUDGED, "w", encoding="utf-8") as out:
        out.write("key\tholds\tstance_ok\treason\n")
        for k in sorted(verdicts):
            holds, stance_ok, reason = verdicts[k]
            out.write(f"{k}\t{'Y' if holds else 'N'}\t{'Y' if stance_ok else 'N'}\t{reason}\n")


def score(dumps):
    verdicts = judged()
    for path in dumps:
        claims = parse(path)
        print(f"{path}: {len(claims)} stored")
        for group, members in (("all", claims), ("outlet's voice", [c for c in claims if not c["speaking"]]),
                               ("speaking verb", [c for c in claims if c["speaking"]])):
            known = [verdicts[key(c)] for c in members if key(c) in verdicts]
            n = len(known)
            holds = sum(1 for h, _, _ in known if h)
            stance = sum(1 for _, s, _ in known if s)
            both = sum(1 for h, s, _ in known if h and s)
            pct = (lambda x: f"{100 * x / n:.1f} %") if n else (lambda x: "-")
            print(f"  {group:15} {len(members):4} stored, {n:4} judged: holding {holds} ({pct(holds)}), stance right {stance} "
                  f"({pct(stance)}), both {both} ({pct(both)}); {len(members) - n} not judged")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("pack", "add", "score"):
        sys.exit(__doc__)
    {"pack": lambda: pack(sys.argv[2:]), "add": lambda: add(sys.argv[2], sys.argv[3]), "score": lambda: score(sys.argv[2:])}[sys.argv[1]]()
