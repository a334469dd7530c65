#!/usr/bin/env bash
# Times `briefing check` (release build) on the pathological inputs of the test suite:
# 30,000 figure rows, a quote of 10,000 nested brackets and emphasis markers, and a 1 MB line.
# Usage: Benchmarks/pathological.sh [RUNS]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build -c release --product briefing >/dev/null
bin=.build/release/briefing
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_data() { rm -rf "$work/$1"; cp -r Data "$work/$1"; }

make_data rows
python3 - "$work/rows" <<'PY'
import sys
d = sys.argv[1]
areas, figures = [], []
for force in range(1, 1001):
    areas.append(f"Force {force},force,West Midlands,")
    for year in range(2008, 2018):
        p = f"{year}-04/{year + 1}-03"
        figures += [f"{p},Force {force},All platforms,count,{500 + force},greatest-hits-wm-2021-03",
                    f"{p},Force {force},Instagram,count,{100 + force},greatest-hits-wm-2021-03",
                    f"{p},Force {force},WhatsApp,count,{50 + force},greatest-hits-wm-2021-03"]
open(f"{d}/areas.csv", "a").write("\n".join(areas) + "\n")
open(f"{d}/figures.csv", "a").write("\n".join(figures) + "\n")
PY

make_data nested
python3 - "$work/nested" <<'PY'
import sys
b = "[" * 10000 + "x" + "](y)" * 10000
e = "*_" * 10000 + "z" + "_*" * 10000
open(sys.argv[1] + "/quotes.yaml", "w").write(
    f'- id: deep\n  speaker: A tester\n  organisation: Tests\n  source: hits-east-2021-03-26\n  paragraphs:\n    - "{b}"\n    - "{e}"\n')
PY

make_data longline
python3 - "$work/longline" <<'PY'
import sys
open(sys.argv[1] + "/quotes.yaml", "w").write(
    '- id: long\n  speaker: A tester\n  organisation: Tests\n  source: hits-east-2021-03-26\n  paragraphs:\n    - "' + "abcdefghij" * 100000 + '"\n')
PY

hyperfine --runs "$runs" --export-markdown "$work/results.md" \
  -n "example release" "$bin check --data Data" \
  -n "30,000 rows" "$bin check --data $work/rows" \
  -n "10,000 nested brackets" "$bin check --data $work/nested" \
  -n "1 MB line" "$bin check --data $work/longline"
cat "$work/results.md"
