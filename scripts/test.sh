#!/usr/bin/env bash
# Runs every test of Stepwise on a fresh machine of this kind, installing what it needs:
# system packages, npm packages and tauri-driver. Fast checks run first so a mistake shows
# in seconds, not after a build. Exits non-zero at the first failing phase.
#
#   scripts/test.sh
#
# Environment: CARGO_TARGET_DIR is honoured; STEPWISE_E2E_SCREENSHOT=FILE saves a screenshot
# of the Home screen taken during the end-to-end run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

START=$SECONDS
TIMINGS=()
CURRENT=""

finish() {
  local status=$?
  echo
  echo "==> phase timings"
  for t in "${TIMINGS[@]}"; do echo "    $t"; done
  local total=$((SECONDS - START))
  if [ "$status" -eq 0 ]; then
    echo "test.sh: PASSED — all ${#TIMINGS[@]} phases in $((total / 60))m$((total % 60))s"
  else
    echo "test.sh: FAILED in phase '$CURRENT' (exit $status) after $((total / 60))m$((total % 60))s"
  fi
}
trap finish EXIT

# phase NAME COMMAND... — runs one step, timed; `set -e` stops the script when it fails.
phase() {
  CURRENT=$1
  shift
  echo
  echo "==> $CURRENT"
  local t0=$SECONDS
  "$@"
  TIMINGS+=("$(printf '%-22s %5ss' "$CURRENT" $((SECONDS - t0)))")
}

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "test.sh: '$1' is required but not installed: $2" >&2; exit 1; }
}

toolchain() {
  need cargo "install Rust (https://rustup.rs)"
  need node "install Node.js 20.19 or newer"
  need npm "install Node.js 20.19 or newer (npm comes with it)"
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    need rustup "rustfmt and clippy are missing and there is no rustup to add them"
    rustup component add rustfmt clippy
  fi
}

# `npm install` from the lock file, not `npm ci`: the registry this runs against serves only this
# platform's optional packages (rollup, esbuild, the tauri CLI), so a lock file made here lacks the
# others and `npm ci` refuses it. --no-save keeps the committed lock file untouched.
npm_install() { (cd "$1" && npm install --no-save --no-audit --no-fund --loglevel=error); }

tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    cargo install tauri-driver --locked
  fi
  need WebKitWebDriver "install webkit2gtk-driver (scripts/setup.sh does)"
  need xvfb-run "install xvfb (scripts/setup.sh does)"
}

# At a projector's 1024×768, in a private D-Bus session so the single-instance handover is real.
e2e() {
  need dbus-run-session "install dbus-daemon (scripts/setup.sh does)"
  STEPWISE_APP="$TARGET_DIR/debug/stepwise-app" dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1024x768x24" npm --prefix e2e test
}

phase "setup (apt packages)" scripts/setup.sh
phase "toolchain" toolchain
phase "ui: npm install" npm_install ui
phase "ui: type check" npm --prefix ui run check
phase "ui: unit tests" bash -c 'cd ui && npx vitest run'
phase "ui: build" npm --prefix ui run build
phase "cargo fmt --check" cargo fmt --all -- --check
phase "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
phase "cargo test" cargo test --workspace
phase "build app (debug)" cargo build -p stepwise-app
phase "tauri-driver" tauri_driver
phase "e2e: npm install" npm_install e2e
phase "e2e: real app" e2e
