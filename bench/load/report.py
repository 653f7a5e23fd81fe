#!/usr/bin/env python3
"""The Python steps of bench/load-bench.sh (stdlib only), one subcommand each:

  report.py body QUERY.graphql VARS.json          JSON request body on stdout
  report.py claims CORPUS.jsonl                   number of claims in the corpus
  report.py gc-heap GC.log                        heap after GC per quarter of the import
  report.py q4-id CORPUS URL ARTICLE_URL          {"id": ...}: our id of the article, asked through GraphQL
  report.py check URL BODY_DIR CORPUS ARTICLE_URL "1 2 3 4"
                                                  ask each question once; exit 1 unless every answer is right
  report.py cpu PID...                            CPU jiffies used so far by these processes and their descendants
  report.py table RAW.txt "1 2 3 4" PEER FLOOR    the result table from the script's raw.txt (peer: PostGraphile 4,
                                                  peer5: PostGraphile 5, when raw.txt has its runs)
"""
import json
import os
import re
import statistics
import sys
import urllib.request


def post(url, body):
    req = urllib.request.Request(url, body, {"content-type": "application/json"})
    with urllib.request.urlopen(req) as res:
        return json.load(res)


def corpus_article(corpus, url):
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if url in line:          # cheap filter before parsing
                a = json.loads(line)
                if a["url"] == url:
                    return a
    return None


def body(query, variables):
    with open(query, encoding="utf-8") as q, open(variables, encoding="utf-8") as v:
        print(json.dumps({"query": q.read(), "variables": json.load(v)}))


def claims(corpus):
    with open(corpus, encoding="utf-8") as f:
        print(sum(len(json.loads(line)["claims"]) for line in f))


def gc_heap(log):
    # -Xlog:gc lines: "[12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->35M(256M) 4.2ms"
    pts = []
    with open(log) as f:
        for line in f:
            m = re.search(r"\[([\d.]+)s\].*Pause.*?(\d+)M->(\d+)M\((\d+)M\)", line)
            if m:
                pts.append((float(m.group(1)), int(m.group(3)), int(m.group(4))))
    if not pts:
        print("no GC logged")
        return
    end = pts[-1][0] or 1
    q = []
    for i in range(4):
        part = [p[1] for p in pts if i * end / 4 <= p[0] <= (i + 1) * end / 4] or [0]
        q.append(f"{min(part)}-{max(part)}")
    # the low end of each quarter bounds the live set: it rises steadily when something leaks
    print(f"heap after GC per quarter of the run (min-max): {' / '.join(q)} MiB "
          f"(committed at most {max(p[2] for p in pts)} MiB, {len(pts)} GCs)")


def q4_id(corpus, url, want):
    # our ids are not the corpus order: find the article by publisher and date, then by its url
    meta = corpus_article(corpus, want)
    if meta is None:
        sys.exit(f"{want} is not in the corpus: Q4 needs SIZE >= 12345")
    doc = ("query($f: ArticleFilterInput, $after: String) { articles(filter: $f, first: 100, after: $after) {"
           " edges { node { id url } } pageInfo { hasNextPage endCursor } } }")
    flt = {"publisher": meta["publisher"], "publishedFrom": meta["publishedOn"], "publishedTo": meta["publishedOn"]}
    after = None
    while True:
        res = post(url, json.dumps({"query": doc, "variables": {"f": flt, "after": after}}).encode())
        if "errors" in res:
            sys.exit(f"lookup failed: {res['errors']}")
        page = res["data"]["articles"]
        for e in page["edges"]:
            if e["node"]["url"] == want:
                print(json.dumps({"id": e["node"]["id"]}))
                return
        if not page["pageInfo"]["hasNextPage"]:
            sys.exit(f"{want} not found through GraphQL")
        after = page["pageInfo"]["endCursor"]


def check(url, body_dir, corpus, q4url, questions):
    ok = True
    for q in questions.split():
        with open(f"{body_dir}/ours-body{q}.json", "rb") as f:
            res = post(url, f.read())
        if "errors" in res:
            print(f"FAIL ours Q{q}: {json.dumps(res['errors'])[:600]}")
            ok = False
            continue
        d = res["data"]
        if q == "1":
            e = d["country"]["allegationsAgainst"]["edges"]
            dates = [x["node"]["statedOn"] for x in e if x["node"]["statedOn"]]
            good = len(e) == 20 and dates == sorted(dates, reverse=True)
            what = f"{len(e)} allegations against KP, newest {e[0]['node']['statedOn'] if e else None}"
        elif q == "2":
            e = d["claims"]["edges"]
            good = len(e) == 50 and all(x["node"]["statedOn"].startswith("2022") for x in e)
            what = f"{len(e)} ARMS_TRANSFER claims of 2022"
        elif q == "3":
            a = d["country"]["accusers"]
            good = len(a) > 10 and [x["count"] for x in a] == sorted((x["count"] for x in a), reverse=True)
            what = (f"{len(a)} accuser countries, {sum(x['count'] for x in a)} allegations"
                    + (f", top {a[0]['country']['code']} {a[0]['count']}" if a else ""))
        else:
            art, want = d["article"], corpus_article(corpus, q4url)
            good = art is not None and art["url"] == q4url and len(art["claims"]) == len(want["claims"]) and all(
                art["body"][c["quoteStart"]:c["quoteEnd"]] == c["quote"] for c in art["claims"])
            what = (f"article with {len(art['claims'])} claims (corpus: {len(want['claims'])}), quotes verbatim"
                    if art else "no article")
        ok &= good
        print(f"{'ok  ' if good else 'FAIL'} ours Q{q}: {what}")
    sys.exit(0 if ok else 1)


