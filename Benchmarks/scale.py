#!/usr/bin/env python3
"""Writes a SYNTHETIC release for speed benchmarks: N forces in regions and nations, several periods,
realistic platform splits. Every number is made up; the release's title says so. Never writes into Data/.

Usage: Benchmarks/scale.py PAGES OUT_DIR   (PAGES: about how many pages the example templates give)
The example release's templates give two pages per force, region and nation (its briefing page and
its methods page), the national page and the main methods page, so (PAGES - 2) / 2 areas are written
(forces, 1 in 13 regions, 3 nations).
"""
import os, random, shutil, sys

pages, out = int(sys.argv[1]), os.path.abspath(sys.argv[2])
repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
if os.path.commonpath([out, os.path.join(repo, "Data")]) == os.path.join(repo, "Data"):
    sys.exit("scale.py: refusing to write into Data/")
os.makedirs(out, exist_ok=True)
rng = random.Random(11)  # fixed seed: the same inputs every run

nations = ["Nation A", "Nation B", "Nation C"]
areas_n = max((pages - 2) // 2, 4)
regions_n = max(1, areas_n // 13)
forces_n = areas_n - regions_n - len(nations)
periods = ["2016-04/2017-03", "2017-04/2018-03", "2018-04/2019-03", "2019-10/2020-09"]
release, previous = periods[-1], periods[-2]
platforms = [("Instagram", "Facebook", "no", "", 0.34), ("Facebook and Messenger", "Facebook", "no", "", 0.13),
             ("WhatsApp", "Facebook", "yes", "", 0.06), ("Other platforms", "", "", "yes", 0.47)]
source = "synthetic-scale"

areas = ["area,type,parent,display", "United Kingdom,country,,the synthetic United Kingdom"]
areas += [f"{n},nation,United Kingdom," for n in nations]
# The first two carry the example's region names, so that its quotes about them still have their area.
regions = (["East of England", "West Midlands"] + [f"Region {r + 1}" for r in range(2, regions_n)])[:regions_n]
areas += [f"{r},region,{nations[i % len(nations)]}," for i, r in enumerate(regions)]
figures = ["period,area,platform,measure,value,source"]
totals = {}  # (area, period, platform) -> count, summed upwards so that areas add up

def add(area, period, platform, value):
    figures.append(f"{period},{area},{platform},count,{value},{source}")

for f in range(forces_n):
    name, region = f"Force {f + 1}", regions[f % regions_n]
    nation = nations[(f % regions_n) % len(nations)]
    areas.append(f"{name},force,{region},")
    size = rng.randint(40, 900)
    for p in periods:
        total = max(12, int(size * rng.uniform(0.8, 1.25)))
        known = total  # the platform counts add up to the total, as in the example release
        weights = [w * rng.uniform(0.7, 1.3) for *_, w in platforms]
        split = [int(known * w / sum(weights)) for w in weights]
        split[-1] += known - sum(split)
        for area in (name, region, nation, "United Kingdom"):
            totals[(area, p, "All platforms")] = totals.get((area, p, "All platforms"), 0) + total
            for (platform, *_), v in zip(platforms, split):
                totals[(area, p, platform)] = totals.get((area, p, platform), 0) + v
for (area, p, platform), v in totals.items():
    add(area, p, platform, v)

with open(f"{out}/areas.csv", "w") as fh: fh.write("\n".join(areas) + "\n")
with open(f"{out}/figures.csv", "w") as fh: fh.write("\n".join(figures) + "\n")
with open(f"{out}/platforms.csv", "w") as fh:
    fh.write("platform,owner,end_to_end_encrypted,catch_all\n" + "".join(f"{p},{o},{e},{c}\n" for p, o, e, c, _ in platforms))
# The example release's words, quotes, context and sources, with the synthetic source added and the title marked.
for name in ("quotes.yaml", "context.yaml"):
    shutil.copy(os.path.join(repo, "Data", name), os.path.join(out, name))
with open(os.path.join(repo, "Data", "sources.csv")) as fh: sources = fh.read().rstrip("\n")
with open(f"{out}/sources.csv", "w") as fh:
    fh.write(sources + f"\n{source},Benchmarks/scale.py,Synthetic figures for speed benchmarks (not real data),https://example.org/synthetic,2021-03-26\n")
with open(os.path.join(repo, "Data", "release.yaml")) as fh: lines = fh.read().split("\n")
lines = [f"title: SYNTHETIC benchmark release, {forces_n} forces, made-up figures" if l.startswith("title:") else l for l in lines]
with open(f"{out}/release.yaml", "w") as fh:
    fh.write("# SYNTHETIC release written by Benchmarks/scale.py for speed benchmarks: every figure is made up.\n" + "\n".join(lines))
print(f"{out}: {len(areas) - 1} areas ({forces_n} forces, {regions_n} regions, {len(nations)} nations), {len(figures) - 1} figure rows")
