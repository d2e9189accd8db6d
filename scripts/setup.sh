#!/usr/bin/env bash
# Sets up a fresh machine for the tests: Debian's Chromium for the browser tests (Playwright's own browser
# download is not used) and the exact npm dependencies from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
