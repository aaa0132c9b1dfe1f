#!/usr/bin/env bash
# Builds (up), removes (down) or shows (status) a standard softwire lab topology in network namespaces:
#
#   h1 --- r1 ==== core of the other family ==== r2 --- h2
#
# Islands h1/h2 and routers r1/r2 are namespaces joined by veth pairs; the routers forward and route the far
# endpoint address over the core. The softwire platform then adds one TUN device and one softwire per router
# (etc/org.softwire.tun-*.cfg with "netns = <prefix>-r1", etc/org.softwire.softwire-*.cfg): see README.md here.
# Documentation addresses only. Needs root and iproute2.
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $(basename "$0") up|down|status TOPOLOGY [-p PREFIX] [--etc KARAF_ETC]

  up      build the topology (does nothing if it is already up; refuses if a namespace of that name exists
          that this script did not create)
  down    remove exactly what "up" created (listed in the state file), nothing else
  status  show the namespaces with their addresses and routes, and the platform configuration to add

topologies:
  v4-over-v6  IPv4 islands 198.51.100.0/24 (h1) and 203.0.113.0/24 (h2), IPv6-only core 2001:db8:c::/64,
              softwire endpoints 2001:db8:e::1 (r1) and 2001:db8:e::2 (r2)       [default prefix sw4o6]
  v6-over-v4  IPv6 islands 2001:db8:1::/64 (h1) and 2001:db8:2::/64 (h2), IPv4-only core 192.0.2.0/30,
              softwire endpoints 192.0.2.65 (r1) and 192.0.2.66 (r2)             [default prefix sw6o4]

  -p PREFIX   namespace names PREFIX-h1, PREFIX-r1, PREFIX-r2, PREFIX-h2 (to run several labs side by side)
  --etc DIR   with up: also write the platform configuration (two TUN devices, two softwires) into a running
              Karaf's etc/ folder (e.g. karaf-assembly/target/assembly/etc); down deletes those files first
state files: \${SOFTWIRE_LAB_STATE:-/run/softwire-lab}/PREFIX.state
USAGE
    exit 2
}

[ $# -ge 2 ] || usage
action=$1 topology=$2
shift 2
prefix="" etc=""
while [ $# -gt 0 ]; do
    case $1 in
        -p) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --etc) [ $# -ge 2 ] || usage; etc=$2; shift 2 ;;
        *) usage ;;
    esac
done
case $topology in
    v4-over-v6) prefix=${prefix:-sw4o6} ;;
    v6-over-v4) prefix=${prefix:-sw6o4} ;;
    *) echo "unknown topology '$topology'" >&2; usage ;;
