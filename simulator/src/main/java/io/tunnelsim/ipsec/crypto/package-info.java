/**
 * The cryptography of ESP transforms, behind a small interface: {@link
 * io.tunnelsim.ipsec.crypto.EspCipher} (IV, encrypt/decrypt in place, ICV) created by an {@link
 * io.tunnelsim.ipsec.crypto.EspCipherProvider}. {@link
 * io.tunnelsim.ipsec.crypto.BouncyCastleEspCipherProvider} and its package-private ciphers are the
 * only code in the simulator that imports BouncyCastle.
 *
 * <p>Nothing here draws randomness: IVs derive from the SA's sequence number (GCM: the counter
 * itself; CBC: the counter encrypted under the SA key), so a run repeats byte for byte.
 */
package io.tunnelsim.ipsec.crypto;
