#!/usr/bin/env bash
# Builds tools/ns3/rip-diamond.cc against Debian's libns3-dev (ns-3.37).
# Usage: tools/ns3/build.sh OUTPUT   (exit 3 when libns3-dev is not installed)
set -euo pipefail
out=${1:?usage: build.sh OUTPUT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -f /usr/include/ns3/rip-helper.h ] || ! ls /usr/lib/*/libns3-internet.so >/dev/null 2>&1; then
  echo "libns3-dev is not installed (apt-get install libns3-dev)" >&2
  exit 3
fi
g++ -std=c++17 -O1 -w -o "$out" "$here/rip-diamond.cc" \
  -lns3-internet-apps -lns3-point-to-point -lns3-internet -lns3-network -lns3-core -lns3-stats -lns3-bridge -lns3-traffic-control
