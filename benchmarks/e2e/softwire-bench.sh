#!/usr/bin/env bash
# End-to-end benchmarks of the TUN data path and of a configured softwire (ipv4-in-ipv6), each compared in the same
# run with the Linux kernel routing the same namespaces without the platform. See benchmarks/e2e/README.md.
#
#   h1 (generator) -- r1 ==== core (IPv6; IPv4 too for the kernel path) ==== r2 -- h2 (sink)
#   192.0.2.2   192.0.2.1  2001:db8:c::1 / 203.0.113.1   2001:db8:c::2 / 203.0.113.2  198.51.100.1  198.51.100.2
#
# Modes, switched by replacing the island routes in r1/r2 (same namespaces, same veths):
#   kernel    r1/r2 route the islands natively over the core's IPv4 (no platform on the path)
#   softwire  the islands are routed into TUN devices owned by the softwire Karaf distribution (one per router, in
#             its namespace, netns option); endpoints 2001:db8:e::1 / ::2, ipv4-in-ipv6 over the IPv6 core
#   tun-raw   (h1->h2 direction only) r1 routes into a TUN device echoed by a plain JVM (TunBench echo: read,
#             write back unchanged); a policy rule sends what comes out of that TUN on over the core natively
# Tests: UDP packets/s (udpgen/udpsink, 64-octet payload, full offered load) and iperf3 TCP (1 stream).
#
# Usage (root, from anywhere): benchmarks/e2e/softwire-bench.sh [options]
#   --runs N         repetitions of each measurement (default 3; the table shows median and all values)
#   --secs S         seconds per UDP run (default 5)       --tcp-secs S  seconds per iperf3 run (default 10)
#   --queues "1 2"   TUN queue counts to measure (default "1 2"; the kernel path does not depend on it)
#   --modes "kernel softwire tun-raw"   (default: all three)
#   --size N         UDP payload octets (default 64)       --flows N     UDP flows/sockets (default 8)
#   --rate PPS       offered UDP load (default 0: as fast as the generator goes)
#   --no-udp / --no-tcp
#   --profile        during each UDP run: per-thread CPU of the platform JVMs, machine CPU split, data-path CPU per
#                    packet and (if perf works) read/write/poll syscalls per packet
#   --perf DIR       also `perf record -e cpu-clock -g` the platform JVMs during each softwire/tun-raw UDP run into
#                    DIR/<mode>-q<queues>-r<run>.data (JVMs started with -XX:+DumpPerfMapAtExit for JIT symbols)
#   --assembly DIR   Karaf distribution to copy and start (default karaf-assembly/target/assembly, built if missing)
#   --jar FILE       benchmarks jar for tun-raw (default benchmarks/target/benchmarks.jar, built if missing)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
assembly="$root/karaf-assembly/target/assembly" jar="$root/benchmarks/target/benchmarks.jar"
perfdir=""
runs=3 secs=5 rate=0 tcp_secs=10 queues="1 2" modes="kernel softwire tun-raw" size=64 flows=8 do_udp=1 do_tcp=1 profile=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --secs) secs="$2"; shift ;;
        --tcp-secs) tcp_secs="$2"; shift ;;
        --queues) queues="$2"; shift ;;
        --modes) modes="$2"; shift ;;
        --size) size="$2"; shift ;;
        --flows) flows="$2"; shift ;;
        --rate) rate="$2"; shift ;;
        --no-udp) do_udp=0 ;;
        --no-tcp) do_tcp=0 ;;
        --profile) profile=1 ;;
        --perf) perfdir="$2"; shift ;;
        --assembly) assembly="$2"; shift ;;
        --jar) jar="$2"; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, TUN devices)" >&2; exit 1; }
have_perf=0
perf stat -e syscalls:sys_enter_read -- true >/dev/null 2>&1 && have_perf=1
for t in ip gcc iperf3 java; do command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }; done

tag="swb$(printf '%04x' $((RANDOM % 65536)))"
H1="$tag-h1" R1="$tag-r1" R2="$tag-r2" H2="$tag-h2"
work="$(mktemp -d /tmp/softwire-bench.XXXXXX)"
pids=()
# shellcheck source=bench-lib.sh
. "$root/benchmarks/e2e/bench-lib.sh"
echo_pid=""
perf_pid=""
rec_pid=""

