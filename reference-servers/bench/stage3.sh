#!/usr/bin/env bash
# Benchmark: h1kit stage 3 (thread pool) against stage 2 (sequential) and nginx (one worker), GET
# of a 1 KiB static file, the servers pinned to one core and the load generator to the other, in
# two scenarios (see README.md beside this file):
#   throughput  wrk -t1 -c64 -d10s --latency: 64 keep-alive connections as fast as they go
#   idle        200 keep-alive clients, each sending one request per second (paced_clients.py)
# For each server during each run: threads (max seen), resident memory and CPU seconds, from /proc.
#
# usage: reference-servers/bench/stage3.sh [--help]
#
# Environment (all optional):
#   ROUNDS=3           measured rounds per scenario; servers interleaved, the order reversed every other round
#   DURATION=10s       length of each measured run, both scenarios (10s, 1m)
#   WARMUP=$DURATION   uncounted wrk run per server before anything is measured (JIT, page cache)
#   CONNECTIONS=64     throughput: wrk's keep-alive connections (one wrk thread)
#   CLIENTS=200 RATE=1 idle: clients, and requests per second per client
#   CLIENT_TIMEOUT=2   idle: seconds one request may take, connecting included
#   SCENARIOS="throughput idle"      which scenarios to run
#   SERVERS="stage2 stage3 nginx"    which servers; each ratio needs both of its servers
#   STAGE3_ARGS=       extra `serve` arguments for stage 3 (e.g. "--workers 256"); none by default
#   SERVER_CPU=1 CLIENT_CPU=0   cores for the servers (taskset) and for wrk and the clients
#   START_TIMEOUT=180  seconds h1kit may take to answer (its first use builds the project)
#   H1KIT=<repo>/h1kit the launcher to run
#   OUT=<repo>/out/bench/<UTC timestamp>-stage3   where raw outputs and the summary go
#
# Installs wrk, nginx, curl and python3 with apt-get when one is missing (that needs root). Traffic
# goes to 127.0.0.1 only; every server and client it starts is stopped on exit.
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
CONNECTIONS=${CONNECTIONS:-64}
CLIENTS=${CLIENTS:-200}
RATE=${RATE:-1}
CLIENT_TIMEOUT=${CLIENT_TIMEOUT:-2}
SCENARIOS=${SCENARIOS:-throughput idle}
SERVERS=${SERVERS:-stage2 stage3 nginx}
STAGE3_ARGS=${STAGE3_ARGS:-}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
START_TIMEOUT=${START_TIMEOUT:-180}
H1KIT=${H1KIT:-$ROOT/h1kit}
OUT=${OUT:-$ROOT/out/bench/$(date -u +%Y%m%dT%H%M%SZ)-stage3}
SETTLE_TIMEOUT=15 # seconds a server may take to answer again after a run (draining what is left)
SAMPLE_EVERY=0.5  # seconds between /proc samples during a run

