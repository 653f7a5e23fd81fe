#!/usr/bin/env python3
"""Where the JVM's start goes: CPU samples from launch to the first GraphQL answer, by who asked for them.

usage: bench/start-profile.py [JAR]      JAR default target/quarkus-app/quarkus-run.jar
  JAVA       java to run it with (default: java on PATH)
  JAVA_OPTS  default -Xmx256m -XX:+UseSerialGC
  DATA       data folder (default: a fresh one, seeded by one unrecorded start first)

Starts the jar with Java Flight Recorder (sampling every 10 ms of CPU), polls the first answer as
bench/start-bench.sh does, dumps the recording, and prints the share of the samples by thread and,
for each stack, by the first frame that belongs to a named part (the app's own packages, Hibernate,
Flyway, SmallRye GraphQL, OpenNLP, class loading...). Figures are shares of samples, not times: a
sample is 10 ms of one thread's CPU.
"""
import collections
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.request

JAR = sys.argv[1] if len(sys.argv) > 1 else "target/quarkus-app/quarkus-run.jar"
JAVA = os.environ.get("JAVA", "java")
OPTS = shlex.split(os.environ.get("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"))
PORT = int(os.environ.get("PORT", "18482"))  # and PORT + 1 for the management interface
DATA = os.environ.get("DATA") or tempfile.mkdtemp(prefix="start-profile-")
QUERY = json.dumps({"query": '{ country(code:"KP") { name localName(language:"id") } }'}).encode()
# the first of these found in a stack (from the top) names what the sample was spent on
PARTS = [
    ("org.allegationatlas.", None),
    ("opennlp.", "OpenNLP"),
    ("org.flywaydb.", "Flyway"),
    ("org.hibernate.validator", "Hibernate Validator"),
    ("org.hibernate.", "Hibernate ORM"),
    ("org.h2.", "H2"),
    ("io.smallrye.graphql", "SmallRye GraphQL"),
    ("graphql.", "graphql-java"),
    ("io.smallrye.config", "SmallRye Config"),
    ("io.micrometer", "Micrometer"),
    ("io.vertx", "Vert.x"),
    ("io.netty", "Netty"),
    ("io.quarkus.arc", "ArC (CDI)"),
    ("io.quarkus.bootstrap", "Quarkus class loading"),
    ("io.quarkus.", "Quarkus"),
    ("io.agroal", "Agroal"),
]


def answer():
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}/graphql", QUERY, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=2) as response:
        return response.read()


def start(extra):
    return subprocess.Popen([JAVA, *OPTS, *extra, "-Dquarkus.http.host=127.0.0.1", f"-Dquarkus.http.port={PORT}",
                             "-Dquarkus.management.host=127.0.0.1", f"-Dquarkus.management.port={PORT + 1}",
                             f"-Datlas.data-dir={DATA}", "-jar", os.path.abspath(JAR)],
                            cwd=DATA, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def until_answer(process):
    t0 = time.monotonic()
    while True:
        if process.poll() is not None:
            sys.exit(f"the app exited; data in {DATA}")
        try:
            answer()
            return time.monotonic() - t0
        except OSError:
            time.sleep(0.005)


def part(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for prefix, label in PARTS:
            if name.startswith(prefix):
                return label or name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].split("$")[0]
    top = frames[0]["method"]["type"]["name"].replace("/", ".") if frames else "?"
    if "ClassLoader" in top or top.startswith("java.lang.invoke") or top.startswith("jdk.internal.loader"):
        return "JDK class loading / invoke"
    return "JDK other (" + top.rsplit(".", 1)[0] + ")"


seed = start([])
until_answer(seed)
seed.terminate()
seed.wait()
recording = os.path.join(DATA, "start.jfr")
app = start([f"-XX:StartFlightRecording=filename={recording},settings=profile,dumponexit=true"])
seconds = until_answer(app)
app.terminate()
app.wait()
events = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
                                    recording], capture_output=True, check=True, text=True).stdout)["recording"]["events"]
first = min(e["values"]["startTime"] for e in events)
by_thread = collections.Counter()
by_part = collections.Counter()
for e in events:
    v = e["values"]
    by_thread[v["sampledThread"]["javaName"] or v["sampledThread"]["osName"]] += 1
    by_part[part(v["stackTrace"]["frames"])] += 1
total = sum(by_thread.values())
print(f"first answer after {seconds:.2f} s; {total} CPU samples (whole recording, start to stop)")
print("by thread:")
for name, n in by_thread.most_common(12):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("by part (first named frame from the top of the stack):")
for name, n in by_part.most_common(25):
    print(f"  {100 * n / total:5.1f}%  {name}")
print(f"recording: {recording}")
