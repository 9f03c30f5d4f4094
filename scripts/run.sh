#!/usr/bin/env bash
# Builds and starts the Stepwise desktop app on a fresh machine of this kind, installing what it
# needs. Arguments are passed to the app, e.g. `scripts/run.sh --db /path/to/plans.db`.
# On first launch of a database the demo plan is created.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

command -v cargo >/dev/null || { echo "run.sh: Rust is required (https://rustup.rs)" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: Node.js 20.19 or newer is required" >&2; exit 1; }

scripts/setup.sh

echo "==> building the UI"
# Install the UI's packages when they are missing or the lock file changed since.
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  # (not `npm ci`: see npm_install in scripts/test.sh)
  (cd ui && npm install --no-save --no-audit --no-fund --loglevel=error)
fi
npm --prefix ui run build --silent

echo "==> building the app (the first build takes several minutes)"
cargo build -p stepwise-app

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display found; to run without one: xvfb-run scripts/run.sh" >&2
  exit 1
fi
echo "==> starting Stepwise"
exec "$TARGET_DIR/debug/stepwise-app" "$@"
