#!/usr/bin/env bash
# bench-compare.sh compares casebook's validation with Ajv's on the same
# synthetic records, runs the Go benchmarks of validation and of the
# worker pool, and measures the peak memory of the streaming command-line
# pipeline. CI does not run it; figures depend on the machine, so read the
# ratios, not the absolute times.
#
# Usage: scripts/bench-compare.sh [N]
#
#   N                  records for the Ajv comparison (default 100000)
#
# Environment:
#   RSS_N              records for the peak-RSS run (default 1000000)
#   REPS               runs of each whole-process timing; the median is kept (default 3)
#   WORKERS            --workers for casebook (default: the number of CPUs)
#   PIPELINE_RECORDS   records per iteration of BenchmarkPipeline (default 500)
#   INVALID_RATE       share of records generated with one known fault (default 0: every
#                      record valid, so both validators do the whole work on each)
#   BENCHTIME          -benchtime of the Go benchmarks (default 1x for the pipeline, 1s otherwise)
#
# It needs go, node, npm and GNU time (/usr/bin/time). Ajv 8.20.0 and
# ajv-formats 3.0.1 are installed with npm into a temporary directory,
# removed at the end with everything else the script made.
set -euo pipefail

N=${1:-100000}
RSS_N=${RSS_N:-1000000}
REPS=${REPS:-3}
WORKERS=${WORKERS:-$(nproc)}
PIPELINE_RECORDS=${PIPELINE_RECORDS:-500}
INVALID_RATE=${INVALID_RATE:-0}

case $N in '' | *[!0-9]*) echo "bench-compare: N must be a number of records" >&2; exit 2 ;; esac

for tool in go node npm; do
  command -v "$tool" >/dev/null || { echo "bench-compare: $tool is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench-compare: GNU time (/usr/bin/time) is required" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }
cd "$root"

