#!/usr/bin/env bash
# The README's first command: install, build, and run the demo on the embedded database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"
export TURBO_TELEMETRY_DISABLED=1

pnpm install --frozen-lockfile
pnpm exec turbo run build --filter=@orbital/server... --output-logs=errors-only
exec node packages/server/dist/cli.js --data-dir .orbital/demo/data --port "${PORT:-4000}"
