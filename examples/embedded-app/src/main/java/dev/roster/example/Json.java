package dev.roster.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.core.port.out.Account;

/** The application's own JSON view of an account (not SCIM: this is what its pages would use). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String of(Account account) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("rosterId", account.id())
                .put("userName", account.userName())
                .put("active", account.active())
                .put("role", account.role().scimValue())
                .put("rosterVersion", account.version());
        account.email().ifPresent(email -> node.put("email", email));
        return node.toString();
    }
}
