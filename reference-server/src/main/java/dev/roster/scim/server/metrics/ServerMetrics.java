package dev.roster.scim.server.metrics;

import dev.roster.scim.core.port.out.AccountEventFailures;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.ScimOutcomes;
import dev.roster.scim.mybatis.ConnectionPool;
import dev.roster.scim.mybatis.WritePath;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * The reference server's Prometheus registry and what feeds it: requests by route template and status
 * ({@link RequestTimers}), the SCIM outcomes the core reports, the request inspector's losses and
 * the JVM. {@link #scrape()} renders the text format that {@code GET /metrics} serves.
 */
public final class ServerMetrics implements AutoCloseable {

    /** The requests' timer, {@code http_server_requests_seconds} in Prometheus. */
    static final String REQUESTS = "http.server.requests";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Times every request Jersey serves, tagged by method, route template, status and outcome. */
    public ApplicationEventListener requests() {
        return new RequestTimers(registry, REQUESTS);
    }

    /** Counts account changes by site, source and kind, then tells {@code next}. */
    public AccountEvents accountEvents(AccountEvents next) {
        return new CountedAccountEvents(registry, next);
    }

    /** Counts the listeners that threw after their change committed, by site and event, then tells {@code next}. */
    public AccountEventFailures accountEventFailures(AccountEventFailures next) {
        return new CountedAccountEventFailures(registry, next);
    }

    /** Counts ignored roles and refusals by site. */
    public ScimOutcomes scimOutcomes() {
        return new CountedScimOutcomes(registry);
    }

    /** Exports the request inspector's counts of captures it dropped (queue full) and lost (a failed write). */
    public void inspectorLosses(LongSupplier dropped, LongSupplier failed) {
        Gauge.builder("roster.inspector.exchanges.dropped", dropped, supplier -> supplier.getAsLong())
                .description("SCIM exchanges the request inspector dropped since start because its queue was full")
                .register(registry);
        Gauge.builder("roster.inspector.exchanges.failed", failed, supplier -> supplier.getAsLong())
                .description("SCIM exchanges the request inspector lost since start because storing them failed")
                .register(registry);
    }

    /** Exports the access log lines dropped since start because the access log's queue was full (ADR 057). */
    public void accessLogLosses(LongSupplier dropped) {
        FunctionCounter.builder("roster.access.log.lines.dropped", dropped, supplier -> supplier.getAsLong())
                .description("Access log lines dropped since start because the access log's queue was full")
                .register(registry);
    }

    /**
     * Exports the database's connection pool: {@code roster_db_pool_connections{pool, state}} for the active, idle
     * and pending (threads waiting) connections, and {@code roster_db_pool_connections_max{pool}}. Only
     * persistence-mybatis touches JDBC and HikariCP (ModuleRulesTest), so the pool is read through its own view.
     */
    public void connectionPool(ConnectionPool pool) {
        poolGauge(pool, "active", ConnectionPool::active);
        poolGauge(pool, "idle", ConnectionPool::idle);
        poolGauge(pool, "pending", ConnectionPool::pending);
        Gauge.builder("roster.db.pool.connections.max", pool, ConnectionPool::maximum)
                .description("The most connections the pool opens").tag("pool", pool.name()).register(registry);
    }

    private void poolGauge(ConnectionPool pool, String state, ToIntFunction<ConnectionPool> value) {
        Gauge.builder("roster.db.pool.connections", pool, counted -> value.applyAsInt(counted))
                .description("The database pool's connections, by state").tag("pool", pool.name())
                .tag("state", state).register(registry);
    }

    /**
     * Exports the write path (ADR 027): {@code roster_db_writes_total{outcome}} for acknowledged and failed write
     * transactions, {@code roster_db_write_seconds} (count and sum) for the time from asking for a transaction to
     * its outcome — on SQLite the queue for the one writer and the group's commit included — and
     * {@code roster_db_commits_total}, fewer than the acknowledged writes where SQLite's writers shared a commit, and
     * {@code roster_db_write_retries_total}, the transactions PostgreSQL aborted (deadlock, serialization) and Roster
     * ran again (ADR 032).
     */
    public void writePath(WritePath writes) {
        FunctionCounter.builder("roster.db.writes", writes, WritePath::acknowledged)
                .description("Write transactions acknowledged or failed").tag("outcome", "acknowledged")
                .register(registry);
        FunctionCounter.builder("roster.db.writes", writes, WritePath::failed)
                .description("Write transactions acknowledged or failed").tag("outcome", "failed").register(registry);
        FunctionTimer.builder("roster.db.write", writes, counted -> counted.acknowledged() + counted.failed(),
                        counted -> counted.totalTime(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS)
                .description("Time from asking for a write transaction to its outcome").register(registry);
        FunctionCounter.builder("roster.db.commits", writes, WritePath::commits)
                .description("Commits the database made for the acknowledged write transactions").register(registry);
        FunctionCounter.builder("roster.db.write.retries", writes, WritePath::retries)
                .description("Write transactions the database aborted and Roster ran again").register(registry);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
