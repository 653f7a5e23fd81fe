#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording (jdk.ExecutionSample), without a GUI.

    bench/jfr-top.py REC.jfr                  # share of samples per library (inclusive) and top methods (self)
    bench/jfr-top.py REC.jfr METHOD [EXCEPT]  # share under METHOD (not under EXCEPT), split by what it calls

Record with the served app started as `java -XX:StartFlightRecording=filename=rec.jfr,settings=profile ...`,
or on a running one: `jcmd PID JFR.start name=q settings=profile filename=rec.jfr` ... `jcmd PID JFR.stop name=q`.
"""
import collections
import re
import subprocess
import sys

LIBRARIES = [("H2", ("org.h2.",)), ("Hibernate", ("org.hibernate.",)),
             ("transactions (Narayana, Agroal)", ("io.agroal", "com.arjuna", "io.quarkus.narayana")),
             ("graphql-java parser", ("graphql.parser",)), ("graphql-java validation", ("graphql.validation",)),
             ("graphql-java analysis (complexity, depth)", ("graphql.analysis",)),
             ("graphql-java execution", ("graphql.execution",)), ("DataLoader", ("org.dataloader",)),
             ("SmallRye GraphQL", ("io.smallrye.graphql",)),
             ("JSON", ("org.eclipse.yasson", "org.eclipse.parsson", "jakarta.json", "io.vertx.core.json", "com.fasterxml")),
             ("ArC (CDI)", ("io.quarkus.arc",)), ("ours", ("org.allegationatlas",)), ("Micrometer", ("io.micrometer",))]


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                         capture_output=True, text=True, check=True).stdout
    stacks, cur = [], None
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            cur = []
            stacks.append(cur)
        elif cur is not None and re.match(r"^[\w$.<>/]+\(.*\)\s+line:", s):
            cur.append(s.split("(")[0])
    return [s for s in stacks if s]


def main():
    stacks = samples(sys.argv[1])
    n = len(stacks) or 1
    if len(sys.argv) > 2:
        root, exclude = sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else None)
        callees, total = collections.Counter(), 0
        for st in stacks:
            if root in st and not (exclude and exclude in st):
                total += 1
                i = st.index(root)
                callees[st[i - 1] if i > 0 else "(self)"] += 1
        print(f"{100 * total / n:5.1f}% under {root}")
        for m, c in callees.most_common(15):
            print(f"   {100 * c / n:5.1f}% {m}")
        return
    print(f"{sys.argv[1]}: {len(stacks)} samples\n-- per library (a sample counts for every library on its stack)")
    per = collections.Counter()
    for st in stacks:
        for name, prefixes in LIBRARIES:
            if any(m.startswith(prefixes) for m in st):
                per[name] += 1
    for name, c in per.most_common():
        print(f"{100 * c / n:5.1f}% {name}")
    print("-- top methods, self")
    for m, c in collections.Counter(st[0] for st in stacks).most_common(20):
        print(f"{100 * c / n:5.1f}% {m}")


if __name__ == "__main__":
    main()
