package org.allegationatlas.news.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules on literals (parsed, never looked up): what is refused, what is public, what the switch lifts. */
class AddressRulesTest {

    private final AddressRules byDefault = new AddressRules(false);
    private final AddressRules allowingPrivate = new AddressRules(true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | a loopback address",
            "127.255.0.9      | a loopback address",
            "::1              | a loopback address",
            "10.1.2.3         | a private address (RFC 1918)",
            "172.16.0.1       | a private address (RFC 1918)",
            "172.31.255.255   | a private address (RFC 1918)",
            "192.168.1.1      | a private address (RFC 1918)",
            "169.254.169.254  | a link-local address",
            "fe80::1          | a link-local address",
            "100.64.0.1       | a carrier-grade NAT address",
            "100.127.255.254  | a carrier-grade NAT address",
            "fc00::1          | a unique local address",
            "fdff:ffff::1     | a unique local address",
            "fec0::1          | a site-local address",
            "198.18.0.1       | a benchmarking address",
            "192.0.2.1        | a documentation address",
            "2001:db8::1      | a documentation address",
            "::ffff:10.0.0.1  | a private address (RFC 1918)",
            "::127.0.0.1      | a wrapper of 127.0.0.1, a loopback address",
            "64:ff9b::a00:1   | a wrapper of 10.0.0.1, a private address (RFC 1918)",
            "64:ff9b:1::1     | a local-use NAT64 address",
            "2002:7f00:1::    | a wrapper of 127.0.0.1, a loopback address",
            "2002:a9fe:a9fe:: | a wrapper of 169.254.169.254, a link-local address",
            "2001:0:4136:e378:8000:63bf:f5ff:fffe | a wrapper of 10.0.0.1, a private address (RFC 1918)",
    })
    void privateAddressesAreRefusedUnlessAllowed(String literal, String what) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        Optional<AddressRules.Refusal> refusal = byDefault.refusal(address);

        assertTrue(refusal.isPresent(), literal + " refused");
        assertTrue(refusal.get().what().startsWith(what), refusal.get().what());
        assertEquals(Optional.empty(), allowingPrivate.refusal(address), literal + " allowed by the switch");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0          | an unspecified address",
            "0.1.2.3          | an unspecified address",
            "::               | the unspecified address",
            "224.0.0.1        | a multicast address",
            "239.255.255.250  | a multicast address",
            "ff02::1          | a multicast address",
            "255.255.255.255  | a reserved address",
            "240.0.0.1        | a reserved address",
            "100::1           | a discard-only address",
            "64:ff9b::e000:1  | a wrapper of 224.0.0.1, a multicast address",
    })
    void addressesThatAreNeverAWebServerStayRefused(String literal, String what) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertTrue(byDefault.refusal(address).orElseThrow().what().startsWith(what));
        assertTrue(allowingPrivate.refusal(address).isPresent(), literal + " refused even with the switch");
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0",
            "172.15.255.255", "172.32.0.0", "169.253.1.1", "192.169.0.1", "223.255.255.255", "11.0.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::",
            "::ffff:8.8.4.4" })
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), byDefault.refusal(InetAddress.getByName(literal)), literal);
    }
}
