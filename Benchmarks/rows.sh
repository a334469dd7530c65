#!/usr/bin/env bash
# How time and peak memory grow with rows: `briefing check` (release build) on the example release
# grown to 20,000 and 200,000 figure rows. Each force has a total and four platform counts in four
# periods, two of them the release's, so every force gets a page and the methods page lists every figure.
# Usage: Benchmarks/rows.sh [RUNS]   (needs GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
swift build -c release --product briefing >/dev/null
bin=.build/release/briefing
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rows in 20000 200000; do
  rm -rf "$work/$rows"; cp -r Data "$work/$rows"
  python3 - "$work/$rows" "$rows" <<'PY'
import sys
d, rows = sys.argv[1], int(sys.argv[2])
periods = ["2016-04/2017-03", "2017-04/2018-03", "2018-04/2019-03", "2019-10/2020-09"]
platforms = ["Instagram", "Facebook and Messenger", "WhatsApp", "Other platforms"]
forces = rows // (len(periods) * (1 + len(platforms)))
areas, figures = [], []
for force in range(1, forces + 1):
    region = "East of England" if force % 2 else "West Midlands"
    areas.append(f"Force {force},force,{region},")
    for p in periods:
        figures.append(f"{p},Force {force},All platforms,count,{500 + force % 1000},hits-east-2021-03-26")
        figures += [f"{p},Force {force},{name},count,{100 + force % 1000 - 10 * i},hits-east-2021-03-26" for i, name in enumerate(platforms)]
open(f"{d}/areas.csv", "a").write("\n".join(areas) + "\n")
open(f"{d}/figures.csv", "a").write("\n".join(figures) + "\n")
PY
  echo "$rows rows ($(($(wc -l < "$work/$rows/figures.csv") - 1)) in figures.csv):"
  for run in $(seq "$runs"); do
    # Warnings (the forces do not add up to the regions' totals) are expected; only time and memory matter.
    /usr/bin/time -f "  run $run: %e s wall, %U s user, %M KB peak RSS" "$bin" check --data "$work/$rows" 2>&1 >/dev/null | grep '^  run'
  done
done
