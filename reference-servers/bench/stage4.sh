#!/usr/bin/env bash
# Benchmark: h1kit stage 4 (NIO event loop, one loop) against lighttpd and nginx (one process or
# worker each), the servers pinned to one core and wrk (one thread) to the other, static files,
# access logs off, medians of interleaved rounds (see README.md beside this file):
#   W1  1 KiB file, 64 keep-alive connections                 wrk -t1 -c64 --latency
#   W2  1 KiB file, 64 connections, Connection: close          wrk -t1 -c64 -H 'Connection: close'
#   W3  1 MiB file, 16 keep-alive connections, MB/s            wrk -t1 -c16
#   W4  1 KiB file, 64 connections, 16 requests per write      wrk -t1 -c64 -s pipeline.lua
#   W5  N idle keep-alive connections (5,000 and 10,000): resident memory per connection, and wrk
#       -c16 beside them against wrk -c16 alone (idle_connections.py holds them)
# For each server during each run: CPU time, resident memory and threads, from /proc. The closing
# note says, per workload, whether stage 4 meets its goal against the best peer of the run.
#
# usage: reference-servers/bench/stage4.sh [--help]
#
# Environment (all optional):
#   STAGE=eventloop    the h1kit stage measured (STAGE=threadpool runs the same benchmark on stage 3)
#   STAGE_ARGS=        its extra `serve` arguments; "--loops 1" when STAGE=eventloop
#   SERVERS="$STAGE nginx lighttpd"   which servers; ratios and goals need $STAGE and a peer
#   WORKLOADS="w1 w2 w3 w4 w5"        which workloads
#   ROUNDS=3           measured rounds of W1-W4; servers interleaved, the order reversed every other round
#   DURATION=10s       each measured W1-W4 run (10s, 1m)
#   WARMUP=$DURATION   uncounted run per server before each of W1-W4 (JIT, page cache)
#   PIPELINE=16        W4: requests per write
#   W5_COUNTS="5000 10000"   W5: idle connections held, one measurement each
#   W5_ROUNDS=$ROUNDS  W5: rounds (each server restarted before each measurement)
#   W5_WRK=5s          W5: the wrk -c16 run alone and beside the idle connections; also its warm-up
#   W5_BYTES_GOAL=1024 W5_SPEED_GOAL=0.95   W5 goal: bytes per idle connection at most, and the
#                      share of its speed alone that wrk -c16 keeps beside them, at the largest count
#   IDLE_TIMEOUT=300   seconds every server keeps an idle keep-alive connection (W5 must not lose any)
#   KEEPALIVE_REQUESTS=65535   requests per connection before the server closes it, every server
#   PROFILE=0          1: one more W1 run of the h1kit server, not counted, under a JFR recording,
#                      and its hottest methods (profile-*.jfr, profile-*.txt)
#   SERVER_CPU=1 CLIENT_CPU=0   cores for the servers (taskset) and for wrk and the clients
#   START_TIMEOUT=180  seconds h1kit may take to answer (its first use builds the project)
#   H1KIT=<repo>/h1kit the launcher to run (JVM flags through H1KIT_JAVA_OPTS)
#   OUT=<repo>/out/bench/<UTC timestamp>-stage4   where raw outputs and the summary go
#
# Installs wrk, nginx, lighttpd, curl and python3 with apt-get when one is missing (that needs
# root), and stops a lighttpd or nginx system service that installing starts. Raises the open-file
# limit for W5 (above the hard limit only as root). Traffic goes to 127.0.0.1 only; every server
# and client it starts is stopped on exit.
set -euo pipefail
export LC_ALL=C

HERE=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

no_arguments_but_help "${BASH_SOURCE[0]}" "$@"

ROOT=$(cd -- "$HERE/../.." && pwd)

STAGE=${STAGE:-eventloop}
if [[ -z ${STAGE_ARGS+set} ]]; then
  if [[ $STAGE == eventloop ]]; then STAGE_ARGS="--loops 1"; else STAGE_ARGS=; fi
fi
SERVERS=${SERVERS:-$STAGE nginx lighttpd}
WORKLOADS=${WORKLOADS:-w1 w2 w3 w4 w5}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-$DURATION}
PIPELINE=${PIPELINE:-16}
W5_COUNTS=${W5_COUNTS:-5000 10000}
W5_ROUNDS=${W5_ROUNDS:-$ROUNDS}
W5_WRK=${W5_WRK:-5s}
W5_BYTES_GOAL=${W5_BYTES_GOAL:-1024}
W5_SPEED_GOAL=${W5_SPEED_GOAL:-0.95}
IDLE_TIMEOUT=${IDLE_TIMEOUT:-300}
KEEPALIVE_REQUESTS=${KEEPALIVE_REQUESTS:-65535}
PROFILE=${PROFILE:-0}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
START_TIMEOUT=${START_TIMEOUT:-180}
H1KIT=${H1KIT:-$ROOT/h1kit}
OUT=${OUT:-$ROOT/out/bench/$(date -u +%Y%m%dT%H%M%SZ)-stage4}
SETTLE_TIMEOUT=15   # seconds a server may take to answer again after a run (draining what is left)
SAMPLE_EVERY=0.5    # seconds between /proc samples during a run
LIGHTTPD_SHORT=     # set when the open-file limit keeps lighttpd below W5's largest count
W5_SETUP_TIMEOUT=10 # seconds one idle connection may take to connect and get its response
W5_CONCURRENCY=200  # idle connections being set up at once (below every server's listen backlog)
W5_QUIET=1          # seconds between the last idle connection set up and the RSS read after it
W5_HOLD_MAX=300     # the idle client lets go by itself after this, whatever happens here

