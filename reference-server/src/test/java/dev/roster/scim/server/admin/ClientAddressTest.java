package dev.roster.scim.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnClient() {
        assertThat(ClientAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void everyAddressOfAnIpv6SlashSixtyFourIsOneClient() {
        assertThat(ClientAddress.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Client() {
        assertThat(ClientAddress.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
