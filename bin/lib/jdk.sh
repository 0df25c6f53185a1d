# shellcheck shell=bash disable=SC2034  # COFFER_JAVA_HOME and COFFER_JAVA_VERSION are outputs.
# Finds a JDK 21 or newer. Sourced by bin/coffer and .ci/run, so both pick a JDK the same way.
#
#   coffer_find_jdk path-first    JAVA_HOME, then `java` on the PATH, then the newest installed JDK
#   coffer_find_jdk newest-first  JAVA_HOME, then the newest installed JDK, then `java` on the PATH
#
# On success sets COFFER_JAVA_HOME and COFFER_JAVA_VERSION; fails (status 1) when there is none.
# Installed JDKs are looked for under COFFER_JDK_ROOTS (colon-separated; default /usr/lib/jvm and
# macOS's /Library/Java/JavaVirtualMachines). A JDK's version is read from its `release` file with
# shell builtins: bin/coffer runs this on every start, so it starts no JVM and few processes.

COFFER_MIN_JAVA=21

# Sets COFFER_JDK_VERSION to the version of the JDK at $1 (e.g. 25.0.3); fails if it is not a JDK.
coffer_jdk_version() {
  local home=$1 line
  COFFER_JDK_VERSION=''
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -r "$home/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*)
          line=${line#JAVA_VERSION=}
          COFFER_JDK_VERSION=${line//\"/}
          break
          ;;
      esac
    done <"$home/release"
  fi
  if [ -z "$COFFER_JDK_VERSION" ]; then
    line=$("$home/bin/java" -version 2>&1) || return 1
    line=${line#*version \"}
    COFFER_JDK_VERSION=${line%%\"*}
  fi
  [ -n "$COFFER_JDK_VERSION" ]
}

# Succeeds if the JDK at $1 is at least COFFER_MIN_JAVA; sets COFFER_JDK_VERSION.
coffer_jdk_ok() {
  local feature
  coffer_jdk_version "$1" || return 1
  feature=${COFFER_JDK_VERSION%%[.+-]*}
  [[ $feature =~ ^[0-9]+$ ]] && [ "$feature" -ge "$COFFER_MIN_JAVA" ]
}

# Succeeds if version $1 is newer than version $2 (numeric, component by component).
coffer_version_newer() {
  local IFS=.+- i a=() b=()
  read -r -a a <<<"$1"
  read -r -a b <<<"$2"
  for ((i = 0; i < ${#a[@]} || i < ${#b[@]}; i++)); do
    local x=${a[i]:-0} y=${b[i]:-0}
    [[ $x =~ ^[0-9]+$ ]] || x=0
    [[ $y =~ ^[0-9]+$ ]] || y=0
    ((10#$x > 10#$y)) && return 0
    ((10#$x < 10#$y)) && return 1
  done
  return 1
}

# Sets COFFER_JAVA_HOME to the home of the `java` on the PATH, if it qualifies.
coffer_path_jdk() {
  local java
  java=$(command -v java 2>/dev/null) || return 1
  java=$(readlink -f "$java") || return 1
  coffer_jdk_ok "${java%/bin/java}" || return 1
  COFFER_JAVA_HOME=${java%/bin/java}
  COFFER_JAVA_VERSION=$COFFER_JDK_VERSION
}

# Sets COFFER_JAVA_HOME to the newest qualifying JDK under the install roots.
coffer_newest_jdk() {
  local root dir best='' best_version='' roots=()
  IFS=: read -r -a roots <<<"${COFFER_JDK_ROOTS:-/usr/lib/jvm:/Library/Java/JavaVirtualMachines}"
  for root in "${roots[@]}"; do
    for dir in "$root"/*/ "$root"/*/Contents/Home/; do
      dir=${dir%/}
      coffer_jdk_ok "$dir" || continue
      if [ -z "$best" ] || coffer_version_newer "$COFFER_JDK_VERSION" "$best_version"; then
        best=$dir
        best_version=$COFFER_JDK_VERSION
      fi
    done
  done
  [ -n "$best" ] || return 1
  COFFER_JAVA_HOME=$best
  COFFER_JAVA_VERSION=$best_version
}

coffer_find_jdk() {
  local order=${1:-path-first}
  COFFER_JAVA_HOME=''
  COFFER_JAVA_VERSION=''
  if [ -n "${JAVA_HOME:-}" ] && coffer_jdk_ok "$JAVA_HOME"; then
    COFFER_JAVA_HOME=$JAVA_HOME
    COFFER_JAVA_VERSION=$COFFER_JDK_VERSION
    return 0
  fi
  if [ "$order" = path-first ]; then
    coffer_path_jdk || coffer_newest_jdk
  else
    coffer_newest_jdk || coffer_path_jdk
  fi
}

coffer_no_jdk_message() {
  printf '%s\n' "no JDK ${COFFER_MIN_JAVA} or newer found: set JAVA_HOME to one, put its java on the PATH, or install one under /usr/lib/jvm${JAVA_HOME:+ (JAVA_HOME=$JAVA_HOME is not one)}"
}
