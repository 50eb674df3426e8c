#!/usr/bin/env bash
# Sets up (or tears down) the two-site lab of examples/live/two-sites.yaml: FRR ospfd in
# namespaces tsim-site-a (10.1.0.2/24, loopback 192.168.1.1) and tsim-site-b (10.2.0.2/24,
# loopback 192.168.2.1), each on its own bridge with the TAP device tunnelsim attaches to.
#
#   sudo examples/live/two-sites.sh up
#   sudo ./tunnelsim run examples/live/two-sites.yaml --live site-a=tsim-tapA,site-b=tsim-tapB
#   sudo examples/live/two-sites.sh ping                 # 192.168.1.1 -> 192.168.2.1, 5/s
#   sudo examples/live/two-sites.sh vtysh a 'show ip route ospf'
#   sudo examples/live/two-sites.sh down
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lablib.sh"
RUN=/run/tunnelsim-lab

# site_conf SITE N: ospfd.conf of site SITE (a or b) with LAN 10.N.0.0/24 and loopback 192.168.N.1
site_conf() {
  printf '%s\n' "hostname frr-$1" "interface eth0" " ip ospf hello-interval 1" " ip ospf dead-interval 4" \
    "router ospf" " ospf router-id 10.$2.0.2" " network 10.$2.0.0/24 area 0" " network 192.168.$2.1/32 area 0"
}

case "${1:-}" in
  up)
    for t in ip ethtool vtysh; do command -v $t >/dev/null || { echo "two-sites.sh: $t is missing (apt-get install frr iproute2 ethtool)" >&2; exit 1; }; done
    for s in a:1:A b:2:B; do
      site=${s%%:*}; rest=${s#*:}; n=${rest%%:*}; up=${rest#*:}
      ns=tsim-site-$site
      lab_bridge tsim-br$up
      lab_tap tsim-tap$up tsim-br$up
      lab_ns $ns
      lab_veth $ns eth0 10.$n.0.2/24 tsim-br$up tsim-v$up
      ip netns exec $ns ip addr add 192.168.$n.1/32 dev lo
      mkdir -p "$RUN/$ns"
      site_conf $site $n >"$RUN/$ns/ospfd.conf"
      lab_frr_start $ns "$RUN/$ns" ospfd
    done
    echo "lab up: frr-a in tsim-site-a (TAP tsim-tapA), frr-b in tsim-site-b (TAP tsim-tapB)"
    echo "next: ./tunnelsim run examples/live/two-sites.yaml --live site-a=tsim-tapA,site-b=tsim-tapB"
    ;;
  down)
    for s in a:A b:B; do
      site=${s%%:*}; up=${s#*:}
      lab_frr_stop "$RUN/tsim-site-$site" || true
      lab_ns_del tsim-site-$site
      lab_link_del tsim-v$up tsim-tap$up tsim-br$up
      rm -rf "$RUN/tsim-site-$site"
    done
    echo "lab down"
    ;;
  vtysh)
    site=${2:?site a or b}; shift 2
    lab_vtysh "$RUN/tsim-site-$site" "$@"
    ;;
  ping)
    ip netns exec tsim-site-a ping -n -i 0.2 -I 192.168.1.1 192.168.2.1
    ;;
  *)
    echo "usage: $0 up|down|vtysh a|b COMMAND...|ping" >&2
    exit 2
    ;;
esac
