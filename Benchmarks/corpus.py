#!/usr/bin/env python3
"""Writes PAGES Markdown pages comparable to a briefing force page (a heading, paragraphs whose numbers
are links, a table of platforms by period, a list of sources): OUT/md/*.md for the C floor and the same
pages with front matter in OUT/hugo/content/ for Hugo, with a minimal Hugo site around them.
Usage: Benchmarks/corpus.py PAGES OUT_DIR"""
import os, random, sys

pages, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(11)
os.makedirs(f"{out}/md", exist_ok=True)
os.makedirs(f"{out}/hugo/content/pages", exist_ok=True)
os.makedirs(f"{out}/hugo/layouts/_default", exist_ok=True)
platforms = ["Instagram", "Facebook and Messenger", "WhatsApp", "Other platforms"]
periods = ["April 2016 to March 2017", "April 2017 to March 2018", "April 2018 to March 2019", "October 2019 to September 2020"]

def link(n, i, page):
    return f"[{n:,}](../methodology/index.html#figure-{page}-{i})"

for page in range(1, pages + 1):
    name = f"Force {page}"
    body = [f"# Synthetic offences recorded by {name}", ""]
    for p in range(6):
        numbers = [link(rng.randint(10, 9000), p * 10 + k, page) for k in range(6)]
        body += [f"In {periods[p % 4]}, {name} recorded {numbers[0]} synthetic offences where the means of communication was known, "
                 f"{numbers[1]} of them on Instagram and {numbers[2]} on Facebook and Messenger. That is {numbers[3]} more than the year before, "
                 f"when {numbers[4]} were recorded; the region recorded {numbers[5]} in all. *Figures are as the force supplied them.*", ""]
    body += ["| Platform | " + " | ".join(periods) + " |", "|---|" + "---:|" * len(periods)]
    for i, platform in enumerate(platforms):
        body.append(f"| {platform} | " + " | ".join(link(rng.randint(1, 900), 100 + i * 4 + j, page) for j in range(len(periods))) + " |")
    body += ["", "## Sources", ""] + [f"- [Source {s} for {name}](https://example.org/source-{s}), published 26 March 2021" for s in range(5)]
    text = "\n".join(body) + "\n"
    with open(f"{out}/md/force-{page}.md", "w") as fh: fh.write(text)
    with open(f"{out}/hugo/content/pages/force-{page}.md", "w") as fh: fh.write(f'---\ntitle: "{name}"\n---\n' + text)

with open(f"{out}/hugo/hugo.toml", "w") as fh:
    fh.write('baseURL = "https://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term"]\n'
             '[markup.goldmark.renderer]\nunsafe = true\n')
layout = ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
          '<link rel="stylesheet" href="/style.css"></head><body><main>\n{{ block "main" . }}{{ end }}</main></body></html>\n')
with open(f"{out}/hugo/layouts/_default/baseof.html", "w") as fh: fh.write(layout)
with open(f"{out}/hugo/layouts/_default/single.html", "w") as fh: fh.write('{{ define "main" }}{{ .Content }}{{ end }}\n')
with open(f"{out}/hugo/layouts/_default/list.html", "w") as fh:
    fh.write('{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