positive ROUNDS "$ROUNDS"
positive W5_ROUNDS "$W5_ROUNDS"
positive PIPELINE "$PIPELINE"
positive IDLE_TIMEOUT "$IDLE_TIMEOUT"
positive KEEPALIVE_REQUESTS "$KEEPALIVE_REQUESTS"
positive START_TIMEOUT "$START_TIMEOUT"
positive W5_BYTES_GOAL "$W5_BYTES_GOAL"
[[ $W5_SPEED_GOAL =~ ^(0?\.[0-9]+|1(\.0*)?)$ ]] || die "W5_SPEED_GOAL must be a share in (0, 1], not '$W5_SPEED_GOAL'"
[[ $PROFILE == 0 || $PROFILE == 1 ]] || die "PROFILE must be 0 or 1, not '$PROFILE'"
[[ $STAGE =~ ^[a-z][a-z0-9-]*$ && $STAGE != nginx && $STAGE != lighttpd ]] || die "STAGE must be an h1kit stage name, not '$STAGE'"
((KEEPALIVE_REQUESTS <= 65535)) || die "KEEPALIVE_REQUESTS must be at most 65535 (lighttpd's limit), not $KEEPALIVE_REQUESTS"
((IDLE_TIMEOUT <= 65535)) || die "IDLE_TIMEOUT must be at most 65535 s (lighttpd's limit)"
DURATION_S=$(seconds_of "$DURATION")
WARMUP_S=$(seconds_of "$WARMUP")
W5_WRK_S=$(seconds_of "$W5_WRK")
read -r -a SERVER_LIST <<<"$SERVERS"
read -r -a WORKLOAD_LIST <<<"$WORKLOADS"
read -r -a STAGE_EXTRA <<<"$STAGE_ARGS"
read -r -a W5_LIST <<<"$W5_COUNTS"
((${#SERVER_LIST[@]} > 0)) || die "SERVERS is empty"
((${#WORKLOAD_LIST[@]} > 0)) || die "WORKLOADS is empty"
for s in "${SERVER_LIST[@]}"; do
  [[ $s == "$STAGE" || $s == nginx || $s == lighttpd ]] || die "SERVERS may list $STAGE, nginx and lighttpd, not '$s'"
done
for w in "${WORKLOAD_LIST[@]}"; do
  [[ $w =~ ^w[1-5]$ ]] || die "WORKLOADS may list w1 w2 w3 w4 w5, not '$w'"
done
W5_MAX=0
for n in "${W5_LIST[@]}"; do
  positive W5_COUNTS "$n"
  ((n <= 50000)) || die "W5_COUNTS: at most 50000 connections, not $n"
  ((n > W5_MAX)) && W5_MAX=$n
done
has() { # word list...: whether word is in the list
  local w=$1 x
  shift
  for x in "$@"; do [[ $x == "$w" ]] && return 0; done
  return 1
}
PEERS=()
for s in "${SERVER_LIST[@]}"; do [[ $s == "$STAGE" ]] || PEERS+=("$s"); done
has w5 "${WORKLOAD_LIST[@]}" && ((${#W5_LIST[@]} == 0)) && die "W5_COUNTS is empty"

# --- workloads: what wrk runs ------------------------------------------------------------------
declare -A PATH_OF=([w1]=/1k.bin [w2]=/1k.bin [w3]=/1m.bin [w4]=/1k.bin)
declare -A CONNS_OF=([w1]=64 [w2]=64 [w3]=16 [w4]=64)
declare -A BYTES_OF=([w1]=1024 [w2]=1024 [w3]=1048576 [w4]=1024)
declare -A TITLE_OF=(
  [w1]="W1 1 KiB, 64 keep-alive connections"
  [w2]="W2 1 KiB, 64 connections, Connection: close on every request"
  [w3]="W3 1 MiB, 16 keep-alive connections"
  [w4]="W4 1 KiB, 64 keep-alive connections, $PIPELINE requests pipelined per write"
  [w5]="W5 idle keep-alive connections: resident memory per connection, wrk -c16 beside them")
# The figures the issue measured for the best peer, printed beside this run's for reference.
declare -A ISSUE_FIGURE=([w1]="lighttpd 70,000 req/s (nginx 42,000)" [w2]="lighttpd 18,000 req/s (nginx 13,000)"
  [w3]="lighttpd 1,990 MB/s" [w4]="lighttpd 82,000 req/s" [w5]="nginx 524 bytes (lighttpd 4.4 KiB) at 5,000")
quoted() { # words -> one line, the words with spaces in single quotes (to paste back)
  local word line=''
  for word in "$@"; do
    if [[ $word == *[[:space:]]* ]]; then line+=" '$word'"; else line+=" $word"; fi
  done
  echo "${line# }"
}
WRK_ARGS=()
wrk_args() { # workload duration -> WRK_ARGS
  WRK_ARGS=(-t1 -c"${CONNS_OF[$1]}" -d"$2" --latency --timeout 2s)
  case $1 in
    w2) WRK_ARGS+=(-H 'Connection: close') ;;
    w4) WRK_ARGS+=(-s "$OUT/pipeline.lua") ;;
  esac
}

ensure_tools wrk nginx lighttpd curl taskset setsid python3

# W5 holds thousands of connections: the servers and the clients inherit this limit. lighttpd
# counts two descriptors per connection (its max-fds/2 rule), so it wants twice the connections.
# Raising the hard limit needs root, and in a container CAP_SYS_RESOURCE as well; where that fails,
# the hard limit is used and lighttpd may hold fewer connections than W5 asks (said below).
NOFILE_WANT=$((2 * (W5_MAX + 1024) + 64))
nofile_hard() { local h; h=$(ulimit -Hn); [[ $h == unlimited ]] && h=$((1 << 30)); echo "$h"; }
if (($(nofile_hard) < NOFILE_WANT)); then ulimit -Hn "$NOFILE_WANT" 2>/dev/null || true; fi
NOFILE=$(($(nofile_hard) < NOFILE_WANT ? $(nofile_hard) : NOFILE_WANT))
ulimit -Sn "$NOFILE" 2>/dev/null || die "cannot raise the open-file limit to $NOFILE"
((NOFILE >= W5_MAX + 1024)) ||
  die "W5 needs at least $((W5_MAX + 1024)) open files; the hard limit is $(nofile_hard) (raise it, or lower W5_COUNTS)"

# Every server keeps idle connections for IDLE_TIMEOUT and serves KEEPALIVE_REQUESTS per connection.
NGINX_WORKER_CONNECTIONS=$((W5_MAX + 1024))
NGINX_RLIMIT_NOFILE=$NOFILE
NGINX_KEEPALIVE_REQUESTS=$KEEPALIVE_REQUESTS
NGINX_KEEPALIVE_TIMEOUT=${IDLE_TIMEOUT}s
LIGHTTPD_MAX_FDS=$NOFILE
LIGHTTPD_MAX_CONNECTIONS=$((NOFILE / 2 < W5_MAX + 1024 ? NOFILE / 2 : W5_MAX + 1024))
LIGHTTPD_KEEPALIVE_REQUESTS=$KEEPALIVE_REQUESTS
LIGHTTPD_KEEPALIVE_IDLE=$IDLE_TIMEOUT
if has lighttpd "${SERVER_LIST[@]}" && has w5 "${WORKLOAD_LIST[@]}" && ((LIGHTTPD_MAX_CONNECTIONS < W5_MAX + 64)); then
  LIGHTTPD_SHORT="lighttpd can take only $LIGHTTPD_MAX_CONNECTIONS connections here (max-fds $NOFILE, the hard open-file limit, which this process could not raise; lighttpd allows max-fds/2): at $W5_MAX idle connections it holds them, but wrk beside them may not get in"
  note "warning: $LIGHTTPD_SHORT"
fi
H1KIT_ARGS=(--idle-timeout "${IDLE_TIMEOUT}s" --max-requests-per-connection "$KEEPALIVE_REQUESTS"
  ${STAGE_EXTRA[@]+"${STAGE_EXTRA[@]}"})

JCMD=
if has "$STAGE" "${SERVER_LIST[@]}"; then
  JCMD=$("$H1KIT" --java-home)/bin/jcmd || die "the launcher found no JDK (for jcmd)"
fi

IDLE_PID=
bench_cleanup_hook() { # the idle client, if one is holding connections
  if [[ -n $IDLE_PID ]]; then
    kill -TERM "$IDLE_PID" 2>/dev/null || true
    wait "$IDLE_PID" 2>/dev/null || true
    IDLE_PID=
  fi
}
bench_init
head -c 1048576 /dev/urandom >"$DOCROOT/1m.bin"
chmod 644 "$DOCROOT/1m.bin"
cat >"$OUT/pipeline.lua" <<EOF
-- Generated by stage4.sh: W4 sends $PIPELINE GETs in one write and the next write once all
-- $PIPELINE responses are in. wrk counts every response as a request; a latency sample is a batch's.
init = function(args)
  local batch = {}
  for i = 1, $PIPELINE do batch[i] = wrk.format(nil, nil) end
  req = table.concat(batch)
end
request = function() return req end
EOF

start_server() {
  case $1 in
    nginx) start_nginx ;;
    lighttpd) start_lighttpd ;;
    *) start_h1kit "$1" "$STAGE" "${H1KIT_ARGS[@]}" ;;
  esac
}

sample_now() { # name -> "epoch_s threads rss_kib cpu_ticks" of its process group, now
  local -a pids
  mapfile -t pids < <(group_pids "${PID[$1]}")
  ((${#pids[@]} > 0)) || die "found no process in $1's process group ${PID[$1]}"
  sample_pids "${pids[@]}"
}

# One line from a wrk output: bytes per response from "N requests in Ts, X read" (binary units,
# two decimals: a check that the whole file came back, not a measurement).
bytes_per_response() { # file
  awk '$2 == "requests" && $3 == "in" {
    v = $5; m = 1
    if (v ~ /KB$/) m = 1024; else if (v ~ /MB$/) m = 1048576; else if (v ~ /GB$/) m = 1073741824
    else if (v ~ /TB$/) m = 1099511627776
    sub(/[KMGT]?B$/, "", v)
    printf "%.0f\n", ($1 > 0 ? v * m / $1 : 0); found = 1 }
    END { if (!found) print 0 }' "$1"
}

# --- W1-W4 ---------------------------------------------------------------------------------------
RUN_COLUMNS=(workload round server requests_per_s mb_per_s latency_p50_ms latency_p99_ms requests
  bytes_per_response errors connect_errors read_errors write_errors timeouts non_2xx threads_start
  threads_max threads_end rss_start_mib rss_max_mib rss_end_mib cpu_s server_cpu_pct server_core_busy_pct
  server_core_softirq_pct server_core_other_pct server_core_steal_pct client_core_busy_pct
  client_core_steal_pct cpu_us_per_request)

run_workload() { # workload round name [tsv]: one measured wrk run, a row in runs.tsv (or tsv)
  local w=$1 round=$2 name=$3 tsv=${4:-$OUT/runs.tsv} file proc row rps p50 p99 requests errors c r w_ t n bpr
  local -a v
  file=$OUT/$w-round-$round-$name.txt
  settle "$name"
  start_sampling "$name" "$OUT/$w-round-$round-$name.proc"
  wrk_args "$w" "$DURATION"
  run_load $((DURATION_S + 30)) "$file" wrk "${WRK_ARGS[@]}" "http://127.0.0.1:${PORT[$name]}${PATH_OF[$w]}" ||
    die "wrk against $name failed; see $file"
  proc=$(stop_sampling "$OUT/$w-round-$round-$name.proc")
  grep -q '^Requests/sec:' "$file" || die "wrk printed no Requests/sec for $name; see $file"
  read -r rps _ p50 p99 _ requests errors c r w_ t n < <(parse_wrk "$file" "${CONNS_OF[$w]}")
  # wrk 4's correction for stalls adds samples below the smallest one it recorded, which its
  # percentile walk never visits; a high percentile then reads 0. Pipelining (W4) makes this likely:
  # wrk's expected interval counts responses, not batches, so it is 16 times too short. Such a p99
  # is no measurement: it is left out ("-") rather than read as 0 ms.
  if grep -Eq '^ +(90|99)% +0\.00us' "$file"; then
    p99=-
    note "wrk's latency percentiles for $name in $w are broken (a 0 at 90 % or 99 %); its p99 is left out"
  fi
  bpr=$(bytes_per_response "$file")
  row=$(awk -v w="$w" -v round="$round" -v name="$name" -v rps="$rps" -v bytes="${BYTES_OF[$w]}" -v p50="$p50" \
    -v p99="$p99" -v req="$requests" -v bpr="$bpr" -v err="$errors $c $r $w_ $t $n" -v proc="$proc" 'BEGIN {
    split(proc, p, " "); split(err, e, " ")
    printf "%s\t%s\t%s\t%s\t%.1f\t%.3f\t%s\t%s\t%s", w, round, name, rps, rps * bytes / 1000000, p50 / 1000,
      (p99 == "-" ? "-" : sprintf("%.3f", p99 / 1000)), req, bpr
    for (i = 1; i <= 6; i++) printf "\t%s", e[i]
    for (i = 1; i <= 14; i++) printf "\t%s", p[i]
    printf "\t%.1f\n", (req > 0 ? p[7] * 1000000 / req : 0)
  }')
  printf '%s\n' "$row" >>"$tsv"
  IFS=$'\t' read -r -a v <<<"$row"
  note "$w round $round $name: ${v[3]} requests/s (${v[4]} MB/s), p50 ${v[5]} ms, p99 ${v[6]} ms, ${v[9]} errors," \
    "${v[8]} bytes/response; server ${v[22]} % of its core, ${v[29]} us CPU/request, RSS max ${v[19]} MiB," \
    "threads ${v[16]}; others >= ${v[25]} %, wrk core ${v[27]} % busy"
}

# --- W5 ------------------------------------------------------------------------------------------
IDLE_COLUMNS=(round server connections held failed not_200 closed_by_server setup_s rss_before_mib
  rss_after_mib rss_after_wrk_mib bytes_per_connection heap_used_before_mib heap_used_after_mib
  heap_bytes_per_connection threads_before threads_after alone_requests_per_s
  beside_requests_per_s speed_share alone_latency_p99_ms beside_latency_p99_ms beside_errors
  beside_server_cpu_pct beside_server_core_other_pct)

wrk_small() { # name duration file: wrk -t1 -c16 on /1k.bin; never fatal (stage 3 may refuse it all)
  run_load $(($(seconds_of "$2") + 30)) "$3" wrk -t1 -c16 -d"$2" --latency --timeout 2s \
    "http://127.0.0.1:${PORT[$1]}/1k.bin" || note "wrk against $1 failed (status $?); see $3"
}

# The JVM's live heap: a full GC (jcmd GC.run), then the used figure of GC.heap_info, in KiB; "-"
# for the other servers. RSS alone can hide what connections cost a JVM: objects allocated into an
# eden that earlier runs already made resident add no RSS, and a collection can return pages. After
# a full GC before both readings, the used heap is what the connections keep alive.
heap_used() { # name -> KiB, or "-"
  local info
  if [[ $1 != "$STAGE" ]]; then
    echo -
    return
  fi
  if ! timeout 30 taskset -c "$CLIENT_CPU" "$JCMD" "${PID[$1]}" GC.run >/dev/null 2>&1 ||
    ! info=$(timeout 30 taskset -c "$CLIENT_CPU" "$JCMD" "${PID[$1]}" GC.heap_info 2>&1); then
    note "jcmd could not read $1's heap; its heap figures are left out"
    echo -
    return
  fi
  # Serial: "def new generation total ..K, used ..K" and "tenured generation ..."; G1: "garbage-first
  # heap total ..K, used ..K"; Parallel: PSYoungGen and ParOldGen. Metaspace and after are not heap.
  awk '/Metaspace/ { exit } / total [0-9]+K, used [0-9]+K/ { match($0, /used [0-9]+K/); used += substr($0, RSTART + 5, RLENGTH - 6) }
    END { print (used > 0 ? used : "-") }' <<<"$info"
}

# One measurement on a freshly started server, so that memory freed by an earlier batch of
# connections cannot be reused by this one: warm-up, wrk -c16 alone, RSS, N idle connections, RSS,
# wrk -c16 beside them, release.
run_idle() { # round name count
  local round=$1 name=$2 count=$3 base ready deadline before after after_wrk proc line alone beside heap_before heap_after
  base=$OUT/w5-$count-round-$round-$name
  ready=$TMP/ready-$name-$count.json
  stop_server "$name"
  start_server "$name"
  wrk_small "$name" "$W5_WRK" "$base.warmup.txt"
  settle "$name"
  wrk_small "$name" "$W5_WRK" "$base.alone.txt"
  settle "$name"
  sleep "$W5_QUIET"
  heap_before=$(heap_used "$name")
  before=$(sample_now "$name")
  rm -f -- "$ready"
  timeout $(((count / W5_CONCURRENCY + 1) * W5_SETUP_TIMEOUT + W5_HOLD_MAX + 30)) taskset -c "$CLIENT_CPU" \
    python3 "$HERE/idle_connections.py" --url "http://127.0.0.1:${PORT[$name]}/1k.bin" --connections "$count" \
    --concurrency "$W5_CONCURRENCY" --timeout "$W5_SETUP_TIMEOUT" --hold "$W5_HOLD_MAX" --ready-file "$ready" \
    >"$base.json" 2>"$base.stderr" &
  IDLE_PID=$!
  deadline=$((SECONDS + (count / W5_CONCURRENCY + 1) * W5_SETUP_TIMEOUT + 10))
  while [[ ! -s $ready ]]; do
    kill -0 "$IDLE_PID" 2>/dev/null || die "idle_connections.py ended before it was ready; see $base.stderr"
    ((SECONDS < deadline)) || die "idle_connections.py was not ready within $((deadline - SECONDS)) s; see $base.stderr"
    sleep 0.2
  done
  sleep "$W5_QUIET"
  heap_after=$(heap_used "$name")
  after=$(sample_now "$name")
  start_sampling "$name" "$base.proc"
  wrk_small "$name" "$W5_WRK" "$base.beside.txt"
  proc=$(stop_sampling "$base.proc")
  after_wrk=$(sample_now "$name")
  kill -TERM "$IDLE_PID" 2>/dev/null || true
  wait "$IDLE_PID" || die "idle_connections.py failed; see $base.stderr"
  IDLE_PID=
  [[ -s $base.stderr ]] || rm -f -- "$base.stderr"
  alone=$(parse_wrk "$base.alone.txt" 16)
  beside=$(parse_wrk "$base.beside.txt" 16)
  line=$(python3 - "$base.json" "$round" "$name" "$before" "$after" "$after_wrk" "$alone" "$beside" "$proc" \
    "$heap_before" "$heap_after" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
before, after, after_wrk = (s.split() for s in sys.argv[4:7])
alone, beside, proc = (s.split() for s in sys.argv[7:10])
heap_before, heap_after = sys.argv[10:12]
held = d["open_at_release"]
per_conn = (int(after[2]) - int(before[2])) * 1024 / held if held else 0
heap = ["-", "-", "-"]
if heap_before != "-" and heap_after != "-":
    heap = [round(int(heap_before) / 1024, 1), round(int(heap_after) / 1024, 1),
            round((int(heap_after) - int(heap_before)) * 1024 / held) if held else 0]
a_rps, b_rps = float(alone[0]), float(beside[0])
not_200 = sum(v for k, v in d["status"].items() if k != "200")
row = [sys.argv[2], sys.argv[3], d["connections"], held, d["failed"], not_200, d["closed_by_server"], d["setup_s"],
       round(int(before[2]) / 1024, 1), round(int(after[2]) / 1024, 1), round(int(after_wrk[2]) / 1024, 1),
       round(per_conn)] + heap + [before[1], after[1], a_rps, b_rps, round(b_rps / a_rps, 3) if a_rps else 0,
       round(float(alone[3]) / 1000, 3), round(float(beside[3]) / 1000, 3), beside[6], proc[7], proc[10]]
print("\t".join(str(v) for v in row))
EOF
  ) || die "could not read $base.json"
  printf '%s\n' "$line" >>"$OUT/idle.tsv"
  local -a v
  IFS=$'\t' read -r -a v <<<"$line"
  note "w5 round $round $name, $count connections: ${v[3]} held (${v[4]} failed, ${v[5]} non-200, ${v[6]} closed" \
    "by the server), RSS ${v[8]} -> ${v[9]} MiB = ${v[11]} bytes/connection (live heap: ${v[14]});" \
    "wrk -c16 alone ${v[17]} req/s, beside them ${v[18]} req/s (${v[19]} of it), p99 ${v[20]} -> ${v[21]} ms"
}

# --- the profile -------------------------------------------------------------------------------
# One extra W1 run of the h1kit server under a JFR recording started and stopped through jcmd, so
# that the recording covers that run alone and the measured runs carry no profiler.
profile_w1() {
  local name=$STAGE java_home file=$OUT/profile-w1-$STAGE.jfr
  java_home=$("$H1KIT" --java-home) || die "no JDK for jcmd"
  note "profile: one W1 run of $name ($DURATION) under JFR (settings=profile), not counted"
  settle "$name"
  "$java_home/bin/jcmd" "${PID[$name]}" JFR.start name=stage4 settings=profile >"$OUT/profile-jcmd.txt" 2>&1 ||
    die "jcmd JFR.start failed; see $OUT/profile-jcmd.txt"
  (IFS=$'\t' && echo "${RUN_COLUMNS[*]}") >"$OUT/profile-run.tsv"
  run_workload w1 profile "$name" "$OUT/profile-run.tsv"
  "$java_home/bin/jcmd" "${PID[$name]}" JFR.stop name=stage4 filename="$file" >>"$OUT/profile-jcmd.txt" 2>&1 ||
    die "jcmd JFR.stop failed; see $OUT/profile-jcmd.txt"
  "$java_home/bin/jfr" view --width 200 hot-methods "$file" >"$OUT/profile-hot-methods.txt" 2>&1 || true
  # Top frames by sample, Java (jdk.ExecutionSample) and native (jdk.NativeMethodSample: threads in
  # a system call such as epoll_wait or write).
  local kind
  for kind in ExecutionSample NativeMethodSample; do
    "$java_home/bin/jfr" print --events "jdk.$kind" --stack-depth 1 "$file" | awk -v kind="$kind" '
      /stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; total++ }
      END {
        printf "%s: %d samples\n", kind, total
        for (f in n) printf "%7d %5.1f%%  %s\n", n[f], 100 * n[f] / total, f
      }' | { read -r head; echo "$head"; sort -rn | head -n 25; } >"$OUT/profile-top-$kind.txt"
  done
}

# --- plan, environment -------------------------------------------------------------------------
n_servers=${#SERVER_LIST[@]}
n_w14=0
for w in "${WORKLOAD_LIST[@]}"; do [[ $w == w5 ]] || n_w14=$((n_w14 + 1)); done
load_s=$((n_w14 * n_servers * (WARMUP_S + ROUNDS * DURATION_S)))
bound_s=$((START_TIMEOUT + 20 + n_w14 * n_servers * (WARMUP_S + 30 + ROUNDS * (DURATION_S + 30 + SETTLE_TIMEOUT + 3))))
if has w5 "${WORKLOAD_LIST[@]}"; then
  for n in "${W5_LIST[@]}"; do
    # a restart (about 2 s for h1kit), three wrk runs, two quiet seconds, four jcmd calls for the
    # JVM (about 1 s each), the set-up (about 1 s per 2,000 connections here), the release
    load_s=$((load_s + W5_ROUNDS * n_servers * (3 * W5_WRK_S + 2 * W5_QUIET + 8 + n / 2000)))
    bound_s=$((bound_s + W5_ROUNDS * n_servers * (START_TIMEOUT + 3 * (W5_WRK_S + 30) + 3 * SETTLE_TIMEOUT +
      (n / W5_CONCURRENCY + 1) * W5_SETUP_TIMEOUT + 40)))
  done
fi
((PROFILE == 0)) || { load_s=$((load_s + DURATION_S + 5)); bound_s=$((bound_s + DURATION_S + 60)); }
note "output: $OUT"
note "servers: ${SERVER_LIST[*]} (h1kit: serve --stage $STAGE ${H1KIT_ARGS[*]}); workloads: ${WORKLOAD_LIST[*]}"
note "W1-W4: $ROUNDS round(s) of $DURATION after a $WARMUP warm-up each; W5: ${W5_LIST[*]} connections, $W5_ROUNDS round(s)"
note "idle timeout ${IDLE_TIMEOUT} s and ${KEEPALIVE_REQUESTS} requests per connection on every server; open files $(ulimit -Sn)"
note "time: about $((load_s * 105 / 100 + 20)) s (${load_s} s of load and restarts), at most ${bound_s} s"

busy_before=$(warn_if_busy)

start_servers

{
  environment_lines
  echo "python $(python3 --version 2>&1)"
  echo "open_files_limit $(ulimit -Sn)"
  echo "rounds $ROUNDS duration $DURATION warmup $WARMUP; w5 rounds $W5_ROUNDS counts ${W5_LIST[*]} wrk $W5_WRK"
  echo "workloads ${WORKLOAD_LIST[*]}; servers ${SERVER_LIST[*]}"
  for w in w1 w2 w3 w4; do
    wrk_args "$w" "$DURATION"
    echo "$w wrk $(quoted "${WRK_ARGS[@]}") http://127.0.0.1:PORT${PATH_OF[$w]}"
  done
  echo "w5 idle_connections.py --connections N --concurrency $W5_CONCURRENCY; wrk -t1 -c16 -d$W5_WRK alone and beside them"
  echo "$STAGE serve --stage $STAGE --access-log off ${H1KIT_ARGS[*]}"
  echo "nginx worker_processes 1, worker_connections $NGINX_WORKER_CONNECTIONS, keepalive_timeout $NGINX_KEEPALIVE_TIMEOUT, keepalive_requests $KEEPALIVE_REQUESTS (nginx.conf)"
  echo "lighttpd one process, max-connections $LIGHTTPD_MAX_CONNECTIONS, max-fds $LIGHTTPD_MAX_FDS, max-keep-alive-idle $IDLE_TIMEOUT, max-keep-alive-requests $KEEPALIVE_REQUESTS (lighttpd.conf)"
  echo "access_log off (all)"
  echo "cpu_busy_percent_before $busy_before"
  echo "processes_top_before:"
  ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -n 8 | sed 's/^/  /'
} >"$OUT/environment.txt"

(IFS=$'\t' && echo "${RUN_COLUMNS[*]}") >"$OUT/runs.tsv"
(IFS=$'\t' && echo "${IDLE_COLUMNS[*]}") >"$OUT/idle.tsv"
order_of_round() { # round -> ORDER: the servers, reversed every other round
  ORDER=("${SERVER_LIST[@]}")
  if (($1 % 2 == 0)); then
    ORDER=()
    for ((i = n_servers - 1; i >= 0; i--)); do ORDER+=("${SERVER_LIST[i]}"); done
  fi
}
for w in "${WORKLOAD_LIST[@]}"; do
  [[ $w == w5 ]] && continue
  for name in "${SERVER_LIST[@]}"; do
    note "warm-up: $w on $name ($WARMUP, not counted)"
    settle "$name"
    wrk_args "$w" "$WARMUP"
    run_load $((WARMUP_S + 30)) "$OUT/warmup-$w-$name.txt" wrk "${WRK_ARGS[@]}" \
      "http://127.0.0.1:${PORT[$name]}${PATH_OF[$w]}" || die "wrk warm-up against $name failed"
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    order_of_round "$round"
    for name in "${ORDER[@]}"; do run_workload "$w" "$round" "$name"; done
  done
done
if ((PROFILE == 1)); then
  if has "$STAGE" "${SERVER_LIST[@]}"; then profile_w1; else note "PROFILE=1 needs $STAGE in SERVERS; no profile"; fi
fi
if has w5 "${WORKLOAD_LIST[@]}"; then
  for ((round = 1; round <= W5_ROUNDS; round++)); do
    order_of_round "$round"
    for name in "${ORDER[@]}"; do
      for n in "${W5_LIST[@]}"; do run_idle "$round" "$name" "$n"; done
    done
  done
fi
for name in "${SERVER_LIST[@]}"; do
  kill -0 "${PID[$name]}" 2>/dev/null || die "$name is no longer running; see $OUT/$name-server.log"
done
elapsed_s=$SECONDS

# --- tables --------------------------------------------------------------------------------------
med() { # tsv column server [workload|count] -> median over the rounds, or "-"
  awk -F'\t' -v col="$2" -v s="$3" -v k="${4:-}" '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == col) c = i; if ($i == "server") sc = i
      if ($i == "workload" || $i == "connections") kc = i }; next }
    c && $sc == s && (k == "" || $kc == k) && $c ~ /^-?[0-9]/ { print $c }
  ' "$1" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) print "-"
    else if (NR % 2) printf "%.10g\n", v[(NR + 1) / 2]
    else printf "%.10g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
total_of() { # tsv column server key -> sum over the rounds
  awk -F'\t' -v col="$2" -v s="$3" -v k="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == col) c = i; if ($i == "server") sc = i
      if ($i == "workload" || $i == "connections") kc = i }; next }
    c && $sc == s && $kc == k { t += $c } END { printf "%.6g\n", t }' "$1"
}
ratio() { # a b -> a/b, or "-"
  awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'
}
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && b != "-" && a + 0 <= b + 0) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && b != "-" && a + 0 >= b + 0) }'; }

