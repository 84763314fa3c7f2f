#!/usr/bin/env bash
# The README's first command: install, build, and run the demo on the embedded database — the
# Next.js primary (which hosts the auth server) on localhost, and a satellite of it on 127.0.0.1
# (a different site for the browser, so no name mapping is needed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

PORT="${PORT:-3000}"
SATELLITE_PORT="${SATELLITE_PORT:-3001}"
pnpm install --frozen-lockfile
pnpm exec turbo run build --filter=@orbital/demo-nextjs... --output-logs=errors-only

PRIMARY="http://localhost:$PORT"
SATELLITE="http://127.0.0.1:$SATELLITE_PORT"
# The publishable key names the auth server's URL, so it follows the port.
export NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY="$(node -e "process.stdout.write('pk_test_' + Buffer.from('$PRIMARY/api/auth\$').toString('base64url'))")"
export ORBITAL_AUTH_SERVER_INTERNAL_URL="http://127.0.0.1:$PORT/api/auth"

cd apps/nextjs
ORBITAL_DATA_DIR="$ORBITAL_ROOT/.orbital/demo/data" ORBITAL_ALLOWED_REDIRECT_ORIGINS="$SATELLITE" \
  pnpm exec next start -p "$PORT" &
primary=$!
NEXT_PUBLIC_ORBITAL_IS_SATELLITE=true NEXT_PUBLIC_ORBITAL_PROXY_URL=/api/auth \
  pnpm exec next start -p "$SATELLITE_PORT" &
satellite=$!
trap 'kill $primary $satellite 2>/dev/null' EXIT INT TERM

sleep 2
echo
echo "  Orbital demo"
echo "    primary:   $PRIMARY   (sign up at $PRIMARY/sign-up; the auth server lives at /api/auth)"
echo "    satellite: $SATELLITE   (a different site; \"Sign in\" there syncs with the primary)"
echo "  Embedded database: .orbital/demo/data. Ctrl-C stops both."
echo
wait -n $primary $satellite
