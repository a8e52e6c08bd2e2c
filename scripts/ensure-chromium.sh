#!/usr/bin/env bash
# Make sure headless Chromium is installed for the browser tests (tests/test_browser_viz.py).
#
# Installs Debian's `chromium` package with apt-get when /usr/bin/chromium is missing, says
# what it did, and exits 0 when chromium is available afterwards (1 when it is not), so that
# `make test` on a fresh machine runs the browser tests instead of skipping them.
set -u

CHROMIUM="${KG_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: found $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure-chromium: $CHROMIUM is missing and this user cannot run apt-get (not root, no sudo)" >&2
        exit 1
    fi
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "ensure-chromium: apt-get update failed; trying the install anyway" >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null \
    || echo "ensure-chromium: apt-get install chromium failed" >&2

if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi
echo "ensure-chromium: chromium is still not available at $CHROMIUM" >&2
exit 1
