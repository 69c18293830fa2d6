# shellcheck shell=bash
# Shared by the benchmark scripts beside this file (sourced, not run): tools, scratch space and
# cleanup, starting and stopping nginx, lighttpd and h1kit, /proc sampling of a server during a
# run, wrk runs and their parsing, medians.
#
# The sourcing script sets `set -euo pipefail` and LC_ALL=C, then these before calling bench_init:
#   ROOT           the repository root
#   OUT            the output folder (created here, made absolute)
#   SERVER_CPU CLIENT_CPU   cores for the servers (taskset) and for the load generator
#   START_TIMEOUT  seconds h1kit may take to answer (its first use builds the project)
#   H1KIT          the launcher
# and may define bench_cleanup_hook, called first on exit (to stop its own helpers); LOAD_PID and
# SAMPLER_PID (run_load, start_sampling) are stopped after it.
# Servers are kept in PID[name] (each the leader of its own process group) and PORT[name].

die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}
note() { printf 'bench: %s\n' "$*" >&2; }

usage_from_header() { # script: prints its header comment (line 2 up to `set -euo`)
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$1"
}

# The scripts take their settings from environment variables: --help prints the script's header,
# anything else on the command line is an error.
no_arguments_but_help() { # script "$@"
  local script=$1
  shift
  if [[ ${1:-} == --help || ${1:-} == -h ]]; then
    usage_from_header "$script"
    exit 0
  fi
  (($# == 0)) || die "takes no arguments (settings are environment variables; see --help)"
}

BENCH_NAME=${BENCH_NAME:-$(basename -- "$0")}
NGINX_START_TIMEOUT=10
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

# --- tools -------------------------------------------------------------------------------------
# ensure_tools TOOL...: installs the Debian packages of the missing ones (root only), then checks
# that both CPUs can be pinned.
declare -A PACKAGE_OF=([wrk]=wrk [nginx]=nginx [curl]=curl [taskset]=util-linux [setsid]=util-linux
  [python3]=python3 [lighttpd]=lighttpd)
ensure_tools() {
  local tool missing=()
  export PATH=$PATH:/usr/sbin:/sbin # Debian's nginx is /usr/sbin/nginx, not on a normal user's PATH
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$tool]}")
  done
  if ((${#missing[@]} > 0)); then
    ((EUID == 0)) || die "needs root to install ${missing[*]} (apt-get); run as root or install them first"
    note "installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    for tool in "${missing[@]}"; do
      case $tool in nginx | lighttpd) stop_system_service "$tool" ;; esac
    done
  fi
  if ! taskset -c "$SERVER_CPU" true 2>/dev/null || ! taskset -c "$CLIENT_CPU" true 2>/dev/null; then
    die "cannot pin to CPUs $SERVER_CPU and $CLIENT_CPU (this machine has $(nproc)); set SERVER_CPU and CLIENT_CPU"
  fi
  [[ $SERVER_CPU != "$CLIENT_CPU" ]] || note "warning: servers and the load generator share CPU $SERVER_CPU"
}

# A server package may start its system service (on port 80) when installed: stop it and keep it
# from starting at boot, so it neither holds the port nor takes CPU from the measured servers.
stop_system_service() { # name
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now "$1" >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/$1 ]]; then
    "/etc/init.d/$1" stop >/dev/null 2>&1 || true
    if command -v update-rc.d >/dev/null 2>&1; then update-rc.d "$1" disable >/dev/null 2>&1 || true; fi
  fi
  if pgrep -x "$1" >/dev/null 2>&1; then
    note "warning: a system $1 is running (pids $(pgrep -x "$1" | tr '\n' ' ')); it is not ours and takes no part"
  fi
}

# --- scratch space and cleanup -------------------------------------------------------------------
declare -A PID=() PORT=()