cleanup() {
    set +e
    for p in "${pids[@]}" $perf_pid $rec_pid; do kill "$p" 2>/dev/null; done
    if [ -n "$echo_pid" ]; then kill "$echo_pid" 2>/dev/null; wait "$echo_pid" 2>/dev/null; fi
    stop_karaf
    for ns in "$H1" "$R1" "$R2" "$H2"; do ip netns del "$ns" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools --------------------------------------------------------------------------------------------------------
build_udp_tools
if [[ " $modes " == *" tun-raw "* ]] && [ ! -f "$jar" ]; then
    log "building benchmarks.jar"
    (cd "$root" && mvn -B -o -q -pl benchmarks -am package -DskipTests)
fi
if [[ " $modes " == *" softwire "* ]] && [ ! -d "$assembly" ]; then
    log "building the Karaf distribution"
    (cd "$root" && mvn -B -o -q -pl karaf-assembly -am package -DskipTests)
fi

# --- topology -----------------------------------------------------------------------------------------------------
log "namespaces $H1 $R1 $R2 $H2"
for ns in "$H1" "$R1" "$R2" "$H2"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
done
ip -n "$R1" link add lan type veth peer name eth0 netns "$H1"
ip -n "$R1" link add core type veth peer name core netns "$R2"
ip -n "$R2" link add lan type veth peer name eth0 netns "$H2"
for ns in "$H1" "$H2"; do ip -n "$ns" link set eth0 up; done
for ns in "$R1" "$R2"; do
    ip -n "$ns" link set lan up
    ip -n "$ns" link set core up
    nsx "$ns" sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 net.ipv4.conf.all.rp_filter=0 \
        net.ipv4.conf.default.rp_filter=0
done
ip -n "$H1" addr add 192.0.2.2/24 dev eth0
ip -n "$H1" route add default via 192.0.2.1
ip -n "$R1" addr add 192.0.2.1/24 dev lan
ip -n "$H2" addr add 198.51.100.2/24 dev eth0
ip -n "$H2" route add default via 198.51.100.1
ip -n "$R2" addr add 198.51.100.1/24 dev lan
ip -n "$R1" addr add 2001:db8:c::1/64 dev core nodad
ip -n "$R2" addr add 2001:db8:c::2/64 dev core nodad
ip -n "$R1" addr add 203.0.113.1/24 dev core
ip -n "$R2" addr add 203.0.113.2/24 dev core
# softwire endpoints: the far one over the core, our own (with the far island) into our TUN device
ip -n "$R1" -6 route add 2001:db8:e::2/128 via 2001:db8:c::2
ip -n "$R2" -6 route add 2001:db8:e::1/128 via 2001:db8:c::1
# tun-raw: what leaves the echo TUN is routed on natively
ip -n "$R1" route add 198.51.100.0/24 via 203.0.113.2 table 100

# --- the platform -------------------------------------------------------------------------------------------------
karaf_prepare() { contain_default_aftr "$1" "$H2"; } # the distribution's default AFTR aftr0 out of the root namespace
start_karaf_sw() { start_karaf "${perfdir:+-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit}"; }

# $1 = queues. (Re)writes the TUN and softwire configurations; waits until the devices exist with that many queues.
configure_platform() {
    local q="$1"
    for r in 1 2; do
        local ns far
        if [ $r = 1 ]; then ns="$R1"; far=2; else ns="$R2"; far=1; fi
        cat > "$kdir/etc/org.softwire.tun-swr$r.cfg.tmp" <<EOF
name = swr$r
mtu = 1500
addresses =
routes = 2001:db8:e::$r/128
queues = $q
netns = $ns
EOF
        mv "$kdir/etc/org.softwire.tun-swr$r.cfg.tmp" "$kdir/etc/org.softwire.tun-swr$r.cfg"
        cat > "$kdir/etc/org.softwire.softwire-sw$r.cfg.tmp" <<EOF
name = sw$r
device = swr$r
local = 2001:db8:e::$r
remote = 2001:db8:e::$far
encapsulation = ipv4-in-ipv6
EOF
        mv "$kdir/etc/org.softwire.softwire-sw$r.cfg.tmp" "$kdir/etc/org.softwire.softwire-sw$r.cfg"
    done
    for _ in $(seq 1 240); do
        if [ "$(tun_queues "$R1" swr1)" = "$q" ] && [ "$(tun_queues "$R2" swr2)" = "$q" ]; then
            log "TUN devices swr1/swr2 up with $q queue(s)"
            return 0
        fi
        sleep 0.5
    done
    echo "TUN devices did not appear with $q queue(s); see $kdir/data/log/karaf.log" >&2
    tail -30 "$kdir/data/log/karaf.log" >&2 || true
    return 1
}

tun_queues() { nsx "$1" sh -c "ls -d /sys/class/net/$2/queues/tx-* 2>/dev/null | wc -l"; }

start_echo() {
    local q="$1"
    if [ -n "$echo_pid" ]; then kill "$echo_pid"; wait "$echo_pid" 2>/dev/null || true; echo_pid=""; fi
    java ${perfdir:+-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit} -cp "$jar" org.softwire.tun.internal.TunBench echo raw1 "$R1" "$q" > "$work/echo.log" 2>&1 &
    echo_pid=$!
    for _ in $(seq 1 60); do [ "$(tun_queues "$R1" raw1)" = "$q" ] && grep -q READY "$work/echo.log" && break; sleep 0.5; done
    ip -n "$R1" link show raw1 >/dev/null
    ip -n "$R1" rule del iif raw1 lookup 100 2>/dev/null || true
    ip -n "$R1" rule add iif raw1 lookup 100
    nsx "$R1" sysctl -q -w net.ipv4.conf.raw1.rp_filter=0
    log "TUN echo (PID $echo_pid) on raw1 with $q queue(s)"
}

# --- modes --------------------------------------------------------------------------------------------------------
use_mode() {
    case "$1" in
        kernel)
            ip -n "$R1" route replace 198.51.100.0/24 via 203.0.113.2 dev core
            ip -n "$R2" route replace 192.0.2.0/24 via 203.0.113.1 dev core ;;
        softwire)
            ip -n "$R1" route replace 198.51.100.0/24 dev swr1
            ip -n "$R2" route replace 192.0.2.0/24 dev swr2 ;;
        tun-raw)
            ip -n "$R1" route replace 198.51.100.0/24 dev raw1
            ip -n "$R2" route replace 192.0.2.0/24 via 203.0.113.1 dev core ;;
    esac
    for ns in "$R1" "$R2"; do ip -n "$ns" route flush cache 2>/dev/null || true; done
    # the path works (and the neighbours are resolved) before anything is measured
    for _ in $(seq 1 40); do
        nsx "$H1" ping -c 1 -W 1 -q 198.51.100.2 >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "mode $1: h1 cannot reach h2" >&2
    return 1
}

