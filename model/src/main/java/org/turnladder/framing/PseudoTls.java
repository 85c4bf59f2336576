package org.turnladder.framing;

/**
 * Microsoft's pseudo-TLS hello (MS-TURN §2.1.1): one fake TLS record each way on TCP 443 before MS-TURN framing
 * starts. Nothing in it is encrypted; it only has to pass firewalls that expect TLS.
 */
public final class PseudoTls {
    /** 50 bytes: record length 45, ClientHello length 41, version 3.1, one cipher 0x0018, null compression. */
    static final int CLIENT_HELLO_LENGTH = 50;
    /** 83 bytes: ServerHello (length 70, 32-byte session id, cipher 0x0018) + ServerHelloDone in one record. */
    static final int SERVER_HELLO_LENGTH = 83;

    private PseudoTls() {
    }

    public static boolean isClientHello(byte[] b, int off, int avail) {
        return avail >= 11 && starts(b, off, 0x16, 0x03, 0x01, 0x00, 0x2D, 0x01, 0x00, 0x00, 0x29, 0x03, 0x01)
                && (avail < CLIENT_HELLO_LENGTH || (b[off + 43] == 0 && b[off + 44] == 0 && b[off + 45] == 0x02
                && b[off + 46] == 0 && b[off + 47] == 0x18));
    }

    public static boolean isServerHello(byte[] b, int off, int avail) {
        return avail >= 11 && starts(b, off, 0x16, 0x03, 0x01, 0x00, 0x4E, 0x02, 0x00, 0x00, 0x46, 0x03, 0x01)
                && (avail < SERVER_HELLO_LENGTH || (b[off + 79] == 0x0E && b[off + 80] == 0));
    }

    private static boolean starts(byte[] b, int off, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((b[off + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