# bench_init: the output folder, a temp folder with the docroot (/1k.bin, random bytes), and the
# exit trap that stops every server and removes the temp folder.
bench_init() {
  mkdir -p -- "$OUT"
  OUT=$(cd -- "$OUT" && pwd)
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/h1kit-bench.XXXXXX")
  chmod 755 "$TMP" # nginx's worker runs as nobody when started by root; it must read the docroot
  DOCROOT=$TMP/www
  mkdir -p "$DOCROOT" "$TMP/nginx"
  head -c "$FILE_BYTES" /dev/urandom >"$DOCROOT$FILE"
  chmod 755 "$DOCROOT" && chmod 644 "$DOCROOT$FILE"
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Helpers started in the background (the /proc sampler, wrk or a client), stopped on exit before
# the servers.
SAMPLER_PID=
LOAD_PID=
stop_helpers() {
  local p
  for p in "$LOAD_PID" "$SAMPLER_PID"; do
    [[ -n $p ]] || continue
    kill -TERM "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  LOAD_PID='' SAMPLER_PID=''
}

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
bench_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if declare -F bench_cleanup_hook >/dev/null; then bench_cleanup_hook || true; fi
  stop_helpers
  for name in "${!PID[@]}"; do stop_server "$name"; done
  [[ -f $TMP/nginx/error.log ]] && cp -- "$TMP/nginx/error.log" "$OUT/nginx-error.log"
  [[ -f $TMP/lighttpd/error.log ]] && cp -- "$TMP/lighttpd/error.log" "$OUT/lighttpd-error.log"
  rm -rf -- "$TMP"
  exit "$status"
}

