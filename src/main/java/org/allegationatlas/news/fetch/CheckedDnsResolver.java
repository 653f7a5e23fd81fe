package org.allegationatlas.news.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.core5.net.InetAddressUtils;

/**
 * The only way HttpClient learns where to connect: resolves a host, drops every address the
 * {@link AddressRules} refuse and hands back the rest, so the socket opens to exactly an address that
 * was checked. Called for every connection (every hop, every retry), which defeats DNS rebinding: a
 * name that resolved to a public address for one check cannot resolve to a private one for the connection.
 */
final class CheckedDnsResolver implements DnsResolver {

    /** How names become addresses: the system's resolver, or a table in tests. */
    @FunctionalInterface
    interface NameResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        NameResolver SYSTEM = InetAddress::getAllByName;
    }

    /** Refused: no address of the host may be connected to. An UnknownHostException so HttpClient passes it through. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String detail) {
            super(detail);
        }
    }

    /** How addresses are judged: {@link AddressRules#refusal}, or a stand-in in tests. */
    @FunctionalInterface
    interface AddressPolicy {
        Optional<AddressRules.Refusal> refusal(InetAddress address);
    }

    private final NameResolver names;
    private final AddressPolicy policy;
    private final boolean allowPrivate;

    CheckedDnsResolver(NameResolver names, AddressPolicy policy, boolean allowPrivate) {
        this.names = names;
        this.policy = policy;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // a literal is parsed here, never looked up; only names go to the resolver
        InetAddress[] all = isLiteral(bare) ? new InetAddress[] { InetAddress.getByName(bare) } : names.resolve(bare);
        if (all == null || all.length == 0) {
            throw new UnknownHostException(bare);
        }
        List<InetAddress> allowed = new ArrayList<>(all.length);
        AddressRules.Refusal first = null;
        for (InetAddress address : all) {
            Optional<AddressRules.Refusal> refusal = policy.refusal(address);
            if (refusal.isEmpty()) {
                allowed.add(address);
            } else if (first == null) {
                first = refusal.get();
            }
        }
        if (allowed.isEmpty()) {
            throw new AddressRefused(explain(bare, first));
        }
        return allowed.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        // the same checked addresses; overridden so a future default cannot bypass the check
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            sockets.add(new InetSocketAddress(address, port));
        }
        return sockets;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only for Kerberos, which the fetcher never uses; no reverse lookups
    }

    private String explain(String host, AddressRules.Refusal refusal) {
        String address = refusal.address().getHostAddress();
        String subject;
        if (!isLiteral(host)) {
            subject = host + " resolves to " + address + ", ";
        } else if (sameAddress(host, refusal.address())) {
            subject = host + " is ";
        } else {
            subject = host + " is " + address + ", ";
        }
        String remedy = refusal.privateUse() && !allowPrivate
                ? "; the service fetches only public addresses (set ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow private ones)"
                : "; the service never connects there";
        return subject + refusal.what() + remedy;
    }

    private static boolean isLiteral(String host) {
        return InetAddressUtils.isIPv4(host) || host.contains(":"); // names never hold a colon
    }

    private static boolean sameAddress(String literal, InetAddress address) {
        // ::ffff:127.0.0.1 is parsed as 127.0.0.1: same value, but worth spelling out
        boolean sameFamily = InetAddressUtils.isIPv4(literal) == (address instanceof Inet4Address);
        return sameFamily && address.getHostAddress().equalsIgnoreCase(expand(literal));
    }

    private static String expand(String ipv6) {
        try {
            return InetAddress.getByName(ipv6).getHostAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return ipv6;
        }
    }
}
