#!/usr/bin/env bash
# Captures real FRR routing traffic as classic pcap files for tunnelsim's codec replay tests
# (simulator/src/test/resources/interop/pcap/, read by FrrCaptureReplayTest). Each capture is
# two FRR routers in their own namespaces on a private bridge; tshark listens on the bridge.
#
#   sudo examples/live/capture-frr.sh [OUTDIR]
#
#   ospf-broadcast.pcap  hello/DD/LSR/LSU/LSAck on a LAN (DR/BDR), router-, network-, opaque
#                        (router information, RFC 7770) and AS-external LSAs; the static route
#                        behind the AS-external LSA is removed, so it is flushed at MaxAge
#   ospf-p2p-md5.pcap    point-to-point, keyed MD5 (key 1), cryptographic sequence numbers
#   ospf-p2p-simple.pcap point-to-point, simple password
#   rip.pcap / rip-simple.pcap / rip-md5.pcap
#                        RIPv2 without authentication, with a clear-text password, keyed MD5
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lablib.sh"
out=${1:-$here/../../simulator/src/test/resources/interop/pcap}
mkdir -p "$out"
work=$(mktemp -d /tmp/tsim-capture.XXXXXX)
chmod 755 "$work"
pids=()

# pair TAG CONF_A CONF_B SECONDS FILE [ACTION_AT ACTION]: two routers 10.77.N.1/.2 on bridge TAG-br
pair() {
  local tag=$1 conf_a=$2 conf_b=$3 secs=$4 file=$5 at=${6:-} action=${7:-}
  local n=$((RANDOM % 200 + 20))
  lab_link_del "${tag}b" 2>/dev/null || true
  lab_bridge "${tag}b"
  for side in a b; do
    lab_ns_del "$tag$side" 2>/dev/null || true
    lab_ns "$tag$side"
    mkdir -p "$work/$tag$side"
  done
  lab_veth "${tag}a" eth0 10.77.$n.1/24 "${tag}b" "${tag}va"
  lab_veth "${tag}b" eth0 10.77.$n.2/24 "${tag}b" "${tag}vb"
  ip netns exec "${tag}a" ip addr add 192.0.2.1/32 dev lo
  ip netns exec "${tag}a" ip addr add 198.51.100.1/24 dev lo
  ip netns exec "${tag}b" ip addr add 192.0.2.2/32 dev lo
  tshark -q -i "${tag}b" -F pcap -w "$work/$file" -f 'ip proto 89 or udp port 520' </dev/null >/dev/null 2>&1 &
  local tpid=$! i
  # the capture starts when its file appears
  for i in $(seq 300); do [ -s "$work/$file" ] && break; sleep 0.1; done
  printf '%s\n' "$conf_a" | sed "s/NET/10.77.$n.0/" >"$work/${tag}a/$(first_daemon "$conf_a").conf"
  printf '%s\n' "$conf_b" | sed "s/NET/10.77.$n.0/" >"$work/${tag}b/$(first_daemon "$conf_b").conf"
  lab_frr_start "${tag}a" "$work/${tag}a" "$(first_daemon "$conf_a")"
  lab_frr_start "${tag}b" "$work/${tag}b" "$(first_daemon "$conf_b")"
  if [ -n "$at" ]; then
    sleep "$at"
    ip netns exec "${tag}a" bash -c "$action"
    sleep $((secs - at))
  else
    sleep "$secs"
  fi
  kill -INT "$tpid"
  wait "$tpid" || true
  lab_frr_stop "$work/${tag}a"
  lab_frr_stop "$work/${tag}b"
  lab_ns_del "${tag}a"
  lab_ns_del "${tag}b"
  lab_link_del "${tag}va" "${tag}vb" "${tag}b"
  cp "$work/$file" "$out/$file"
  echo "captured $file ($(tshark -r "$out/$file" 2>/dev/null | wc -l) packets)"
}

first_daemon() { case "$1" in *"router rip"*) echo ripd ;; *) echo ospfd ;; esac; }

ospf_if='interface eth0
 ip ospf hello-interval 1
 ip ospf dead-interval 4'
ospf_router() { printf 'router ospf\n ospf router-id %s\n network NET/24 area 0\n network %s/32 area 0\n%s\n' "$1" "$2" "${3:-}"; }

# OSPF on a LAN: opaque router-information LSAs, an AS-external LSA for 198.51.100.0/24 (a
# connected prefix of a's loopback), then its flush at MaxAge when the prefix goes away
(pair cob "hostname a
$ospf_if
 ip ospf priority 10
$(ospf_router 10.77.0.1 192.0.2.1 " capability opaque
 router-info area
 redistribute connected route-map ext
route-map ext permit 10
 match ip address prefix-list ext
ip prefix-list ext seq 5 permit 198.51.100.0/24")" "hostname b
$ospf_if
$(ospf_router 10.77.0.2 192.0.2.2 " capability opaque
 router-info area")" 16 ospf-broadcast.pcap 9 "ip addr del 198.51.100.1/24 dev lo") &
pids+=($!)

(pair cop "hostname a
$ospf_if
 ip ospf network point-to-point
 ip ospf authentication message-digest
 ip ospf message-digest-key 1 md5 s3cret
$(ospf_router 10.77.0.1 192.0.2.1)" "hostname b
$ospf_if
 ip ospf network point-to-point
 ip ospf authentication message-digest
 ip ospf message-digest-key 1 md5 s3cret
$(ospf_router 10.77.0.2 192.0.2.2)" 10 ospf-p2p-md5.pcap) &
pids+=($!)

(pair cos "hostname a
$ospf_if
 ip ospf network point-to-point
 ip ospf authentication
 ip ospf authentication-key tunnel1
$(ospf_router 10.77.0.1 192.0.2.1)" "hostname b
$ospf_if
 ip ospf network point-to-point
 ip ospf authentication
 ip ospf authentication-key tunnel1
$(ospf_router 10.77.0.2 192.0.2.2)" 10 ospf-p2p-simple.pcap) &
pids+=($!)

rip_conf() { printf 'hostname %s\n%s\nrouter rip\n network eth0\n redistribute connected\n timers basic 2 12 8\n' "$1" "${2:-}"; }
(pair crp "$(rip_conf a)" "$(rip_conf b)" 8 rip.pcap) &
pids+=($!)
(pair crs "$(rip_conf a "interface eth0
 ip rip authentication mode text
 ip rip authentication string s3cret")" "$(rip_conf b "interface eth0
 ip rip authentication mode text
 ip rip authentication string s3cret")" 8 rip-simple.pcap) &
pids+=($!)
(pair crm "$(rip_conf a "key chain k
 key 1
  key-string s3cret
interface eth0
 ip rip authentication mode md5
 ip rip authentication key-chain k")" "$(rip_conf b "key chain k
 key 1
  key-string s3cret
interface eth0
 ip rip authentication mode md5
 ip rip authentication key-chain k")" 8 rip-md5.pcap) &
pids+=($!)

rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
rm -rf "$work"
exit $rc
