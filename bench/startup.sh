#!/usr/bin/env bash
# Whole-process start-up of `coffer`, measured with hyperfine: the plain JVM against what bin/coffer
# adds (C1 + serial GC for short-lived commands, the JDK's AOT cache).
#
#   bench/startup.sh [RUNS]        (default 40 runs per variant; needs hyperfine)
#
# Results go to bench/target/startup.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/lib/jdk.sh
runs=${1:-40}
command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 69; }
coffer_find_jdk path-first || { echo "startup.sh: $(coffer_no_jdk_message)" >&2; exit 69; }
java="$COFFER_JAVA_HOME/bin/java"
jar=cli/target/coffer.jar

# Build if needed and let bin/coffer make its AOT cache before measuring: a cache older than the
# jar is one bin/coffer no longer uses, so wait for one made from this jar.
bin/coffer --version >/dev/null
for _ in $(seq 1 60); do
  [ -n "$(find cli/target/aot -name 'coffer-*-client.aot' -newer cli/target/coffer.jar 2>/dev/null)" ] && break
  sleep 1
done

mkdir -p bench/target
hyperfine -N -w 5 -r "$runs" --export-markdown bench/target/startup.md \
  -n "java -cp coffer.jar --version (no tuning)" "$java -cp $jar io.coffer.cli.Main --version" \
  -n "bin/coffer --version, COFFER_AOT=0" "env COFFER_AOT=0 bin/coffer --version" \
  -n "bin/coffer --version" "bin/coffer --version" \
  -n "bin/coffer --help" "bin/coffer --help" \
  -n "bin/coffer version --json" "bin/coffer version --json"
echo
cat bench/target/startup.md
