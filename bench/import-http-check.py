#!/usr/bin/env python3
"""POST /import of a running service, tried from outside with bad input (issue 22): a line missing a field, a number
as url, broken JSON, a line over atlas.import.max-line-size, an empty body, the wrong content type, no token, a value
only the database refuses. Each request's answer is printed; each must name the line and the field with a message a
person can act on, store the good lines beside the bad ones and nothing of a bad line (counted through GraphQL:
articles of this run's own publisher). Exit code 1 if any check fails.

  bench/import-http-check.py --app target/quarkus-app                       # embedded H2, a fresh data directory
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:54350/atlas_http QUARKUS_DATASOURCE_USERNAME=postgres \\
      bench/import-http-check.py --app pg-app                               # the PostgreSQL build, on that database
"""
import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = "import-http-check"
failures = []


def post(base, body, content_type="application/x-ndjson", token=TOKEN):
    headers = {"Content-Type": content_type} if content_type else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + "/import", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def articles_of(base, publisher):
    query = {"query": "query($p: String) { articles(filter: {publisher: $p}) { totalCount } }", "variables": {"p": publisher}}
    request = urllib.request.Request(base + "/graphql", data=json.dumps(query).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["data"]["articles"]["totalCount"]


def check(what, ok, detail=""):
    print(("  ok    " if ok else "  FAIL  ") + what + ("" if ok else ": " + detail))
    if not ok:
        failures.append(what)


def case(base, name, lines, expect_status, expect_stored, expect_errors, publisher, content_type="application/x-ndjson",
         token=TOKEN, raw=None):
    """expect_errors: [(line, words the message must hold)]"""
    before = articles_of(base, publisher)
    body = raw if raw is not None else ("\n".join(lines) + "\n").encode()
    status, answer = post(base, body, content_type, token)
    shown = answer if len(answer) < 600 else answer[:600] + "..."
    print(f"== {name}: HTTP {status} {shown}")
    check(f"{name}: status {expect_status}", status == expect_status, f"got {status}")
    stored = articles_of(base, publisher) - before
    check(f"{name}: {expect_stored} articles stored", stored == expect_stored, f"got {stored}")
    if status == 200:
        summary = json.loads(answer)
        errors = summary["errors"]
        check(f"{name}: {len(expect_errors)} bad lines", summary["badLines"] == len(expect_errors), json.dumps(errors))
        for line, words in expect_errors:
            found = [e for e in errors if e["line"] == line]
            message = found[0]["message"] if found else ""
            check(f"{name}: line {line} reported with {words}", bool(found) and all(w in message for w in words)
                  and "incident" not in message, message or "not reported")
    else:
        error = json.loads(answer)["errors"][0]
        check(f"{name}: a code and a message", bool(error.get("extensions", {}).get("code")) and len(error["message"]) > 20, answer)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", default="target/quarkus-app")
    ap.add_argument("--port", type=int, default=18350)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="import-http-check-")
    env = dict(os.environ, ATLAS_AUTH_TOKENS="editor:" + TOKEN)
    log = open(os.path.join(data, "app.log"), "w")
    app = subprocess.Popen(["java", "-Xmx512m", "-Dquarkus.http.host=127.0.0.1", f"-Dquarkus.http.port={args.port}",
                            "-Dquarkus.management.host=127.0.0.1", f"-Dquarkus.management.port={args.port + 1}",
                            f"-Datlas.data-dir={data}", "-jar", os.path.join(args.app, "quarkus-run.jar")],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port + 1}/q/health/ready", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        run(base)
    finally:
        app.terminate()
        app.wait(60)
    print(f"app log: {log.name}")
    print("FAILED: " + "; ".join(failures) if failures else "all checks passed")
    return 1 if failures else 0


def run(base):
    run_id = uuid.uuid4().hex[:8]
    publisher = "import-http-check " + run_id
    with open(os.path.join(tempfile.gettempdir(), "import-http-check-corpus.jsonl"), "w") as corpus:
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--articles", "8", "--seed", "5"], stdout=corpus, check=True)
    with open(corpus.name) as f:
        generated = [json.loads(line) for line in f]

    def good(n):
        article = copy.deepcopy(generated[n % len(generated)])
        article["url"] = f"https://import-http-check.invalid/{run_id}/{n}"
        article["publisher"] = publisher
        return article

    def line(article):
        return json.dumps(article)

    no_url = good(101)
    del no_url["url"]
    number_url = good(102)
    number_url["url"] = 42
    no_quote = good(103)
    del no_quote["claims"][1]["quote"]
    too_long_title = good(104)
    too_long_title["title"] = "T" * 1001
    case(base, "missing field, number as url, missing nested field", [line(good(1)), line(no_url), line(number_url),
         line(good(2)), line(no_quote), line(good(3))], 200, 3, [(2, ["url"]), (3, ["url"]), (5, ["claims[1]", "quote"])],
         publisher)
    case(base, "broken JSON", [line(good(4)), '{"url": "https://import-http-check.invalid/x", "title": ', line(good(5))],
         200, 2, [(2, ["JSON"])], publisher)
    huge = good(6)
    huge["body"] = huge["body"] + " " + "x" * (9 << 20)
    case(base, "a 9 MB line", [line(good(7)), line(huge), line(good(8))], 200, 2, [(2, ["longer than", "max-line-size"])],
         publisher)
    case(base, "a title over its 1,000 characters", [line(good(9)), line(too_long_title), line(good(10))], 200, 2,
         [(2, ["title"])], publisher)
    case(base, "empty body", [], 400, 0, [], publisher, raw=b"")
    case(base, "blank lines only", [], 400, 0, [], publisher, raw=b"\n  \n")
    case(base, "wrong content type", [line(good(11))], 415, 0, [], publisher, content_type="application/json")
    case(base, "no content type", [line(good(12))], 415, 0, [], publisher, content_type=None)
    case(base, "no token", [line(good(13))], 401, 0, [], publisher, token=None)
    case(base, "not JSON at all, a JSON array, null", ["hello", "[1, 2]", "null", line(good(14))], 200, 1,
         [(1, ["JSON"]), (2, ["JSON"]), (3, ["JSON"])], publisher)
    # the same good lines again: nothing new, nothing reported
    case(base, "the good lines again", [line(good(n)) for n in (1, 2, 3, 4, 5)], 200, 0, [], publisher)


if __name__ == "__main__":
    sys.exit(main())
