#!/usr/bin/env bash
# Start-up overhead of `coffer run`: the time until a confidential program
# starts, minus the time until the same program starts when run directly.
#
#   bench/run-startup.sh [RUNS]        (default 20 runs per variant)
#
# In a fresh temporary directory it starts a CAS in simulation (`coffer cas serve`), pins it, seals a
# 10 MB tree (20 random files of 512 KiB, fixed seed) with `coffer fs seal`, and creates a policy
# whose service has that tree as its protected image (`fs_shield`) and whose command writes the
# instant it starts (`date +%s%N`). Then, RUNS times each:
#   (a) direct: /bin/sh -c 'date +%s%N > MARKER'
#   (b) coffer: bin/coffer run --cas ... --fs SEALED --work W --measure DIR --quiet --
# Each sample is from the instant just before the launch to the instant the program wrote; the
# whole wall time of `coffer run` (until it exits, after emptying the work directory) is reported
# too. The two variants alternate, so that load from elsewhere affects both alike.
#
# Environment: JAVA_HOME (as for bin/coffer), COFFER_JAVA_OPTS (passed to every coffer command),
# COFFER_AOT (likewise). Results go to bench/target/run-startup.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
. bin/lib/jdk.sh
coffer_find_jdk path-first || { echo "run-startup.sh: $(coffer_no_jdk_message)" >&2; exit 69; }
runs=${1:-20}
case "$runs" in '' | *[!0-9]*) echo "run-startup.sh: RUNS must be a number" >&2; exit 2 ;; esac
coffer="$root/bin/coffer"
out="$root/bench/target/run-startup.md"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/coffer-run-startup.XXXXXX")
cas_pid=''
cleanup() {
  if [ -n "$cas_pid" ]; then
    kill "$cas_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$cas_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$cas_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export COFFER_HOME="$tmp/home"

# Build if needed and let bin/coffer make its AOT cache (client profile) before measuring: a cache
# older than the jar is not used, so wait for one newer than it.
"$coffer" --version >/dev/null
if [ "${COFFER_AOT:-1}" != 0 ]; then
  for _ in $(seq 1 120); do
    [ -n "$(find cli/target/aot -name 'coffer-*-client.aot' -newer cli/target/coffer.jar 2>/dev/null)" ] && break
    sleep 1
  done
fi

echo "run-startup: starting a CAS in $tmp" >&2
mkdir -p "$tmp/cas-code"
echo "the CAS's code" >"$tmp/cas-code/coffer-cas.jar"
"$coffer" cas serve --data "$tmp/cas" --tee simulation --listen 127.0.0.1:0 \
  --measure "$tmp/cas-code" >"$tmp/cas.out" 2>"$tmp/cas.err" </dev/null &
cas_pid=$!
url=''
for _ in $(seq 1 120); do
  url=$(sed -n 's/^CAS serving at \(https:[^ ]*\).*/\1/p' "$tmp/cas.out" 2>/dev/null || true)
  [ -n "$url" ] && break
  kill -0 "$cas_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$url" ]; then
  echo "run-startup: the CAS did not start; its stderr:" >&2
  tail -n 20 "$tmp/cas.err" >&2
  exit 1
fi
"$coffer" cas attest --url "$url" --name bench --tolerate simulation >/dev/null
"$coffer" identity create --out "$tmp/owner" --name owner >/dev/null

echo "run-startup: sealing a 10 MB tree" >&2
mkdir -p "$tmp/src/lib"
# 20 files of 512 KiB from a fixed seed: the same tree (and tag) every time, given the same key.
python3 - "$tmp/src/lib" <<'EOF'
import random, sys
rng = random.Random(8)
for i in range(20):
    with open(f"{sys.argv[1]}/part-{i:02d}.bin", "wb") as f:
        f.write(rng.randbytes(512 * 1024))
EOF
tag=$("$coffer" fs seal "$tmp/src" "$tmp/sealed" --key-out "$tmp/image.key")
key=$(cat "$tmp/image.key")

