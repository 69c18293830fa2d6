# Shared by the CI scripts (.ci/run, .ci/all); sourced, never run. Defines functions and
# constants only: sourcing it changes no option or directory of the caller. install_nginx sets,
# then clears, an EXIT trap while apt-get runs: call it before setting an EXIT trap of your own.

# Debian's nginx: the conformance suite's real reference (NginxConformanceTest compares its
# verdicts with conformance/baselines/) and a load target (h1kit load --with-nginx). Installed
# with apt-get when it is missing and this machine lets us (root, or passwordless sudo);
# otherwise what needs it is skipped, with its reason. Never fails the caller: a machine without
# nginx still runs everything else.
NGINX=/usr/sbin/nginx # where Debian's package puts it, and where the test looks first

# What goes without nginx, for the message; a caller may set it before calling install_nginx.
NGINX_NEEDED_BY=${NGINX_NEEDED_BY:-the nginx conformance test}

nginx_skipped() {
  echo "nginx not installed: $NGINX_NEEDED_BY will be skipped ($1)"
}

install_nginx() {
  local binary
  binary=$(command -v nginx 2>/dev/null || true)
  if [[ -z $binary && -x $NGINX ]]; then
    binary=$NGINX
  fi
  if [[ -n $binary ]]; then
    echo "== nginx: $("$binary" -v 2>&1)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    nginx_skipped "no apt-get on this machine"
    return 0
  fi
  local sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      nginx_skipped "not root and no passwordless sudo"
      return 0
    fi
  fi
  echo "== installing nginx (apt-get)"
  local log ok=1
  log=$(mktemp)
  # Debian starts a freshly installed nginx as a service on port 80, which nothing here needs
  # (the test starts its own): a policy-rc.d that says 101 forbids it during the install.
  # An existing policy is left alone; ours is removed afterwards, and on exit if interrupted.
  local policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]] && ${sudo[@]+"${sudo[@]}"} sh -c "printf '#!/bin/sh\\nexit 101\\n' > $policy && chmod 755 $policy" 2>/dev/null; then
    trap "${sudo[*]} rm -f $policy" EXIT
  fi
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -q >"$log" 2>&1 || ok=
  if [[ -n $ok ]]; then
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive timeout 600 \
      apt-get install -y -q --no-install-recommends nginx >>"$log" 2>&1 || ok=
  fi
  if [[ -n $(trap -p EXIT) ]]; then
    ${sudo[@]+"${sudo[@]}"} rm -f "$policy" || true
    trap - EXIT
  fi
  if [[ -n $ok && -x $NGINX ]]; then
    echo "== nginx: $("$NGINX" -v 2>&1)"
  else
    nginx_skipped "apt-get failed: $(grep -v '^[[:space:]]*$' "$log" | tail -n 1)"
  fi
  rm -f "$log"
}
