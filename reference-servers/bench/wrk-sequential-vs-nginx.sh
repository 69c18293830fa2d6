#!/usr/bin/env bash
# Benchmark: h1kit stage 2 (sequential) against nginx, GET of a 1 KiB static file over keep-alive
# connections, the server pinned to one core and wrk to the other. See README.md beside this file.
#
# usage: reference-servers/bench/wrk-sequential-vs-nginx.sh [--help]
#
# Environment (all optional):
#   ROUNDS=3           measured rounds; servers are interleaved, the order alternating per round
#   DURATION=10s       length of each wrk run (wrk's -d: 10s, 1m)
#   WARMUP=$DURATION   length of the uncounted warm-up run per server (JIT, page cache)
#   CONNECTIONS=1      keep-alive connections (wrk -c; one wrk thread)
#   SERVERS="nginx h1kit"   which servers to run; the ratio needs both
#   SERVER_CPU=1 CLIENT_CPU=0   cores for the servers (taskset) and for wrk
#   START_TIMEOUT=180  seconds h1kit may take to answer (its first use builds the project)
#   H1KIT=<repo>/h1kit the launcher to run
#   OUT=<repo>/out/bench/<UTC timestamp>   where raw wrk outputs and the summary go
#
# Installs wrk, nginx and curl with apt-get when one is missing (that needs root). Traffic goes to
# 127.0.0.1 only; both servers are always stopped on exit.
set -euo pipefail
export LC_ALL=C

HERE=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

no_arguments_but_help "${BASH_SOURCE[0]}" "$@"

ROOT=$(cd -- "$HERE/../.." && pwd)

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-$DURATION}
CONNECTIONS=${CONNECTIONS:-1}
SERVERS=${SERVERS:-nginx h1kit}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
START_TIMEOUT=${START_TIMEOUT:-180}
H1KIT=${H1KIT:-$ROOT/h1kit}
OUT=${OUT:-$ROOT/out/bench/$(date -u +%Y%m%dT%H%M%SZ)}

positive ROUNDS "$ROUNDS"
positive CONNECTIONS "$CONNECTIONS"
positive START_TIMEOUT "$START_TIMEOUT"
DURATION_S=$(seconds_of "$DURATION")
WARMUP_S=$(seconds_of "$WARMUP")
read -r -a SERVER_LIST <<<"$SERVERS"
for s in "${SERVER_LIST[@]}"; do
  [[ $s == nginx || $s == h1kit ]] || die "SERVERS may list nginx and h1kit, not '$s'"
