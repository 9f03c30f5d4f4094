#!/usr/bin/env bash
# Takes a screenshot of every screen of the app with the demo plan open, at a projector's
# 1024×768 and a laptop's 1366×768, into screenshots/<size>/, and of every screen of the
# raters' phone page at 360×740 and 414×896 into screenshots/phone/ (through its end-to-end
# test against `stepwise room serve`), and of the room hosted by the app (the facilitator's
# room panel, the projector's QR code, personal codes) into screenshots/room/ at 1024×768 and
# 1366×768 (through its end-to-end test). Builds the UI, the app and the CLI first.
# Fails if a screen shows a word broken across lines or a field too small for its text (the
# list is in screenshots/<size>/layout.txt).
# Usage: scripts/screenshots.sh [out-dir]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/screenshots}"
(cd "$repo/ui" && npm run build --silent)
cargo build --quiet -p stepwise-app -p stepwise --manifest-path "$repo/Cargo.toml"
status=0
for size in 1024x768 1366x768; do
  (cd "$repo/e2e" && xvfb-run -a -s "-screen 0 ${size}x24" node tools/screenshots.mjs "$out/$size") || status=1
done
(cd "$repo/e2e" && STEPWISE_E2E_SCREENSHOTS="$out/phone" node --test --test-reporter=spec tests/phone.test.mjs) || status=1
(cd "$repo/e2e" && STEPWISE_E2E_SCREENSHOTS="$out/room" xvfb-run -a -s "-screen 0 1366x768x24" node --test --test-reporter=spec tests/room.test.mjs) || status=1
exit "$status"