mkdir -p "$tmp/app"
echo "the program's code" >"$tmp/app/program"
measurement=$("$coffer" attest measure "$tmp/app")
marker="$tmp/started"
work="$tmp/work"
cat >"$tmp/policy.yaml" <<EOF
name: bench/startup
version: 1
services:
  - name: app
    identity:
      - simulation:
          measurement: $measurement
    command: [/bin/sh, -c, 'date +%s%N > $marker']
    fs_shield:
      key: image-key
      tag: $tag
secrets:
  - name: image-key
    kind: binary
    value: $key
security:
  tolerate: [simulation]
EOF
"$coffer" policy create --cas bench --identity "$tmp/owner" "$tmp/policy.yaml" >/dev/null

direct=(/bin/sh -c "date +%s%N > $marker")
run=("$coffer" run --cas bench --policy bench/startup --service app --fs "$tmp/sealed"
  --work "$work" --measure "$tmp/app" --quiet --)

# One sample: prints "START_MS WALL_MS" (milliseconds, 3 decimals).
sample() {
  rm -f "$marker"
  local t0 t1 t2
  t0=$(date +%s%N)
  "$@" >/dev/null 2>"$tmp/sample.err" || {
    echo "run-startup: $1 failed:" >&2
    cat "$tmp/sample.err" >&2
    exit 1
  }
  t2=$(date +%s%N)
  t1=$(cat "$marker")
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.3f %.3f\n", (b - a) / 1e6, (c - a) / 1e6 }'
}

echo "run-startup: warming up" >&2
for _ in 1 2 3; do
  sample "${direct[@]}" >/dev/null
  sample "${run[@]}" >/dev/null
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "run-startup: $runs runs each (load $load_before)" >&2
: >"$tmp/direct.txt"
: >"$tmp/run.txt"
for _ in $(seq 1 "$runs"); do
  sample "${direct[@]}" >>"$tmp/direct.txt"
  sample "${run[@]}" >>"$tmp/run.txt"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# p50, p90 (nearest rank), min, max of column $2 of file $1.
stats() {
  cut -d' ' -f"$2" "$1" | sort -n | awk '
    { v[NR] = $1 }
    END {
      p50 = v[int((NR * 50 + 99) / 100)]; p90 = v[int((NR * 90 + 99) / 100)]
      printf "%.1f %.1f %.1f %.1f\n", p50, p90, v[1], v[NR]
    }'
}
read -r d50 d90 dmin dmax < <(stats "$tmp/direct.txt" 1)
read -r r50 r90 rmin rmax < <(stats "$tmp/run.txt" 1)
read -r w50 w90 wmin wmax < <(stats "$tmp/run.txt" 2)
read -r dw50 dw90 dwmin dwmax < <(stats "$tmp/direct.txt" 2)

mkdir -p bench/target
{
  echo "# \`coffer run\` start-up, $runs runs each"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $load_before before, $load_after after;"
  echo "$("$COFFER_JAVA_HOME/bin/java" -version 2>&1 | head -n 1 || true)"
  echo "COFFER_JAVA_OPTS='${COFFER_JAVA_OPTS:-}' COFFER_AOT=${COFFER_AOT:-1}; tree: 20 x 512 KiB, tag ${tag:0:12}..."
  echo
  echo "| ms | p50 | p90 | min | max |"
  echo "|---|---:|---:|---:|---:|"
  echo "| (a) direct: launch to program start | $d50 | $d90 | $dmin | $dmax |"
  echo "| (b) \`coffer run\`: launch to program start | $r50 | $r90 | $rmin | $rmax |"
  echo "| **overhead (b) - (a)** | **$(awk -v x="$r50" -v y="$d50" 'BEGIN{printf "%.1f", x-y}')** | **$(awk -v x="$r90" -v y="$d90" 'BEGIN{printf "%.1f", x-y}')** | | |"
  echo "| (a) direct: whole wall time | $dw50 | $dw90 | $dwmin | $dwmax |"
  echo "| (b) \`coffer run\`: whole wall time | $w50 | $w90 | $wmin | $wmax |"
  echo "| overhead, whole wall time | $(awk -v x="$w50" -v y="$dw50" 'BEGIN{printf "%.1f", x-y}') | $(awk -v x="$w90" -v y="$dw90" 'BEGIN{printf "%.1f", x-y}') | | |"
} >"$out"
echo
cat "$out"
