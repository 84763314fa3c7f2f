#!/usr/bin/env bash
# Fails when a published package changed and no pending changeset says how it should be released.
# On a branch: everything since it left main. On main (CI's clean clone): the last commit. A
# "version packages" commit (only CHANGELOGs, package.json versions and consumed changesets) is
# the release itself and passes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORBITAL_ROOT"

head=$(git rev-parse HEAD)
base=$(git merge-base HEAD origin/main 2>/dev/null || true)
if [ -z "$base" ] || [ "$base" = "$head" ]; then
  base=$(git rev-parse --verify --quiet HEAD~1 || true)
fi
if [ -z "$base" ]; then
  echo "changesets: no earlier commit to compare with"
  exit 0
fi
if ! git diff --name-only "$base" HEAD | grep -qvE '(^|/)CHANGELOG\.md$|(^|/)package\.json$|^\.changeset/'; then
  echo "changesets: only release files changed since ${base:0:8}"
  exit 0
fi
pnpm exec changeset status --since="$base"
