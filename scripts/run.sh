#!/usr/bin/env bash
# Builds the softwire Karaf distribution if it is missing or older than the sources, then starts it in the
# foreground with its console. Arguments are passed to bin/karaf (e.g. "clean" to start from a fresh data/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
assembly="$root/karaf-assembly/target/assembly"
stamp="$assembly/etc/org.apache.karaf.features.cfg"

if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi

stale=""
if [ ! -f "$stamp" ]; then
    stale="missing"
else
    changed="$(find "$root/pom.xml" "$root/bundles" "$root/features" "$root/karaf-assembly" \
        \( -path '*/target' -o -path '*/src/test' \) -prune -o -type f -newer "$stamp" -print 2>/dev/null \
        | head -n 1)"
    if [ -n "$changed" ]; then
        stale="older than $changed"
    fi
fi

if [ -n "$stale" ]; then
    echo "Building the distribution ($stale)..." >&2
    # The bundle cache in data/ would keep the old bundles: start the new build from a fresh one.
    rm -rf "$assembly/data"
    (cd "$root" && mvn -B -q -DskipTests verify -pl karaf-assembly -am)
fi

exec "$assembly/bin/karaf" "$@"
