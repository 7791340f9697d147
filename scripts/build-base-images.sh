#!/usr/bin/env bash
# Builds the local base images that tests and examples need. There is no image registry here,
# so nothing is pulled: images come from Debian packages (debootstrap + apt inside `docker build`).
# The node, python and nginx images are stand-ins tagged with the official names that
# server/dockerfile emits, so generated Dockerfiles build here unchanged. They are not the
# official images (Debian's Node 18, Python 3.11 and nginx 1.22 inside); each carries the label
# org.openpanel.stand-in with a note. Two local adaptations: the CA certificates this machine
# trusts go into the Debian base (its egress proxy re-signs TLS), and when PyPI is unreachable
# the python stand-in gets a small wheelhouse from this machine's pip index.
#
# Usage: scripts/build-base-images.sh [--force] [busybox|debian|node|python|nginx ...]
# Default: all of them. Idempotent: an image that already exists is left alone (--force rebuilds
# the named ones).
set -euo pipefail

all_names=(busybox debian node python nginx)
force=0
names=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    busybox | debian | node | python | nginx) names+=("$arg") ;;
    *)
      echo "unknown base image '$arg' (known: ${all_names[*]})" >&2
      exit 2
      ;;
  esac
done
[[ ${#names[@]} -eq 0 ]] && names=("${all_names[@]}")

# Tags: keep in step with server/dockerfile/base-images.ts.
debian_tag=debian:bookworm-slim
node_tag=node:22-bookworm-slim
python_tag=python:3.12-slim-bookworm
nginx_tag=nginx:1.27-bookworm

if ! command -v docker >/dev/null 2>&1; then
  echo "docker CLI not found: install docker.io (or docker-ce-cli) first" >&2
  exit 1
fi
if ! docker info >/dev/null 2>&1; then
  echo "docker is not reachable: is dockerd running, and can $(id -un) use ${DOCKER_HOST:-/var/run/docker.sock}?" >&2
  exit 1
fi

# Parallel test runs may call this at once; one build at a time keeps tags consistent.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/openpanel-base-images.lock"
  flock 9
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

is_requested() {
  local n
  for n in "${names[@]}"; do [[ $n == "$1" ]] && return 0; done
  return 1
}

# Only the images named on the command line are rebuilt by --force; dependencies are reused.
have_image() {
  local name=$1 tag=$2
  if [[ $force -eq 1 ]] && is_requested "$name"; then return 1; fi
  docker image inspect "$tag" >/dev/null 2>&1
}

# docker build -q still prints the legacy-builder notice; keep it, and the log, for failures.
docker_build() {
  local tag=$1 dir=$2 log
  log=$(mktemp)
  tmp_dirs+=("$log")
  if ! docker build -q --force-rm -t "$tag" "$dir" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "building $tag failed (log above)" >&2
    return 1
  fi
  echo "built $tag"
}

tmp_dirs=()
cleanup() { [[ ${#tmp_dirs[@]} -gt 0 ]] && as_root rm -rf "${tmp_dirs[@]}"; return 0; }
trap cleanup EXIT
new_tmp_dir() {
  local d
  d=$(mktemp -d)
  tmp_dirs+=("$d")
  echo "$d"
}

# openpanel-test/busybox: FROM scratch with Debian's static busybox (about 1 s to build).
build_busybox() {
  local tag=openpanel-test/busybox:latest
  have_image busybox "$tag" && { echo "have $tag"; return 0; }
  local bb=/bin/busybox
  if [[ ! -x $bb ]]; then
    echo "busybox-static is missing: apt-get install -y busybox-static" >&2
    return 1
  fi
  local dir
  dir=$(new_tmp_dir)
  mkdir -p "$dir/bin" "$dir/tmp" "$dir/etc" "$dir/www"
  cp "$bb" "$dir/bin/busybox"
  for applet in sh ls cat echo sleep httpd nc wget env mkdir rm cp mv grep sed tar true false date id ps kill printf test head tail wc; do
    ln -sf busybox "$dir/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$dir/etc/passwd"
  echo 'root:x:0:' >"$dir/etc/group"
  cat >"$dir/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY bin /bin
COPY etc /etc
COPY tmp /tmp
COPY www /www
ENV PATH=/bin
CMD ["sh"]
DOCKERFILE
  docker_build "$tag" "$dir"
}

# The first Debian mirror configured on this machine (it is reachable; others may not be).
debian_mirror() {
  local uri
  uri=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)https?://[^[:space:]]+/debian/?' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -oE 'https?://[^[:space:]]+' | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# debian:bookworm-slim: a minbase debootstrap, trimmed like the official slim image (about 30 s).
build_debian() {
  have_image debian "$debian_tag" && { echo "have $debian_tag"; return 0; }
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "installing debootstrap"
    as_root apt-get install -y -qq debootstrap >/dev/null
  fi
  local mirror dir root
  mirror=$(debian_mirror)
  dir=$(new_tmp_dir)
  root="$dir/rootfs"
  echo "debootstrap bookworm from $mirror"
  if ! as_root debootstrap --variant=minbase bookworm "$root" "$mirror" >"$dir/debootstrap.log" 2>&1; then
    tail -n 20 "$dir/debootstrap.log" >&2
    echo "debootstrap failed (log above)" >&2
    return 1
  fi
  # Same conventions as the official image: deb822 sources with updates and security, no docs
  # or man pages installed later, apt caches cleaned after every install.
  as_root rm -f "$root/etc/apt/sources.list"
  as_root tee "$root/etc/apt/sources.list.d/debian.sources" >/dev/null <<SOURCES
Types: deb
URIs: ${mirror%/}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/}-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  as_root tee "$root/etc/dpkg/dpkg.cfg.d/docker" >/dev/null <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
DPKG
  as_root tee "$root/etc/apt/apt.conf.d/docker-clean" >/dev/null <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT
  # This machine reaches the npm registry through a TLS proxy whose CA it trusts locally; the
  # same public certificates go in, so images that install ca-certificates trust it too.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    as_root mkdir -p "$root/usr/local/share/ca-certificates"
    as_root cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  as_root find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  as_root rm -rf "$root/usr/share/man"/* "$root/usr/share/info"/* "$root/var/lib/apt/lists"/* \
    "$root/var/cache/apt"/*.bin "$root/var/cache/apt/archives"/*.deb "$root/var/log"/*.log
  as_root tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    - "$debian_tag" >/dev/null
  echo "built $debian_tag"
}

ensure_debian() { docker image inspect "$debian_tag" >/dev/null 2>&1 || build_debian; }

# node:22-bookworm-slim stand-in: Debian's nodejs + npm, the `node` user (uid 1000) and the
# global yarn 1 and corepack that the official image ships. About a minute.
build_node() {
  have_image node "$node_tag" && { echo "have $node_tag"; return 0; }
  ensure_debian
  local dir
  dir=$(new_tmp_dir)
  cat >"$dir/Dockerfile" <<DOCKERFILE
FROM $debian_tag
RUN apt-get update -qq \\
 && apt-get install -y -qq --no-install-recommends nodejs npm ca-certificates >/dev/null \\
 && rm -rf /var/lib/apt/lists/* \\
 && groupadd --gid 1000 node \\
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# corepack lives in its own prefix so that only the corepack command is linked, as in the
# official image; its yarn/pnpm shims appear only after \`corepack enable\`.
RUN npm install -g --silent --no-fund --no-audit yarn@1 \\
 && npm install -g --silent --no-fund --no-audit --prefix /opt/corepack corepack \\
 && ln -s /opt/corepack/bin/corepack /usr/local/bin/corepack \\
 && npm cache clean --force 2>/dev/null
LABEL org.openpanel.stand-in="Debian bookworm nodejs (Node 18) and npm 9 standing in for $node_tag"
CMD ["node"]
DOCKERFILE
  docker_build "$node_tag" "$dir"
}

# python:3.12-slim-bookworm stand-in: Debian's python3 (3.11) with `python` and `pip` on PATH and
# pip allowed to install system-wide, as in the official image. When PyPI cannot be resolved
# here, a small wheelhouse from this machine's pip index is baked in and pip is pointed at it,
# so requirements made of those packages install offline. About a minute.
build_python() {
  have_image python "$python_tag" && { echo "have $python_tag"; return 0; }
  ensure_debian
  local dir wheels=${OPENPANEL_PY_WHEELS:-flask gunicorn fastapi uvicorn}
  dir=$(new_tmp_dir)
  mkdir -p "$dir/wheelhouse"
  local pip_conf=''
  if ! getent hosts pypi.org >/dev/null 2>&1; then
    local host_pip=''
    command -v pip3 >/dev/null 2>&1 && host_pip=pip3
    command -v pip >/dev/null 2>&1 && host_pip=pip
    # shellcheck disable=SC2086 # the wheel list is meant to split into package names
    if [[ -n $host_pip ]] && $host_pip download -q --retries 0 --timeout 5 --only-binary=:all: \
      --python-version 3.11 --implementation cp --platform manylinux2014_x86_64 \
      --platform manylinux_2_28_x86_64 -d "$dir/wheelhouse" $wheels >"$dir/pip.log" 2>&1; then
      echo "PyPI is unreachable: baking a wheelhouse ($wheels) into $python_tag"
      pip_conf='[global]\nno-index = true\nfind-links = /opt/wheelhouse\n'
    else
      echo "PyPI is unreachable and no local pip index was usable: pip installs in $python_tag will fail" >&2
      rm -rf "$dir/wheelhouse" && mkdir -p "$dir/wheelhouse"
    fi
  fi
  cat >"$dir/Dockerfile" <<DOCKERFILE
FROM $debian_tag
RUN apt-get update -qq \\
 && apt-get install -y -qq --no-install-recommends python3 python3-pip python3-venv ca-certificates >/dev/null \\
 && rm -rf /var/lib/apt/lists/* \\
 && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED \\
 && ln -s /usr/bin/python3 /usr/local/bin/python \\
 && ln -s /usr/bin/pip3 /usr/local/bin/pip
COPY wheelhouse /opt/wheelhouse
RUN if [ -n '$pip_conf' ]; then printf '$pip_conf' >/etc/pip.conf; fi
ENV LANG=C.UTF-8 PIP_BREAK_SYSTEM_PACKAGES=1
LABEL org.openpanel.stand-in="Debian bookworm python3 (3.11) standing in for $python_tag"
CMD ["python3"]
DOCKERFILE
  docker_build "$python_tag" "$dir"
}

# nginx:1.27-bookworm stand-in: Debian's nginx (1.22) laid out like the official image: the
# nginx user, /etc/nginx/conf.d/default.conf serving /usr/share/nginx/html on port 80, logs to
# stdout/stderr, `nginx -g 'daemon off;'` in the foreground.
build_nginx() {
  have_image nginx "$nginx_tag" && { echo "have $nginx_tag"; return 0; }
  ensure_debian
  local dir
  dir=$(new_tmp_dir)
  cat >"$dir/default.conf" <<'CONF'
server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
CONF
  echo '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>' >"$dir/index.html"
  echo '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>An error occurred.</h1></body></html>' >"$dir/50x.html"
  cat >"$dir/Dockerfile" <<DOCKERFILE
FROM $debian_tag
RUN apt-get update -qq \\
 && apt-get install -y -qq --no-install-recommends nginx-light ca-certificates >/dev/null \\
 && rm -rf /var/lib/apt/lists/* \\
 && groupadd --system nginx \\
 && useradd --system --gid nginx --no-create-home --home-dir /nonexistent --shell /bin/false nginx \\
 && sed -i 's/^user www-data;/user nginx;/' /etc/nginx/nginx.conf \\
 && rm -f /etc/nginx/sites-enabled/default \\
 && rm -rf /usr/share/nginx/html && mkdir -p /usr/share/nginx/html \\
 && ln -sf /dev/stdout /var/log/nginx/access.log \\
 && ln -sf /dev/stderr /var/log/nginx/error.log
COPY default.conf /etc/nginx/conf.d/default.conf
COPY index.html 50x.html /usr/share/nginx/html/
LABEL org.openpanel.stand-in="Debian bookworm nginx (1.22) standing in for $nginx_tag"
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE
  docker_build "$nginx_tag" "$dir"
}

echo "base images: ${names[*]}"
for name in "${names[@]}"; do
  "build_$name"
done