positive ROUNDS "$ROUNDS"
positive CONNECTIONS "$CONNECTIONS"
positive CLIENTS "$CLIENTS"
positive CLIENT_TIMEOUT "$CLIENT_TIMEOUT"
positive START_TIMEOUT "$START_TIMEOUT"
[[ $RATE =~ ^([1-9][0-9]*(\.[0-9]+)?|0\.[0-9]*[1-9][0-9]*)$ ]] || die "RATE must be a positive number, not '$RATE'"
DURATION_S=$(seconds_of "$DURATION")
WARMUP_S=$(seconds_of "$WARMUP")
read -r -a SERVER_LIST <<<"$SERVERS"
read -r -a SCENARIO_LIST <<<"$SCENARIOS"
read -r -a STAGE3_EXTRA <<<"$STAGE3_ARGS"
((${#SERVER_LIST[@]} > 0)) || die "SERVERS is empty"
((${#SCENARIO_LIST[@]} > 0)) || die "SCENARIOS is empty"
for s in "${SERVER_LIST[@]}"; do
  [[ $s == stage2 || $s == stage3 || $s == nginx ]] || die "SERVERS may list stage2, stage3 and nginx, not '$s'"
done
for s in "${SCENARIO_LIST[@]}"; do
  [[ $s == throughput || $s == idle ]] || die "SCENARIOS may list throughput and idle, not '$s'"
done
has() { # word list...: whether word is in the list
  local w=$1 x
  shift
  for x in "$@"; do [[ $x == "$w" ]] && return 0; done
  return 1
}

ensure_tools wrk nginx curl taskset setsid python3

bench_init

start_server() {
  case $1 in
    nginx) start_nginx ;;
    stage2) start_h1kit stage2 sequential ;;
    stage3) start_h1kit stage3 threadpool ${STAGE3_EXTRA[@]+"${STAGE3_EXTRA[@]}"} ;;
  esac
}

stage3_status() { # file: stage 3's /server-status after a run (queue high-water, rejections)
  if [[ -n ${PID[stage3]:-} ]]; then
    curl -sS --max-time 2 "http://127.0.0.1:${PORT[stage3]}/server-status" >"$1" 2>&1 || true
  fi
}

# --- scenarios ---------------------------------------------------------------------------------
THROUGHPUT_COLUMNS=(round server requests_per_s latency_p50_ms latency_p99_ms requests errors connect_errors
  read_errors write_errors timeouts non_2xx threads_start threads_max threads_end rss_start_mib rss_max_mib
  rss_end_mib cpu_s server_cpu_pct server_core_busy_pct server_core_softirq_pct server_core_other_pct
  server_core_steal_pct client_core_busy_pct client_core_steal_pct cpu_us_per_request)
IDLE_COLUMNS=(round server completed completed_per_s clients_with_a_200 latency_p50_ms latency_p99_ms
  latency_max_ms missed_slots errors refused reset closed timeouts non_200 malformed_other connects
  threads_start threads_max threads_end rss_start_mib rss_max_mib rss_end_mib cpu_s server_cpu_pct
  server_core_busy_pct server_core_softirq_pct server_core_other_pct server_core_steal_pct client_core_busy_pct
  client_core_steal_pct client_cpu_percent client_loop_lag_p99_ms client_send_lag_p99_ms)

run_throughput() { # round name
  local round=$1 name=$2 file proc res rps p50 p99 requests errors c r w t n ts tm te rs rm re cpu sp sb sq so ss cb cs cpr
  file=$OUT/throughput-round-$round-$name.txt
  settle "$name"
  start_sampling "$name" "$OUT/throughput-round-$round-$name.proc"
  run_load $((DURATION_S + 30)) "$file" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 2s \
    "http://127.0.0.1:${PORT[$name]}$FILE" || die "wrk against $name failed; see $file"
  proc=$(stop_sampling "$OUT/throughput-round-$round-$name.proc")
  if [[ $name == stage3 ]]; then stage3_status "$OUT/throughput-round-$round-stage3.server-status.txt"; fi
  grep -q '^Requests/sec:' "$file" || die "wrk printed no Requests/sec for $name; see $file"
  read -r rps _ p50 p99 _ requests errors c r w t n < <(parse_wrk "$file" "$CONNECTIONS")
  res=$(awk -v rps="$rps" -v p50="$p50" -v p99="$p99" -v req="$requests" -v proc="$proc" 'BEGIN {
    split(proc, p, " ")
    printf "%s\t%.3f\t%.3f\t%s", rps, p50 / 1000, p99 / 1000, req
    for (i = 1; i <= 14; i++) printf "\t%s", p[i]
    printf "\t%.1f", (req > 0 ? p[7] * 1000000 / req : 0)
  }')
  IFS=$'\t' read -r rps p50 p99 requests ts tm te rs rm re cpu sp sb sq so ss cb cs cpr <<<"$res"
  (
    IFS=$'\t'
    echo "$round${IFS}$name${IFS}$rps${IFS}$p50${IFS}$p99${IFS}$requests${IFS}$errors${IFS}$c${IFS}$r${IFS}$w${IFS}$t${IFS}$n${IFS}$ts${IFS}$tm${IFS}$te${IFS}$rs${IFS}$rm${IFS}$re${IFS}$cpu${IFS}$sp${IFS}$sb${IFS}$sq${IFS}$so${IFS}$ss${IFS}$cb${IFS}$cs${IFS}$cpr"
  ) >>"$OUT/throughput.tsv"
  note "throughput round $round/$ROUNDS $name: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors" \
    "(connect $c, read $r, write $w, timeout $t, non-2xx $n); threads max $tm, RSS max $rm MiB, CPU $cpu s;" \
    "server $sp % of its core, softirq $sq %, others >= $so %, stolen $ss %; wrk core $cb % busy"
}

run_idle() { # round name
  local round=$1 name=$2 file proc line
  local -a v
  file=$OUT/idle-round-$round-$name.json
  settle "$name"
  start_sampling "$name" "$OUT/idle-round-$round-$name.proc"
  run_load $((DURATION_S + CLIENT_TIMEOUT + 30)) "$file" python3 "$HERE/paced_clients.py" \
    --url "http://127.0.0.1:${PORT[$name]}$FILE" --clients "$CLIENTS" --rate "$RATE" \
    --duration "$DURATION_S" --timeout "$CLIENT_TIMEOUT" || die "paced_clients.py against $name failed; see $file.stderr"
  proc=$(stop_sampling "$OUT/idle-round-$round-$name.proc")
  if [[ $name == stage3 ]]; then stage3_status "$OUT/idle-round-$round-stage3.server-status.txt"; fi
  line=$(python3 - "$file" "$round" "$name" "$proc" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
lat, e, c = d["latency_ms"], d["errors"], d["client"]
proc = sys.argv[4].split()
row = [sys.argv[2], sys.argv[3], d["completed"], d["completed_per_s"], d["clients_with_a_200"],
       lat.get("p50", 0), lat.get("p99", 0), lat.get("max", 0), d["missed_slots"], d["errors_total"],
       e["refused"], e["reset"], e["closed"], e["timeout"] + e["connect_timeout"], d["non_200"],
       e["protocol"] + e["other"], d["connects"]] + proc + [
       c["cpu_percent"], c["loop_lag_ms"].get("p99", 0), c["send_lag_ms"].get("p99", 0)]
print("\t".join(str(v) for v in row))
EOF
  ) || die "could not read $file"
  printf '%s\n' "$line" >>"$OUT/idle.tsv"
  IFS=$'\t' read -r -a v <<<"$line"
  note "idle round $round/$ROUNDS $name: ${v[2]} completed, p50 ${v[5]} ms, p99 ${v[6]} ms, max ${v[7]} ms," \
    "${v[9]} errors (refused ${v[10]}, reset ${v[11]}, closed ${v[12]}, timeout ${v[13]}, non-200 ${v[14]});" \
    "threads max ${v[18]}, RSS max ${v[21]} MiB, CPU ${v[23]} s, ${v[24]} % of its core; others >= ${v[27]} %," \
    "stolen ${v[28]} %; client process ${v[31]} % CPU, loop lag p99 ${v[32]} ms"
}

# --- plan, environment -------------------------------------------------------------------------
n_servers=${#SERVER_LIST[@]}
load_s=$((WARMUP_S * n_servers))
bound_s=$((2 * START_TIMEOUT + 10 + (WARMUP_S + 30) * n_servers))
has throughput "${SCENARIO_LIST[@]}" && {
  load_s=$((load_s + ROUNDS * n_servers * DURATION_S))
  bound_s=$((bound_s + ROUNDS * n_servers * (DURATION_S + 30 + SETTLE_TIMEOUT + 3)))
}
has idle "${SCENARIO_LIST[@]}" && {
  load_s=$((load_s + ROUNDS * n_servers * (DURATION_S + CLIENT_TIMEOUT)))
  bound_s=$((bound_s + ROUNDS * n_servers * (DURATION_S + CLIENT_TIMEOUT + 30 + SETTLE_TIMEOUT + 3)))
}
note "output: $OUT"
note "servers: ${SERVER_LIST[*]}; scenarios: ${SCENARIO_LIST[*]}; $ROUNDS round(s) of $DURATION after a $WARMUP warm-up"
note "time: about $((load_s + 15 + 2 * ROUNDS * n_servers)) s (${load_s} s of load), at most ${bound_s} s"

busy_before=$(warn_if_busy)

start_servers

{
  environment_lines
  echo "python $(python3 --version 2>&1)"
  echo "rounds $ROUNDS duration $DURATION warmup $WARMUP file $FILE $FILE_BYTES"
  echo "scenarios ${SCENARIO_LIST[*]}; servers ${SERVER_LIST[*]}"
  echo "throughput wrk -t1 -c$CONNECTIONS -d$DURATION --latency --timeout 2s"
  echo "idle paced_clients.py --clients $CLIENTS --rate $RATE --duration $DURATION_S --timeout $CLIENT_TIMEOUT"
  echo "stage2 serve --stage sequential --access-log off"
  echo "stage3 serve --stage threadpool --access-log off $STAGE3_ARGS"
  echo "nginx worker_processes 1, access_log off (nginx.conf)"
  echo "access_log off (all)"
  echo "cpu_busy_percent_before $busy_before"
  echo "processes_top_before:"
  ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -n 8 | sed 's/^/  /'
} >"$OUT/environment.txt"

for name in "${SERVER_LIST[@]}"; do
  note "warm-up: $name (wrk -c$CONNECTIONS for $WARMUP, not counted)"
  settle "$name"
  run_load $((WARMUP_S + 30)) "$OUT/warmup-$name.txt" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" --latency \
    --timeout 2s "http://127.0.0.1:${PORT[$name]}$FILE" || die "wrk warm-up against $name failed"
done

(IFS=$'\t' && echo "${THROUGHPUT_COLUMNS[*]}") >"$OUT/throughput.tsv"
(IFS=$'\t' && echo "${IDLE_COLUMNS[*]}") >"$OUT/idle.tsv"
for scenario in "${SCENARIO_LIST[@]}"; do
  for ((round = 1; round <= ROUNDS; round++)); do
    order=("${SERVER_LIST[@]}")
    if ((round % 2 == 0)); then # alternate who goes first, so a drift in the machine hits all
      order=()
      for ((i = n_servers - 1; i >= 0; i--)); do order+=("${SERVER_LIST[i]}"); done
    fi
    for name in "${order[@]}"; do "run_$scenario" "$round" "$name"; done
  done
done
for name in "${SERVER_LIST[@]}"; do
  kill -0 "${PID[$name]}" 2>/dev/null || die "$name is no longer running; see $OUT/$name-server.log"
done
elapsed_s=$SECONDS # since the script started

# --- table ---------------------------------------------------------------------------------------
med() { # tsv column server -> median over the rounds, or "-"
  awk -F'\t' -v col="$2" -v s="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    $2 == s && c { print $c }
  ' "$1" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) print "-"
    else if (NR % 2) printf "%.6g\n", v[(NR + 1) / 2]
    else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
total_of() { # tsv column server -> sum over the rounds
  awk -F'\t' -v col="$2" -v s="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    $2 == s && c { t += $c } END { printf "%.6g\n", t }' "$1"
}
ratio() { # a b -> a/b, or "-"
  awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'
}
RATIOS=()
has stage3 "${SERVER_LIST[@]}" && has stage2 "${SERVER_LIST[@]}" && RATIOS+=(stage2)
has stage3 "${SERVER_LIST[@]}" && has nginx "${SERVER_LIST[@]}" && RATIOS+=(nginx)
table() { # tsv, then "column|label" pairs
  local tsv=$1 spec col label row name base
  shift
  row=$(printf '%-28s' metric)
  for name in "${SERVER_LIST[@]}"; do row+=$(printf '%12s' "$name"); done
  for base in "${RATIOS[@]}"; do row+=$(printf '%15s' "stage3/$base"); done
  echo "$row"
  for spec in "$@"; do
    col=${spec%%|*} label=${spec#*|}
    row=$(printf '%-28s' "$label")
    declare -A value=()
    for name in "${SERVER_LIST[@]}"; do
      value[$name]=$(med "$tsv" "$col" "$name")
      row+=$(printf '%12s' "${value[$name]}")
    done
    for base in "${RATIOS[@]}"; do row+=$(printf '%15s' "$(ratio "${value[stage3]}" "${value[$base]}")"); done
    echo "$row"
    unset value
  done
}

{
  echo "h1kit stage 3 (threadpool) vs stage 2 (sequential) vs nginx (1 worker): GET $FILE ($FILE_BYTES bytes)"
  echo "servers pinned to CPU $SERVER_CPU, load generator to CPU $CLIENT_CPU; access logs off; $(nginx -v 2>&1 | sed 's/^nginx version: //')"
  echo "each figure is the median over $ROUNDS round(s) of $DURATION, after a $WARMUP wrk warm-up per server${STAGE3_ARGS:+; stage 3 with $STAGE3_ARGS}"
  if has throughput "${SCENARIO_LIST[@]}"; then
    echo
    echo "== throughput: wrk -t1 -c$CONNECTIONS -d$DURATION --latency --timeout 2s (keep-alive)"
    table "$OUT/throughput.tsv" "requests_per_s|requests/s" "latency_p50_ms|latency p50 (ms)" \
      "latency_p99_ms|latency p99 (ms)" "requests|requests" "errors|errors (all below)" \
      "connect_errors|  connect" "read_errors|  read" "write_errors|  write" "timeouts|  timeout (2 s)" \
      "non_2xx|  non-2xx/3xx" "threads_max|server threads (max)" "rss_max_mib|server RSS max (MiB)" \
      "cpu_s|server CPU (s)" "cpu_us_per_request|server CPU/request (us)" \
      "server_cpu_pct|server CPU (% of a core)" "server_core_softirq_pct|server core, softirq (%)" \
      "server_core_other_pct|server core, others >= (%)" "server_core_steal_pct|server core, stolen (%)" \
      "client_core_busy_pct|wrk core busy (%)"
  fi
  if has idle "${SCENARIO_LIST[@]}"; then
    echo
    echo "== idle clients: $CLIENTS keep-alive clients x $RATE request/s for $DURATION_S s, timeout $CLIENT_TIMEOUT s (paced_clients.py)"
    table "$OUT/idle.tsv" "completed|completed (200)" "completed_per_s|completed/s" \
      "clients_with_a_200|clients with a 200" "latency_p50_ms|latency p50 (ms)" "latency_p99_ms|latency p99 (ms)" \
      "latency_max_ms|latency max (ms)" "missed_slots|missed slots (waiting)" "errors|errors (all below)" \
      "refused|  connection refused" "reset|  connection reset" "closed|  closed, no response" \
      "timeouts|  timeout" "non_200|  non-200 responses" "malformed_other|  malformed/other" \
      "connects|connections opened" "threads_max|server threads (max)" "rss_max_mib|server RSS max (MiB)" \
      "cpu_s|server CPU (s)" "server_cpu_pct|server CPU (% of a core)" \
      "server_core_softirq_pct|server core, softirq (%)" "server_core_other_pct|server core, others >= (%)" \
      "server_core_steal_pct|server core, stolen (%)" \
      "client_cpu_percent|client process CPU (%)" "client_loop_lag_p99_ms|client loop lag p99 (ms)"
  fi
  echo
  echo "wrk: latencies cover answered requests, with wrk's synthetic samples after stalls (its"
  echo "coordinated-omission correction); 'timeout' adds one, every 2 s, for each connection whose request"
  echo "is older than 2 s: a count of stalls, not of lost requests (wrk waits on; a late answer still counts)."
  echo "paced clients: latency is connect (when needed) + request to the last byte, 200s only; a timed-out"
  echo "request is abandoned (the client closes and reconnects at its next slot)."
  echo "every figure is a median per run; throughput.tsv and idle.tsv have every run, *.json and wrk's raw output."
  echo
  echo "closing note:"
  if has throughput "${SCENARIO_LIST[@]}"; then
    for base in "${RATIOS[@]}"; do
      printf '  throughput at %d connections: stage3/%s = %s x requests/s (median %s vs %s),' "$CONNECTIONS" "$base" \
        "$(ratio "$(med "$OUT/throughput.tsv" requests_per_s stage3)" "$(med "$OUT/throughput.tsv" requests_per_s "$base")")" \
        "$(med "$OUT/throughput.tsv" requests_per_s stage3)" "$(med "$OUT/throughput.tsv" requests_per_s "$base")"
      printf ' p99 %s x; errors over all rounds: stage3 %s, %s %s\n' \
        "$(ratio "$(med "$OUT/throughput.tsv" latency_p99_ms stage3)" "$(med "$OUT/throughput.tsv" latency_p99_ms "$base")")" \
        "$(total_of "$OUT/throughput.tsv" errors stage3)" "$base" "$(total_of "$OUT/throughput.tsv" errors "$base")"
    done
  fi
  if has idle "${SCENARIO_LIST[@]}"; then
    for base in "${RATIOS[@]}"; do
      printf '  idle clients: stage3/%s = %s x completed requests (median %s vs %s of %s scheduled); errors over all rounds: stage3 %s, %s %s\n' \
        "$base" "$(ratio "$(med "$OUT/idle.tsv" completed stage3)" "$(med "$OUT/idle.tsv" completed "$base")")" \
        "$(med "$OUT/idle.tsv" completed stage3)" "$(med "$OUT/idle.tsv" completed "$base")" \
        "$(awk -v c="$CLIENTS" -v r="$RATE" -v d="$DURATION_S" 'BEGIN { printf "%d", c * r * d }')" \
        "$(total_of "$OUT/idle.tsv" errors stage3)" "$base" "$(total_of "$OUT/idle.tsv" errors "$base")"
    done
  fi
  ((busy_before <= BUSY_WARNING_PERCENT)) || echo "  WARNING: the CPUs were ${busy_before}% busy before the start; other work skewed these figures"
  for scenario in "${SCENARIO_LIST[@]}"; do
    worst=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "server_core_other_pct") c = i; next }
      c && $c > m { m = $c } END { printf "%.0f", m }' "$OUT/$scenario.tsv")
    ((worst <= 10)) || echo "  WARNING: other processes took at least ${worst} % of the server core during a $scenario run (see $scenario.tsv)"
  done
  echo "  took ${elapsed_s} s"
} | tee "$OUT/summary.txt"

# summary.tsv: one row per scenario, server and metric (medians), for scripts.
{
  printf 'scenario\tserver\tmetric\tmedian\n'
  for scenario in "${SCENARIO_LIST[@]}"; do
    if [[ $scenario == throughput ]]; then cols=("${THROUGHPUT_COLUMNS[@]:2}"); else cols=("${IDLE_COLUMNS[@]:2}"); fi
    for name in "${SERVER_LIST[@]}"; do
      for col in "${cols[@]}"; do
        printf '%s\t%s\t%s\t%s\n' "$scenario" "$name" "$col" "$(med "$OUT/$scenario.tsv" "$col" "$name")"
      done
    done
  done
} >"$OUT/summary.tsv"
note "summary.txt, summary.tsv, throughput.tsv, idle.tsv and the raw outputs are in $OUT"
