package org.allegationatlas;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.allegationatlas.backup.DatabaseRestore;
import org.allegationatlas.export.ExportCommand;
import org.allegationatlas.extract.ExtractCommand;
import org.allegationatlas.extract.ReextractCommand;
import org.allegationatlas.ingest.ImportCommand;
import org.allegationatlas.news.archive.ImportPagesCommand;
import org.allegationatlas.news.archive.ReadPageCommand;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service when started without arguments; otherwise a command:
 * {@code import FILE} (JSON Lines of ArticleInput), {@code export FILE}, {@code restore BACKUP},
 * {@code extract FILE}, {@code reextract}, {@code import-pages PATH}, {@code read-page FILE}. (The extraction's
 * evaluation runs in the test suite: ExtractionQualityTest.)
 */
@QuarkusMain
public class AtlasMain implements QuarkusApplication {

    private static final String USAGE = """
            usage: java -jar quarkus-run.jar                             run the service
                   java -jar quarkus-run.jar import FILE                 import JSON Lines, one ArticleInput per line
                   java -jar quarkus-run.jar export FILE                 write the whole database as such JSON Lines
                   java -jar quarkus-run.jar restore BACKUP              put a backup (POST /backup) in place; service stopped
                   java -jar quarkus-run.jar extract FILE [URL [DATE]]   print the ArticleInput extracted from a text
                   java -jar quarkus-run.jar reextract                   extract the stored articles' claims again (curated left alone)
                   java -jar quarkus-run.jar import-pages PATH           store the articles of .html(.gz) files, .warc(.gz) archives, or a folder
                   java -jar quarkus-run.jar read-page FILE [--url URL]  print how a saved page reads, as JSON
            """;

    @Inject
    ImportCommand importCommand;
    @Inject
    ExportCommand exportCommand;
    @Inject
    ExtractCommand extractCommand;
    @Inject
    ReextractCommand reextractCommand;
    @Inject
    ImportPagesCommand importPagesCommand;
    @Inject
    ReadPageCommand readPageCommand;

    public static void main(String... args) {
        // a restore replaces the database file, so it runs before anything opens it
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(args.length == 2 ? DatabaseRestore.run(Path.of(args[1]), System.out) : usage());
        }
        if (args.length == 0 && !DatabaseRestore.onStart(System.out)) {
            System.exit(1);
        }
        if (!DatabaseRestore.undoUnfinishedUpgrade(System.out)) {
            System.exit(1);
        }
        if (args.length > 0) {
            // a command, not the service: don't take the ports of a running server (API, health and metrics)
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.management.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
            // nor poll feeds: that is the service's work, and a command ends when its own is done
            System.setProperty("atlas.feeds.check-every", "off");
        }
        Quarkus.run(AtlasMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return switch (args[0]) {
            case "import" -> args.length == 2 ? importCommand.run(Path.of(args[1]), System.out) : usage();
            case "export" -> args.length == 2 ? exportCommand.run(Path.of(args[1]), System.out) : usage();
            case "extract" -> args.length >= 2 && args.length <= 4
                    ? extractCommand.run(Path.of(args[1]), arg(args, 2), arg(args, 3), System.out, System.err)
                    : usage();
            case "reextract" -> args.length == 1 ? reextractCommand.run(System.out) : usage();
            case "import-pages" -> args.length == 2 ? importPagesCommand.run(Path.of(args[1]), System.out) : usage();
            case "read-page" -> args.length == 2 || (args.length == 4 && args[2].equals("--url"))
                    ? readPageCommand.run(Path.of(args[1]), arg(args, 3), System.out, System.err)
                    : usage();
            default -> usage();
        };
    }

    private static String arg(String[] args, int index) {
        return args.length > index ? args[index] : null;
    }

    private static int usage() {
        System.err.print(USAGE);
        return 2;
    }
}
