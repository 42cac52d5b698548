package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The anchor template cache on a real server: names per checkout and target, and eviction under locks. */
class TemplateCacheTest {

    private final PostgresEngine engine = (PostgresEngine) Engines.byId("postgres");
    private final String group = "/tmp/matey-template-test-" + UUID.randomUUID() + "/db/core";
    private final List<MateyUrl> created = new ArrayList<>();
    private MateyUrl server;

    @Test
    void namesNeverShareAPrefixAcrossGroups() {
        TemplateName x = TemplateName.of("/ws/x", "dump");
        TemplateName core = TemplateName.of("/ws/x/core", "dump");
        TemplateName clone = TemplateName.of("/ws-clone/x", "dump");

        assertThat(x.name()).startsWith("matey_anchor_x_").hasSize(13 + 1 + 1 + 12 + 1 + 12);
        assertThat(core.name()).startsWith("matey_anchor_core_");
        assertThat(x.sameGroup(clone)).isFalse();
        assertThat(x.sameGroup(TemplateName.of("/ws/x", "other dump"))).isTrue();
        assertThat(TemplateName.parse(core.building())).contains(core);
        assertThat(TemplateName.parse("matey_tpl_x_0123456789abcdef")).isEmpty();
        assertThat(TemplateName.of("/" + "long-directory-name".repeat(5), "d").building().length()).isLessThan(64);
    }

    @Test
    void aTemplateBeingClonedIsNotEvictedAndGoesOnceFree() throws Exception {
        server = TestDatabase.serverBase("postgres");
        TemplateCache cache = new TemplateCache(engine);
        TemplateName first = TemplateName.of(group, "CREATE TABLE one (id int);");
        assertThat(cache.create(scratch(), group, "CREATE TABLE one (id int);")).isTrue();
        assertThat(templates()).containsExactly(first.name());

        try (Connection other = new PostgresConnector(server).connectMaintenance()) {
            TemplateLocks cloning = new TemplateLocks(other);
            cloning.lockShared(first); // another process cloning the first template
            assertThat(cache.create(scratch(), group, "CREATE TABLE two (id int);")).isTrue();
            assertThat(templates()).hasSize(2).contains(first.name());
            // the clone ends; unlocking (not closing the session, whose backend exits asynchronously) frees it now
            cloning.unlockShared(first);
        }
        assertThat(cache.create(scratch(), group, "CREATE TABLE three (id int);")).isTrue();
        assertThat(templates()).containsExactly(TemplateName.of(group, "CREATE TABLE three (id int);").name());
        try (Connection c = engine.connect(created.get(created.size() - 1))) {
            assertThat(engine.dumpSchema(c)).contains("three").doesNotContain("two");
        }
    }

    @Test
    void aDumpThatDoesNotLoadLeavesNoTemplateAndLetsTheCallerReportIt() throws Exception {
        server = TestDatabase.serverBase("postgres");
        assertThat(new TemplateCache(engine).create(scratch(), group, "CREATE TABLE broken (id no_such_type);"))
                .isFalse();
        assertThat(templates()).isEmpty();
        assertThat(engine.databaseExists(created.get(0))).isFalse();
    }

    private MateyUrl scratch() {
        MateyUrl url = engine.siblingUrl(server, "matey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        created.add(url);
        return url;
    }

    private List<String> templates() throws SQLException {
        String prefix = TemplateName.of(group, "").name().replaceAll("[0-9a-f]{12}$", "");
        List<String> names = new ArrayList<>();
        try (Connection c = new PostgresConnector(server).connectMaintenance(); PreparedStatement ps = c.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @AfterEach
    void dropAll() throws SQLException {
        if (server == null) {
            return;
        }
        for (MateyUrl url : created) {
            engine.dropDatabase(url);
        }
        for (String name : templates()) {
            engine.dropDatabase(engine.siblingUrl(server, name));
        }
    }
}
