#!/usr/bin/env bash
# The README's first command: install, build, and run the demo — the Next.js app that hosts its own
# auth server on the embedded database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

PORT="${PORT:-3000}"
pnpm install --frozen-lockfile
pnpm exec turbo run build --filter=@orbital/demo-nextjs... --output-logs=errors-only

# The publishable key names the auth server's URL, so it follows the port.
export NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY="$(node -e "process.stdout.write('pk_test_' + Buffer.from('http://localhost:$PORT/api/auth\$').toString('base64url'))")"
export ORBITAL_DATA_DIR="$ORBITAL_ROOT/.orbital/demo/data"
echo
echo "  Orbital demo: http://localhost:$PORT  (sign up at http://localhost:$PORT/sign-up)"
echo "  Auth server:  http://localhost:$PORT/api/auth   embedded database: .orbital/demo/data"
echo
cd apps/nextjs
exec pnpm exec next start -p "$PORT"
