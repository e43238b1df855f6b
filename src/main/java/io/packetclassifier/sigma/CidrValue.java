package io.packetclassifier.sigma;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code cidr}: the field holds an IP address literal inside the network. */
record CidrValue(byte[] network, int prefixBits) implements ValueMatcher {

    static CidrValue parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = address(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not a CIDR network: " + cidr);
        }
        try {
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("prefix length " + bits + " out of range in " + cidr);
            }
            return new CidrValue(address, bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + cidr);
        }
    }

    /**
     * The bytes of an IP address literal: four decimal octets, or IPv6 (with a ':'); null for anything
     * else. Never a name lookup, and none of InetAddress's lenient IPv4 forms ("1.2.3", "0x7f.1").
     */
    static byte[] address(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal with ':' is never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        byte[] address = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && octet < 4) {
                address[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return octet == 4 ? address : null;
    }

    @Override
    public boolean matches(EventView event, int field) {
        String value = event.raw(field);
        byte[] address = value == null ? null : address(value);
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
