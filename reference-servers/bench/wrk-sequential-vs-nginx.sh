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

die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}
note() { printf 'bench: %s\n' "$*" >&2; }

if [[ ${1:-} == --help || ${1:-} == -h ]]; then
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
  exit 0
fi
(($# == 0)) || die "takes no arguments (settings are environment variables; see --help)"

HERE=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd -- "$HERE/../.." && pwd)

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-$DURATION}
CONNECTIONS=${CONNECTIONS:-1}
SERVERS=${SERVERS:-nginx h1kit}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
START_TIMEOUT=${START_TIMEOUT:-180}
NGINX_START_TIMEOUT=10
H1KIT=${H1KIT:-$ROOT/h1kit}
OUT=${OUT:-$ROOT/out/bench/$(date -u +%Y%m%dT%H%M%SZ)}
FILE=/1k.bin
FILE_BYTES=1024

seconds_of() { # wrk duration (10, 10s, 2m, 1h) -> seconds
  [[ $1 =~ ^([1-9][0-9]*)([smh]?)$ ]] || die "not a duration: '$1' (use e.g. 10s or 1m)"
  case ${BASH_REMATCH[2]} in
    m) echo $((BASH_REMATCH[1] * 60)) ;;
    h) echo $((BASH_REMATCH[1] * 3600)) ;;
    *) echo "${BASH_REMATCH[1]}" ;;
  esac
}
positive() { [[ $2 =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, not '$2'"; }
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

# --- tools -------------------------------------------------------------------------------------
declare -A PACKAGE_OF=([wrk]=wrk [nginx]=nginx [curl]=curl [taskset]=util-linux [setsid]=util-linux)
export PATH=$PATH:/usr/sbin:/sbin # Debian's nginx is /usr/sbin/nginx, not on a normal user's PATH
missing=()
for tool in wrk nginx curl taskset setsid; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$tool]}")
done
if ((${#missing[@]} > 0)); then
  ((EUID == 0)) || die "needs root to install ${missing[*]} (apt-get); run as root or install them first"
  note "installing ${missing[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! taskset -c "$SERVER_CPU" true 2>/dev/null || ! taskset -c "$CLIENT_CPU" true 2>/dev/null; then
  die "cannot pin to CPUs $SERVER_CPU and $CLIENT_CPU (this machine has $(nproc)); set SERVER_CPU and CLIENT_CPU"
fi
[[ $SERVER_CPU != "$CLIENT_CPU" ]] || note "warning: server and wrk share CPU $SERVER_CPU"

# --- scratch space and cleanup -------------------------------------------------------------------
mkdir -p -- "$OUT"
OUT=$(cd -- "$OUT" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/h1kit-bench.XXXXXX")
chmod 755 "$TMP" # nginx's worker runs as nobody when started by root; it must read the docroot
DOCROOT=$TMP/www
mkdir -p "$DOCROOT" "$TMP/nginx"
head -c "$FILE_BYTES" /dev/urandom >"$DOCROOT$FILE"
chmod 755 "$DOCROOT" && chmod 644 "$DOCROOT$FILE"

declare -A PID=() PORT=()
stop_server() { # name: TERM its process group, KILL it after 5 s
  local name=$1 pid=${PID[$1]:-} i
  [[ -n $pid ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 -- "-$pid" 2>/dev/null; then
    note "$name did not stop within 5 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  unset "PID[$name]"
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for name in "${!PID[@]}"; do stop_server "$name"; done
  [[ -f $TMP/nginx/error.log ]] && cp -- "$TMP/nginx/error.log" "$OUT/nginx-error.log"
  rm -rf -- "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port in 20000-32767, below Linux's ephemeral range (so wrk's own sockets never take it), with
# nothing listening on it now.
free_port() {
  local port i
  for ((i = 0; i < 100; i++)); do
    port=$((20000 + RANDOM % 12768))
    [[ " ${PORT[*]} " == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "found no free port on 127.0.0.1"
}

# Polls until GET $FILE answers 200 with the whole file, the server dies, or the bound passes.
wait_until_up() { # name timeout_s log
  local name=$1 bound=$2 log=$3 deadline answer status=0
  deadline=$((${EPOCHREALTIME/./} + bound * 1000000))
  while ((${EPOCHREALTIME/./} < deadline)); do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      wait "${PID[$name]}" || status=$?
      unset "PID[$name]"
      note "$name exited (status $status) before answering on 127.0.0.1:${PORT[$name]}; last lines of $log:"
      tail -n 15 -- "$log" | sed 's/^/    /' >&2
      die "$name did not come up"
    fi
    answer=$(curl -sS -o /dev/null --max-time 2 -w '%{http_code} %{size_download}' \
      "http://127.0.0.1:${PORT[$name]}$FILE" 2>/dev/null) || answer=
    if [[ $answer == "200 $FILE_BYTES" ]]; then
      return 0
    elif [[ -n $answer && $answer != 000* ]]; then
      die "$name answered GET $FILE with '$answer' (want '200 $FILE_BYTES'); see $log"
    fi
    sleep 0.2
  done
  note "$name did not answer GET http://127.0.0.1:${PORT[$name]}$FILE within ${bound} s; last lines of $log:"
  tail -n 15 -- "$log" | sed 's/^/    /' >&2
  die "$name did not come up within ${bound} s (raise START_TIMEOUT if it was still building)"
}

# Debian's nginx with a config of its own: nothing under /etc/nginx or /var/log/nginx is read or
# written. Access logs are off here and for h1kit: the benchmark measures the request path, and
# one write(2) per request would dominate a 1 KiB response on one core.
start_nginx() {
  local conf=$TMP/nginx/nginx.conf user_line=
  PORT[nginx]=$(free_port)
  if ((EUID == 0)); then user_line="user nobody $(id -gn nobody);"; fi
  cat >"$conf" <<EOF
# Generated by wrk-sequential-vs-nginx.sh
$user_line
worker_processes 1;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 75s;
    client_body_temp_path $TMP/nginx/client_body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    types { application/octet-stream bin; }
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:${PORT[nginx]};
        root $DOCROOT;
    }
}
EOF
  cp -- "$conf" "$OUT/nginx.conf"
  setsid taskset -c "$SERVER_CPU" nginx -p "$TMP/nginx/" -c "$conf" -e "$TMP/nginx/error.log" \
    >"$OUT/nginx-server.log" 2>&1 &
  PID[nginx]=$!
  wait_until_up nginx "$NGINX_START_TIMEOUT" "$OUT/nginx-server.log"
}

start_h1kit() {
  [[ -x $H1KIT ]] || die "no launcher at $H1KIT (set H1KIT)"
  PORT[h1kit]=$(free_port)
  note "starting h1kit (the first use builds the project; up to ${START_TIMEOUT} s)"
  setsid taskset -c "$SERVER_CPU" "$H1KIT" serve --stage sequential --bind 127.0.0.1 \
    --port "${PORT[h1kit]}" --root "$DOCROOT" --access-log off >"$OUT/h1kit-server.log" 2>&1 &
  PID[h1kit]=$!
  wait_until_up h1kit "$START_TIMEOUT" "$OUT/h1kit-server.log"
}

# --- wrk runs and parsing ------------------------------------------------------------------------
run_wrk() { # name duration output-file
  local name=$1 duration=$2 file=$3 bound status=0
  bound=$(($(seconds_of "$duration") + 30))
  timeout "$bound" taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency \
    --timeout 2s "http://127.0.0.1:${PORT[$name]}$FILE" >"$file" 2>&1 || status=$?
  ((status == 0)) || die "wrk against $name failed (status $status); see $file"
  grep -q '^Requests/sec:' "$file" || die "wrk printed no Requests/sec for $name; see $file"
}

# One line from a wrk output: rps avg_us p50_us p99_us rate_us requests errors, where errors are
# socket errors plus non-2xx/3xx responses, and rate_us is connections / rps: the mean time a
# request really took. wrk's own latency figures include samples it synthesises after each stall
# (its coordinated-omission correction), so on a noisy machine their mean exceeds rate_us.
parse_wrk() {
  awk -v connections="$CONNECTIONS" '
    function us(v) {
      if (v ~ /us$/) return v + 0
      if (v ~ /ms$/) return v * 1000
      if (v ~ /m$/)  return v * 60000000
      if (v ~ /h$/)  return v * 3600000000
      if (v ~ /s$/)  return v * 1000000
      return v + 0
    }
    $1 == "Latency" && $2 != "Distribution" && avg == "" { avg = us($2) }
    $1 == "50%" { p50 = us($2) }
    $1 == "99%" { p99 = us($2) }
    $2 == "requests" && $3 == "in" { requests = $1 }
    $1 == "Requests/sec:" { rps = $2 }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    END {
      rate = rps > 0 ? connections * 1000000 / rps : 0
      printf "%.1f %.1f %.1f %.1f %.1f %d %d\n", rps, avg, p50, p99, rate, requests, errors
    }
  ' "$1"
}

median() { # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.1f\n", v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- run -----------------------------------------------------------------------------------------
total=$(((ROUNDS * DURATION_S + WARMUP_S) * ${#SERVER_LIST[@]}))
note "output: $OUT"
note "servers: ${SERVER_LIST[*]}; $ROUNDS round(s) of $DURATION after a $WARMUP warm-up, $CONNECTIONS connection(s); about ${total} s of load"

# Other work on this machine (a build, a test run) skews every figure; say so rather than hide it.
cpu_busy_percent() { # share of all CPUs busy over one second, from /proc/stat
  local a b
  a=$(head -n 1 /proc/stat)
  sleep 1
  b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x); split(b, y); total = 0
    for (i = 2; i <= n; i++) total += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%d\n", (total > 0 ? 100 * (total - idle) / total : 0)
  }'
}
busy_before=$(cpu_busy_percent)
if ((busy_before > 15)); then
  note "warning: the CPUs were ${busy_before}% busy before starting; other work on this machine will skew the numbers"
fi

for name in "${SERVER_LIST[@]}"; do "start_$name"; done
for name in "${SERVER_LIST[@]}"; do note "$name is up on 127.0.0.1:${PORT[$name]}"; done

{
  echo "date_utc $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel $(uname -sr)"
  echo "cpus $(nproc) server_cpu $SERVER_CPU client_cpu $CLIENT_CPU"
  echo "cpu_model $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "wrk $(wrk -v 2>&1 | head -n 1)"
  echo "nginx $(nginx -v 2>&1)"
  echo "h1kit_commit $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "h1kit_java_home $("$H1KIT" --java-home 2>/dev/null || echo unknown)"
  echo "h1kit_java_opts ${H1KIT_JAVA_OPTS:-}"
  echo "rounds $ROUNDS duration $DURATION warmup $WARMUP connections $CONNECTIONS file $FILE $FILE_BYTES"
  echo "access_log off (both)"
  echo "cpu_busy_percent_before $busy_before"
} >"$OUT/environment.txt"

for name in "${SERVER_LIST[@]}"; do
  note "warm-up: $name ($WARMUP, not counted)"
  run_wrk "$name" "$WARMUP" "$OUT/warmup-$name.txt"
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
    run_wrk "$name" "$DURATION" "$file"
    read -r rps avg p50 p99 rate requests errors < <(parse_wrk "$file")
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
