package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Lang;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.cursor.Cursor;

import java.util.List;
import java.util.Optional;

/**
 * Statements on {@code users} and {@code user_emails}; fixed SQL in UserMapper.xml, searches from a provider whose
 * texts {@link ParsedSqlCache} parses once each. A page of renderings and the totals are not here: they run in plain
 * JDBC on the provider's texts (ADR 041); nor are the reads of one user by id or userName key and of its stored key
 * ({@code JdbcReads}, ADR 047).
 */
public interface UserMapper {

    List<String> existingUserNameKeys(@Param("site") String site, @Param("keys") List<String> keys);

    /** Makes the oldest kept duplicate of a key its holder, if no user holds it any more. */
    void promoteDuplicate(@Param("site") String site, @Param("key") String userNameKey);

    void insert(UserRow row);

    void insertEmail(EmailRow row);

    /**
     * PostgreSQL only: {@link #update} of a user whose userName key stays {@code row}'s, in one statement.
     *
     * @return whether the stored document was already {@code row}'s; empty when nothing was updated (the version
     *         moved on, or the key changes)
     */
    Optional<Boolean> updateKeepingUserNameKey(@Param("row") UserRow row,
            @Param("expectedVersion") long expectedVersion);

    /**
     * PostgreSQL only: {@link #updateKeepingUserNameKey} with {@code record} inserted into {@code audit_log} by the
     * same statement, only if the update matched (ADR 054), as {@code JdbcWrites.APPEND_AUDIT} inserts it.
     *
     * @return as {@link #updateKeepingUserNameKey}; empty means no record was written either
     */
    Optional<Boolean> updateKeepingUserNameKeyRecordedOnce(@Param("row") UserRow row,
            @Param("expectedVersion") long expectedVersion, @Param("record") AuditRow record);

    /** {@link #updateKeepingUserNameKeyRecordedOnce} of two records or more, in order. */
    Optional<Boolean> updateKeepingUserNameKeyRecorded(@Param("row") UserRow row,
            @Param("expectedVersion") long expectedVersion, @Param("records") List<AuditRow> records);

    void deleteEmails(@Param("site") String site, @Param("userId") String userId);

    /** Rows deleted: 0 when the stored version is no longer {@code expectedVersion}; emails go by cascade. */
    int delete(@Param("site") String site, @Param("id") String id, @Param("expectedVersion") long expectedVersion);

    /** PostgreSQL only: waits for, then holds until commit, the transaction-scoped advisory lock {@code key}. */
    int lockSiteForRules(@Param("key") long key);

    @SelectProvider(type = UserSqlProvider.class, method = "search")
    @Lang(ParsedSqlCache.class)
    @ResultMap("userRow")
    List<UserRow> search(UserSearchStatement statement);

    /** The same rows as {@link #search}, streamed, for queries that finish in Java. */
    @SelectProvider(type = UserSqlProvider.class, method = "search")
    @Lang(ParsedSqlCache.class)
    @ResultMap("userRow")
    Cursor<UserRow> stream(UserSearchStatement statement);
}
