#!/usr/bin/env python3
"""The benchmark's pages as a user reads them: each asked of a running app's previewPage over HTTP, scored by split.

  read-pages-http.py DATA PAGE_BASE_URL GRAPHQL_URL TOKEN OUT

DATA is the article-extraction folder (ground-truth.json, evaluate.py); the pages are served at PAGE_BASE_URL/<sha>.html.
Writes OUT/{dev,test,all}/ (ground truth, output/atlas.json, evaluate.py) and prints evaluate.py's line for each split.
Split as bench/read-pages.sh: dev when the sha256 starts with 0-9 or a, test when b-f.
"""
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

QUERY = "query($u: String!) { previewPage(url: $u) { body } }"


def preview(graphql, token, url):
    request = urllib.request.Request(graphql, data=json.dumps({"query": QUERY, "variables": {"u": url}}).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    answer = json.load(urllib.request.urlopen(request, timeout=300))
    if answer.get("errors"):
        print(url, answer["errors"][0].get("message", "")[:160], file=sys.stderr)
        return ""
    return answer["data"]["previewPage"]["body"] or ""


def main(data, base, graphql, token, out):
    truth = json.load(open(os.path.join(data, "ground-truth.json"), encoding="utf-8"))
    started = time.time()
    read = {sha: {"articleBody": preview(graphql, token, f"{base}/{sha}.html")} for sha in truth}
    print(f"{len(read)} pages asked in {time.time() - started:.0f} s; {sum(1 for r in read.values() if not r['articleBody'])} empty")
    for split, member in (("dev", lambda s: s[0] in "0123456789a"), ("test", lambda s: s[0] in "bcdef"), ("all", lambda s: True)):
        folder = os.path.join(out, split)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "output"))
        keys = [sha for sha in truth if member(sha)]
        json.dump({k: truth[k] for k in keys}, open(os.path.join(folder, "ground-truth.json"), "w", encoding="utf-8"))
        json.dump({k: read[k] for k in keys}, open(os.path.join(folder, "output", "atlas.json"), "w", encoding="utf-8"))
        shutil.copy(os.path.join(data, "evaluate.py"), folder)
        scored = subprocess.run(["python3", "evaluate.py", "--n-bootstrap", "200"], cwd=folder, capture_output=True, text=True)
        print(f"== {split} ({len(keys)} pages)\n{scored.stdout.splitlines()[-1] if scored.stdout else scored.stderr}")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
