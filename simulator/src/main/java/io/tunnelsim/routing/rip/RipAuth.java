package io.tunnelsim.routing.rip;

import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Authentication;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipPacket;
import io.tunnelsim.wire.WireDrop;
import java.security.MessageDigest;

/**
 * Authentication of one {@link RipProcess} (RFC 2453 §5.2 clear text, RFC 2082 keyed MD5): the
 * authentication entry of sent messages and the check of received ones. The digest and its
 * scratch buffer are made once and reused for every packet.
 */
final class RipAuth {
    private final RipProcess process;
    private MessageDigest md5;
    private final byte[] digestScratch = new byte[Authentication.DIGEST_LENGTH];

    RipAuth(RipProcess process) {
        this.process = process;
    }

    /** Makes the digest the first time an interface needs authentication. */
    void require(Authentication auth) {
        if (auth.mode() != Authentication.Mode.NONE && md5 == null) {
            md5 = Authentication.newMd5();
        }
    }

    /** Why the message of {@code len} bytes at {@code b[rip]} fails {@code auth}, or null when it passes. */
    WireDrop failure(byte[] b, int rip, int len, Authentication auth) {
        return RipCodec.authFailure(b, rip, len, auth, md5, digestScratch);
    }

    /** The message with the interface's authentication entry (and keyed-MD5 trailer). */
    PacketBuffer toBuffer(RipPacket m, Authentication auth) {
        if (auth.mode() == Authentication.Mode.NONE) {
            return RipCodec.toBuffer(m);
        }
        RipCodec.AuthField f = auth.mode() == Authentication.Mode.SIMPLE ? RipCodec.AuthField.simple(auth.paddedKey(16))
                : RipCodec.AuthField.md5(auth.keyId(), 20, Math.min(0xFFFF_FFFFL, process.node().scheduler().now() / SimTime.SECOND));
        int len = RipCodec.encodedLength(m, f);
        PacketBuffer pb = PacketBuffer.allocate(len);
        RipCodec.encode(m, f, auth.mode() == Authentication.Mode.MD5 ? auth.paddedKey(16) : null, md5, pb.array(), pb.append(len));
        return pb;
    }
}