# A port in 20000-32767, below Linux's ephemeral range (so the clients' own sockets never take it),
# with nothing listening on it now.
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
# one write(2) per request would dominate a 1 KiB response on one core. A script may set, before
# calling it, NGINX_WORKER_CONNECTIONS (1024), NGINX_RLIMIT_NOFILE (none: the inherited limit),
# NGINX_KEEPALIVE_REQUESTS (100000000) and NGINX_KEEPALIVE_TIMEOUT (75s).
start_nginx() {
  local conf=$TMP/nginx/nginx.conf user_line='' rlimit_line=''
  PORT[nginx]=$(free_port)
  if ((EUID == 0)); then user_line="user nobody $(id -gn nobody);"; fi
  if [[ -n ${NGINX_RLIMIT_NOFILE:-} ]]; then rlimit_line="worker_rlimit_nofile $NGINX_RLIMIT_NOFILE;"; fi
  cat >"$conf" <<EOF
# Generated by $BENCH_NAME
$user_line
worker_processes 1;
$rlimit_line
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections ${NGINX_WORKER_CONNECTIONS:-1024}; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests ${NGINX_KEEPALIVE_REQUESTS:-100000000};
    keepalive_timeout ${NGINX_KEEPALIVE_TIMEOUT:-75s};
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

# Debian's lighttpd, one process in the foreground (-D), with a config of its own like nginx's:
# no access log (mod_accesslog is not loaded), no compression (mod_deflate is not loaded), the
# static-file modules lighttpd loads by default. A script may set, before calling it,
# LIGHTTPD_MAX_CONNECTIONS (1024), LIGHTTPD_KEEPALIVE_REQUESTS (65535, the most lighttpd takes),
# LIGHTTPD_KEEPALIVE_IDLE (seconds, 75, like nginx's keepalive_timeout here), LIGHTTPD_MAX_FDS.
# lighttpd allows at most half its descriptors as connections, so max-fds is by default twice
# max-connections plus room.
start_lighttpd() {
  local conf=$TMP/lighttpd/lighttpd.conf user_lines='' max_conns=${LIGHTTPD_MAX_CONNECTIONS:-1024}
  mkdir -p "$TMP/lighttpd"
  PORT[lighttpd]=$(free_port)
  if ((EUID == 0)); then # it drops to nobody before opening its error log
    user_lines="server.username = \"nobody\"
server.groupname = \"$(id -gn nobody)\""
    chown "nobody:$(id -gn nobody)" "$TMP/lighttpd"
  fi
  cat >"$conf" <<EOF
# Generated by $BENCH_NAME
$user_lines
server.bind = "127.0.0.1"
server.port = ${PORT[lighttpd]}
server.document-root = "$DOCROOT"
server.errorlog = "$TMP/lighttpd/error.log"
server.upload-dirs = ( "$TMP/lighttpd" )
server.modules = ( )
server.max-connections = $max_conns
server.max-fds = ${LIGHTTPD_MAX_FDS:-$((2 * max_conns + 64))}
server.max-keep-alive-requests = ${LIGHTTPD_KEEPALIVE_REQUESTS:-65535}
server.max-keep-alive-idle = ${LIGHTTPD_KEEPALIVE_IDLE:-75}
mimetype.assign = ( ".bin" => "application/octet-stream" )
EOF
  cp -- "$conf" "$OUT/lighttpd.conf"
  lighttpd -tt -f "$conf" >"$OUT/lighttpd-server.log" 2>&1 ||
    die "lighttpd rejects $OUT/lighttpd.conf; see $OUT/lighttpd-server.log"
  setsid taskset -c "$SERVER_CPU" lighttpd -D -f "$conf" >>"$OUT/lighttpd-server.log" 2>&1 &
  PID[lighttpd]=$!
  wait_until_up lighttpd "$NGINX_START_TIMEOUT" "$OUT/lighttpd-server.log"
}

# start_h1kit NAME STAGE [EXTRA SERVE ARGS...]: `h1kit serve --stage STAGE` on a free port, its
# log in $OUT/NAME-server.log.
start_h1kit() {
  local name=$1 stage=$2
  shift 2
  [[ -x $H1KIT ]] || die "no launcher at $H1KIT (set H1KIT)"
  PORT[$name]=$(free_port)
  note "starting $name: h1kit serve --stage $stage (the first use builds the project; up to ${START_TIMEOUT} s)"
  setsid taskset -c "$SERVER_CPU" "$H1KIT" serve --stage "$stage" --bind 127.0.0.1 \
    --port "${PORT[$name]}" --root "$DOCROOT" --access-log off "$@" >"$OUT/$name-server.log" 2>&1 &
  PID[$name]=$!
  wait_until_up "$name" "$START_TIMEOUT" "$OUT/$name-server.log"
}

# --- /proc sampling, load runs ------------------------------------------------------------------
# Set by the sourcing script: SAMPLE_EVERY (seconds between samples), SETTLE_TIMEOUT (seconds).
CLK_TCK=$(getconf CLK_TCK)
# A server is its process group (setsid made PID[name] its leader): the JVM alone for h1kit (the
# launcher execs java), master and worker for nginx. Threads, RSS and CPU are summed over it.
group_pids() { # pgid -> the pids in that process group, one per line
  local stat line
  local -a f
  for stat in /proc/[0-9]*/stat; do
    { read -r line <"$stat"; } 2>/dev/null || continue
    read -r -a f <<<"${line##*) }" # fields from the 3rd (state): ppid is f[1], pgrp f[2]
    [[ ${f[2]} == "$1" ]] && echo "${stat//[!0-9]/}"
  done
}

sample_pids() { # pid... -> "epoch_s threads rss_kib cpu_ticks", summed; no fork
  local pid key val line threads=0 rss=0 ticks=0
  local -a f
  for pid in "$@"; do
    { while read -r key val _; do
      case $key in
        Threads:) threads=$((threads + val)) ;;
        VmRSS:) rss=$((rss + val)) ;;
      esac
    done <"/proc/$pid/status"; } 2>/dev/null || continue
    { read -r line <"/proc/$pid/stat"; } 2>/dev/null || continue
    read -r -a f <<<"${line##*) }" # utime and stime are the 14th and 15th fields: f[11], f[12]
    ticks=$((ticks + f[11] + f[12]))
  done
  echo "$EPOCHREALTIME $threads $rss $ticks"
}

