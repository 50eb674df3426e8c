// RIPv2 diamond failover in ns-3, the reference run for tunnelsim's
// RipNs3DiamondOracleTest (docs/routing-rip-static.md, "ns-3 diamond").
//
//   src --- a --- b --- d --- dst        all links point-to-point, 100 Mbit/s, 2 ms
//            \         /
//             --- c ---                  c-d carries metric 10 at both ends
//
// a pings dst's address from src every --interval; at --fail the b-d link is shut at both
// ends (Ipv4::SetDown, the way a carrier loss reaches the routing protocol). Output, one fact
// per line, key=value:
//   route node=a dst=10.0.5.0 via=10.0.1.2 t=...    next hop to dst's subnet changed (polled)
//   window start=... end=... lost=...              each stretch of lost probes after --fail:
//                                                  send time of the first lost probe to the
//                                                  receive time of the next delivered one
//   outage=...                                     longest window, seconds
//
// Build: tools/ns3/build.sh (g++ against Debian's libns3-dev).
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

using namespace ns3;

namespace {

double g_interval = 0.1;
double g_start = 1.0;
std::map<long, double> g_replies;  // probe number -> receive time

void OnRtt(Time rtt) {
  double now = Simulator::Now().GetSeconds();
  long k = std::lround((now - rtt.GetSeconds() - g_start) / g_interval);
  g_replies.emplace(k, now);
}

std::string Hop(Ptr<Node> n, Ipv4Address to) {
  Ptr<Ipv4> ip = n->GetObject<Ipv4>();
  Ptr<Packet> p = Create<Packet>();
  Ipv4Header h;
  h.SetDestination(to);
  Socket::SocketErrno err;
  Ptr<Ipv4Route> r = ip->GetRoutingProtocol()->RouteOutput(p, h, nullptr, err);
  if (!r) {
    return "none";
  }
  std::ostringstream s;
  s << r->GetGateway();
  return s.str();
}

void Watch(Ptr<Node> n, std::string name, Ipv4Address to, std::string last, double step, double stop) {
  std::string now = Hop(n, to);
  if (now != last) {
    std::ostringstream dst;
    dst << to;
    std::printf("route node=%s dst=%s via=%s t=%.3f\n", name.c_str(), dst.str().c_str(), now.c_str(),
                Simulator::Now().GetSeconds());
  }
  if (Simulator::Now().GetSeconds() + step < stop) {
    Simulator::Schedule(Seconds(step), &Watch, n, name, to, now, step, stop);
  }
}

uint32_t IfIndex(Ptr<NetDevice> d) {
  return d->GetNode()->GetObject<Ipv4>()->GetInterfaceForDevice(d);
}

}  // namespace

