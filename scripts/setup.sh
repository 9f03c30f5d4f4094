#!/usr/bin/env bash
# Installs what building, running and testing Stepwise needs on a fresh Debian machine.
# Idempotent: it installs only what is missing, so it is cheap to call before every run.
set -euo pipefail

APT_PACKAGES=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libxdo-dev libssl-dev build-essential pkg-config file
  # running the app headless and driving it over WebDriver
  xvfb xauth webkit2gtk-driver imagemagick dbus-daemon
  # reading the exports back
  poppler-utils qpdf
  # opening the XLSX export as a spreadsheet program would (tests and the export benchmark),
  # and the DOCX as a word processor would (Writer prints it for the tests);
  # Carlito has Calibri's metrics, so rows sized for Excel fit in LibreOffice too
  libreoffice-calc-nogui libreoffice-writer-nogui fonts-crosextra-carlito
  # the PDF's run-time fallback faces: CJK, and emoji/symbols (also the .deb's depends)
  fonts-noto-cjk fonts-symbola
  # the phones of the room: real browsers on the rater's page (playwright-core drives it);
  # curl is the room's plain HTTP client in the tests
  chromium curl
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
