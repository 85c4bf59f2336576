package org.turnladder.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IP address (4 or 16 bytes) and a port. Immutable; the address array is never exposed. */
public final class Endpoint implements Comparable<Endpoint> {
    private final byte[] address;
    private final int port;
    private final int hash;

    private Endpoint(byte[] address, int port) {
        this.address = address;
        this.port = port;
        this.hash = 31 * Arrays.hashCode(address) + port;
    }

    /** Copies {@code length} (4 or 16) address bytes from {@code buf} at {@code offset}. */
    public static Endpoint of(byte[] buf, int offset, int length, int port) {
        if (length != 4 && length != 16) {
            throw new IllegalArgumentException("address length " + length);
        }
        return new Endpoint(Arrays.copyOfRange(buf, offset, offset + length), port);
    }

    public static Endpoint of(InetAddress address, int port) {
        return new Endpoint(address.getAddress(), port);
    }

    /** Parses {@code ip:port} or {@code [ipv6]:port} (numeric addresses only). */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return of(InetAddress.getByName(host), Integer.parseInt(text.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }

    public boolean isIpv6() {
        return address.length == 16;
    }

    public int port() {
        return port;
    }

    public byte[] addressBytes() {
        return address.clone();
    }

    public InetAddress inetAddress() {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
        }
    }

    /** The address alone, as text ({@code 192.0.2.1}, {@code 2001:db8::1}). */
    public String host() {
        return Addresses.format(address);
    }

    /** The same address with another port. */
    public Endpoint withPort(int newPort) {
        return new Endpoint(address, newPort);
    }

    public boolean sameHost(Endpoint other) {
        return Arrays.equals(address, other.address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.port == port && Arrays.equals(e.address, address);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = Arrays.compareUnsigned(address, o.address);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    /** {@code ip:port}, or {@code [ipv6]:port}. */
    @Override
    public String toString() {
        return isIpv6() ? "[" + host() + "]:" + port : host() + ":" + port;
    }
}
