// RIP on a k x k grid of routers: the ns-3 side of `tunnelsim bench rip-grid`.
//
// Every router is joined to its right and lower neighbour by a point-to-point link
// (100 Mb/s, 5 ms, one /30 per link numbered as tunnelsim numbers them). RIPv2 runs on every
// interface with the timers both simulators use by default (RFC 2453: 30 s updates, 180 s
// timeout, 120 s garbage collection) and simple split horizon. The program runs the given
// simulated time and prints, one "key value" per line: wall seconds of the simulation, peak RSS
// in KiB (VmHWM), and the number of RIP routes router (0,0) holds at the end.
//
// Usage: rip-grid K SECONDS
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <fstream>

using namespace ns3;

static Ipv4Address
LinkBase(uint32_t link)
{
    // 10.0.0.0 + 4 * link: the same numbering as the tunnelsim side
    return Ipv4Address(0x0a000000u + 4u * link);
}

// VmHWM of this process, as the tunnelsim side reads its own: getrusage's maximum survives
// exec, so a child started from a JVM would report the launcher's figure.
static long
PeakRssKib()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key)
    {
        if (key == "VmHWM:")
        {
            long kib = 0;
            status >> kib;
            return kib;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

int
main(int argc, char* argv[])
{
    if (argc != 3)
    {
        std::fprintf(stderr, "usage: rip-grid K SECONDS\n");
        return 2;
    }
    const uint32_t k = std::strtoul(argv[1], nullptr, 10);
    const double seconds = std::strtod(argv[2], nullptr);
    RngSeedManager::SetSeed(1);

    NodeContainer routers;
    routers.Create(k * k);

    RipHelper rip;
    rip.Set("SplitHorizon", EnumValue(Rip::SPLIT_HORIZON));
    rip.Set("UnsolicitedRoutingUpdate", TimeValue(Seconds(30)));
    rip.Set("TimeoutDelay", TimeValue(Seconds(180)));
    rip.Set("GarbageCollectionDelay", TimeValue(Seconds(120)));
    Ipv4ListRoutingHelper list;
    list.Add(rip, 0);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(list);
    stack.Install(routers);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    Ipv4AddressHelper addresses;
    uint32_t link = 0;
    for (uint32_t r = 0; r < k; r++)
    {
        for (uint32_t c = 0; c < k; c++)
        {
            uint32_t self = r * k + c;
            if (c + 1 < k)
            {
                NetDeviceContainer d = p2p.Install(routers.Get(self), routers.Get(self + 1));
                addresses.SetBase(LinkBase(link++), "255.255.255.252");
                addresses.Assign(d);
            }
            if (r + 1 < k)
            {
                NetDeviceContainer d = p2p.Install(routers.Get(self), routers.Get(self + k));
                addresses.SetBase(LinkBase(link++), "255.255.255.252");
                addresses.Assign(d);
            }
        }
    }
    rip.AssignStreams(routers, 0);

    Simulator::Stop(Seconds(seconds));
    auto t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    auto t1 = std::chrono::steady_clock::now();

    std::ostringstream table;
    Ptr<OutputStreamWrapper> out = Create<OutputStreamWrapper>(&table);
    routers.Get(0)->GetObject<Ipv4>()->GetRoutingProtocol()->PrintRoutingTable(out, Time::S);
    uint32_t routes = 0;
    std::istringstream lines(table.str());
    std::string line;
    while (std::getline(lines, line))
    {
        // route lines start with the destination address; RIP's table lists its own routes
        if (line.rfind("10.", 0) == 0)
        {
            routes++;
        }
    }
    Simulator::Destroy();

    std::printf("wall_seconds %.3f\n", std::chrono::duration<double>(t1 - t0).count());
    std::printf("peak_rss_kib %ld\n", PeakRssKib());
    std::printf("links %u\n", link);
    std::printf("routes_at_corner %u\n", routes);
    return 0;
}
