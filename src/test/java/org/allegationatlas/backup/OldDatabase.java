package org.allegationatlas.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;

/**
 * An embedded database as a release before V7 left it (the schema up to V6, no claim counts), holding generated
 * claims: for UpgradeIT and the upgrade of bench/busy-machine.sh. Needs the migrations and H2's trigger classes on
 * the class path: the test classpath, or the packaged app's jars from the command line:
 *
 * <pre>java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" src/test/java/org/allegationatlas/backup/OldDatabase.java DIR [CLAIMS] [VERSION]</pre>
 */
public class OldDatabase {

    public static void main(String[] args) throws Exception {
        create(java.nio.file.Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args.length > 2 ? args[2] : "6");
        System.out.printf("An embedded database at V%s with %,d claims: %s%n", args.length > 2 ? args[2] : "6",
                args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args[0]);
    }

    /** The database in {@code dir} ({@code atlas.mv.db}), migrated up to {@code version}, holding {@code claims} claims. */
    public static void create(java.nio.file.Path dir, int claims, String version) throws Exception {
        String url = "jdbc:h2:file:retry:" + dir.toAbsolutePath() + "/atlas;WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target(version).load().migrate();
        List<String> countries = Arrays.stream(Locale.getISOCountries()).limit(200).toList();
        int articles = Math.max(1, claims / 10);
        try (Connection connection = DriverManager.getConnection(url, "", ""); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (PreparedStatement actor = connection.prepareStatement(
                    "insert into actor (id, name, normalized_name, kind, country_code) values (?, ?, ?, 'STATE', ?)")) {
                for (int i = 0; i < countries.size(); i++) {
                    actor.setLong(1, 1_000_000 + i);
                    actor.setString(2, "Old state " + i);
                    actor.setString(3, "old state " + i);
                    actor.setString(4, countries.get(i));
                    actor.addBatch();
                }
                actor.executeBatch();
            }
            String quote = "An old state accused another old state of an old deed.";
            try (PreparedStatement article = connection.prepareStatement("insert into article (id, url, language, published_on, body,"
                    + " ingested_at) values (?, ?, 'en', ?, ?, current_timestamp)")) {
                for (int a = 0; a < articles; a++) {
                    article.setLong(1, 1_000_000 + a);
                    article.setString(2, "https://old.invalid/" + a);
                    article.setObject(3, java.time.LocalDate.of(2015, 1, 1).plusDays(a % 3000));
                    article.setString(4, quote);
                    article.addBatch();
                    if (a % 1000 == 999) {
                        article.executeBatch();
                    }
                }
                article.executeBatch();
            }
            try (PreparedStatement claim = connection.prepareStatement("insert into claim (id, article_id, claimant_id, subject_id,"
                    + " claimant_country, subject_country, stance, category, summary, quote, quote_start, quote_end, origin, stated_on)"
                    + " values (?, ?, ?, ?, ?, ?, 'ALLEGES', 'OTHER', ?, ?, 0, ?, 'CURATED', ?)")) {
                for (int n = 0; n < claims; n++) {
                    int claimant = n % countries.size();
                    int subject = (7 * n + 1) % countries.size();
                    claim.setLong(1, 1_000_000L + n);
                    claim.setLong(2, 1_000_000L + n % articles);
                    claim.setLong(3, 1_000_000L + claimant);
                    claim.setLong(4, 1_000_000L + subject);
                    claim.setString(5, countries.get(claimant));
                    claim.setString(6, countries.get(subject));
                    claim.setString(7, "Old allegation " + n);
                    claim.setString(8, quote);
                    claim.setInt(9, quote.length());
                    claim.setObject(10, n % 5 == 0 ? null : java.time.LocalDate.of(2015, 1, 1).plusDays(n % 3000));
                    claim.addBatch();
                    if (n % 5000 == 4999) {
                        claim.executeBatch();
                        connection.commit();
                    }
                }
                claim.executeBatch();
            }
            connection.commit();
        }
    }
}
