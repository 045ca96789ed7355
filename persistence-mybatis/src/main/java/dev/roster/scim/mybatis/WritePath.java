package dev.roster.scim.mybatis;

import org.apache.ibatis.session.SqlSession;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What a host watches of the write path: how many write transactions were acknowledged or failed, how long writers
 * waited from asking for a transaction to its acknowledgement (on SQLite that includes queueing for the one writer
 * and the group's commit, ADR 027), and how many commits the database made for them. Each call reads the counters
 * now; they only grow. Safe for concurrent use.
 *
 * <pre>{@code
 * WritePath path = database.writePath();
 * long writes = path.acknowledged() + path.failed();
 * double meanWaitMillis = path.totalTime(TimeUnit.MILLISECONDS) / Math.max(1, writes);
 * }</pre>
 */
public final class WritePath {

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Optional<GroupCommit> groupCommit;

    private WritePath(Optional<GroupCommit> groupCommit) {
        this.groupCommit = groupCommit;
    }

    /** On SQLite: group commit shares one commit among the transactions queued together. */
    static WritePath ofGroupCommit(GroupCommit groupCommit) {
        return new WritePath(Optional.of(groupCommit));
    }

    /** On PostgreSQL: each transaction commits alone. */
    static WritePath ofOwnCommits() {
        return new WritePath(Optional.empty());
    }

    /**
     * Write transactions whose commit succeeded.
     *
     * @return how many, since the database was opened
     */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /**
     * Write transactions that failed: their unit threw, or their commit did.
     *
     * @return how many, since the database was opened
     */
    public long failed() {
        return failed.sum();
    }

    /**
     * Write transactions run again because the database aborted them to break a deadlock ({@code 40P01}) or to keep
     * them serializable ({@code 40001}): on PostgreSQL only, each run after the first counted once. Writes of
     * different users never collide on a lock order, so a steady rise means they do (ADR 032).
     *
     * @return how many, since the database was opened
     */
    public long retries() {
        return retries.sum();
    }

    /**
     * The time writers spent from asking for a write transaction to its outcome, summed over all of them.
     *
     * @param unit the unit of the answer
     * @return the total, in {@code unit}, fractions included
     */
    public double totalTime(TimeUnit unit) {
        return (double) nanos.sum() / unit.toNanos(1);
    }

    /**
     * Commits the database made for the acknowledged transactions: on SQLite fewer than them when writers shared a
     * group, on PostgreSQL as many.
     *
     * @return how many, since the database was opened
     */
    public long commits() {
        return groupCommit.map(GroupCommit::commits).orElseGet(this::acknowledged);
    }

    /** Counts one run again of a transaction the database aborted; see {@link #retries()}. */
    void retried() {
        retries.increment();
    }

    /** {@code transactions}, each run counted and timed here. */
    WriteTransactions measuring(WriteTransactions transactions) {
        return new WriteTransactions() {
            @Override
            public <T> T run(Function<SqlSession, T> unit) {
                long start = System.nanoTime();
                try {
                    T result = transactions.run(unit);
                    acknowledged.increment();
                    return result;
                } catch (RuntimeException | Error e) {
                    failed.increment();
                    throw e;
                } finally {
                    nanos.add(System.nanoTime() - start);
                }
            }
        };
    }
}
