#!/bin/sh
# install-deps.sh — installs the Debian packages tarikh needs to build and
# test, only those missing; safe to run again. Needs root (or sudo).
set -e
PKGS="gcc make pkg-config libc6-dev libutf8proc-dev libcjson-dev libcmocka-dev zlib1g-dev libzstd-dev gzip zstd python3 wordnet-base festlex-poslex"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
