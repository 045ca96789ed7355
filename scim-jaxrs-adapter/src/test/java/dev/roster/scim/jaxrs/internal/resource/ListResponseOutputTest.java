package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.testkit.RandomUsers;
import dev.roster.scim.testkit.Stores;
import jakarta.ws.rs.core.StreamingOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ListResponse built whole puts on the wire the bytes the tree of before gave ({@link ScimResponses#listResponse}
 * of {@link ScimUsers#render} written by {@link ScimJson}), whether each user comes as a stored rendering with
 * {@code meta.location} spliced in, or as a user rendered now; and it reaches the response stream in one write.
 */
class ListResponseOutputTest {

    private static final String USERS = "https://idp.example.com/c/acme/auth/scim/v2/Users";

    private final ScimUsers scimUsers = scimUsers();

    @Test
    void storedRenderingsWithTheirLocationsAreTheBytesOfTheTree() throws IOException {
        RandomUsers random = new RandomUsers(42L);
        // pages of 1, 10 and 200: the last far beyond one chunk of the writer's buffer
        for (int size : new int[] {1, 10, 10, 10, 200, 200}) {
            assertSameBytes(randomUsers(random, size));
        }
    }

    @Test
    void aRenderingLargerThanTheWritersChunkIsWrittenWhole() throws IOException {
        RandomUsers random = new RandomUsers(7L);
        User small = random.next(0);
        User big = random.next(1);
        big = big.withProfile(big.userName(), big.externalId(), Optional.of("é𝄞\"x".repeat(8_000)), big.name(),
                big.emails(), big.otherAttributes());

        assertSameBytes(List.of(small, big, random.next(2)));
        assertSameBytes(List.of(big));
    }

    @Test
    void oneUserAndNonAsciiTextAndLocationsAreTheBytesOfTheTree() throws IOException {
        RandomUsers random = new RandomUsers(3L);
        User user = random.next(0);
        user = user.withProfile(user.userName(), user.externalId(), Optional.of("Zoë Ødegård 東京 😀"), user.name(),
                user.emails(), user.otherAttributes());
        assertSameBytes(List.of(user));

        // a site name outside the unreserved set: its base is percent-encoded, still ASCII, before JSON escaping
        String encodedSite = UserLocations.usersUri(URI.create("https://idp.example.com/"), "zoë \"x\"");
        assertSameBytes(List.of(user, random.next(1)), encodedSite);
        // a base with a non-ASCII path as an embedder's public URL might have it: UTF-8 in the JSON string
        assertSameBytes(List.of(user, random.next(2)), "https://idp.example.com/zoë/c/acme/auth/scim/v2/Users");
    }

    @Test
    void aProjectedPageIsTheBytesOfTheTree() throws IOException {
        List<User> users = randomUsers(new RandomUsers(5L), 30);
        UserLocations locations = UserLocations.under(USERS);
        for (RequestedAttributes requested : List.of(
                RequestedAttributes.of(Optional.of("userName,emails"), Optional.empty()),
                RequestedAttributes.of(Optional.empty(), Optional.of("name,meta")))) {
            Function<User, ScimObject> projected = user -> scimUsers.render(user, locations.of(user.id()), requested);
            byte[] tree = ScimJson.writeBytes(ScimResponses.listResponse(1234, 21,
                    users.stream().map(projected).toList(), false));

            assertThat(bytes(ListResponseOutput.users(new UserPage(users, 1234, 21), projected, false)))
                    .isEqualTo(tree);
        }
    }

    private void assertSameBytes(List<User> users) throws IOException {
        assertSameBytes(users, USERS);
    }

    private void assertSameBytes(List<User> users, String usersUri) throws IOException {
        UserLocations locations = UserLocations.under(usersUri);
        RenderedPage rendered = renderings(users);

        byte[] tree = ScimJson.writeBytes(ScimResponses.listResponse(1234, 21, users.stream()
                .map(user -> scimUsers.render(user, usersUri + "/" + user.id(),
                        RequestedAttributes.DEFAULT)).toList(), false));

        assertThat(bytes(RenderedListResponse.of(rendered, locations, false))).isEqualTo(tree);
        assertThat(bytes(ListResponseOutput.users(new UserPage(users, 1234, 21), rendered(locations),
                false))).isEqualTo(tree);
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            assertThat(bytes(RenderedListResponse.user(rendered.users().get(i), locations))).isEqualTo(
                    ScimJson.writeBytes(scimUsers.render(user, locations.of(user.id()), RequestedAttributes.DEFAULT)));
        }
    }

    @Test
    void totalsOnlyAndCursorPagesKeepTheirMembers() throws IOException {
        UserLocations locations = UserLocations.under(USERS);
        UserPage byCursor = new UserPage(List.of(), 3, 1,
                Optional.of(new UserPage.Cursors(Optional.of("next\"one"), Optional.empty())));
        ScimObject expected = ScimResponses.listResponse(3, 1, byCursor.cursors(), List.of(), true);

        assertThat(bytes(ListResponseOutput.users(byCursor, rendered(locations), true)))
                .isEqualTo(ScimJson.writeBytes(expected));
        assertThat(new String(bytes(RenderedListResponse.of(new RenderedPage(List.of(), 7, 1), locations,
                true)), StandardCharsets.UTF_8)).isEqualTo(ScimJson.write(ScimResponses.listResponse(7, 1, List.of(),
                true)));
        assertThat(new String(bytes(RenderedListResponse.of(new RenderedPage(List.of(), 7, 8), locations,
                false)), StandardCharsets.UTF_8)).isEqualTo(ScimJson.write(ScimResponses.listResponse(7, 8, List.of(),
                false)));
    }

    @Test
    void aCursorPageOfRenderingsIsTheBytesOfTheTree() throws IOException {
        List<User> users = randomUsers(new RandomUsers(11L), 12);
        UserLocations locations = UserLocations.under(USERS);
        for (UserPage.Cursors cursors : List.of(
                new UserPage.Cursors(Optional.of("next\"one"), Optional.empty()),
                new UserPage.Cursors(Optional.of("n"), Optional.of("prév")),
                new UserPage.Cursors(Optional.empty(), Optional.of("p")),
                new UserPage.Cursors(Optional.empty(), Optional.empty()))) {
            byte[] tree = ScimJson.writeBytes(ScimResponses.listResponse(40, 1, Optional.of(cursors), users.stream()
                    .map(user -> scimUsers.render(user, locations.of(user.id()), RequestedAttributes.DEFAULT))
                    .toList(), false));
            RenderedPage rendered = renderings(users);

            assertThat(bytes(RenderedListResponse.of(new RenderedPage(rendered.users(), 40, 1, Optional.of(cursors)),
                    locations, false))).isEqualTo(tree);
            assertThat(bytes(ListResponseOutput.users(new UserPage(users, 40, 1, Optional.of(cursors)),
                    rendered(locations), false))).isEqualTo(tree);
        }
    }

    @Test
    void idsOutsideTheUnreservedSetArePercentEncoded() {
        UserLocations locations = UserLocations.under(USERS + "/");

        assertThat(locations.of("2819c223-7f76-453a-919d-413861904646"))
                .isEqualTo(USERS + "/2819c223-7f76-453a-919d-413861904646");
        assertThat(locations.of("a b/c?d#é\"")).isEqualTo(USERS + "/a%20b%2Fc%3Fd%23%C3%A9%22");
        assertThat(new String(locations.jsonBaseUtf8(), StandardCharsets.UTF_8) + UserLocations.segment("a\"b"))
                .isEqualTo("\"" + USERS + "/a%22b");
    }

    @Test
    void aPageReachesTheResponseStreamInOneWrite() throws IOException {
        List<User> users = randomUsers(new RandomUsers(11L), 200);
        UserLocations locations = UserLocations.under(USERS);
        RenderedPage rendered = renderings(users);
        UserPage byCursor = new UserPage(users, 1234, 1,
                Optional.of(new UserPage.Cursors(Optional.of("next"), Optional.empty())));

        assertThat(writes(RenderedListResponse.of(rendered, locations, false))).isEqualTo(1);
        assertThat(writes(ListResponseOutput.users(new UserPage(users, 1234, 21), rendered(locations), false)))
                .isEqualTo(1);
        assertThat(writes(ListResponseOutput.users(byCursor, rendered(locations), false))).isEqualTo(1);
        assertThat(writes(RenderedListResponse.user(rendered.users().get(0), locations))).isEqualTo(1);
    }

    private Function<User, ScimObject> rendered(UserLocations locations) {
        return user -> scimUsers.render(user, locations.of(user.id()), RequestedAttributes.DEFAULT);
    }

    private static ScimUsers scimUsers() {
        Stores stores = Stores.inMemory();
        return new ScimUsersService(new Ports(stores.users(), stores.sites(), stores.audit(), stores.transactions(),
                AccountEvents.NONE, Clock.systemUTC()));
    }

    private static List<User> randomUsers(RandomUsers random, int count) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(random.next(i));
        }
        return users;
    }

    private static RenderedPage renderings(List<User> users) {
        return new RenderedPage(users.stream()
                .map(user -> new RenderedUser(user.id(), ScimJson.write(UserResources.defaultRepresentation(user))))
                .toList(), 1234, 21);
    }

    private static int writes(StreamingOutput output) throws IOException {
        int[] writes = new int[1];
        output.write(new OutputStream() {
            @Override
            public void write(int b) {
                writes[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes[0]++;
            }
        });
        return writes[0];
    }

    private static byte[] bytes(StreamingOutput output) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        output.write(bytes);
        return bytes.toByteArray();
    }
}
