package org.allegationatlas.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code export FILE}: the whole database as JSON Lines, the input of {@code import}. Written to a
 * temporary file beside FILE and renamed at the end, so that FILE is never a partial export.
 */
@ApplicationScoped
public class ExportCommand {

    @Inject
    ArticleExport export;

    public int run(Path file, PrintStream out) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            out.println("export: " + file + " must be a file in an existing directory");
            return 2;
        }
        // beside the target (the rename stays on one file system), with the permissions any new file gets
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            ArticleExport.Summary summary;
            long[] lastShown = { System.nanoTime() };
            long[] lines = { 0 };
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                summary = export.writeAll(line -> {
                    writer.write(line);
                    writer.write('\n');
                    if (++lines[0] % 1000 == 0 && System.nanoTime() - lastShown[0] > 2_000_000_000L) {
                        lastShown[0] = System.nanoTime();
                        out.printf("%,d articles...%n", lines[0]);
                    }
                });
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf("Exported %s to %s%n", summary.describe(), file);
            return 0;
        } catch (SQLException e) {
            out.println("export: the database could not be read: " + e.getMessage());
            return 1;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