# --- measurements -------------------------------------------------------------------------------------------------
# per-thread CPU (utime+stime, clock ticks) of a process: "tid comm ticks" lines
thread_ticks() {
    local pid="$1" f
    for f in /proc/"$pid"/task/*/stat; do
        awk '{ match($0, /\(.*\)/); comm = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1);
               split(rest, a, " "); gsub(/ /, "_", comm); print FILENAME, comm, a[12] + a[13] }' "$f" 2>/dev/null \
            || true # the thread ended meanwhile (the JVM adds and retires compiler threads)
    done
}
cpu_line() { head -1 /proc/stat; }

profile_begin() {
    [ "$profile" = 1 ] || return 0
    cpu_line > "$work/cpu0"
    : > "$work/threads0"
    for p in $karaf_pid $echo_pid; do thread_ticks "$p" >> "$work/threads0"; done
    perf_pid=""
    if [ "$have_perf" = 1 ]; then
        local targets; targets="$(echo $karaf_pid $echo_pid | tr ' ' ',')"
        [ -n "$targets" ] && { perf stat -x, -e syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_poll \
            -p "$targets" -o "$work/perf.out" > /dev/null 2>&1 & perf_pid=$!; }
    fi
}

profile_stop() {
    [ "$profile" = 1 ] || return 0
    cpu_line > "$work/cpu1"
    : > "$work/threads1"
    for p in $karaf_pid $echo_pid; do thread_ticks "$p" >> "$work/threads1"; done
    if [ -n "$perf_pid" ]; then kill -INT "$perf_pid" 2>/dev/null; wait "$perf_pid" 2>/dev/null || true; perf_pid=""; fi
}

# $1 label, $2 seconds, $3 packets received: per-thread CPU, machine CPU split, data-path CPU and syscalls per
# packet (worker threads softwire-* / tun-echo-*; syscalls of the whole platform JVM). Sets CPU_US.
profile_report() {
    CPU_US="-"
    [ "$profile" = 1 ] || return 0
    local label="$1" el="$2" pkts="$3"
    local hz; hz="$(getconf CLK_TCK)"
    CPU_US="$(awk -v hz="$hz" -v n="$pkts" 'NR == FNR { t0[$1] = $3; next }
        $2 ~ /^(softwire-|tun-echo)/ { s += $3 - t0[$1] } END { printf "%.1f", (n > 0 ? 1e6 * s / hz / n : 0) }' \
        "$work/threads0" "$work/threads1")"
    {
        echo "  profile $label (over ${el}s; % of one core):"
        # threads using more than 2 % of a core
        awk -v hz="$hz" -v el="$el" 'NR == FNR { t0[$1] = $3; next }
            { d = $3 - t0[$1]; p = 100 * d / hz / el; if (p > 2) printf "    %-28s %5.1f %%\n", $2, p }' \
            "$work/threads0" "$work/threads1" | sort -k2 -nr
        paste "$work/cpu0" "$work/cpu1" | awk '{ n = (NF - 2) / 2;
            for (i = 2; i <= n + 1; i++) { d[i] = $(i + n + 1) - $i; tot += d[i] }
            printf "    machine: user %.0f %%  system %.0f %%  softirq %.0f %%  idle %.0f %%  (of 2 cores)\n",
                100 * (d[2] + d[3]) / tot, 100 * d[4] / tot, 100 * d[8] / tot, 100 * (d[5] + d[6]) / tot }'
        echo "    data-path threads: $CPU_US us CPU per packet received ($pkts packets)"
        if [ -s "$work/perf.out" ]; then
            awk -F, -v n="$pkts" '$3 ~ /sys_enter_/ { sub(/.*sys_enter_/, "", $3); c[$3] = $1 }
                END { if (n > 0) printf "    syscalls per packet received: read %.2f  write %.2f  poll %.2f\n",
                      c["read"] / n, c["write"] / n, c["poll"] / n }' "$work/perf.out"
        fi
    } | tee -a "$work/profile.txt" >&2
}

# UDP pps: sets RX and TX (packets/s received by the sink, sent by the generator) and CPU_US
udp_run() {
    local label="$1"
    nsx "$H2" "$work/udpsink" -p 9000 -t $((secs + 5)) -q > "$work/sink.out" &
    local sink=$!
    pids+=("$sink")
    for _ in $(seq 1 20); do grep -q READY "$work/sink.out" 2>/dev/null && break; sleep 0.1; done
    profile_begin
    if [ -n "$perfdir" ] && [ "${label%% *}" != kernel ]; then
        mkdir -p "$perfdir"
        perf record -q -e cpu-clock -g -p "$(echo $karaf_pid $echo_pid | tr ' ' ',')" \
            -o "$perfdir/$(echo "$label" | awk '{ print $1 "-" $2 "-r" $4 }' | tr -d '=').data" > /dev/null 2>&1 &
        rec_pid=$!
    fi
    nsx "$H1" "$work/udpgen" -d 198.51.100.2 -p 9000 -s "$size" -t "$secs" -f "$flows" -r "$rate" > "$work/gen.out"
    profile_stop
    if [ -n "$rec_pid" ]; then kill -INT "$rec_pid" 2>/dev/null; wait "$rec_pid" 2>/dev/null || true; rec_pid=""; fi
    wait "$sink" || true
    pids=("${pids[@]/$sink}")
    RX="$(sed -n 's/^RESULT .*pps=\([0-9]*\).*/\1/p' "$work/sink.out")"
    TX="$(sed -n 's/^RESULT .*pps=\([0-9]*\).*/\1/p' "$work/gen.out")"
    RX="${RX:-0}" TX="${TX:-0}"
    profile_report "$label" "$secs" "$(sed -n 's/^RESULT pkts=\([0-9]*\).*/\1/p' "$work/sink.out")"
}

