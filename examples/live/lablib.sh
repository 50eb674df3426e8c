# Shell functions that build a lab of real routers (FRR in network namespaces) around tunnelsim's
# TAP devices. Sourced by lab.sh, by the interop capture script and by the interop tests.
# Everything needs root (or CAP_NET_ADMIN + CAP_SYS_ADMIN); names are at most 15 characters.

FRR_DIR=${FRR_DIR:-/usr/lib/frr}

# lab_bridge BR: a Linux bridge, no STP, no IGMP snooping (OSPF and RIP multicast is flooded).
lab_bridge() {
  ip link add "$1" type bridge stp_state 0 forward_delay 0 mcast_snooping 0
  ip link set "$1" up
}

# lab_tap TAP BR: a persistent TAP device in bridge BR, for `tunnelsim run --live SEGMENT=TAP`.
lab_tap() {
  ip tuntap add mode tap name "$1"
  ip link set "$1" master "$2" up
  ethtool -K "$1" tx off >/dev/null 2>&1 || true
}

# lab_ns NS: a network namespace with its loopback up.
lab_ns() {
  ip netns add "$1"
  ip netns exec "$1" ip link set lo up
}

# lab_veth NS IF ADDR BR HOSTIF: veth pair, HOSTIF in bridge BR, IF with ADDR inside NS.
# TX checksum offload is turned off on both ends: otherwise frames leave with partial UDP
# checksums, which a simulated receiver (like any receiver behind a real wire) would drop.
lab_veth() {
  ip link add "$5" type veth peer name "$2" netns "$1"
  ethtool -K "$5" tx off >/dev/null 2>&1 || true
  ip link set "$5" master "$4" up
  ip netns exec "$1" ethtool -K "$2" tx off >/dev/null 2>&1 || true
  ip netns exec "$1" ip addr add "$3" dev "$2"
  ip netns exec "$1" ip link set "$2" up
}

# lab_frr_start NS DIR DAEMON...: runs zebra and the daemons inside NS with DIR/<daemon>.conf,
# pid files, vty sockets and logs in DIR (owned by the frr user, as FRR requires).
lab_frr_start() {
  local ns=$1 dir=$2 d
  shift 2
  chown -R frr:frr "$dir"
  for d in zebra "$@"; do
    [ -f "$dir/$d.conf" ] || echo "hostname $ns" >"$dir/$d.conf"
    chown frr:frr "$dir/$d.conf"
    ip netns exec "$ns" "$FRR_DIR/$d" -d -f "$dir/$d.conf" -i "$dir/$d.pid" -z "$dir/zserv.api" \
      --vty_socket "$dir" --log "file:$dir/$d.log" </dev/null >/dev/null 2>"$dir/$d.stderr" || {
      cat "$dir/$d.stderr" >&2; return 1; }
    if [ "$d" = zebra ]; then
      for _ in $(seq 50); do [ -S "$dir/zserv.api" ] && break; sleep 0.1; done
    fi
  done
}

# lab_frr_stop DIR: stops the daemons started by lab_frr_start DIR (SIGTERM, then SIGKILL).
lab_frr_stop() {
  local p pid
  for p in "$1"/*.pid; do
    [ -f "$p" ] || continue
    pid=$(cat "$p")
    kill "$pid" 2>/dev/null || true
  done
  sleep 0.3
  for p in "$1"/*.pid; do
    [ -f "$p" ] || continue
    pid=$(cat "$p")
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$p"
  done
}

# lab_vtysh DIR COMMAND...: runs vtysh commands against the daemons of DIR.
lab_vtysh() {
  local dir=$1 args=() c
  shift
  for c in "$@"; do args+=(-c "$c"); done
  vtysh --vty_socket "$dir" "${args[@]}"
}

# lab_ns_del NS: ends what still runs in NS and deletes it.
lab_ns_del() {
  local pids
  pids=$(ip netns pids "$1" 2>/dev/null || true)
  [ -z "$pids" ] || kill $pids 2>/dev/null || true
  ip netns del "$1" 2>/dev/null || true
}

# lab_link_del IF...: deletes links (bridges, TAPs, host ends of veths) that exist.
lab_link_del() {
  local i
  for i in "$@"; do ip link del "$i" 2>/dev/null || true; done
}
