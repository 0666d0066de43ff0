# Sourced by ./mvnw, ./stack and bench/buy/run: exports JAVA_HOME pointing at a JDK 21 or newer, and puts its bin
# first on the PATH. Plain POSIX sh, because ./mvnw runs under /bin/sh.
#
# Order: JAVA_HOME when it is a JDK 21+; else the JDK of the first javac on the PATH when it is one (what Maven
# would use anyway); else the newest JDK 21+ among every javac on the PATH, /usr/lib/jvm (Debian, Ubuntu,
# Fedora), SDKMAN, ~/.jdks (IntelliJ), /Library/Java/JavaVirtualMachines and macOS's java_home. In that last
# case it says on stderr, in one line, which JDK it chose and why. Without any JDK 21+ it says how to install
# one and exits.

java_major() { # prints the feature version of the JDK in $1, or nothing when $1 is not a JDK
  [ -n "$1" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

jdk_of_javac() { # prints the JDK folder of the javac at $1 (following links)
  dirname "$(dirname "$(readlink -f "$1" 2>/dev/null || echo "$1")")"
}

java_home_best="" java_home_best_major=0
java_home_consider() { # remembers $1 when it is a JDK 21+ newer than the best so far
  [ -d "$1" ] || return 0
  java_home_major_of_1=$(java_major "$1")
  if [ -n "$java_home_major_of_1" ] && [ "$java_home_major_of_1" -ge 21 ] \
      && [ "$java_home_major_of_1" -gt "$java_home_best_major" ]; then
    java_home_best="$1" java_home_best_major="$java_home_major_of_1"
  fi
}

java_home_search() { # every JDK 21+ this machine has in a usual place; needs globbing on
  java_home_ifs=$IFS
  IFS=:
  for java_home_dir in $PATH; do
    if [ -n "$java_home_dir" ] && [ -x "$java_home_dir/javac" ]; then
      java_home_consider "$(jdk_of_javac "$java_home_dir/javac")"
    fi
  done
  IFS=$java_home_ifs
  for java_home_dir in /usr/lib/jvm/* "${SDKMAN_DIR:-${HOME:-}/.sdkman}"/candidates/java/* "${HOME:-}"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    java_home_consider "$java_home_dir"
  done
  if [ -x /usr/libexec/java_home ]; then
    java_home_consider "$(/usr/libexec/java_home -v 21+ 2>/dev/null || :)"
  fi
}

java_home_major=$(java_major "${JAVA_HOME:-}")
if [ -n "$java_home_major" ] && [ "$java_home_major" -ge 21 ]; then
  : # JAVA_HOME is a JDK 21+: the user's choice stands
else
  java_home_path_javac=$(command -v javac 2>/dev/null || :)
  java_home_path_jdk="" java_home_path_major=""
  if [ -n "$java_home_path_javac" ]; then
    java_home_path_jdk=$(jdk_of_javac "$java_home_path_javac")
    java_home_path_major=$(java_major "$java_home_path_jdk")
  fi
  if [ -z "${JAVA_HOME:-}" ] && [ -n "$java_home_path_major" ] && [ "$java_home_path_major" -ge 21 ]; then
    JAVA_HOME="$java_home_path_jdk"
  else
    java_home_search
    if [ -z "$java_home_best" ]; then
      echo "No JDK 21 or newer found (JAVA_HOME: ${JAVA_HOME:-unset}; javac on the PATH:" \
        "${java_home_path_javac:-none}${java_home_path_major:+, JDK $java_home_path_major})." >&2
      echo "Install one, for example Temurin 21 or 25 (https://adoptium.net; Debian and Ubuntu: apt install" \
        "temurin-21-jdk from Adoptium's repository, or openjdk-21-jdk; SDKMAN: sdk install java 21-tem;" \
        "Homebrew: brew install --cask temurin@21), then set JAVA_HOME to it if it is not found by itself." >&2
      exit 1
    fi
    if [ -n "${JAVA_HOME:-}" ]; then
      java_home_why="JAVA_HOME is ${java_home_major:+JDK $java_home_major at }$JAVA_HOME, not a JDK 21+"
    elif [ -n "$java_home_path_major" ]; then
      java_home_why="JAVA_HOME is unset and javac on the PATH is JDK $java_home_path_major"
    else
      java_home_why="JAVA_HOME is unset and the PATH has no JDK"
    fi
    echo "Using JDK $java_home_best_major at $java_home_best ($java_home_why)" >&2
    JAVA_HOME="$java_home_best"
  fi
fi
export JAVA_HOME
PATH="$JAVA_HOME/bin:$PATH"
export PATH
