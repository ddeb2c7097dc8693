#!/usr/bin/env bash
# For maintainers (CI does not run it): does `npm ci && npm test` pass on a fresh machine
# with nothing but Node, npm, git and the OpenSSH client, as the README says? Builds a
# minimal Debian 12 root with debootstrap, puts this machine's node and npm in it, clones the
# current branch's last commit into it, and runs `npm ci && npm test` there in a chroot.
# Expected: 0 failed, and the only tests skipped are the one against a real OpenSSH sshd and
# the real Docker Compose example (no Docker engine there), named in the closing line.
#
#   sudo scripts/fresh-machine-check.sh [--fresh] [ROOT]
#
# ROOT (default /var/tmp/preview-tunnel-fresh) is kept between runs, as debootstrap takes a
# few minutes; --fresh builds it anew. Each run starts from a new clone with no npm cache.
# Needs root, debootstrap (installed with apt-get if missing) and the Debian mirror that apt
# uses here; npm inside reaches the registry with this machine's DNS and CA certificates.
set -euo pipefail

fresh=0
if [ "${1:-}" = "--fresh" ]; then
  fresh=1
  shift
fi
root=${1:-/var/tmp/preview-tunnel-fresh}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
branch=$(git -C "$repo" rev-parse --abbrev-ref HEAD)
log=$root.log

[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap, chroot and mounts need it)" >&2; exit 2; }
node_bin=$(command -v node) || { echo "node is not on PATH" >&2; exit 2; }
npm_dir=$(npm root -g)/npm
[ -f "$npm_dir/bin/npm-cli.js" ] || { echo "npm is not at $npm_dir" >&2; exit 2; }
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no -- . ':!dist')" ]; then
  echo "note: uncommitted changes in $repo are not part of the check (it clones $branch)" >&2
fi

mounts=()
cleanup() {
  # Reverse order; lazily, so a process that is still exiting cannot keep a mount behind.
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -l "${mounts[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
mount_in() { # mount_in <target under root> <mount args...>
  mkdir -p "$root$1"
  mount "${@:2}" "$root$1"
  mounts+=("$root$1")
}

if [ "$fresh" -eq 1 ]; then rm -rf --one-file-system "$root"; fi
if [ ! -f "$root/.debootstrapped" ]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  }
  # The mirror this machine's apt uses (deb822 or one-line sources), else Debian's own.
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/* *$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "== debootstrap --variant=minbase bookworm from $mirror into $root"
  rm -rf --one-file-system "$root"
  debootstrap --variant=minbase --include=ca-certificates,git,openssh-client bookworm "$root" "$mirror"
  touch "$root/.debootstrapped"
fi

echo "== node $("$node_bin" --version) and npm $(npm --version) from this machine"
install -m 0755 "$node_bin" "$root/usr/local/bin/node"
rm -rf "$root/usr/local/lib/node_modules/npm"
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

# What an installed Debian or a container has and debootstrap does not write (no package
# ships /etc/hosts): localhost. Then this machine's DNS servers and CA bundle (which may hold
# a proxy's CA that the network here needs); nothing else of it.
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

echo "== a fresh clone of $branch ($(git -C "$repo" rev-parse --short HEAD))"
rm -rf "$root/root/preview-tunnel" "$root/root/.npm" "$root/root/.cache"
git clone --quiet --no-hardlinks --branch "$branch" "$repo" "$root/root/preview-tunnel"

mount_in /proc -t proc proc
mount_in /sys -t sysfs sysfs
mount_in /dev --bind /dev
mount_in /dev/pts --bind /dev/pts
mount_in /dev/shm -t tmpfs -o mode=1777 shm
mount_in /tmp -t tmpfs -o mode=1777 tmp

echo "== in the chroot: which tools are there"
chroot "$root" /bin/sh -c 'for t in node npm git ssh sshd chromium chromium-browser google-chrome cc; do printf "%s: %s\n" "$t" "$(command -v $t || echo -)"; done'

echo "== in the chroot: npm ci && npm test (log: $log)"
status=0
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
  NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  npm_config_cafile=/etc/ssl/certs/ca-certificates.crt \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
  /bin/bash -c 'cd /root/preview-tunnel && npm ci && npm test' >"$log" 2>&1 || status=$?

# vitest's summary and the suite's closing line about skipped tests, without colours.
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +(Test Files|Tests) |^Skipped |^npm (error|ERR)' || true
echo "== exit status $status"
exit "$status"