def cpu(*pids):
    kids, used = {}, {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    st = f.read().rsplit(")", 1)[1].split()
                kids.setdefault(int(st[1]), []).append(int(p))
                used[int(p)] = sum(int(x) for x in st[11:15])   # utime stime cutime cstime
            except (OSError, IndexError, ValueError):
                pass
    todo, total = [int(x) for x in pids], 0
    while todo:
        p = todo.pop()
        total += used.get(p, 0)
        todo += kids.get(p, [])
    print(total)


def table(raw, questions, peer, floor, ours="ours"):
    rows, server = {}, {}
    with open(raw) as f:
        for line in f:
            m = re.match(r"q(\d+) rep\d+ (\w+) RESULT (.*)", line)
            if m:
                kv = dict(re.findall(r"(\w+)=([-\d.]+)", m.group(3)))
                rows.setdefault((m.group(1), m.group(2)), []).append((kv, "BAD" in line))
            m = re.match(r"q(\d+) rep\d+ (\w+)-server (.*)", line)
            if m and m.group(2) == ours:
                server.setdefault(m.group(1), []).append(dict(re.findall(r"(\w+)=([-\d.]+)", m.group(3))))

    def med(q, who, key):
        r = rows.get((q, who), [])
        return statistics.median(float(kv[key]) for kv, _ in r) if r else None

    def cell(q, who):
        r = rows.get((q, who), [])
        if not r:
            return "-", "-"
        v = [float(kv["tps" if who == "floor" else "rps"]) for kv, _ in r]
        bad = " ERR" if any(b for _, b in r) else ""
        return (f"{statistics.median(v):.0f} ({min(v):.0f}-{max(v):.0f}){bad}",
                f"{med(q, who, 'p50_ms'):.1f} / {med(q, who, 'p99_ms'):.1f}")

    def ratio(a, b):
        if a is None or not b:
            return "-"
        r = a / b
        return f"{r:.2f}" if r >= 0.1 else f"{r:.3f}" if r >= 0.01 else f"{r:.4f}"

    def server_med(q, key):
        v = [float(kv[key]) for kv in server.get(q, []) if key in kv]
        return f"{statistics.median(v):.2f}" if v else "-"

    # the peers: PostGraphile 4 ("peer" in raw.txt) and, when it ran, PostGraphile 5 ("peer5")
    peers = [("v4", "peer")] + ([("v5", "peer5")] if any(w == "peer5" for _, w in rows) else [])
    head = (["Q", "ours req/s", "ours p50/p99 ms"] + [h for n, _ in peers for h in (f"{n} req/s", f"{n} p50/p99 ms")]
            + ["floor tx/s", "floor p50/p99 ms"] + [h for n, _ in peers for h in (f"ours/{n} req/s", f"ours/{n} p99")]
            + ["ours/floor req/s", "ours SQL stmts/req", "ours CPU ms/req"])
    out = [head]
    for q in questions.split():
        o, f = cell(q, ours), cell(q, "floor")
        out.append([f"Q{q}", *o] + [c for _, w in peers for c in cell(q, w)] + [*f]
                   + [c for _, w in peers for c in (ratio(med(q, ours, "rps"), med(q, w, "rps")),
                                                    ratio(med(q, ours, "p99_ms"), med(q, w, "p99_ms")))]
                   + [ratio(med(q, ours, "rps"), med(q, "floor", "tps")),
                      server_med(q, "stmts_per_req"), server_med(q, "cpu_ms_per_req")])
    if peer != "1":     # without the peer, its columns and the ratios to it say nothing
        keep = [i for i, h in enumerate(head) if not h.startswith(("v4", "v5", "floor", "ours/"))]
        out = [[r[i] for i in keep] for r in out]
    w = [max(len(r[i]) for r in out) for i in range(len(out[0]))]
    for i, r in enumerate(out):
        print("| " + " | ".join(c.ljust(w[j]) for j, c in enumerate(r)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    loads = [float(kv["load1"]) for r in rows.values() for kv, _ in r if "load1" in kv]
    if loads:
        print(f"\nload average (1 min) at the start of the measured runs: min {min(loads):.2f}, "
              f"median {statistics.median(loads):.2f}, max {max(loads):.2f}"
              " (it counts the benchmark's own processes: wrk, the server, pgbench's 16 clients)")
    for who, name in ((ours, ours), ("peer", "v4 (PostGraphile 4)"), ("peer5", "v5 (PostGraphile 5)")):
        runs = [kv for (_, w_), r in rows.items() if w_ == who for kv, _ in r if "other_cores" in kv]
        if runs:
            oc = [float(kv["other_cores"]) for kv in runs]
            sc = [float(kv["server_cores"]) for kv in runs]
            print(f"{name} measured runs: the server used {statistics.median(sc):.2f} cores (median), other processes "
                  f"on the machine {statistics.median(oc):.2f} cores (median; min {min(oc):.2f}, max {max(oc):.2f}) "
                  f"of {os.cpu_count()}")


COMMANDS = {"body": body, "claims": claims, "gc-heap": gc_heap, "q4-id": q4_id, "check": check, "cpu": cpu,
            "table": table}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
