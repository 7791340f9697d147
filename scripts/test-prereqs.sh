#!/usr/bin/env bash
# Installs and starts what the tests need, when it is missing. Idempotent and quiet when all is
# there. On Debian as root it installs with apt-get; elsewhere it names what is missing and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# command -> Debian package
declare -A needs=(
  [dockerd]=docker.io
  [docker]=docker.io
  [redis-server]=redis-server
  [git]=git
  [busybox]=busybox-static
  [debootstrap]=debootstrap
  [sshd]=openssh-server
  [ssh]=openssh-client
  [ssh-keygen]=openssh-client
  [chromium]=chromium
  [caddy]=caddy
  [pg_dump]=postgresql-client
)

missing_pkgs=()
missing_cmds=()
for cmd in "${!needs[@]}"; do
  if ! command -v "$cmd" >/dev/null 2>&1 && ! [[ -x /usr/sbin/$cmd || -x /bin/$cmd ]]; then
    missing_cmds+=("$cmd")
    missing_pkgs+=("${needs[$cmd]}")
  fi
done

if ((${#missing_pkgs[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    mapfile -t pkgs < <(printf '%s\n' "${missing_pkgs[@]}" | sort -u)
    echo "test-prereqs: installing ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  else
    echo "test-prereqs: missing ${missing_cmds[*]} (Debian packages: ${missing_pkgs[*]})." >&2
    echo "Install them, start dockerd, and run npm test again." >&2
    exit 1
  fi
fi

# The S3 backup test runs moto's standalone S3 server (Python; there is no Debian package).
if ! command -v moto_server >/dev/null 2>&1; then
  echo "test-prereqs: installing moto[server] with pip for the S3 backup test"
  if ! python3 -m pip install -q 'moto[server]' >/dev/null 2>&1; then
    echo "test-prereqs: moto_server is missing and pip could not install moto[server]." >&2
    exit 1
  fi
fi

# The Docker engine: start dockerd when nothing answers.
if ! docker info >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-prereqs: the Docker engine is not reachable and only root can start dockerd here." >&2
    exit 1
  fi
  echo "test-prereqs: starting dockerd"
  setsid nohup dockerd >/var/log/openpanel-dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    echo "test-prereqs: dockerd did not come up; see /var/log/openpanel-dockerd.log:" >&2
    tail -n 20 /var/log/openpanel-dockerd.log >&2 || true
    exit 1
  fi
fi

# No registry here: build the local base images the tests use (each only when missing).
bash scripts/build-base-images.sh
