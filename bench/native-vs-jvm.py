#!/usr/bin/env python3
"""Ask the packaged jar and a native binary the same questions and compare their answers.

usage: bench/native-vs-jvm.py BINARY [JAR]
  BINARY  the native executable (e.g. the native kit's allegation-atlas-0.1.0-SNAPSHOT-runner)
  JAR     default target/quarkus-app/quarkus-run.jar, run with $JAVA (default: java on PATH)

Each app starts on its own fresh embedded H2 database (so both hold the seed article alone) on a
loopback port, answers the README's queries, localName in id, de, fr, ru and ja, and the searches
"Nordkorea" and "Corée du Nord"; then it is stopped. Prints one line per question and exits 1
if any answer differs (the JSON compared as parsed values).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

QUESTIONS = {
    "north korea accused": '{ country(code: "KP") { name localName(language: "id") allegationsAgainst(first: 10) '
                           '{ totalCount edges { node { category statedOn claimant { name } quote } } } } }',
    "iran accusers": '{ country(code: "irn") { accusers { country { name } count } accused { country { name } count } } }',
    "arms transfers to russia": '{ claims(filter: { counterpartyCountry: "RU", category: [ARMS_TRANSFER], stance: [ALLEGES], '
                                'statedFrom: "2022-01-01", statedTo: "2022-12-31" }) { totalCount edges { node { summary '
                                'statedOn statedOnPrecision subject { name } counterparty { name } } } } }',
    "denials": '{ claims(filter: { subjectCountry: "IR", stance: [ALLEGES] }) { edges { node { summary responses '
               '{ stance claimant { name } quote quoteStart quoteEnd } } } } }',
    "one country, many names": '{ a: countries(search: "Pyongyang") { code } b: countries(search: "korea utara") { code } '
                               'c: countries(search: "DPRK") { code } d: country(code: "PRK") { code name } }',
    "allegation matrix": '{ allegationMatrix { accuser { code } accused { code } count } }',
    "actors by any name": '{ actors(search: "gedung putih") { edges { node { name kind country { code } '
                          'aliases { name language } } } } }',
    "localName id de fr ru ja": '{ country(code: "KP") { id: localName(language: "id") de: localName(language: "de") '
                                'fr: localName(language: "fr") ru: localName(language: "ru") ja: localName(language: "ja") } }',
    "search Nordkorea": '{ countries(search: "Nordkorea") { code name } }',
    "search Corée du Nord": '{ countries(search: "Corée du Nord") { code name } }',
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(port, query):
    body = json.dumps({"query": query}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body,
                                     {"Content-Type": "application/json", "Cache-Control": "no-cache"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def answers(command, label):
    data = tempfile.mkdtemp(prefix="native-vs-jvm-")
    port = free_port()
    # the management interface too on a free loopback port: its default, 9000, may be another app's here
    args = command + [f"-Dquarkus.http.host=127.0.0.1", f"-Dquarkus.http.port={port}", f"-Datlas.data-dir={data}",
                      "-Dquarkus.management.host=127.0.0.1", f"-Dquarkus.management.port={free_port()}"]
    if command[-1].endswith(".jar"):  # system properties go before -jar
        args = command[:-2] + args[len(command):] + command[-2:]
    log = open(os.path.join(data, "app.log"), "w")
    app = subprocess.Popen(args, cwd=data, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 300
        while True:
            try:
                ask(port, "{ __typename }")
                break
            except OSError:
                if app.poll() is not None or time.time() > deadline:
                    sys.exit(f"{label} did not start; see {log.name}")
                time.sleep(0.05)
        return {name: ask(port, query) for name, query in QUESTIONS.items()}
    finally:
        app.terminate()
        app.wait(30)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    jar = os.path.abspath(sys.argv[2] if len(sys.argv) == 3 else "target/quarkus-app/quarkus-run.jar")
    java = os.environ.get("JAVA", "java")
    native = answers([binary], "the native binary")
    jvm = answers([java, "-Xmx256m", "-jar", jar], "the jar")
    differ = 0
    for name in QUESTIONS:
        same = native[name] == jvm[name] and "errors" not in jvm[name]
        differ += not same
        print(f"{'same ' if same else 'DIFF '} {name}: {json.dumps(jvm[name], ensure_ascii=False)[:160]}")
        if not same:
            print(f"       native: {json.dumps(native[name], ensure_ascii=False)[:400]}")
            print(f"       jvm:    {json.dumps(jvm[name], ensure_ascii=False)[:400]}")
    print(f"{len(QUESTIONS) - differ} passed, {differ} failed")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
