#!/usr/bin/env bash
# The README's second command: install everything (Node 24, packages, Chromium) and run every test,
# browser tests included. .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"
export TURBO_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ]; then
  echo "orbital: installing Chromium for the browser tests (Debian package)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

pnpm install --frozen-lockfile
pnpm exec turbo run build typecheck lint test --concurrency=2
