# Sourced by ./stack, .ci/run and bench/buy/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# JAVA_HOME wins when it is one; otherwise the newest JDK under /usr/lib/jvm (Debian, Ubuntu) or on the PATH.

java_major() { # prints the feature version of the JDK in $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] && [ -f "$release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_java_home() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -d "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if JAVA_HOME_FOUND=$(find_java_home); then
  export JAVA_HOME="$JAVA_HOME_FOUND"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "No JDK 21 or newer found: install one (for example Temurin 21 or 25) and set JAVA_HOME." >&2
  exit 1
fi