int main(int argc, char** argv) {
  double fail = 40.0;
  double stop = 200.0;
  uint32_t run = 1;
  CommandLine cmd;
  cmd.AddValue("interval", "probe interval, s", g_interval);
  cmd.AddValue("fail", "time the b-d link is shut, s", fail);
  cmd.AddValue("stop", "end of the run, s", stop);
  cmd.AddValue("run", "RngRun (random stream of ns-3's RIP jitter)", run);
  cmd.Parse(argc, argv);
  RngSeedManager::SetSeed(1);
  RngSeedManager::SetRun(run);

  NodeContainer all;
  all.Create(6);
  Ptr<Node> src = all.Get(0), a = all.Get(1), b = all.Get(2), c = all.Get(3), d = all.Get(4), dst = all.Get(5);

  PointToPointHelper p2p;
  p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
  p2p.SetChannelAttribute("Delay", StringValue("2ms"));
  NetDeviceContainer lanA = p2p.Install(src, a);
  NetDeviceContainer ab = p2p.Install(a, b);
  NetDeviceContainer ac = p2p.Install(a, c);
  NetDeviceContainer bd = p2p.Install(b, d);
  NetDeviceContainer cd = p2p.Install(c, d);
  NetDeviceContainer lanD = p2p.Install(d, dst);

  // Interface numbers follow the order devices are installed (0 is the loopback):
  // a: 1 src, 2 b, 3 c; c: 1 a, 2 d; d: 1 b, 2 c, 3 dst.
  RipHelper rip;
  rip.ExcludeInterface(a, 1);
  rip.ExcludeInterface(d, 3);
  rip.SetInterfaceMetric(c, 2, 10);
  rip.SetInterfaceMetric(d, 2, 10);
  Ipv4ListRoutingHelper list;
  list.Add(rip, 0);
  InternetStackHelper routers;
  routers.SetIpv6StackInstall(false);
  routers.SetRoutingHelper(list);
  routers.Install(NodeContainer(a, b, c, d));
  InternetStackHelper hosts;
  hosts.SetIpv6StackInstall(false);
  hosts.Install(NodeContainer(src, dst));

  Ipv4AddressHelper addr;
  const char* nets[] = {"10.0.0.0", "10.0.1.0", "10.0.2.0", "10.0.3.0", "10.0.4.0", "10.0.5.0"};
  NetDeviceContainer devs[] = {lanA, ab, ac, bd, cd, lanD};
  Ipv4InterfaceContainer ifs[6];
  for (int i = 0; i < 6; i++) {
    addr.SetBase(nets[i], "255.255.255.0");
    ifs[i] = addr.Assign(devs[i]);
  }
  NS_ABORT_MSG_UNLESS(IfIndex(ab.Get(0)) == 2 && IfIndex(ac.Get(0)) == 3 && IfIndex(cd.Get(0)) == 2 &&
                          IfIndex(cd.Get(1)) == 2 && IfIndex(bd.Get(1)) == 1 && IfIndex(lanD.Get(0)) == 3,
                      "unexpected interface numbering");

  Ipv4StaticRoutingHelper statics;
  statics.GetStaticRouting(src->GetObject<Ipv4>())->SetDefaultRoute(ifs[0].GetAddress(1), 1);
  statics.GetStaticRouting(dst->GetObject<Ipv4>())->SetDefaultRoute(ifs[5].GetAddress(0), 1);

  V4PingHelper ping(ifs[5].GetAddress(1));
  ping.SetAttribute("Interval", TimeValue(Seconds(g_interval)));
  ping.SetAttribute("Size", UintegerValue(56));
  ApplicationContainer apps = ping.Install(src);
  apps.Start(Seconds(g_start));
  apps.Stop(Seconds(stop));
  apps.Get(0)->TraceConnectWithoutContext("Rtt", MakeCallback(&OnRtt));

  Simulator::Schedule(Seconds(fail), &Ipv4::SetDown, b->GetObject<Ipv4>(), IfIndex(bd.Get(0)));
  Simulator::Schedule(Seconds(fail), &Ipv4::SetDown, d->GetObject<Ipv4>(), IfIndex(bd.Get(1)));
  Simulator::Schedule(Seconds(0.5), &Watch, a, std::string("a"), Ipv4Address("10.0.5.0"), std::string(), 0.01, stop);
  Simulator::Schedule(Seconds(0.5), &Watch, d, std::string("d"), Ipv4Address("10.0.0.0"), std::string(), 0.01, stop);

  Simulator::Stop(Seconds(stop));
  Simulator::Run();
  Simulator::Destroy();

  long last = std::lround((stop - 1.0 - g_start) / g_interval);  // probes sent at least 1 s before the end
  long first = std::lround(std::ceil((fail - g_start) / g_interval));
  double longest = 0;
  for (long k = first; k <= last; k++) {
    if (g_replies.count(k)) {
      continue;
    }
    long lost = 0;
    long j = k;
    while (j <= last && !g_replies.count(j)) {
      lost++;
      j++;
    }
    double startT = g_start + k * g_interval;
    auto next = g_replies.lower_bound(j);
    if (next == g_replies.end()) {
      std::printf("window start=%.3f end=open lost=%ld\n", startT, lost);
      longest = -1;
      break;
    }
    std::printf("window start=%.3f end=%.3f lost=%ld\n", startT, next->second, lost);
    if (longest >= 0 && next->second - startT > longest) {
      longest = next->second - startT;
    }
    k = j;
  }
  if (longest < 0) {
    std::printf("outage=open\n");
  } else {
    std::printf("outage=%.3f\n", longest);
  }
  return 0;
}