# iperf3 TCP h1 -> h2, 1 stream: sets GBPS (received)
tcp_run() {
    nsx "$H2" iperf3 -s -1 -p 5201 > /dev/null 2>&1 &
    local srv=$!
    pids+=("$srv")
    sleep 0.5
    nsx "$H1" iperf3 -c 198.51.100.2 -p 5201 -t "$tcp_secs" -P 1 -J > "$work/iperf.json" 2>/dev/null || true
    kill "$srv" 2>/dev/null || true # -1: it ends by itself after one test; not if the client never connected
    wait "$srv" 2>/dev/null || true
    pids=("${pids[@]/$srv}")
    GBPS="$(python3 -c 'import json,sys
try: print("%.3f" % (json.loads(sys.stdin.read())["end"]["sum_received"]["bits_per_second"] / 1e9))
except Exception: print("0")' < "$work/iperf.json")"
}

declare -A udp tcp udptx cpu
if [[ " $modes " == *" softwire "* ]]; then start_karaf_sw; fi
for q in $queues; do
    if [[ " $modes " == *" softwire "* ]]; then configure_platform "$q"; fi
    if [[ " $modes " == *" tun-raw "* ]]; then start_echo "$q"; fi
    for r in $(seq 1 "$runs"); do
        for m in $modes; do
            key="$m/$q"
            [ "$m" = kernel ] && key="kernel/-"
            use_mode "$m"
            if [ "$do_udp" = 1 ]; then
                udp_run "$m q=$q run $r"
                udp[$key]="${udp[$key]:-} $RX"
                udptx[$key]="${udptx[$key]:-} $TX"
                cpu[$key]="${cpu[$key]:-} $CPU_US"
                log "$m queues=$q run $r: UDP $RX pps received ($TX sent)"
            fi
            if [ "$do_tcp" = 1 ] && [ "$m" != tun-raw ]; then
                tcp_run
                tcp[$key]="${tcp[$key]:-} $GBPS"
                log "$m queues=$q run $r: TCP $GBPS Gbit/s"
            fi
        done
    done
