#!/usr/bin/env python3
"""The training run's requests for the JDK AOT cache (deploy/image/aot-cache.sh, docs/operations.md).

The JVM that answers them records which classes it loads and links and how its methods run
(-XX:AOTCacheOutput, JDK 25); the cache then holds what serving needs, not only what starting needs.
Asked, in ROUNDS rounds: the Atlas page (GET / and every script and style it names), the README's
questions and the benchmark's Q1-Q4 (bench/load), each once from the response cache and once executed
(Cache-Control: no-cache), one over GET, one bad query; once: a write with an editor token (the
README's ingestArticle) and the probes and metrics of the management port.

  train.py URL MANAGEMENT_URL TOKEN [ROUNDS]      e.g. train.py http://127.0.0.1:8080 http://127.0.0.1:9000 s3cret

Exits 1 on an answer that is not the expected one (a status, or errors where none belong).
"""
import json
import pathlib
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

LOAD = pathlib.Path(__file__).resolve().parent.parent.parent / "bench" / "load"

README_QUESTIONS = [
    '{ country(code: "KP") { name localName(language: "id") allegationsAgainst(first: 10) { totalCount '
    'edges { node { category statedOn claimant { name } quote } } } } }',
    '{ country(code: "irn") { accusers { country { name } count } accused { country { name } count } } }',
    '{ claims(filter: { counterpartyCountry: "RU", category: [ARMS_TRANSFER], stance: [ALLEGES], statedFrom: "2022-01-01", '
    'statedTo: "2022-12-31" }) { totalCount edges { node { summary statedOn statedOnPrecision subject { name } counterparty { name } } } } }',
    '{ claims(filter: { subjectCountry: "IR", stance: [ALLEGES] }) { edges { node { summary responses { stance claimant { name } '
    'quote quoteStart quoteEnd } } } } }',
    '{ countries(search: "Korea Utara") { code name } }',
    '{ allegationMatrix { accuser { code } accused { code } count } }',
    '{ actors(search: "gedung putih") { edges { node { name kind country { code } aliases { name language } } } } }',
]

WRITE = """mutation { ingestArticle(input: {
  url: "https://example.org/fiji-tuvalu", language: "en", publishedOn: "2024-05-01",
  body: "Fiji accused Tuvalu of hiding boats. Tuvalu denied it.",
  actors: [ { key: "fj", name: "Fiji", kind: STATE, country: "FJ" },
            { key: "tv", name: "Tuvalu", kind: STATE, country: "TUV" } ],
  claims: [ { key: "a", claimant: "fj", subject: "tv", stance: ALLEGES, category: OTHER,
              summary: "Fiji accused Tuvalu of hiding boats.", quote: "Fiji accused Tuvalu of hiding boats." },
            { claimant: "tv", subject: "tv", stance: DENIES, category: OTHER, respondsTo: "a",
              summary: "Tuvalu denied it.", quote: "Tuvalu denied it." } ] }) { id claims { id quoteStart } } }"""


def request(url, body=None, headers=None, expect=200):
    req = urllib.request.Request(url, body, {"Accept-Encoding": "gzip", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            status, data = res.status, res.read()
    except urllib.error.HTTPError as e:
        status, data = e.code, e.read()
    if status != expect:
        sys.exit(f"train.py: {url} answered {status}, not {expect}: {data[:300]!r}")
    return data


def graphql(url, query, variables=None, headers=None, errors=False):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    answer = json.loads(request(f"{url}/graphql", body, {"Content-Type": "application/json",
                                                         "Accept-Encoding": "identity", **(headers or {})}))
    if bool(answer.get("errors")) != errors:
        sys.exit(f"train.py: {query[:80]}... answered {json.dumps(answer)[:300]}")
    return answer


def page(url):
    html = request(f"{url}/", headers={"Accept-Encoding": "identity"}).decode()
    assets = sorted(set(re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css))"', html)))
    if not assets:
        sys.exit("train.py: the Atlas page names no script or style")
    for asset in assets:
        request(url + asset)
    return assets


def main(url, management, token, rounds=30):
    rounds = int(rounds)
    q4_id = graphql(url, '{ country(code: "KP") { allegationsAgainst(first: 1) { edges { node { article { id } } } } } }') \
        ["data"]["country"]["allegationsAgainst"]["edges"][0]["node"]["article"]["id"]
    benchmark = [((LOAD / f"q{i}.graphql").read_text(),
                  json.loads((LOAD / f"q{i}.vars.json").read_text()) if i != 4 else {"id": q4_id}) for i in (1, 2, 3, 4)]
    questions = [(q, None) for q in README_QUESTIONS] + benchmark
    for n in range(rounds):
        assets = page(url)
        for query, variables in questions:
            graphql(url, query, variables)
            graphql(url, query, variables, {"Cache-Control": "no-cache"})
        request(f"{url}/graphql?" + urllib.parse.urlencode({"query": README_QUESTIONS[0]}))
        graphql(url, '{ claims(filter: { subjectCountry: "XX" }) { totalCount } }', errors=True)
        if n == 0:
            graphql(url, WRITE, headers={"Authorization": f"Bearer {token}"})
            for path in ("/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics"):
                request(management + path)
    print(f"train.py: {rounds} rounds of the page ({len(assets)} assets), {len(questions)} questions "
          f"(cached and executed), one GET, one bad query; one write; probes and metrics")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