done
((${#SERVER_LIST[@]} > 0)) || die "SERVERS is empty"

ensure_tools wrk nginx curl taskset setsid
bench_init

start_server() {
  case $1 in
    nginx) start_nginx ;;
    h1kit) start_h1kit h1kit sequential ;;
  esac
}

# --- run -----------------------------------------------------------------------------------------
total=$(((ROUNDS * DURATION_S + WARMUP_S) * ${#SERVER_LIST[@]}))
note "output: $OUT"
note "servers: ${SERVER_LIST[*]}; $ROUNDS round(s) of $DURATION after a $WARMUP warm-up, $CONNECTIONS connection(s); about ${total} s of load"

busy_before=$(warn_if_busy)

start_servers

{
  environment_lines
  echo "rounds $ROUNDS duration $DURATION warmup $WARMUP connections $CONNECTIONS file $FILE $FILE_BYTES"
  echo "access_log off (both)"
  echo "cpu_busy_percent_before $busy_before"
} >"$OUT/environment.txt"

for name in "${SERVER_LIST[@]}"; do
  note "warm-up: $name ($WARMUP, not counted)"
  run_wrk "$name" "$WARMUP" "$OUT/warmup-$name.txt" "$CONNECTIONS"
done

printf 'round\tserver\trequests_per_s\tlatency_avg_us\tlatency_p50_us\tlatency_p99_us\tlatency_from_rate_us\trequests\terrors\n' \
  >"$OUT/rounds.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  order=("${SERVER_LIST[@]}")
  if ((round % 2 == 0)); then # alternate who goes first, so a drift in the machine hits both
    order=()
    for ((i = ${#SERVER_LIST[@]} - 1; i >= 0; i--)); do order+=("${SERVER_LIST[i]}"); done
  fi
  for name in "${order[@]}"; do
    file=$OUT/round-$round-$name.txt
    run_wrk "$name" "$DURATION" "$file" "$CONNECTIONS"
    read -r rps avg p50 p99 rate requests errors _ < <(parse_wrk "$file" "$CONNECTIONS")
    note "round $round/$ROUNDS $name: $rps requests/s, avg $avg us, p50 $p50 us, p99 $p99 us"
    ((errors == 0)) || note "warning: $name had $errors errors in round $round (see $file)"
    printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$avg" "$p50" "$p99" "$rate" \
      "$requests" "$errors" >>"$OUT/rounds.tsv"
  done
done

# Medians per server and metric, then the table.
declare -A MED=()
metrics=(requests_per_s latency_avg_us latency_p50_us latency_p99_us latency_from_rate_us)
for name in "${SERVER_LIST[@]}"; do
  for m in "${!metrics[@]}"; do
    MED[$name.$m]=$(awk -F'\t' -v s="$name" -v c="$((m + 3))" 'NR > 1 && $2 == s { print $c }' \
      "$OUT/rounds.tsv" | median)
  done
done
errors_total=$(awk -F'\t' 'NR > 1 { e += $9 } END { print e + 0 }' "$OUT/rounds.tsv")

{
  echo "GET $FILE ($FILE_BYTES bytes), $CONNECTIONS keep-alive connection(s), wrk -t1 on CPU $CLIENT_CPU," \
    "servers on CPU $SERVER_CPU, access logs off"
  echo "median of $ROUNDS round(s) of $DURATION after a $WARMUP warm-up; $(nginx -v 2>&1 | sed 's/^nginx version: //')"
  echo
  header=$(printf '%-20s' metric)
  for name in "${SERVER_LIST[@]}"; do header+=$(printf '%14s' "$name"); done
  both=false
  [[ " ${SERVER_LIST[*]} " == *" nginx "* && " ${SERVER_LIST[*]} " == *" h1kit "* ]] && both=true
  $both && header+=$(printf '%14s' h1kit/nginx)
  echo "$header"
  labels=("requests/s" "latency avg (us)" "latency p50 (us)" "latency p99 (us)" "conns/rate (us)")
  for m in "${!metrics[@]}"; do
    row=$(printf '%-20s' "${labels[m]}")
    for name in "${SERVER_LIST[@]}"; do row+=$(printf '%14s' "${MED[$name.$m]}"); done
    if $both; then
      row+=$(awk -v a="${MED[h1kit.$m]}" -v b="${MED[nginx.$m]}" 'BEGIN { if (b > 0) printf "%14.2f", a / b; else printf "%14s", "-" }')
    fi
    echo "$row"
  done
  echo
  echo "latency avg/p50/p99 are wrk's, which adds synthetic samples after stalls; conns/rate is"
  echo "connections / requests per second, the mean time a request actually took."
  ((errors_total == 0)) || echo "WARNING: $errors_total socket errors or non-2xx/3xx responses; see rounds.tsv"
} | tee "$OUT/summary.txt"

{
  (IFS=$'\t' && echo "server${IFS}${metrics[*]}")
  for name in "${SERVER_LIST[@]}"; do
    row=$name
    for m in "${!metrics[@]}"; do row+=$'\t'${MED[$name.$m]}; done
    echo "$row"
  done
} >"$OUT/summary.tsv"
note "raw wrk outputs, rounds.tsv, summary.txt and summary.tsv are in $OUT"
