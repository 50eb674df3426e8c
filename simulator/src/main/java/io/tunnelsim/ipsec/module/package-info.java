/**
 * IPsec as a network module ({@link io.tunnelsim.ipsec.module.IpsecModule}): its YAML (the
 * topology's {@code ipsec:} profiles and the interfaces' {@code protection} / {@code crypto-map}),
 * its checks, its installation on the built network and {@code show crypto ipsec sa}. Above
 * {@code ipsec} (the runtime) and {@code topology} (the reading tools and the module SPI), below
 * {@code scenario}, which finds it through {@code topology.NetworkModules}.
 */
package io.tunnelsim.ipsec.module;