# The best peer of a workload in this run: the highest median of the metric (lowest with "low").
best_peer() { # tsv column key [low]
  local p
  for p in "${PEERS[@]}"; do printf '%s %s\n' "$p" "$(med "$1" "$2" "$p" "$3")"; done |
    awk -v low="${4:-}" '$2 != "-" && (best == "" || (low ? $2 < v : $2 > v)) { best = $1; v = $2 }
      END { print (best == "" ? "-" : best) }'
}

table() { # tsv key best, then "column|label" pairs: one row per metric, a column per server
  local tsv=$1 key=$2 best=$3 spec col label row name
  shift 3
  row=$(printf '%-30s' metric)
  for name in "${SERVER_LIST[@]}"; do row+=$(printf '%12s' "$name"); done
  [[ $best == - ]] || row+=$(printf '%22s' "$STAGE/$best")
  echo "$row"
  for spec in "$@"; do
    col=${spec%%|*} label=${spec#*|}
    row=$(printf '%-30s' "$label")
    for name in "${SERVER_LIST[@]}"; do row+=$(printf '%12s' "$(med "$tsv" "$col" "$name" "$key")"); done
    [[ $best == - ]] || row+=$(printf '%22s' "$(ratio "$(med "$tsv" "$col" "$STAGE" "$key")" "$(med "$tsv" "$col" "$best" "$key")")")
    echo "$row"
  done
}

declare -A BEST=() VERDICT=()
for w in "${WORKLOAD_LIST[@]}"; do
  if [[ $w == w5 ]]; then
    BEST[$w]=$(best_peer "$OUT/idle.tsv" bytes_per_connection "$W5_MAX" low)
  elif [[ $w == w3 ]]; then
    BEST[$w]=$(best_peer "$OUT/runs.tsv" mb_per_s "$w")
  else
    BEST[$w]=$(best_peer "$OUT/runs.tsv" requests_per_s "$w")
  fi
  has "$STAGE" "${SERVER_LIST[@]}" || BEST[$w]=-
done

{
  echo "h1kit $STAGE vs nginx (1 worker) and lighttpd (1 process): static files, access logs off, idle timeout ${IDLE_TIMEOUT} s"
  echo "servers pinned to CPU $SERVER_CPU, wrk (one thread) and the clients to CPU $CLIENT_CPU; $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(lighttpd -v 2>&1 | head -n 1 | cut -d' ' -f1)"
  echo "h1kit: serve --stage $STAGE ${H1KIT_ARGS[*]}"
  echo "each figure is the median over the rounds: W1-W4 $ROUNDS round(s) of $DURATION after a $WARMUP warm-up; W5 $W5_ROUNDS round(s)"
  echo "ratios are $STAGE / the best peer of this run (highest requests/s or MB/s; lowest bytes per idle connection)"
  for w in "${WORKLOAD_LIST[@]}"; do
    [[ $w == w5 ]] && continue
    echo
    wrk_args "$w" "$DURATION"
    echo "== ${TITLE_OF[$w]}: wrk $(quoted "${WRK_ARGS[@]}") ${PATH_OF[$w]}"
    table "$OUT/runs.tsv" "$w" "${BEST[$w]}" "requests_per_s|requests/s" "mb_per_s|MB/s (file bytes, 10^6)" \
      "latency_p50_ms|latency p50 (ms)" "latency_p99_ms|latency p99 (ms)" "errors|errors (socket + non-2xx)" \
      "bytes_per_response|bytes/response (check)" "server_cpu_pct|server CPU (% of a core)" \
      "cpu_us_per_request|server CPU/request (us)" "rss_max_mib|server RSS max (MiB)" "threads_max|server threads (max)" \
      "server_core_softirq_pct|server core, softirq (%)" "server_core_other_pct|server core, others >= (%)" \
      "server_core_steal_pct|server core, stolen (%)" "client_core_busy_pct|wrk core busy (%)"
  done
  if has w5 "${WORKLOAD_LIST[@]}"; then
    for n in "${W5_LIST[@]}"; do
      echo
      echo "== ${TITLE_OF[w5]}: $n connections (each server restarted, warmed with wrk -c16 -d$W5_WRK)"
      best=-
      [[ $n == "$W5_MAX" ]] && best=${BEST[w5]}
      table "$OUT/idle.tsv" "$n" "$best" "held|held open to the end" "failed|failed to set up" \
        "not_200|answered other than 200" "closed_by_server|closed by the server" "setup_s|set-up time (s)" \
        "rss_before_mib|RSS before (MiB)" "rss_after_mib|RSS with them (MiB)" \
        "bytes_per_connection|RSS per connection (bytes)" "heap_used_before_mib|JVM live heap before (MiB)" \
        "heap_used_after_mib|JVM live heap with them (MiB)" "heap_bytes_per_connection|live heap per connection (B)" \
        "threads_after|threads with them" \
        "alone_requests_per_s|wrk -c16 alone (req/s)" "beside_requests_per_s|wrk -c16 beside (req/s)" \
        "speed_share|  beside / alone" "alone_latency_p99_ms|  p99 alone (ms)" "beside_latency_p99_ms|  p99 beside (ms)" \
        "beside_errors|  errors beside" "beside_server_cpu_pct|server CPU beside (%)" \
        "beside_server_core_other_pct|server core, others >= (%)"
    done
  fi
  echo
  echo "wrk: latencies are over answered requests, with wrk's synthetic samples after stalls; in W4 a"
  echo "sample is one batch of $PIPELINE requests. 'timeout' errors count stalls over 2 s, not lost requests."
  echo "CPU/request is the server's user+system time over wrk's responses; RSS per connection is (RSS with"
  echo "the idle connections - RSS before) / connections held: user-space memory only, not the kernel's sockets."
  echo "runs.tsv and idle.tsv have every run; the raw wrk outputs, *.proc samples and the clients' *.json are beside them."
  echo
  echo "closing note (goal: $STAGE at least 1.0x the best peer on W1-W4 with a p99 no worse; at $W5_MAX idle"
  echo "connections at most $W5_BYTES_GOAL bytes each, all held, and wrk -c16 beside them at >= $W5_SPEED_GOAL of its speed alone):"
  for w in "${WORKLOAD_LIST[@]}"; do
    best=${BEST[$w]}
    if [[ $best == - ]]; then
      echo "  $w: no comparison (needs $STAGE and a peer in SERVERS)"
      continue
    fi
    if [[ $w == w5 ]]; then
      mine=$(med "$OUT/idle.tsv" bytes_per_connection "$STAGE" "$W5_MAX")
      heap=$(med "$OUT/idle.tsv" heap_bytes_per_connection "$STAGE" "$W5_MAX")
      [[ $heap != - ]] && ge "$heap" "$mine" && mine=$heap
      theirs=$(med "$OUT/idle.tsv" bytes_per_connection "$best" "$W5_MAX")
      held=$(med "$OUT/idle.tsv" held "$STAGE" "$W5_MAX")
      share=$(med "$OUT/idle.tsv" speed_share "$STAGE" "$W5_MAX")
      if le "$mine" "$W5_BYTES_GOAL" && [[ $held == "$W5_MAX" ]] && ge "$share" "$W5_SPEED_GOAL"; then
        VERDICT[$w]=met
      else
        VERDICT[$w]="NOT met"
      fi
      printf '  w5 %s: %s bytes per idle connection at %s (the larger of RSS and live heap; best peer %s: %s;' \
        "${VERDICT[$w]}" "$mine" "$W5_MAX" "$best" "$theirs"
      printf ' the issue: %s), %s of %s held,' "${ISSUE_FIGURE[w5]}" "$held" "$W5_MAX"
      printf ' wrk -c16 beside them at %s of its speed alone (%s vs %s req/s; W1 at 64 connections: %s)\n' "$share" \
        "$(med "$OUT/idle.tsv" beside_requests_per_s "$STAGE" "$W5_MAX")" \
        "$(med "$OUT/idle.tsv" alone_requests_per_s "$STAGE" "$W5_MAX")" "$(med "$OUT/runs.tsv" requests_per_s "$STAGE" w1)"
      continue
    fi
    col=requests_per_s unit=req/s
    [[ $w == w3 ]] && col=mb_per_s unit=MB/s
    mine=$(med "$OUT/runs.tsv" "$col" "$STAGE" "$w")
    theirs=$(med "$OUT/runs.tsv" "$col" "$best" "$w")
    r=$(ratio "$mine" "$theirs")
    p99_mine=$(med "$OUT/runs.tsv" latency_p99_ms "$STAGE" "$w")
    p99_theirs=$(med "$OUT/runs.tsv" latency_p99_ms "$best" "$w")
    if [[ $p99_mine == - || $p99_theirs == - ]]; then
      if ge "$r" 1.0; then VERDICT[$w]="met on throughput, p99 not measured"; else VERDICT[$w]="NOT met"; fi
    elif ge "$r" 1.0 && le "$p99_mine" "$p99_theirs"; then
      VERDICT[$w]=met
    else
      VERDICT[$w]="NOT met"
    fi
    printf '  %s %s: %s x %s (%s vs %s %s; the issue: %s), p99 %s vs %s ms; errors, all rounds: %s %s, %s %s\n' \
      "$w" "${VERDICT[$w]}" "$r" "$best" "$mine" "$theirs" "$unit" "${ISSUE_FIGURE[$w]}" "$p99_mine" "$p99_theirs" \
      "$STAGE" "$(total_of "$OUT/runs.tsv" errors "$STAGE" "$w")" "$best" "$(total_of "$OUT/runs.tsv" errors "$best" "$w")"
  done
  if ((PROFILE == 1)) && [[ -f $OUT/profile-top-ExecutionSample.txt ]]; then
    printf '  profile (one uncounted W1 run under JFR at %s req/s, against the median %s; profile-*.txt):' \
      "$(med "$OUT/profile-run.tsv" requests_per_s "$STAGE" w1)" "$(med "$OUT/runs.tsv" requests_per_s "$STAGE" w1)"
    echo " hottest Java frames by sample:"
    sed -n '1,9p' "$OUT/profile-top-ExecutionSample.txt" | sed 's/^/    /'
    echo "    in native code (system calls): $(head -n 1 "$OUT/profile-top-NativeMethodSample.txt")"
    sed -n '2,4p' "$OUT/profile-top-NativeMethodSample.txt" | sed 's/^/    /'
    samples=$(awk 'NR == 1 { print $2 + 0 }' "$OUT/profile-top-ExecutionSample.txt")
    ((samples >= 100)) || echo "    (only $samples Java samples: too few to read much into; was the server's core taken by others?)"
  fi
  [[ -z $LIGHTTPD_SHORT ]] || echo "  WARNING: $LIGHTTPD_SHORT"
  ((busy_before <= BUSY_WARNING_PERCENT)) || echo "  WARNING: the CPUs were ${busy_before}% busy before the start; other work skewed these figures"
  worst=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "server_core_other_pct") c = i; next }
    c && $c > m { m = $c } END { printf "%.0f", m }' "$OUT/runs.tsv")
  ((worst <= 10)) || echo "  WARNING: other processes took at least ${worst} % of the server core during a run (see runs.tsv)"
  echo "  took ${elapsed_s} s"
} | tee "$OUT/summary.txt"

# summary.tsv: one row per workload (W5: per connection count), server and metric (medians).
{
  printf 'workload\tserver\tmetric\tmedian\n'
  for w in "${WORKLOAD_LIST[@]}"; do
    for name in "${SERVER_LIST[@]}"; do
      if [[ $w == w5 ]]; then
        for n in "${W5_LIST[@]}"; do
          for col in "${IDLE_COLUMNS[@]:3}"; do
            printf 'w5-%s\t%s\t%s\t%s\n' "$n" "$name" "$col" "$(med "$OUT/idle.tsv" "$col" "$name" "$n")"
          done
        done
      else
        for col in "${RUN_COLUMNS[@]:3}"; do
          printf '%s\t%s\t%s\t%s\n' "$w" "$name" "$col" "$(med "$OUT/runs.tsv" "$col" "$name" "$w")"
        done
      fi
    done
  done
} >"$OUT/summary.tsv"
note "summary.txt, summary.tsv, runs.tsv, idle.tsv and the raw outputs are in $OUT"
