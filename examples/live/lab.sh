#!/usr/bin/env bash
# Sets up (or tears down) the lab of docs/live.md: FRR ospfd in namespace tsim-frr1, on bridge
# tsim-br0 with the TAP device tsim-tap0 that tunnelsim attaches to.
#
#   sudo examples/live/lab.sh up
#   ./tunnelsim run examples/live/ospf-lan.yaml --live lan=tsim-tap0
#   sudo examples/live/lab.sh vtysh 'show ip ospf neighbor'
#   sudo examples/live/lab.sh down
#
# `lab.sh up bfd` also starts bfdd (frr1/bfdd.conf) and turns on "ip ospf bfd", for
# examples/live/ospf-bfd.yaml; `lab.sh vtysh 'show bfd peers'` shows the session.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lablib.sh"

NS=tsim-frr1
BR=tsim-br0
TAP=tsim-tap0
RUN=/run/tunnelsim-lab/$NS

case "${1:-}" in
  up)
    for t in ip ethtool vtysh; do command -v $t >/dev/null || { echo "lab.sh: $t is missing (apt-get install frr iproute2 ethtool)" >&2; exit 1; }; done
    [ -x "$FRR_DIR/ospfd" ] || { echo "lab.sh: $FRR_DIR/ospfd is missing (apt-get install frr)" >&2; exit 1; }
    lab_bridge $BR
    lab_tap $TAP $BR
    lab_ns $NS
    lab_veth $NS eth0 10.0.0.2/24 $BR tsim-v1
    ip netns exec $NS ip addr add 192.0.2.1/32 dev lo
    mkdir -p "$RUN"
    cp "$here/frr1/zebra.conf" "$here/frr1/ospfd.conf" "$RUN/"
    if [ "${2:-}" = bfd ]; then
      [ -x "$FRR_DIR/bfdd" ] || { echo "lab.sh: $FRR_DIR/bfdd is missing (apt-get install frr)" >&2; exit 1; }
      cp "$here/frr1/bfdd.conf" "$RUN/"
      # RxmtInterval 2 s as on r1: an LSA r1 refused for MinLSArrival comes again within 4 s (docs/live.md)
      sed -i 's/^ ip ospf priority 10$/&\n ip ospf bfd\n ip ospf retransmit-interval 2/' "$RUN/ospfd.conf"
      lab_frr_start $NS "$RUN" bfdd ospfd
      echo "lab up: FRR bfdd and ospfd (ip ospf bfd) in namespace $NS (10.0.0.2/24), TAP $TAP on bridge $BR"
      echo "next: ./tunnelsim run examples/live/ospf-bfd.yaml --live lan=$TAP"
    else
      lab_frr_start $NS "$RUN" ospfd
      echo "lab up: FRR ospfd in namespace $NS (10.0.0.2/24), TAP $TAP on bridge $BR"
      echo "next: ./tunnelsim run examples/live/ospf-lan.yaml --live lan=$TAP"
    fi
    ;;
  down)
    lab_frr_stop "$RUN" || true
    lab_ns_del $NS
    lab_link_del tsim-v1 $TAP $BR
    rm -rf "$RUN"
    echo "lab down"
    ;;
  vtysh)
    shift
    lab_vtysh "$RUN" "$@"
    ;;
  ping)
    shift
    ip netns exec $NS ping "$@"
    ;;
  *)
    echo "usage: $0 up [bfd] | down | vtysh COMMAND... | ping ARGS..." >&2
    exit 2
    ;;
esac
