#!/bin/sh
# deps.sh - installs the Debian packages riskcast needs to build, test and draw.
# As root it runs apt-get; otherwise through sudo when there is one, else it
# prints the exact command to run.
PKGS="build-essential pkg-config libyaml-dev libgsl-dev libjansson-dev libxml2-dev \
gnuplot-nox fonts-noto-cjk python3"
[ -n "$RISKCAST_DEPS_EXTRA" ] && PKGS="$PKGS $RISKCAST_DEPS_EXTRA"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "deps: everything needed is installed"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
        echo "deps: apt-get failed" >&2; exit 1; }
elif command -v sudo >/dev/null 2>&1; then
    echo "deps: installing$missing (with sudo)"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends $missing >/dev/null || { echo "deps: apt-get failed" >&2; exit 1; }
else
    echo "deps: missing:$missing"
    echo "run:  sudo apt-get install -y$missing"
    exit 1
fi