done

# --- report -------------------------------------------------------------------------------------------------------
kpps="$(echo "${udp[kernel/-]:-}" | median)"
kgbps="$(echo "${tcp[kernel/-]:-}" | median)"
echo
echo "softwire-bench $(date -u +%FT%TZ) on $(nproc) CPU(s), load $(cut -d' ' -f1-3 /proc/loadavg); UDP payload $size octets, $flows flows, ${secs}s, offered $([ "$rate" = 0 ] && echo "full speed" || echo "$rate pps"); TCP ${tcp_secs}s 1 stream; $runs runs (median [all])"
printf '%-9s %-3s %10s %6s %-30s %8s %6s %-24s %s\n' mode q "UDP pps" "x kern" "(runs)" "TCP Gb/s" "x kern" "(runs)" "us CPU/pkt"
for key in "kernel/-" $(for q in $queues; do for m in $modes; do [ "$m" != kernel ] && echo "$m/$q"; done; done); do
    m="${key%/*}" q="${key#*/}"
    p="$(echo "${udp[$key]:-}" | median)"
    g="$(echo "${tcp[$key]:-}" | median)"
    c="$(echo "${cpu[$key]:-}" | tr -d '-' | median)"
    rp="-" rg="-"
    [ "$p" != - ] && [ "$kpps" != - ] && rp="$(awk -v a="$p" -v b="$kpps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    [ "$g" != - ] && [ "$kgbps" != - ] && rg="$(awk -v a="$g" -v b="$kgbps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    [ "$m" = kernel ] && c="-"
    printf '%-9s %-3s %10s %6s %-30s %8s %6s %-24s %s\n' "$m" "$q" "$p" "$rp" "[${udp[$key]:-} ]" "$g" "$rg" \
        "[${tcp[$key]:-} ]" "$c"
done
echo "UDP pps = received by the sink; sent (median): $(for key in "${!udptx[@]}"; do printf '%s %s; ' "$key" "$(echo "${udptx[$key]}" | median)"; done)"
echo "us CPU/pkt = CPU time of the platform's data-path threads (both endpoints for softwire) per packet received (--profile)"
if [ "$profile" = 1 ]; then echo; cat "$work/profile.txt"; fi
