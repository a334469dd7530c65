#!/usr/bin/env bash
# `make bench`: wall time, CPU time (user + system) and peak RSS of `briefing build` (release build) on a
# synthetic release (Benchmarks/scale.py) of about 1,000 and 10,000 pages, side by side in one run with
# Hugo (Debian's package) building as many pages of comparable Markdown (Benchmarks/corpus.py), and with a
# minimal C program over libcmark-gfm that renders and writes them (Benchmarks/cmark-floor.c: the floor).
# Also the example site, and a rebuild with nothing changed. Prints a Markdown table of ratios.
# Usage: Benchmarks/bench.sh [PAGES...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}"); sizes=(${sizes[*]})
swift build -c release --product briefing >/dev/null
bin=$PWD/.build/release/briefing
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/cmark-floor" Benchmarks/cmark-floor.c $(pkg-config --cflags --libs libcmark-gfm)

# One measurement: "wall cpu rss_mb" of a command (GNU time), its output thrown away.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}
row() { # name pages wall cpu rss [ratio-text]
  printf "| %s | %s | %s s | %s s | %s MB | %s |\n" "$@"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "| build | pages | wall | CPU | peak RSS | wall vs briefing |"
echo "|---|---:|---:|---:|---:|---|"
read -r w c m < <(measure "$bin" build --data Data --output "$work/example")
row "briefing, example release (Data/)" "$(find "$work/example" -name index.html | wc -l)" "$w" "$c" "$m" "target < 0.05 s"
for pages in "${sizes[@]}"; do
  python3 Benchmarks/scale.py "$pages" "$work/data-$pages" >/dev/null
  python3 Benchmarks/corpus.py "$pages" "$work/corpus-$pages"
  read -r bw bc bm < <(measure "$bin" build --data "$work/data-$pages" --output "$work/site-$pages")
  built=$(find "$work/site-$pages" -name index.html | wc -l)
  row "briefing build" "$built" "$bw" "$bc" "$bm" "1"
  read -r nw nc nm < <(measure "$bin" build --data "$work/data-$pages" --output "$work/site-$pages")
  row "briefing rebuild, nothing changed" "$built" "$nw" "$nc" "$nm" "$(ratio "$nw" "$bw") of a full build (target < 0.2)"
  rm -rf "$work/site-$pages"
  (cd "$work/corpus-$pages/hugo" && read -r hw hc hm < <(measure hugo --quiet -d "$work/hugo-$pages") && \
    row "Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1)" "$pages" "$hw" "$hc" "$hm" "briefing takes $(ratio "$bw" "$hw")× Hugo's time (target ≤ 0.25)")
  rm -rf "$work/hugo-$pages"
  read -r fw fc fm < <(measure "$work/cmark-floor" "$work/corpus-$pages/md" "$work/floor-$pages")
  row "C over libcmark-gfm (floor)" "$pages" "$fw" "$fc" "$fm" "briefing takes $(ratio "$bw" "$fw")× the floor's time (target ≤ 1.3)"
  rm -rf "$work/floor-$pages" "$work/data-$pages" "$work/corpus-$pages"
done
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(date -u +%Y-%m-%d)."
