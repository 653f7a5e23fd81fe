#!/usr/bin/env python3
"""Writes a gzipped WARC (one gzip member per record, as CC-NEWS is) of N HTML pages made by repeating saved pages.

  make-warc.py OUT.warc.gz N PAGE.html.gz [PAGE.html.gz ...] [--urls ground-truth.json] [--same-text]

Each copy gets a distinct target URI: the page's address (from ground-truth.json, else one made up) with ?copy=K.
By default copy K is also served from a site of its own (<host with dashes>.copy-K.invalid), so that the canonical
address the page names (on its original site) is not taken for it, and every paragraph tag of it starts with "[K] ", so that no two copies
hold the same text: import-pages stores each. --same-text repeats the pages as they are, at ?copy=K of their own
address: the same canonical address and text, so the second and later copies are skipped as stored already.
"""
import gzip
import json
import os
import re
import sys
import uuid

args = [a for a in sys.argv[1:] if not a.startswith("--")]
same_text = "--same-text" in sys.argv
urls = {}
if "--urls" in sys.argv:
    urls_file = sys.argv[sys.argv.index("--urls") + 1]
    args.remove(urls_file)
    urls = {k: v.get("url") for k, v in json.load(open(urls_file)).items()}
out, n, pages = args[0], int(args[1]), args[2:]
sources = []
for path in pages:
    key = os.path.basename(path).split(".")[0]
    with gzip.open(path, "rb") as f:
        sources.append((urls.get(key) or f"https://pages.example/{key}", f.read()))

PARAGRAPH = re.compile(rb"<p(\s[^>]*)?>", re.IGNORECASE)
with open(out, "wb") as warc:
    for k in range(n):
        url, html = sources[k % len(sources)]
        if not same_text:
            html = PARAGRAPH.sub(lambda m: m.group(0) + b"[%d] " % k, html)
        if not same_text:
            url = re.sub(r"^(https?://)([^/:?#]+)", lambda m: f"{m.group(1)}{m.group(2).replace('.', '-')}.copy-{k}.invalid", url)
        target = f"{url}{'&' if '?' in url else '?'}copy={k}"
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=k + 1)}>\r\n"
                f"WARC-Date: 2024-05-02T08:00:00Z\r\nWARC-Target-URI: {target}\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        warc.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=6))
