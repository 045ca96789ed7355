package dev.roster.scim.testkit;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.SortOrdering;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@link UserStore} in maps, filtering with the core's evaluator over each user's SCIM representation. It is the
 * reference the SQL store is compared with in {@link UserStoreContract}, and the store of the core's use-case tests.
 */
public final class InMemoryUserStore implements UserStore, Restorable {

    private final Map<SiteId, Map<String, User>> sites = new HashMap<>();

    @Override
    public synchronized Optional<User> findById(SiteId site, String id) {
        return Optional.ofNullable(usersOf(site).get(id));
    }

    @Override
    public synchronized Optional<User> findByUserName(SiteId site, String userName) {
        String key = IdentifierProfile.key(userName);
        return usersOf(site).values().stream()
                .filter(user -> IdentifierProfile.key(user.userName()).equals(key))
                .findFirst();
    }

    @Override
    public synchronized UserPage search(SiteId site, UserQuery query) {
        Predicate<ScimObject> filter = query.filter().map(f -> FilterEvaluator.of(f).asPredicate())
                .orElse(resource -> true);
        Comparator<Represented> order = query.sort()
                .map(sort -> Comparator.comparing(Represented::json,
                        SortOrdering.comparator(sort.path(), sort.ascending())))
                .orElse((left, right) -> 0);
        List<User> matches = usersOf(site).values().stream()
                .filter(query::admits)
                .map(user -> new Represented(user, UserResources.toScim(user)))
                .filter(represented -> filter.test(represented.json()))
                .sorted(order.thenComparing(represented -> represented.user().id()))
                .map(Represented::user)
                .toList();
        List<User> page = matches.stream()
                .skip(query.startIndex() - 1L)
                .limit(query.count())
                .toList();
        return new UserPage(page, matches.size(), query.startIndex());
    }

    @Override
    public synchronized void insert(SiteId site, User user) {
        insertAll(site, List.of(user));
    }

    /** All or nothing: a clash anywhere stores none of them. */
    @Override
    public synchronized void insertAll(SiteId site, List<User> users) {
        Map<String, User> existing = usersOf(site);
        Map<String, User> added = new LinkedHashMap<>();
        for (User user : users) {
            if (existing.containsKey(user.id()) || added.containsKey(user.id())) {
                throw new IllegalArgumentException("a user with id " + user.id() + " exists");
            }
            requireFreeUserName(Stream.concat(existing.values().stream(), added.values().stream()), user);
            added.put(user.id(), user);
        }
        sites.computeIfAbsent(site, key -> new LinkedHashMap<>()).putAll(added);
    }

    @Override
    public synchronized boolean update(SiteId site, User user, long expectedVersion) {
        User stored = usersOf(site).get(user.id());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        if (user.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("an update carries the next version, " + (expectedVersion + 1));
        }
        requireFreeUserName(usersOf(site).values().stream().filter(other -> !other.id().equals(user.id())), user);
        sites.get(site).put(user.id(), user);
        return true;
    }

    @Override
    public synchronized boolean delete(SiteId site, String id, long expectedVersion) {
        User stored = usersOf(site).get(id);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        sites.get(site).remove(id);
        return true;
    }

    /**
     * Every stored user of the site, SCIM-deleted and pending ones included, in insertion order; for assertions.
     *
     * @param site the site
     * @return a copy of its users; empty for a site without any
     */
    public synchronized List<User> all(SiteId site) {
        return List.copyOf(usersOf(site).values());
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<SiteId, Map<String, User>> copy = new HashMap<>();
        sites.forEach((site, users) -> copy.put(site, new LinkedHashMap<>(users)));
        return () -> {
            synchronized (this) {
                sites.clear();
                sites.putAll(copy);
            }
        };
    }

    private Map<String, User> usersOf(SiteId site) {
        return sites.getOrDefault(site, Map.of());
    }

    private static void requireFreeUserName(Stream<User> others, User user) {
        String key = IdentifierProfile.key(user.userName());
        if (others.anyMatch(other -> IdentifierProfile.key(other.userName()).equals(key))) {
            throw ScimException.uniqueness("The userName '" + user.userName() + "' is taken.");
        }
    }

    /** A user with the SCIM representation that filters and sorting read. */
    private record Represented(User user, ScimObject json) {
    }
}
