# shellcheck shell=bash
# Shared by the benchmark scripts beside this file (sourced, not run): tools, scratch space and
# cleanup, starting and stopping nginx and h1kit, wrk runs and their parsing, medians.
#
# The sourcing script sets `set -euo pipefail` and LC_ALL=C, then these before calling bench_init:
#   ROOT           the repository root
#   OUT            the output folder (created here, made absolute)
#   SERVER_CPU CLIENT_CPU   cores for the servers (taskset) and for the load generator
#   START_TIMEOUT  seconds h1kit may take to answer (its first use builds the project)
#   H1KIT          the launcher
# and may define bench_cleanup_hook, called first on exit (to stop its own helpers).
# Servers are kept in PID[name] (each the leader of its own process group) and PORT[name].

die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}
note() { printf 'bench: %s\n' "$*" >&2; }

usage_from_header() { # script: prints its header comment (line 2 up to `set -euo`)
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$1"
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
  [python3]=python3)
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
  fi
  if ! taskset -c "$SERVER_CPU" true 2>/dev/null || ! taskset -c "$CLIENT_CPU" true 2>/dev/null; then
    die "cannot pin to CPUs $SERVER_CPU and $CLIENT_CPU (this machine has $(nproc)); set SERVER_CPU and CLIENT_CPU"
  fi
  [[ $SERVER_CPU != "$CLIENT_CPU" ]] || note "warning: servers and the load generator share CPU $SERVER_CPU"
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
  for name in "${!PID[@]}"; do stop_server "$name"; done
  [[ -f $TMP/nginx/error.log ]] && cp -- "$TMP/nginx/error.log" "$OUT/nginx-error.log"
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
# one write(2) per request would dominate a 1 KiB response on one core.
start_nginx() {
  local conf=$TMP/nginx/nginx.conf user_line=
  PORT[nginx]=$(free_port)
  if ((EUID == 0)); then user_line="user nobody $(id -gn nobody);"; fi
  cat >"$conf" <<EOF
# Generated by $BENCH_NAME
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

# Lines for environment.txt shared by the scripts: machine, versions, commit.
environment_lines() {
  echo "date_utc $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel $(uname -sr)"
  echo "cpus $(nproc) server_cpu $SERVER_CPU client_cpu $CLIENT_CPU"
  echo "cpu_model $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "wrk $(wrk -v 2>&1 | head -n 1)"
  echo "nginx $(nginx -v 2>&1)"
  echo "h1kit_commit $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "h1kit_java_home $("$H1KIT" --java-home 2>/dev/null || echo unknown)"
  echo "h1kit_java_opts ${H1KIT_JAVA_OPTS:-}"
}
