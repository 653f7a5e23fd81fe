package org.allegationatlas.news.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the fetcher may connect to: public unicast ones only, unless
 * {@code atlas.fetch.allow-private-addresses} lets it reach the private ones too (tests, intranets).
 * Hand-written (no well-kept Java library classifies addresses for this): a table of the IANA
 * special-purpose blocks, and the IPv6 forms that wrap an IPv4 address (mapped, compatible, NAT64,
 * 6to4, Teredo) judged by the address they wrap, so {@code ::ffff:127.0.0.1} is loopback too.
 */
public final class AddressRules {

    /** Why an address is refused, and whether the private-address switch lifts the refusal. */
    public record Refusal(InetAddress address, String what, boolean privateUse) {
    }

    /** A block of addresses: {@code prefix/bits}, what it is, and whether it is local (vs. never a web server). */
    private record Block(byte[] prefix, int bits, String what, boolean privateUse) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final String PRIVATE = "a private address (RFC 1918)";

    // prefixes as numbers, not InetAddress: no resolver class touched when the table is built (a native
    // image builds it at build time, where InetAddress may not be initialized)
    private static final List<Block> IPV4 = List.of(
            v4(0, 0, 0, 0, 8, "an unspecified address (0.0.0.0/8, which reaches this machine)", false),
            v4(10, 0, 0, 0, 8, PRIVATE, true),
            v4(100, 64, 0, 0, 10, "a carrier-grade NAT address (100.64.0.0/10)", true),
            v4(127, 0, 0, 0, 8, "a loopback address", true),
            v4(169, 254, 0, 0, 16, "a link-local address (where cloud metadata services answer)", true),
            v4(172, 16, 0, 0, 12, PRIVATE, true),
            v4(192, 0, 0, 0, 24, "an IETF protocol address (192.0.0.0/24)", true),
            v4(192, 0, 2, 0, 24, "a documentation address (TEST-NET-1)", true),
            v4(192, 88, 99, 0, 24, "a 6to4 relay address (192.88.99.0/24)", true),
            v4(192, 168, 0, 0, 16, PRIVATE, true),
            v4(198, 18, 0, 0, 15, "a benchmarking address (198.18.0.0/15)", true),
            v4(198, 51, 100, 0, 24, "a documentation address (TEST-NET-2)", true),
            v4(203, 0, 113, 0, 24, "a documentation address (TEST-NET-3)", true),
            v4(224, 0, 0, 0, 4, "a multicast address", false),
            v4(240, 0, 0, 0, 4, "a reserved address (240.0.0.0/4, broadcast included)", false));

    private static final List<Block> IPV6 = List.of(
            v6(128, "the unspecified address (::, which reaches this machine)", false),
            v6(128, "a loopback address", true, 0, 0, 0, 0, 0, 0, 0, 1),
            v6(48, "a local-use NAT64 address (64:ff9b:1::/48)", true, 0x64, 0xff9b, 1),
            v6(64, "a discard-only address (100::/64)", false, 0x100),
            v6(32, "a documentation address (2001:db8::/32)", true, 0x2001, 0xdb8),
            v6(7, "a unique local address (fc00::/7, IPv6's private addresses)", true, 0xfc00),
            v6(10, "a link-local address", true, 0xfe80),
            v6(10, "a site-local address (fec0::/10)", true, 0xfec0),
            v6(8, "a multicast address", false, 0xff00));

    private final boolean allowPrivate;

    public AddressRules(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why the fetcher must not connect to {@code address}, or empty when it may. */
    public Optional<Refusal> refusal(InetAddress address) {
        Optional<Refusal> refusal = classify(address);
        if (refusal.isPresent() && refusal.get().privateUse() && allowPrivate) {
            return Optional.empty();
        }
        return refusal;
    }

    /** The special-purpose block {@code address} is in, whatever the switch says; empty for a public address. */
    static Optional<Refusal> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return find(IPV4, address, bytes);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of(new Refusal(address, "not an IP address", false));
        }
        Optional<Refusal> own = find(IPV6, address, bytes);
        if (own.isPresent()) {
            return own;
        }
        Optional<byte[]> wrapped = wrappedIpv4(bytes);
        if (wrapped.isPresent()) {
            InetAddress inner = ipv4(wrapped.get());
            return classify(inner).map(r -> new Refusal(address,
                    "a wrapper of " + inner.getHostAddress() + ", " + r.what(), r.privateUse()));
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address stands for, where the IPv6 form is only a way to reach it. */
    private static Optional<byte[]> wrappedIpv4(byte[] b) {
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(copy(b, 12)); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (isZero(b, 0, 12)) {
            return Optional.of(copy(b, 12)); // ::a.b.c.d, IPv4-compatible (deprecated)
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return Optional.of(copy(b, 12)); // 64:ff9b::a.b.c.d, NAT64 well-known prefix
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(copy(b, 2)); // 2002:aabb:ccdd::, 6to4
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            byte[] client = copy(b, 12); // 2001:0::/32, Teredo: the client's address, inverted
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return Optional.of(client);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> find(List<Block> blocks, InetAddress address, byte[] bytes) {
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return Optional.of(new Refusal(address, block.what(), block.privateUse()));
            }
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(byte[] b, int from) {
        byte[] four = new byte[4];
        System.arraycopy(b, from, four, 0, 4);
        return four;
    }

    private static InetAddress ipv4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static Block v4(int a, int b, int c, int d, int bits, String what, boolean privateUse) {
        return new Block(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d }, bits, what, privateUse);
    }

    /** An IPv6 block from its leading 16-bit groups (the rest zero). */
    private static Block v6(int bits, String what, boolean privateUse, int... groups) {
        byte[] prefix = new byte[16];
        for (int i = 0; i < groups.length; i++) {
            prefix[2 * i] = (byte) (groups[i] >> 8);
            prefix[2 * i + 1] = (byte) groups[i];
        }
        return new Block(prefix, bits, what, privateUse);
    }
}
