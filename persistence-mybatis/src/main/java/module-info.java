/**
 * The store ports on SQLite and PostgreSQL, through MyBatis, with Flyway migrations: {@code RosterDatabase}.
 *
 * <p>Only {@code dev.roster.scim.mybatis} is exported. The internal packages are opened, not exported: MyBatis
 * builds the mapper proxies, reads the mapper XML beside them and constructs the row records by reflection, and it
 * and Flyway find their resources through the class loader, which sees a named module's resources only in packages
 * it opens unconditionally. The migration folders hold SQL alone, so javac calls them empty.
 */
module dev.roster.scim.mybatis {
    requires transitive dev.roster.scim.core;
    requires dev.roster.scim.jackson;
    requires java.sql;
    requires org.mybatis;
    requires org.xerial.sqlitejdbc;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires io.github.bucket4j.core;

    exports dev.roster.scim.mybatis;

    opens dev.roster.scim.mybatis.internal.mapper;
    opens dev.roster.scim.mybatis.internal.sql;
    opens dev.roster.scim.mybatis.migration.sqlite;
    opens dev.roster.scim.mybatis.migration.postgresql;
}