# start_sampling NAME FILE: a first sample now, then one every SAMPLE_EVERY s in the background
# (pinned to the client's core) until stop_sampling, which adds a last one.
SAMPLED_PIDS=()
CORES_AT_START=
core_times() { grep -E "^cpu($SERVER_CPU|$CLIENT_CPU) " /proc/stat; }
start_sampling() {
  CORES_AT_START=$(core_times)
  mapfile -t SAMPLED_PIDS < <(group_pids "${PID[$1]}")
  ((${#SAMPLED_PIDS[@]} > 0)) || die "found no process in $1's process group ${PID[$1]}"
  sample_pids "${SAMPLED_PIDS[@]}" >"$2"
  (
    trap - EXIT INT TERM
    while :; do
      sleep "$SAMPLE_EVERY"
      sample_pids "${SAMPLED_PIDS[@]}" >>"$2"
    done
  ) &
  SAMPLER_PID=$!
  taskset -cp "$CLIENT_CPU" "$SAMPLER_PID" >/dev/null 2>&1 || true
}
# stop_sampling FILE -> "threads_start threads_max threads_end rss_start rss_max rss_end cpu_s
# server_cpu_pct server_core_busy server_core_softirq server_core_other server_core_steal
# client_core_busy client_core_steal": RSS in MiB, the rest in % of one core over the run. A
# core's busy share counts every process and the kernel's softirq work on it (mostly the loopback
# network path here); "other" is what is left after the server's own share and the softirqs: at
# least that much went to other processes (softirq work done while the server ran is counted in
# both its CPU time and the softirq column, so this can undercount, never overcount, by the
# softirq figure). "steal" is time the hypervisor gave to other guests while this core wanted to run.
stop_sampling() {
  local cores_at_end
  kill -TERM "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  sample_pids "${SAMPLED_PIDS[@]}" >>"$1"
  cores_at_end=$(core_times)
  awk -v tck="$CLK_TCK" -v a="$CORES_AT_START" -v b="$cores_at_end" -v sc="cpu$SERVER_CPU" -v cc="cpu$CLIENT_CPU" '
    function core(name, which,   i, n, x, y, la, lb, total) {
      n = split(a, la, "\n"); split(b, lb, "\n")
      for (i = 1; i <= n; i++) {
        split(la[i], x, " "); split(lb[i], y, " ")
        if (x[1] != name) continue
        total = 0
        for (j = 2; j <= 9; j++) total += y[j] - x[j]
        if (total <= 0) return 0
        if (which == "steal") return 100 * (y[9] - x[9]) / total
        if (which == "softirq") return 100 * (y[8] - x[8]) / total
        return 100 * ((y[2] - x[2]) + (y[3] - x[3]) + (y[4] - x[4]) + (y[7] - x[7]) + (y[8] - x[8])) / total
      }
      return 0
    }
    NR == 1 { w0 = $1; t0 = $2; r0 = $3; c0 = $4 }
    { if ($2 > tmax) tmax = $2; if ($3 > rmax) rmax = $3; w1 = $1; t1 = $2; r1 = $3; c1 = $4 }
    END {
      cpu = (c1 - c0) / tck
      share = w1 > w0 ? 100 * cpu / (w1 - w0) : 0
      busy = core(sc, "busy")
      softirq = core(sc, "softirq")
      other = busy - share - softirq > 0 ? busy - share - softirq : 0
      printf "%d %d %d %.1f %.1f %.1f %.2f %.1f", t0, tmax, t1, r0 / 1024, rmax / 1024, r1 / 1024, cpu, share
      printf " %.1f %.1f %.1f %.1f %.1f %.1f\n", busy, softirq, other, core(sc, "steal"), core(cc, "busy"), core(cc, "steal")
    }
  ' "$1"
}

# Runs a load generator in the background and waits for it, so that a signal reaches the traps at
# once (and the cleanup stops it) rather than after the run.
run_load() { # bound_s output-file command...
  local bound=$1 file=$2 status=0
  shift 2
  timeout "$bound" taskset -c "$CLIENT_CPU" "$@" >"$file" 2>"$file.stderr" &
  LOAD_PID=$!
  wait "$LOAD_PID" || status=$?
  LOAD_PID=
  [[ -s $file.stderr ]] || rm -f -- "$file.stderr"
  return "$status"
}

# Before each run the server must answer again: what the previous run left (connections queued in
# the backlog or the pool's queue, held keep-alive connections) is drained first.
settle() { # name
  wait_until_up "$1" "$SETTLE_TIMEOUT" "$OUT/$1-server.log"
}

# --- wrk runs and parsing ------------------------------------------------------------------------
run_wrk() { # name duration output-file connections
  local name=$1 duration=$2 file=$3 connections=$4 bound status=0
  bound=$(($(seconds_of "$duration") + 30))
  timeout "$bound" taskset -c "$CLIENT_CPU" wrk -t1 -c"$connections" -d"$duration" --latency \
    --timeout 2s "http://127.0.0.1:${PORT[$name]}$FILE" >"$file" 2>&1 || status=$?
  ((status == 0)) || die "wrk against $name failed (status $status); see $file"
  grep -q '^Requests/sec:' "$file" || die "wrk printed no Requests/sec for $name; see $file"
}

# One line from a wrk output: rps avg_us p50_us p99_us rate_us requests errors connect read write
# timeout non2xx, where errors are socket errors (connect, read, write, timeout) plus non-2xx/3xx
# responses, and rate_us is connections / rps: the mean time a request really took. wrk's own
# latency figures include samples it synthesises after each stall (its coordinated-omission
# correction), so on a noisy machine their mean exceeds rate_us.
parse_wrk() { # file connections
  awk -v connections="$2" '
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
    /Socket errors:/ { gsub(/,/, ""); connect += $4; read += $6; write += $8; timeout += $10 }
    /Non-2xx or 3xx responses:/ { non2xx += $NF }
    END {
      rate = rps > 0 ? connections * 1000000 / rps : 0
      errors = connect + read + write + timeout + non2xx
      printf "%.1f %.1f %.1f %.1f %.1f %d %d %d %d %d %d %d\n", rps, avg, p50, p99, rate, requests,
        errors, connect, read, write, timeout, non2xx
    }
  ' "$1"
}

median() { # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.1f\n", v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

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

# Prints how busy the CPUs are (for environment.txt and the summary) and warns on stderr when
# other work already keeps them busy: a build or a test run beside the benchmark skews every figure.
BUSY_WARNING_PERCENT=15
warn_if_busy() {
  local busy
  busy=$(cpu_busy_percent)
  if ((busy > BUSY_WARNING_PERCENT)); then
    note "warning: the CPUs were ${busy}% busy before starting; other work on this machine will skew the numbers"
  fi
  echo "$busy"
}

# Starts every server of SERVER_LIST with the script's own start_server, then says where each is.
start_servers() {
  local name
  for name in "${SERVER_LIST[@]}"; do start_server "$name"; done
  for name in "${SERVER_LIST[@]}"; do note "$name is up on 127.0.0.1:${PORT[$name]} (pid ${PID[$name]:-?})"; done
}

# Lines for environment.txt shared by the scripts: machine, versions, commit.
environment_lines() {
  echo "date_utc $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel $(uname -sr)"
  echo "cpus $(nproc) server_cpu $SERVER_CPU client_cpu $CLIENT_CPU"
  echo "cpu_model $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "wrk $(wrk -v 2>&1 | head -n 1)"
  echo "nginx $(nginx -v 2>&1)"
  if command -v lighttpd >/dev/null 2>&1; then echo "lighttpd $(lighttpd -v 2>&1 | head -n 1)"; fi
  echo "h1kit_commit $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "h1kit_java_home $("$H1KIT" --java-home 2>/dev/null || echo unknown)"
  echo "h1kit_java_opts ${H1KIT_JAVA_OPTS:-}"
}