# elapsed CMD... runs CMD REPS times with stdout to $work/last.out and
# prints the median wall time in seconds. Exit status 1 (some record
# rejected) is a normal outcome for a validator.
elapsed() {
  local times=() start end rc
  for _ in $(seq "$REPS"); do
    start=$(date +%s%N)
    rc=0
    "$@" >"$work/last.out" 2>>"$work/stderr.log" || rc=$?
    end=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
      log "bench-compare: '$*' failed with status $rc:"; tail -5 "$work/stderr.log" >&2; exit 1
    fi
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

log "building casebook"
go build -o "$work/casebook" ./cmd/casebook
cb=$work/casebook

log "generating $N synthetic records"
"$cb" synth -n "$N" --seed 1 --invalid-rate "$INVALID_RATE" -o "$work/records.ndjson"

log "installing ajv@8.20.0 and ajv-formats@3.0.1"
mkdir -p "$work/ajv"
npm install --prefix "$work/ajv" --no-audit --no-fund --loglevel=error ajv@8.20.0 ajv-formats@3.0.1 >"$work/npm.log" 2>&1 ||
  { cat "$work/npm.log" >&2; exit 1; }

log "timing Ajv and casebook validate on the same file ($REPS runs each)"
ajv_s=$(elapsed node scripts/ajv-validate.mjs "$work/ajv" schema/v1 "$work/records.ndjson" report)
ajv_line=$(cat "$work/last.out")
cb_s=$(elapsed "$cb" validate --quiet --shape report --workers "$WORKERS" "$work/records.ndjson")
cb1_s=$(elapsed "$cb" validate --quiet --shape report --workers 1 "$work/records.ndjson")
ajv_us=$(sed -n 's/.*e2e_us_per_record=\([0-9.]*\).*/\1/p' <<<"$ajv_line")
ajv_bad=$(sed -n 's/.*invalid=\([0-9]*\).*/\1/p' <<<"$ajv_line")
cb_bad=$("$cb" validate --shape report --workers "$WORKERS" "$work/records.ndjson" 2>&1 >/dev/null | sed -n 's/.*rejected \([0-9]*\).*/\1/p' || true)

log "Go benchmarks: schema validation"
# BenchmarkValidateSynth reads the very file Ajv read.
CASEBOOK_BENCH_NDJSON="$work/records.ndjson" go test ./schema -run '^$' -bench Validate -benchmem ${BENCHTIME:+-benchtime "$BENCHTIME"} >"$work/schema.bench"
log "Go benchmarks: worker pool"
go test ./pipeline -run '^$' -bench 'MapOverhead|MapCPU' -benchmem ${BENCHTIME:+-benchtime "$BENCHTIME"} >"$work/pool.bench"
log "Go benchmarks: the whole pipeline at 1 and 2 workers ($PIPELINE_RECORDS records)"
go test ./export -run '^$' -bench 'BenchmarkPipeline' -benchmem -benchtime "${BENCHTIME:-1x}" -args -pipeline-records="$PIPELINE_RECORDS" >"$work/pipeline.bench"

# metric FILE NAME UNIT prints the value before UNIT on the line of
# benchmark NAME.
metric() {
  awk -v name="$2" -v unit="$3" '$1 ~ "^" name "(-[0-9]+)?$" { for (i = 2; i <= NF; i++) if ($i == unit) print $(i - 1) }' "$1" | head -1
}
p1=$(metric "$work/pipeline.bench" BenchmarkPipeline/workers=1 records/s)
p2=$(metric "$work/pipeline.bench" BenchmarkPipeline/workers=2 records/s)
p1a=$(metric "$work/pipeline.bench" BenchmarkPipeline/workers=1 allocs/op)
p2a=$(metric "$work/pipeline.bench" BenchmarkPipeline/workers=2 allocs/op)
c1=$(metric "$work/pool.bench" BenchmarkMapCPU/workers=1 ns/item)
c2=$(metric "$work/pool.bench" BenchmarkMapCPU/workers=2 ns/item)
o1=$(metric "$work/pool.bench" BenchmarkMapOverhead/workers=1 ns/item)
o2=$(metric "$work/pool.bench" BenchmarkMapOverhead/workers=2 ns/item)
o2a=$(metric "$work/pool.bench" BenchmarkMapOverhead/workers=2 allocs/op)

log "peak RSS: synth -n $RSS_N | anonymize - | export --to csv-tables - (streams through pipes)"
printf 'casebook-bench-compare-key-0123456789abcdef' >"$work/key"
rss_start=$(date +%s%N)
set +e +o pipefail
"$cb" synth -n "$RSS_N" --seed 2 |
  /usr/bin/time -v -o "$work/anon.time" "$cb" anonymize --quiet --workers "$WORKERS" --key-file "$work/key" - 2>"$work/anon.err" |
  /usr/bin/time -v -o "$work/export.time" "$cb" export --quiet --workers "$WORKERS" --to csv-tables -o "$work/tables" - 2>>"$work/stderr.log"
status=("${PIPESTATUS[@]}")
set -e -o pipefail
rss_end=$(date +%s%N)
# anonymize exits 1 when the leak gate refuses a record, which is normal.
if [ "${status[0]}" -ne 0 ] || [ "${status[1]}" -gt 1 ] || [ "${status[2]}" -gt 1 ]; then
  log "bench-compare: the RSS pipeline failed (statuses ${status[*]})"; tail -5 "$work/anon.err" "$work/stderr.log" >&2; exit 1
fi
refused=$(grep -c 'refused:' "$work/anon.err" || true)
rss_kb() { sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$1"; }
anon_kb=$(rss_kb "$work/anon.time")
export_kb=$(rss_kb "$work/export.time")
rss_s=$(awk -v s="$rss_start" -v e="$rss_end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
exported=$(($(wc -l <"$work/tables/reports.csv") - 1))

echo
echo "casebook bench-compare: $N records (Ajv checks the schema only; casebook adds the domain rules and decodes)"
echo "  $N records, $REPS runs (median), --workers $WORKERS, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-52s %s\n' "measure" "value"
printf '%-52s %s\n' "----------------------------------------------------" "--------------------------"
printf '%-52s %s s (%s us/record e2e, %s invalid)\n' "ajv whole process (read, parse, validate)" "$ajv_s" "$ajv_us" "$ajv_bad"
v_ns=$(metric "$work/schema.bench" BenchmarkValidateSynth/validate ns/op)
u_ns=$(metric "$work/schema.bench" BenchmarkValidateSynth/typed-unmarshal ns/op)
v_us=$(awk -v n="$v_ns" 'BEGIN { printf "%.1f", n / 1000 }')
u_us=$(awk -v n="$u_ns" 'BEGIN { printf "%.1f", n / 1000 }')
printf '%-52s %s us/record\n' "casebook Validate per record, in process (same file)" "$v_us"
printf '%-52s %s us/record\n' "encoding/json typed decode per record (same file)" "$u_us"
printf '%-52s %sx\n' "ratio Ajv e2e / casebook Validate, per record" "$(ratio "$ajv_us" "$v_us")"
printf '%-52s %sx\n' "ratio casebook Validate / typed decode" "$(ratio "$v_us" "$u_us")"
printf '%-52s %s s (%s rejected)\n' "casebook validate --workers $WORKERS" "$cb_s" "${cb_bad:-?}"
printf '%-52s %s s\n' "casebook validate --workers 1" "$cb1_s"
printf '%-52s %sx\n' "ratio ajv / casebook (--workers $WORKERS)" "$(ratio "$ajv_s" "$cb_s")"
printf '%-52s %sx\n' "ratio ajv / casebook (--workers 1)" "$(ratio "$ajv_s" "$cb1_s")"
printf '%-52s %sx\n' "casebook validate speed-up, $WORKERS workers vs 1" "$(ratio "$cb1_s" "$cb_s")"
printf '%-52s %s / %s records/s (allocs/op %s / %s)\n' "BenchmarkPipeline workers=1 / workers=2" "$p1" "$p2" "$p1a" "$p2a"
printf '%-52s %sx\n' "pipeline speed-up, 2 workers vs 1" "$(ratio "$p2" "$p1")"
printf '%-52s %s / %s ns/item\n' "pool, ~20 us CPU-bound fn, workers=1 / workers=2" "$c1" "$c2"
printf '%-52s %sx\n' "pool speed-up, 2 workers vs 1" "$(ratio "$c1" "$c2")"
printf '%-52s %s / %s ns/item (%s allocs per 10k items)\n' "pool overhead, trivial fn, workers=1 / workers=2" "$o1" "$o2" "$o2a"
printf '%-52s %s MiB\n' "peak RSS anonymize (stdin, $RSS_N records)" "$((anon_kb / 1024))"
printf '%-52s %s MiB\n' "peak RSS export --to csv-tables (stdin)" "$((export_kb / 1024))"
printf '%-52s %s s, %s reports exported, %s refused by the leak gate\n' "RSS pipeline wall time" "$rss_s" "$exported" "$refused"
echo
echo "schema validation benchmarks (go test ./schema -bench Validate -benchmem):"
grep -E '^Benchmark' "$work/schema.bench" | awk '{ printf "  %-48s %s\n", $1, substr($0, index($0, $2)) }'
