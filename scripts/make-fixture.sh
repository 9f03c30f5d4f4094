#!/usr/bin/env bash
# Writes the fixture of the data version this build writes, for the upgrade tests of every
# later version (tests/core/upgrade.rs): tests/fixtures/vN/stepwise-vN.db holds the demo plan
# with one more assessment still blind (two raters, a score each) and an empty plan;
# demo-vN.stepwise.json is the demo's plan file. Run it once when a step adds a data version,
# then add the version to VERSIONS in tests/core/upgrade.rs. It refuses to overwrite a fixture:
# a released version's files never change.
# Usage: scripts/make-fixture.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
version=$(sed -n 's/^pub const DATA_VERSION: i64 = \([0-9]*\);/\1/p' src/upgrade/mod.rs)
out="tests/fixtures/v$version"
if [ -e "$out" ]; then
  echo "$out exists; a fixture is written once" >&2
  exit 1
fi
cargo build -q -p stepwise --bin stepwise
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/stepwise-v$version.db"
sw() { target/debug/stepwise --db "$db" "$@"; }

plan=$(sw demo | tail -1)
sw create "Empty plan" >/dev/null
assessment=$(sw assess create "$plan" "Spring review — April 2027" --date 2027-04-14 | tail -1)
first=$(sw assess rater "$plan" "$assessment" "Nadia Okafor" --role "Teaching & Learning" | tail -1)
second=$(sw assess rater "$plan" "$assessment" "Jonah Whitfield" --role "Career & Co-op" | tail -1)
sw assess score "$plan" "$assessment" "$first" cohort-size 2 >/dev/null
sw assess score "$plan" "$assessment" "$second" cohort-size 3 >/dev/null

mkdir -p "$out"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$repo/$out/stepwise-v$version.db'" >/dev/null
sw export "$plan" --format json --out "$out/demo-v$version.stepwise.json" >/dev/null
ls -l "$out"
