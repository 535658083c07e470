#!/usr/bin/env bash
# Maintainer tool, not part of `npm test`: proves that a fresh `git clone` passes
# `npm run setup && npm test` on a brand-new Debian bookworm that has no PostgreSQL,
# Redis, Chromium or pdftotext, so setup has to install and start them itself.
#
#   sudo bin/check_fresh_debian.sh [git-ref]      (default: HEAD; only committed work is checked)
#
# How: a debootstrap minbase chroot (cached as a tarball), the host's own Node.js
# copied in (Debian's nodejs is 18), and its own network namespace with outside
# access through slirp4netns. The namespace matters: the host's PostgreSQL and Redis
# listen on 127.0.0.1, and a chroot sharing the host's network would find them
# instead of a missing service. PID, mount and IPC namespaces too, so every server
# started inside dies with the run and nothing is mounted on the host.
#
# Needs root and: apt-get install -y debootstrap slirp4netns
# Env: CHECK_ROOT (default /var/tmp/fresh-debian), KEEP=1 keeps the run's chroot,
#      SUITE (default bookworm), MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

CHECK_ROOT=${CHECK_ROOT:-/var/tmp/fresh-debian}
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
die() { echo "✖ $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap, chroot and namespaces need it)"
for tool in debootstrap slirp4netns unshare nsenter git node npm; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y debootstrap slirp4netns)"
done

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --verify "${1:-HEAD}^{commit}")
work="$CHECK_ROOT/run-$(date -u +%Y%m%d-%H%M%S)"
rootfs="$work/rootfs"
base="$CHECK_ROOT/$SUITE-minbase.tar"
log="$work/check.log"
mkdir -p "$rootfs"

# 1. A pristine minbase system, debootstrapped once and reused.
if [ ! -f "$base" ]; then
  echo "› debootstrap --variant=minbase $SUITE (once; cached in $base)"
  tmp="$CHECK_ROOT/debootstrap.$$"
  debootstrap --variant=minbase "$SUITE" "$tmp" "$MIRROR" >"$CHECK_ROOT/debootstrap.log"
  tar -C "$tmp" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf --one-file-system "$tmp"
fi
tar -C "$rootfs" -xf "$base"

# 2. What a Debian installer would have written and debootstrap does not.
printf '127.0.0.1\tlocalhost\n127.0.1.1\tfresh-debian\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
echo fresh-debian >"$rootfs/etc/hostname"
echo 'nameserver 10.0.2.3' >"$rootfs/etc/resolv.conf" # slirp4netns' DNS forwarder
cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
EOF
# This machine's network, not the project: its apt settings, and the extra CA its
# TLS-inspecting egress needs (where NODE_EXTRA_CA_CERTS names one).
for conf in /etc/apt/apt.conf.d/99*; do [ -f "$conf" ] && cp "$conf" "$rootfs/etc/apt/apt.conf.d/"; done
extra_ca=""
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  mkdir -p "$rootfs/etc/ssl"
  cp "$NODE_EXTRA_CA_CERTS" "$rootfs/etc/ssl/host-extra-ca.pem"
  extra_ca="NODE_EXTRA_CA_CERTS=/etc/ssl/host-extra-ca.pem"
fi

# 3. The host's Node.js (binary plus its npm), the same build the project runs on.
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
install -D -m 755 "$node_bin" "$rootfs/usr/bin/node"
mkdir -p "$rootfs/usr/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"

# 4. A fresh clone of the commit under test.
git clone --quiet --no-hardlinks "$repo" "$rootfs/root/app"
git -C "$rootfs/root/app" checkout --quiet --detach "$commit"

# 5. A network namespace of its own: loopback plus NAT to the outside.
unshare --net -- sleep infinity &
holder=$!
slirp=""
cleanup() {
  [ -n "$slirp" ] && kill "$slirp" 2>/dev/null || true
  kill "$holder" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" != 1 ]; then
    if grep -qF "$rootfs" /proc/self/mountinfo; then
      echo "✖ something is still mounted under $rootfs; not deleting it" >&2
    else
      rm -rf --one-file-system "$rootfs"
    fi
  fi
}
trap cleanup EXIT
for _ in $(seq 50); do
  [ "$(readlink /proc/$holder/ns/net)" != "$(readlink /proc/self/ns/net)" ] && break
  sleep 0.1
done
slirp4netns --configure --mtu=65520 --disable-host-loopback "$holder" tap0 >"$work/slirp.log" 2>&1 &
slirp=$!
for _ in $(seq 100); do
  nsenter --net="/proc/$holder/ns/net" ip -o -4 addr show tap0 2>/dev/null | grep -q 10.0.2 && break
  sleep 0.1
done
nsenter --net="/proc/$holder/ns/net" ip link set lo up

# 6. Inside: /proc, /sys, /dev and /dev/shm for PostgreSQL and Chromium, then the
#    newcomer's two commands (and setup once more: idempotent, npm ci skipped).
cat >"$work/inside.sh" <<'EOF'
set -euo pipefail
r=$1
mount -t proc proc "$r/proc"
mount -t sysfs sysfs "$r/sys"
mount --rbind /dev "$r/dev"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$r/dev/shm"
hostname fresh-debian
shift
exec chroot "$r" /usr/bin/env -i HOME=/root TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@" /bin/bash -c '
    set -euo pipefail
    cd /root/app
    echo "› inside: $(. /etc/os-release; echo "$PRETTY_NAME"), node $(node --version), npm $(npm --version)"
    for port in 5432 6379; do
      (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && { echo "✖ something already listens on $port"; exit 1; }
    done
    command -v psql redis-server chromium pdftotext || echo "  (none of psql, redis-server, chromium, pdftotext installed)"
    t=$SECONDS; npm run setup;        echo "⏱ npm run setup: $((SECONDS - t)) s"
    t=$SECONDS; npm test;             echo "⏱ npm test: $((SECONDS - t)) s"
    t=$SECONDS; npm run setup;        echo "⏱ npm run setup (again): $((SECONDS - t)) s"
  '
EOF
echo "› checking $commit in $rootfs (log: $log)"
start=$SECONDS
set +e
nsenter --net="/proc/$holder/ns/net" -- \
  unshare --mount --pid --ipc --uts --fork -- bash "$work/inside.sh" "$rootfs" $extra_ca 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "⏱ whole check: $((SECONDS - start)) s; exit $status; log: $log"
exit "$status"
