#!/usr/bin/env bash
# Builds the release app and its Debian package with the Tauri bundler:
#   target/release/stepwise-app
#   target/release/bundle/deb/Stepwise_<version>_amd64.deb
# Install it with `sudo dpkg -i target/release/bundle/deb/Stepwise_*.deb` (then run `stepwise-app`).
# Usage: scripts/release.sh            (needs what scripts/setup.sh installs)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
"$repo/scripts/setup.sh"
cd "$repo/ui"
npm install --no-save --no-audit --no-fund
npm run tauri -- build --bundles deb
ls -l "$repo"/target/release/bundle/deb/*.deb
