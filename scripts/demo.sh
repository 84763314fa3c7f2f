#!/usr/bin/env bash
# The README's first command: install, build, and run the demo on the embedded database — the
# Next.js primary (which hosts the auth server) on localhost, and three satellites of it: Next.js on
# 127.0.0.1, TanStack Start on 127.0.0.2 and Nuxt on 127.0.0.3 (different sites for the browser,
# so no name mapping is needed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

PORT="${PORT:-3000}"
SATELLITE_PORT="${SATELLITE_PORT:-3001}"
TANSTACK_PORT="${TANSTACK_PORT:-3002}"
NUXT_PORT="${NUXT_PORT:-3003}"
pnpm install --frozen-lockfile
pnpm exec turbo run build --filter=@orbital/demo-nextjs... --filter=@orbital/demo-tanstack-start... --filter=@orbital/demo-nuxt... --output-logs=errors-only

PRIMARY="http://localhost:$PORT"
SATELLITE="http://127.0.0.1:$SATELLITE_PORT"
TANSTACK="http://127.0.0.2:$TANSTACK_PORT"
NUXT="http://127.0.0.3:$NUXT_PORT"
# The publishable key names the auth server's URL, so it follows the port.
KEY="$(node -e "process.stdout.write('pk_test_' + Buffer.from('$PRIMARY/api/auth\$').toString('base64url'))")"
export NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY="$KEY" VITE_ORBITAL_PUBLISHABLE_KEY="$KEY" NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY="$KEY"
export ORBITAL_AUTH_SERVER_INTERNAL_URL="http://127.0.0.1:$PORT/api/auth"

(cd apps/nextjs && ORBITAL_DATA_DIR="$ORBITAL_ROOT/.orbital/demo/data" ORBITAL_ALLOWED_REDIRECT_ORIGINS="$SATELLITE,$TANSTACK,$NUXT" \
  exec pnpm exec next start -p "$PORT") &
primary=$!
(cd apps/nextjs && NEXT_PUBLIC_ORBITAL_IS_SATELLITE=true NEXT_PUBLIC_ORBITAL_PROXY_URL=/api/auth \
  exec pnpm exec next start -p "$SATELLITE_PORT") &
satellite=$!
(cd apps/tanstack-start && VITE_ORBITAL_IS_SATELLITE=true VITE_ORBITAL_PROXY_URL=/api/auth HOST=127.0.0.2 PORT="$TANSTACK_PORT" \
  exec node server.mjs) &
tanstack=$!
(cd apps/nuxt && NUXT_PUBLIC_ORBITAL_IS_SATELLITE=true NUXT_PUBLIC_ORBITAL_PROXY_URL=/api/auth HOST=127.0.0.3 PORT="$NUXT_PORT" \
  exec node --env-file-if-exists=.env .output/server/index.mjs) &
nuxt=$!
trap 'kill $primary $satellite $tanstack $nuxt 2>/dev/null' EXIT INT TERM

sleep 2
echo
echo "  Orbital demo"
echo "    primary:   $PRIMARY   (sign up at $PRIMARY/sign-up; the auth server lives at /api/auth)"
echo "    satellite: $SATELLITE   (Next.js, a different site; \"Sign in\" there syncs with the primary)"
echo "    satellite: $TANSTACK   (TanStack Start, another site)"
echo "    satellite: $NUXT   (Nuxt, another site)"
echo "  Embedded database: .orbital/demo/data. Ctrl-C stops them all."
echo
wait -n $primary $satellite $tanstack $nuxt
