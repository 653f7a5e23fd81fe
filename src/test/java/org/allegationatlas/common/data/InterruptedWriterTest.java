package org.allegationatlas.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.ProtectedApp;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A thread interrupted while the embedded database writes for it (the transaction reaper cancelling a long
 * import, a pool giving up on a slow open, a shutdown) must not close the database: with H2's default file
 * system the JDK closes the file under every connection ("The database has been closed") and the service fails
 * every request after it. On the production URL (its {@code retry:} file system, in files of this test's own),
 * a writer is interrupted again and again while it commits; afterwards the service answers, stores, and every
 * row the writer committed is there.
 */
@QuarkusTest
@TestProfile(InterruptedWriterTest.EmbeddedFile.class)
class InterruptedWriterTest {

    public static class EmbeddedFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target", "interrupted-writer", String.valueOf(ProcessHandle.current().pid()), "data");
            return Map.of("atlas.jdbc-url.h2", ProtectedApp.embeddedUrl(dir.toAbsolutePath()));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriterInterruptedInsideTheDatabaseLeavesItServing() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists interrupted_writes (id bigint primary key, filler varchar(2000))");
            statement.execute("delete from interrupted_writes");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into interrupted_writes values (?, ?)")) {
                connection.setAutoCommit(false);
                for (long id = 0; !stop.get(); id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "x".repeat(1500));
                    insert.executeUpdate();
                    if (id % 50 == 49) {
                        connection.commit(); // WRITE_DELAY=0: each commit writes the file, in this thread
                        committed.set(id + 1);
                    }
                }
                connection.rollback();
            } catch (Exception e) {
                // the writer may fail; what matters is that the database serves everyone else afterwards
            }
        });
        writer.start();
        for (int i = 0; i < 3000 && committed.get() == 0 && writer.isAlive(); i++) {
            Thread.sleep(10); // a first commit before the interrupts: there is something to lose
        }
        assertTrue(committed.get() > 0, "the writer committed nothing; the test proves nothing");
        for (int i = 0; i < 60 && writer.isAlive(); i++) {
            Thread.sleep(20);
            writer.interrupt();
        }
        stop.set(true);
        writer.join(60_000);

        Json country = GraphQL.ok("country", "code", "KP");
        assertEquals("North Korea", country.getString("country.name"), country::toString);
        TestArticles articles = new TestArticles();
        String quote = "Fiji accused Tuvalu of hiding boats.";
        articles.ingest(TestArticles.article(TestArticles.uniqueUrl(), quote,
                List.of(TestArticles.actor("fj", "Fiji", "STATE", "FJ"), TestArticles.actor("tv", "Tuvalu", "STATE", "TV")),
                List.of(TestArticles.claim("fj", "tv", null, "ALLEGES", "OTHER", quote))));
        articles.deleteAll();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from interrupted_writes")) {
            rows.next();
            assertTrue(rows.getLong(1) >= committed.get(), "committed rows lost: " + rows.getLong(1) + " of " + committed.get());
            statement.execute("drop table interrupted_writes");
        }
    }
}
