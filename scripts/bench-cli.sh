#!/usr/bin/env bash
# Times the release binary as a whole process with hyperfine and reports peak memory with
# /usr/bin/time -v. Needs Debian's `hyperfine` and `time` packages (installed when missing).
# Usage: scripts/bench-cli.sh            (results in target/bench-cli/)
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet --bin canvas-coach --example generate-canvases
bin=target/release/canvas-coach
out=target/bench-cli
data="$out/data"
mkdir -p "$out"
# Deterministic data, made once: folders of 1,000 and 10,000 ordinary canvases, and large single
# canvases.
[ -d "$data/cohort" ] || target/release/examples/generate-canvases 60 1000 "$data/cohort"
[ -d "$data/cohort-10k" ] || target/release/examples/generate-canvases 60 10000 "$data/cohort-10k"
[ -d "$data/10k" ] || target/release/examples/generate-canvases 10000 1 "$data/10k"
[ -d "$data/20k" ] || target/release/examples/generate-canvases 20000 1 "$data/20k"
big10k=$(ls "$data"/10k/*.toml)
big20k=$(ls "$data"/20k/*.toml)
largest=examples/brew-box.toml

hyperfine --warmup 3 --ignore-failure --export-markdown "$out/times.md" \
  -n "print --help" "$bin --help" \
  -n "interview start-up (bank parsed; stops at the terminal check)" "$bin interview $out/new.toml" \
  -n "check one canvas" "$bin check $largest" \
  -n "check 1,000 canvases" "$bin check $data/cohort" \
  -n "check 10,000 canvases, JSON lines" "$bin check $data/cohort-10k --format jsonl" \
  -n "check a 10,000-item canvas" "$bin check $big10k" \
  -n "check a 20,000-item canvas" "$bin check $big20k" \
  -n "render html, 10,000 items" "$bin render $big10k --format html -o $out/10k.html" \
  -n "render svg, 10,000 items" "$bin render $big10k --format svg -o $out/10k.svg"

{
  echo
  echo "| command | peak memory |"
  echo "| --- | --- |"
  # The cohort's memory stays flat: 1,000 and 10,000 canvases should need about the same.
  for args in "check $largest" "check $data/cohort" "check $data/cohort-10k" "check $data/cohort-10k --format jsonl" "check $big10k" "check $big20k" "render $big10k --format html -o $out/10k.html"; do
    # `check` exits 1 when it finds gaps; only the memory figure matters here.
    kb=$( (/usr/bin/time -v $bin $args 2>&1 >/dev/null || true) | awk -F': ' '/Maximum resident/ {print $2}')
    echo "| $args | $((kb / 1024)) MiB |"
  done
  echo
  echo "Release binary: $(( $(stat -c %s "$bin") / 1024 )) KiB"
} | tee -a "$out/times.md"
cat "$out/times.md"