esac
case $action in up|down|status) ;; *) usage ;; esac
[[ $prefix =~ ^[a-z0-9][a-z0-9-]{0,15}$ ]] || { echo "prefix '$prefix': 1-16 of a-z 0-9 -" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
command -v ip >/dev/null || { echo "needs ip: apt-get install iproute2" >&2; exit 1; }

state_dir=${SOFTWIRE_LAB_STATE:-/run/softwire-lab}
mkdir -p "$state_dir" 2>/dev/null || { state_dir=/tmp/softwire-lab; mkdir -p "$state_dir"; }
state="$state_dir/$prefix.state"
h1=$prefix-h1 r1=$prefix-r1 r2=$prefix-r2 h2=$prefix-h2

exists() { ip netns list | awk '{print $1}' | grep -qx -- "$1"; }
recorded() { [ -f "$state" ] && grep -qx -- "netns $1" "$state"; }

# Creates a namespace and records it at once, so that "down" also cleans a half-built lab.
netns() {
    ip netns add "$1"
    echo "netns $1" >> "$state"
    ip -n "$1" link set lo up
    setsys "$1" net/ipv6/conf/all/accept_dad=0 net/ipv6/conf/default/accept_dad=0
}
router() {
    setsys "$1" net/ipv4/ip_forward=1 net/ipv6/conf/all/forwarding=1 \
        net/ipv4/conf/all/rp_filter=0 net/ipv4/conf/default/rp_filter=0
}
setsys() { # NS key=value...: through /proc/sys inside the namespace (no procps needed)
    local ns=$1 kv
    shift
    for kv in "$@"; do
        ip netns exec "$ns" sh -c 'echo "$1" > "/proc/sys/$2"' sh "${kv#*=}" "${kv%%=*}"
    done
}
veth() { # NS_A IF_A NS_B IF_B
    ip link add "$2" netns "$1" type veth peer name "$4" netns "$3"
    ip -n "$1" link set "$2" up
    ip -n "$3" link set "$4" up
}
addr() { # NS DEV PREFIX
    if [[ $3 == *:* ]]; then ip -n "$1" addr add "$3" dev "$2" nodad; else ip -n "$1" addr add "$3" dev "$2"; fi
}

plan() { # sets the addresses of the topology
    if [ "$topology" = v4-over-v6 ]; then
        net1=198.51.100 net2=203.0.113 in=/24 e1=2001:db8:e::1 e2=2001:db8:e::2 host=/128
        h1a=198.51.100.10 h2a=203.0.113.10 r1a=198.51.100.1 r2a=203.0.113.1
        c1=2001:db8:c::1 c2=2001:db8:c::2 core=/64 isl1=198.51.100.0/24 isl2=203.0.113.0/24 enc=ipv4-in-ipv6
    else
        in=/64 e1=192.0.2.65 e2=192.0.2.66 host=/32
        h1a=2001:db8:1::10 h2a=2001:db8:2::10 r1a=2001:db8:1::1 r2a=2001:db8:2::1
        c1=192.0.2.1 c2=192.0.2.2 core=/30 isl1=2001:db8:1::/64 isl2=2001:db8:2::/64 enc=ipv6-in-ipv4
    fi
}

up() {
    if [ -f "$state" ]; then
        for ns in "$h1" "$r1" "$r2" "$h2"; do
            if ! exists "$ns" || ! recorded "$ns"; then
                echo "$prefix is half up ($ns missing): run '$0 down $topology -p $prefix' first" >&2
                exit 1
            fi
        done
        echo "$prefix ($topology) is already up"
        return 0
    fi
    for ns in "$h1" "$r1" "$r2" "$h2"; do
        if exists "$ns"; then
            echo "namespace $ns exists but was not created by this script (no $state): left alone;" \
                "choose another prefix with -p" >&2
            exit 1
        fi
    done
    echo "topology $topology" > "$state"
    trap 'echo "set-up failed; remove what was made with: $0 down $topology -p $prefix" >&2' ERR
    plan
    netns "$h1"; netns "$r1"; netns "$r2"; netns "$h2"
    router "$r1"; router "$r2"
    veth "$h1" eth0 "$r1" lan
    veth "$r1" core "$r2" core
    veth "$r2" lan "$h2" eth0
    addr "$h1" eth0 "$h1a$in"; addr "$r1" lan "$r1a$in"
    addr "$h2" eth0 "$h2a$in"; addr "$r2" lan "$r2a$in"
    ip -n "$h1" route replace default via "$r1a"
    ip -n "$h2" route replace default via "$r2a"
    addr "$r1" core "$c1$core"; addr "$r2" core "$c2$core"
    # the far endpoint over the core; the TUN device (platform) routes the far island and the local endpoint
    ip -n "$r1" route replace "$e2$host" via "$c2"
    ip -n "$r2" route replace "$e1$host" via "$c1"
    if [ -n "$etc" ]; then
        [ -d "$etc" ] || { echo "--etc $etc: not a folder" >&2; false; }
        for side in a b; do
            for kind in tun softwire; do
                f="$(cd "$etc" && pwd)/org.softwire.$kind-$prefix$side.cfg"
                if [ -e "$f" ]; then
                    echo "$f exists (not written by this script): left alone" >&2
                    continue
                fi
                cfg "$kind" "$side" > "$f"
                echo "file $f" >> "$state"
            done
        done
    fi
    trap - ERR
    echo "$prefix ($topology) is up: namespaces $h1 $r1 $r2 $h2 (state: $state)"
    hint
}

down() {
    if [ ! -f "$state" ]; then
        echo "$prefix is not up (no $state): nothing to remove"
        return 0
    fi
    local failed=0 files
    # reverse order of creation; only what the state file lists. Configuration files first: Karaf then closes
    # the TUN devices, whose fds would otherwise keep the router namespaces alive after "ip netns del".
    files=$(grep '^file ' "$state" | cut -d' ' -f2- | tac)
    if [ -n "$files" ]; then
        while IFS= read -r f; do rm -f -- "$f"; done <<< "$files"
        sleep 2
    fi
    for ns in $(grep '^netns ' "$state" | awk '{print $2}' | tac); do
        if exists "$ns"; then
            ip netns del "$ns" || { echo "could not delete namespace $ns" >&2; failed=1; }
        fi
    done
    if [ $failed = 0 ]; then
        rm -f "$state"
        echo "$prefix ($topology) is down"
    else
        exit 1
    fi
}

status() {
    if [ ! -f "$state" ]; then
        echo "$prefix ($topology): down"
        exit 3
    fi
    echo "$prefix ($(head -n 1 "$state")), state $state"
    for ns in $(grep '^netns ' "$state" | awk '{print $2}'); do
        if exists "$ns"; then
            echo "== $ns"
            ip -n "$ns" -br addr | sed 's/^/   /'
            ip -n "$ns" route | sed 's/^/   v4 /'
            ip -n "$ns" -6 route | { grep -v '^fe80' || true; } | sed 's/^/   v6 /'
        else
            echo "== $ns: MISSING (recorded but gone)"
        fi
    done
    hint
}

cfg() { # KIND SIDE: the content of one platform configuration file
    plan
    local ns=$r1 far=$isl2 local=$e1 remote=$e2 lan=$r1a
    if [ "$2" = b ]; then ns=$r2 far=$isl1 local=$e2 remote=$e1 lan=$r2a; fi
    echo "# written by scripts/lab/lab.sh up $topology -p $prefix; removed by down"
    if [ "$1" = tun ]; then
        printf 'name = %s\nnetns = %s\nmtu = 1500\nroutes = %s, %s\n' "$prefix$2" "$ns" "$far" "$local$host"
    else
        printf 'name = %s\ndevice = %s\nlocal = %s\nremote = %s\nencapsulation = %s\n' \
            "$prefix$2" "$prefix$2" "$local" "$remote" "$enc"
        # an IPv4 tunnel has no IPv6 address of its own for Packet Too Big: the router's LAN address
        if [ "$topology" = v6-over-v4 ]; then echo "icmp-source-v6 = $lan"; fi
    fi
}

hint() {
    echo
    if grep -q '^file ' "$state" 2>/dev/null; then
        echo "Platform configuration written: $(grep '^file ' "$state" | cut -d' ' -f2- | tr '\n' ' ')"
    else
        echo "Platform configuration (files in Karaf's etc/, or: up ... --etc DIR):"
        for side in a b; do
            for kind in tun softwire; do
                echo "--- etc/org.softwire.$kind-$prefix$side.cfg"
                cfg "$kind" "$side" | tail -n +2
            done
        done
    fi
    plan
    echo "Then: ip netns exec $h1 ping $h2a   (softwire:list, io:devices in the console)"
}

"$action"
