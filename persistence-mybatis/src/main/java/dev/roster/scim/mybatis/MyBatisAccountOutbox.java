package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.AccountChange;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.mybatis.internal.mapper.AccountOutboxMapper;
import dev.roster.scim.mybatis.internal.mapper.AccountOutboxRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AccountOutbox} on the {@code account_outbox} table; its sequence orders the changes as appended. */
final class MyBatisAccountOutbox implements AccountOutbox {

    private final Sessions sessions;

    MyBatisAccountOutbox(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void append(AccountChange change) {
        Account account = change.account();
        long at = change.at().toEpochMilli();
        AccountOutboxRow row = new AccountOutboxRow(change.id(), change.site().value(), account.id(),
                account.userName(), account.email().orElse(null), account.active(), account.role().scimValue(),
                account.version(), at, 0, at);
        sessions.write(session -> {
            session.getMapper(AccountOutboxMapper.class).append(row);
            return null;
        });
    }

    @Override
    public List<Entry> due(Instant now, int limit) {
        return sessions.read(session -> session.getMapper(AccountOutboxMapper.class).due(now.toEpochMilli(), limit))
                .stream()
                .map(MyBatisAccountOutbox::entry)
                .toList();
    }

    @Override
    public void delivered(String changeId) {
        sessions.write(session -> {
            session.getMapper(AccountOutboxMapper.class).delete(changeId);
            return null;
        });
    }

    @Override
    public void retryLater(String changeId, int attempts, Instant nextAttempt, String failure) {
        sessions.write(session -> {
            session.getMapper(AccountOutboxMapper.class).retryLater(changeId, attempts, nextAttempt.toEpochMilli(),
                    failure);
            return null;
        });
    }

    @Override
    public long pending() {
        return sessions.read(session -> session.getMapper(AccountOutboxMapper.class).count());
    }

    private static Entry entry(AccountOutboxRow row) {
        Account account = new Account(row.userId(), row.userName(), Optional.ofNullable(row.email()), row.active(),
                Role.fromScimValue(row.role()).orElseThrow(() -> new RosterStorageException(
                        "The account outbox holds an unknown role '" + row.role() + "'.")), row.version());
        return new Entry(new AccountChange(row.changeId(), SiteId.of(row.site()), account,
                Instant.ofEpochMilli(row.changedAt())), row.attempts());
    }
}
