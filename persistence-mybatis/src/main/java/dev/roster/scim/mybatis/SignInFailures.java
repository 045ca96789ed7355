package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.SignInFailureMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per client, for a throttle that holds across every server of the database: one instant per client
 * that each failure pushes one interval past the later of itself and now (the generic cell rate algorithm). How far
 * ahead of now it may run before the client is refused is the caller's rule. *
 * <p>Safe for concurrent use. Each call is a transaction of its own, or joins the calling thread's running
 * {@link RosterDatabase#transactions()} unit.
 *
 * <pre>{@code
 * boolean throttled = failures.nextFreeAt(client).filter(at -> at.isAfter(now.plus(allowance))).isPresent();
 * failures.record(client, now, Duration.ofSeconds(5));   // after a wrong password
 * }</pre>
 */
public final class SignInFailures {

    private final Sessions sessions;

    SignInFailures(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The client's instant, if it failed recently enough to have one.
     *
     * @param client the client, such as its address
     * @return the instant its failures have pushed ahead; empty for a client without recent failures
     */
    public Optional<Instant> nextFreeAt(String client) {
        return sessions.read(session -> session.getMapper(SignInFailureMapper.class).nextFreeAt(client))
                .map(Instant::ofEpochMilli);
    }

    /**
     * Records one failure at {@code now}; forgets clients whose instant has passed.
     *
     * @param client   the client
     * @param now      when it failed
     * @param interval how far one failure pushes the client's instant
     * @return the client's new instant
     */
    public Instant record(String client, Instant now, Duration interval) {
        return sessions.write(session -> {
            SignInFailureMapper failures = session.getMapper(SignInFailureMapper.class);
            failures.deletePassed(now.toEpochMilli());
            failures.push(client, now.toEpochMilli(), interval.toMillis());
            return failures.nextFreeAt(client).map(Instant::ofEpochMilli).orElseThrow();
        });
    }
}
