#!/usr/bin/env bash
# Builds the local base images that tests and examples need. There is no image registry here,
# so nothing is pulled: images come from Debian packages on this machine. Idempotent: an image
# that already exists is left alone (pass --force to rebuild).
set -euo pipefail

force=0
[[ "${1:-}" == "--force" ]] && force=1

have_image() { [[ $force -eq 0 ]] && docker image inspect "$1" >/dev/null 2>&1; }

# openpanel-test/busybox: FROM scratch with Debian's static busybox (about 1 s to build).
build_busybox() {
  local tag=openpanel-test/busybox:latest
  have_image "$tag" && return 0
  local bb=/bin/busybox
  if [[ ! -x $bb ]]; then
    echo "busybox-static is missing: apt-get install -y busybox-static" >&2
    return 1
  fi
  local dir
  dir=$(mktemp -d)
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
  docker build -q -t "$tag" "$dir" >/dev/null
  rm -rf "$dir"
  echo "built $tag"
}

build_busybox
