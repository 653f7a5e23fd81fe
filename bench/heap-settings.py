#!/usr/bin/env python3
"""Resident memory and speed of a native binary (or the jar) under run-time heap settings.

usage: bench/heap-settings.py APP [SETTING ...]
  APP      a native binary, or a quarkus-run.jar (run with $JAVA, default java on PATH)
  SETTING  the app's run-time options as one argument, e.g. '-Xmx64m' or '-Xmx128m -Xmn32m';
           '' (the default, alone) runs the app as built
  RUNS     starts per setting and token case (default 3); medians are printed
  PORT     loopback port (default 19310); PORT + 1 for the management interface

For each setting the app starts on one database (seeded by an unmeasured first start), first
without an editor token, then with one (ATLAS_AUTH_TOKENS=editor:bench, so extraction's models
load in the background as the service starts). Each start: time to the first answer of the kit's
query, the time and resident memory after 100 more (one client, one after another); with the token also 8 previewExtraction calls over the
four annotated articles (their median time, failures) and the resident memory after them, which
holds the models. A failed extraction or an OutOfMemoryError in the log marks the setting as
too small for extraction.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERY = '{ country(code:"KP") { name localName(language:"id") } }'
PREVIEW = ("query($input: RawArticleInput!) { previewExtraction(input: $input) "
           "{ unattributedClaims proposal { claims { quote explanation } } } }")
ARTICLES = ["en-nk-workers", "en-us-iran-houthis", "id-korsel-rudal", "id-ukraina-belarus"]
TOKEN = "bench"


def post(port, document, variables=None, timeout=120):
    body = json.dumps({"query": document, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body,
                                     {"Content-Type": "application/json", "Cache-Control": "no-cache",
                                      "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) // 1024


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")


def start(app, setting, data, port, token):
    java = os.environ.get("JAVA", "java")
    common = [f"-Dquarkus.http.host=127.0.0.1", f"-Dquarkus.http.port={port}", "-Dquarkus.management.host=127.0.0.1",
              f"-Dquarkus.management.port={port + 1}", f"-Datlas.data-dir={data}"]
    command = ([java, "-XX:+UseSerialGC", *setting.split(), *common, "-jar", app] if app.endswith(".jar")
               else [app, *setting.split(), *common])
    env = dict(os.environ)
    env.pop("ATLAS_AUTH_TOKENS", None)
    if token:
        env["ATLAS_AUTH_TOKENS"] = f"editor:{TOKEN}"
    log = open(os.path.join(data, "app.log"), "a")
    t0 = time.monotonic()
    process = subprocess.Popen(command, cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT)
    while True:
        if process.poll() is not None:
            raise SystemExit(f"the app exited ({setting!r}); see {data}/app.log")
        try:
            post(port, QUERY, timeout=2)
            break
        except Exception:
            time.sleep(0.005)
    return process, (time.monotonic() - t0) * 1000, cpu_ms(process.pid)


def stop(process):
    process.terminate()
    process.wait(30)


def measure(app, setting, data, port, token, articles):
    process, first_ms, first_cpu = start(app, setting, data, port, token)
    try:
        t0 = time.monotonic()
        for _ in range(100):
            post(port, QUERY)
        row = {"first": first_ms, "cpu": first_cpu, "queries": (time.monotonic() - t0) * 1000, "rss": rss_mib(process.pid)}
        if token:
            times, failed = [], 0
            for i in range(8):
                t0 = time.monotonic()
                try:
                    answer = post(port, PREVIEW, {"input": articles[i % len(articles)]})
                    failed += "errors" in answer or not answer["data"]["previewExtraction"]["proposal"]["claims"]
                except Exception:
                    failed += 1
                times.append((time.monotonic() - t0) * 1000)
            row.update(extract=statistics.median(times), failed=failed, rss_after=rss_mib(process.pid))
        return row
    finally:
        stop(process)


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    app = os.path.abspath(sys.argv[1])
    settings = sys.argv[2:] or [""]
    runs = int(os.environ.get("RUNS", "3"))
    port = int(os.environ.get("PORT", "19310"))
    articles = []
    for name in ARTICLES:
        with open(os.path.join(ROOT, "src/test/resources/extract/articles", name + ".json"), encoding="utf-8") as f:
            a = json.load(f)
        articles.append({k: a.get(k) for k in ["url", "title", "publisher", "publishedOn", "dateline", "body"]})
    print(f"app {app}; {runs} starts per line; load {open('/proc/loadavg').read().split()[:3]}")
    for setting in settings:
        data = tempfile.mkdtemp(prefix="heap-settings-")
        try:
            stop(start(app, setting, data, port, False)[0])  # creates and seeds the database
            for token in (False, True):
                rows = [measure(app, setting, data, port, token, articles) for _ in range(runs)]
                med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
                line = (f"{setting or '(as built)':<28} {'token' if token else 'no token':<8} first answer "
                        f"{med['first']:.0f} ms (CPU {med['cpu']:.0f} ms), 100 queries in {med['queries']:.0f} ms, "
                        f"RSS after them {med['rss']:.0f} MiB")
                if token:
                    oom = "OutOfMemoryError" in open(os.path.join(data, "app.log"), errors="replace").read()
                    line += (f"; previewExtraction median {med['extract']:.0f} ms, failed "
                             f"{sum(r['failed'] for r in rows)}/{8 * runs}{', OutOfMemoryError' if oom else ''}, "
                             f"RSS after {med['rss_after']:.0f} MiB")
                print(line, flush=True)
        finally:
            shutil.rmtree(data, ignore_errors=True)
    print(f"load {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
