package dev.roster.scim.server.admin;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key failed sign-ins are counted under: the client's IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber usually holds a whole /64 and could otherwise start afresh with each of its addresses). Behind a
 * reverse proxy every client has the proxy's address; the throttle then holds for all of them together.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        InetAddress address;
        try {
            // Only ever a numeric address here (the socket's peer), so no name is looked up.
            address = InetAddress.getByName(remoteAddress.strip());
        } catch (UnknownHostException | SecurityException e) {
            return remoteAddress.strip();
        }
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
