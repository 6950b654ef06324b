#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing, for RunPageTest, which renders a
# run's index.html headless and checks the screenshot (the test is skipped without it).
# Idempotent and quiet: does nothing when chromium is there; apt-get needs root.
set -euo pipefail
[[ -x /usr/bin/chromium ]] && exit 0
echo "install-chromium: installing Debian's chromium (for RunPageTest)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
