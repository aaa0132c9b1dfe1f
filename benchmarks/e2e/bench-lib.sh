# Shared by the end-to-end benchmark scripts (softwire-bench.sh, dslite-bench.sh); sourced, not run.
# The caller sets: root (repository), work (its private temporary directory), assembly (Karaf distribution to copy).
# Provides: log, nsx, median, build_udp_tools, start_karaf / stop_karaf (a private Karaf copy in $work/karaf with
# private SSH/RMI ports: karaf_pid, kdir, karaf_ssh_port, karaf_rmi_registry, karaf_rmi_server; JMX user
# karaf_user/karaf_password).

karaf_pid="" kdir="" karaf_ssh_port="" karaf_rmi_registry="" karaf_rmi_server=""
# the distribution's console and JMX user (karaf-assembly/src/main/resources/etc/users.properties)
karaf_user=softwire karaf_password=softwire

log() { echo "[$(date +%T)] $*" >&2; }

nsx() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }

# median of the numbers on stdin (space or newline separated), "-" if none
median() { tr ' ' '\n' | { grep -v '^$' || true; } | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-";
    else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# udpgen and udpsink (benchmarks/src/main/c) into $work
build_udp_tools() {
    gcc -O2 -o "$work/udpgen" "$root/benchmarks/src/main/c/udpgen.c"
    gcc -O2 -o "$work/udpsink" "$root/benchmarks/src/main/c/udpsink.c"
}

# Copies $assembly to $work/karaf and starts it with private ports. $1: extra JVM options (may be empty). Before the
# start the caller may adjust the copy through the function karaf_prepare (called with the copy's directory) if it
# defines one.
start_karaf() {
    kdir="$work/karaf"
    cp -r "$assembly" "$kdir"
    rm -rf "$kdir/data" "$kdir/karaf.pid" # a pid file left by someone who ran that distribution is not ours
    # private ports (several Karaf instances may run on this machine)
    local base=$((20000 + RANDOM % 20000))
    karaf_ssh_port=$base karaf_rmi_registry=$((base + 1)) karaf_rmi_server=$((base + 2))
    sed -i "s/^sshPort *=.*/sshPort = $karaf_ssh_port/" "$kdir/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $karaf_rmi_registry/; s/^rmiServerPort *=.*/rmiServerPort = $karaf_rmi_server/" \
        "$kdir/etc/org.apache.karaf.management.cfg"
    if declare -F karaf_prepare >/dev/null; then karaf_prepare "$kdir"; fi
    EXTRA_JAVA_OPTS="${1:-}" "$kdir/bin/start" >/dev/null
    for _ in $(seq 1 60); do [ -s "$kdir/karaf.pid" ] && break; sleep 0.5; done
    if [ -s "$kdir/karaf.pid" ]; then
        karaf_pid="$(cat "$kdir/karaf.pid")"
    else # the JVM started from our private copy (unique directory) is ours
        karaf_pid="$(pgrep -f -- "-Dkaraf.base=$kdir " | head -1 || true)"
        [ -n "$karaf_pid" ] || { echo "Karaf from $kdir did not start" >&2; exit 1; }
    fi
    log "Karaf started, PID $karaf_pid (ssh $karaf_ssh_port, rmi $karaf_rmi_registry/$karaf_rmi_server)"
}

# Stops the Karaf started by start_karaf (by its PID; SIGKILL after 20 s).
stop_karaf() {
    if [ -n "$karaf_pid" ] && kill -0 "$karaf_pid" 2>/dev/null; then
        kill "$karaf_pid"
        for _ in $(seq 1 40); do kill -0 "$karaf_pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$karaf_pid" 2>/dev/null
    fi
    return 0
}


# The distribution's feature ships a default AFTR aftr0 and its TUN device aftr0 (feature.xml <config>, routes
# 2001:db8:0:2::1/128 and 192.0.2.1/32) without a namespace, i.e. in the root namespace. Deleting the etc files of a
# fresh copy does not keep them out: the feature creates a missing configuration when it installs. A configuration
# already in etc wins (Karaf does not override it), so this writes the TUN's with netns = $2 (a namespace of ours
# where nothing uses those addresses): the device and its routes stay inside the benchmark; the idle AFTR aftr0 and
# its worker remain. $1 = the Karaf copy.
contain_default_aftr() {
    cat > "$1/etc/org.softwire.tun-aftr0.cfg" <<EOC
name = aftr0
netns = $2
mtu = 1500
routes = 2001:db8:0:2::1/128, 192.0.2.1/32
queues = 1
EOC
}
