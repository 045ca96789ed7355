package dev.roster.scim.testkit;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Random users from a seeded generator, with text that JSON must escape (quotes, backslashes, control characters,
 * non-BMP characters), numbers of every shape, extension objects and attributes outside the default set: for
 * properties over renderings (ADR 026). Same seed, same users. Not thread-safe: one generator per test.
 *
 * <pre>{@code
 * RandomUsers random = new RandomUsers(42L);
 * User user = random.next(1);          // userName "user1" followed by random text
 * User later = random.changed(user);   // its next version
 * }</pre>
 */
public final class RandomUsers {

    private static final String[] PIECES = {"a", "Z", "é", "ß", "\"", "\\", "/", "\n", "\t", "\u0001", "\u2028",
        "😀", "<", "&", " ", "ǅ", "ﬃ", "0", "@", "'"};
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final Random random;

    /**
     * A generator whose users depend on the seed alone.
     *
     * @param seed the seed: the same seed gives the same users, so a failure replays
     */
    public RandomUsers(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The next random user: a random id, status, role, profile and times; never hidden, sometimes pending.
     *
     * @param serial a number that makes the userName unique among the users of one generator ({@code user<serial>}
     *               comes first)
     * @return the user
     */
    public User next(int serial) {
        Instant created = Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(1_000_000_000));
        Instant modified = created.plusNanos(random.nextInt(2_000_000_000));
        return new User(new UUID(random.nextLong(), random.nextLong()).toString(), "user" + serial + text(), optionalText(), random.nextBoolean(),
                Role.values()[random.nextInt(Role.values().length)], optionalText(), name(), emails(), others(),
                random.nextBoolean() ? Optional.empty() : Optional.of(random.nextBoolean()),
                ChangeSource.values()[random.nextInt(ChangeSource.values().length)], random.nextBoolean(), false,
                random.nextInt(4) == 0, 1 + random.nextInt(1_000), created, modified);
    }

    /**
     * The user as its next write stores it: another profile, the next version, a later time.
     *
     * @param user a user
     * @return the same user (id, userName, role, pending) with another profile and status, changed by SCIM
     */
    public User changed(User user) {
        return new User(user.id(), user.userName(), optionalText(), !user.active(), user.role(), optionalText(),
                name(), emails(), others(), user.idpActive(), ChangeSource.SCIM, user.claimedByIdp(), false,
                user.pending(), user.version() + 1, user.created(), user.lastModified().plusMillis(1 + random.nextInt(999)));
    }

    private Name name() {
        if (random.nextInt(3) == 0) {
            return Name.EMPTY;
        }
        return new Name(optionalText(), optionalText(), optionalText(), optionalText(), optionalText(), optionalText());
    }

    private List<Email> emails() {
        List<Email> emails = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            emails.add(new Email(text() + "@example.com", optionalText(), random.nextBoolean(), optionalText()));
        }
        return emails;
    }

    private ScimObject others() {
        ScimObject.Builder others = ScimObject.builder();
        if (random.nextBoolean()) {
            others.put("nickName", text());
        }
        if (random.nextBoolean()) {
            others.put("phoneNumbers", new ScimArray(List.of(ScimObject.builder().put("value", text())
                    .put("type", "work").put("primary", random.nextBoolean()).build())));
        }
        if (random.nextBoolean()) {
            others.put("x-score", number());
        }
        if (random.nextInt(4) == 0) {
            // outside the default set (returned: never): neither path shows it
            others.put("password", text());
        }
        if (random.nextBoolean()) {
            others.put(ENTERPRISE, ScimObject.builder()
                    .put("employeeNumber", text())
                    .put("costCenter", number())
                    .put("manager", ScimObject.builder().put("value", text()).put("displayName", text()).build())
                    .build());
        }
        return others.build();
    }

    private ScimValue number() {
        return switch (random.nextInt(4)) {
            case 0 -> ScimValue.of(random.nextLong());
            case 1 -> ScimValue.of(new BigDecimal("1.50"));
            case 2 -> ScimValue.of(BigDecimal.valueOf(random.nextDouble() * 1e6));
            default -> ScimValue.of(new BigDecimal("123456789012345678901234567890"));
        };
    }

    private Optional<String> optionalText() {
        return random.nextBoolean() ? Optional.empty() : Optional.of(text());
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
