#!/usr/bin/env bash
# Builds one fuzzer and runs it for a while:  Fuzz/run.sh csv|yaml|templates SECONDS
#
# Seeds come from Fuzz/Corpus/TARGET (never written to); what libFuzzer finds goes to
# /tmp/fuzz-corpus-TARGET, crashes and hangs to /tmp/fuzz-artifacts-TARGET/, the whole log to
# /tmp/fuzz-TARGET.log. Extra arguments after SECONDS go to libFuzzer (e.g. -jobs=2, -seed=1).
# Runs under `nice -n 10` (NICE=0 to change). Exit status: libFuzzer's (0 when nothing was found).
set -euo pipefail

usage() { echo "usage: $0 csv|yaml|templates SECONDS [libFuzzer flags...]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=$(echo "$1" | tr '[:upper:]' '[:lower:]'); seconds=$2; shift 2
case "$target" in
  csv|fuzzcsv) target=csv; product=FuzzCSV ;;
  yaml|fuzzyaml) target=yaml; product=FuzzYAML ;;
  templates|fuzztemplates) target=templates; product=FuzzTemplates ;;
  *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz_dir")
scratch="$root/.build-fuzz"
nice_level=${NICE:-10}
corpus="/tmp/fuzz-corpus-$target"
artifacts="/tmp/fuzz-artifacts-$target"
log="/tmp/fuzz-$target.log"
mkdir -p "$corpus" "$artifacts"
# Swift's own backtracer would catch a trap first, and ASan then reports its memory reader
# ("unknown-crash" in memserver_read) instead of the trap: leave crashes to libFuzzer.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

echo "== building $product (debug, -sanitize=fuzzer,address) into $scratch" >&2
# SwiftPM reuses its cached build plan while no manifest changes, and so misses a source file
# added to BriefingKit since the last build ("no member …" errors). Dropping the plan makes it
# look again; what was compiled is kept.
rm -f "$scratch"/*/debug/description.json
set +e
nice -n "$nice_level" swift build -c debug --package-path "$fuzz_dir" --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address --product "$product" 2>&1 \
  | grep -v "Cannot export local symbol '__asan" >&2
build_status=${PIPESTATUS[0]}
set -e
# Never fuzz an older binary left from a previous build.
[ "$build_status" -eq 0 ] || { echo "build failed (swift build exit status $build_status)" >&2; exit 1; }
binary="$scratch/debug/$product"

echo "== running $product for ${seconds}s; log in $log" >&2
status=0
nice -n "$nice_level" "$binary" "$corpus" "$fuzz_dir/Corpus/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$artifacts/" -dict="$fuzz_dir/Dictionaries/$target.dict" \
  -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?

# The last status line (#N DONE/NEW/pulse cov: … exec/s: …), libFuzzer's final stats, any finding.
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^(stat::|Done [0-9]+ runs)' "$log" || true
grep -E '^(fuzz harness:|==[0-9]+==ERROR|SUMMARY:|Fatal error|artifact_prefix=|Test unit written|ALARM: working on the last Unit)' "$log" || true
echo "corpus: $(find "$corpus" -type f | wc -l) files in $corpus; artifacts: $(find "$artifacts" -type f | wc -l) in $artifacts; exit status $status"
exit "$status"
