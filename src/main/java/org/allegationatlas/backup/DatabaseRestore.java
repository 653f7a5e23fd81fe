package org.allegationatlas.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a backup ({@code POST /backup}, H2's BACKUP TO: a zip holding {@code atlas.mv.db}) in place
 * of the embedded database, which must not be in use: the service is stopped. Runs before the
 * service starts (never opening the database it replaces), either as {@code restore FILE} or, when
 * the service starts and finds {@code restore.zip} in its data directory, first thing (for a
 * container: copy the file in, restart the pod). The database it replaces is kept beside it as
 * {@code atlas.mv.db.before-restore-<time>}. Answers cannot be stale afterwards: caches live in
 * the process, and a version names one state of the data (see common/data/DataVersion).
 */
public final class DatabaseRestore {

    /** Dropped into the data directory, restored at the next start. */
    public static final String ON_START = "restore.zip";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DatabaseRestore() {
    }

    /** {@code restore FILE}: 0 when restored, 1 when refused or failed (nothing changed), with the reason on {@code out}. */
    public static int run(Path backup, PrintStream out) {
        Optional<Path> database = EmbeddedDatabase.file(EmbeddedDatabase.configuredUrl());
        if (database.isEmpty()) {
            out.println("restore: the database is not embedded H2 (" + EmbeddedDatabase.configuredUrl()
                    + "); restore a server database with its own tools (pg_restore), see docs/operations.md");
            return 1;
        }
        try {
            Path previous = restore(backup, database.get());
            out.printf("Restored %s to %s%s%nStart the service; it answers as the database did when the backup was made.%n",
                    backup, database.get(), previous == null ? "" : " (the database it replaced is kept as " + previous.getFileName() + ")");
            return 0;
        } catch (RestoreRefused e) {
            out.println("restore: " + e.getMessage() + "; nothing was changed");
            return 1;
        } catch (IOException e) {
            out.println("restore: " + e + "; nothing was changed");
            return 1;
        }
    }

    /**
     * At the service's start: restores {@code restore.zip} from the data directory if it is there,
     * then renames it, so that it is restored once. @return false when it was there and could not be
     * restored: the service must not start on a database the operator meant to replace
     */
    public static boolean onStart(PrintStream out) {
        return restoreBeforeStart(out, ON_START, "Found %s: restoring it before the start",
                backup -> Files.move(backup, backup.resolveSibling(ON_START + ".restored-" + LocalDateTime.now().format(STAMP))));
    }

    /**
     * At the start of the service or a command, before the database is opened: an upgrade that did not finish is
     * undone from the copy {@link UpgradeBackup} took, which is then removed. @return false when it could not be,
     * and nothing may open the database
     */
    public static boolean undoUnfinishedUpgrade(PrintStream out) {
        return restoreBeforeStart(out, UpgradeBackup.IN_PROGRESS,
                "An upgrade of the database did not finish: putting back the database as it was before it (%s); the upgrade runs again now",
                Files::delete);
    }

    private interface Done {
        void with(Path backup) throws IOException;
    }

    /** Restores the file of this name beside the embedded database, if there is one, and then does {@code done} with it. */
    private static boolean restoreBeforeStart(PrintStream out, String name, String found, Done done) {
        Optional<Path> database = EmbeddedDatabase.file(EmbeddedDatabase.configuredUrl());
        if (database.isEmpty()) {
            return true;
        }
        Path backup = database.get().resolveSibling(name);
        if (!Files.isRegularFile(backup)) {
            return true;
        }
        out.println(found.formatted(backup));
        if (run(backup, out) != 0) {
            out.println("Not starting: remove or replace " + backup + " (the database was left as it was)");
            return false;
        }
        try {
            done.with(backup);
            return true;
        } catch (IOException e) {
            out.println("Restored, but " + backup + " could not be moved away (" + e + "); remove it, or it is restored again");
            return false;
        }
    }

    /** @return where the replaced database was moved, or null when there was none */
    static Path restore(Path backup, Path database) throws IOException, RestoreRefused {
        if (!Files.isRegularFile(backup)) {
            throw new RestoreRefused("cannot read " + backup);
        }
        Files.createDirectories(database.getParent());
        Path incoming = Files.createTempFile(database.getParent(), ".restoring-", ".mv.db");
        try {
            extract(backup, incoming);
            if (Files.exists(database)) {
                refuseIfInUse(database);
            }
            Path previous = null;
            if (Files.exists(database)) {
                previous = database.resolveSibling(database.getFileName() + ".before-restore-" + LocalDateTime.now().format(STAMP));
                Files.move(database, previous);
            }
            Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
            return previous;
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /** The one H2 database file of the zip, checked to be one. */
    private static void extract(Path backup, Path into) throws IOException, RestoreRefused {
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".mv.db")) {
                    continue;
                }
                if (found) {
                    throw new RestoreRefused(backup + " holds more than one database");
                }
                found = true;
                Files.copy(zip, into, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.util.zip.ZipException e) {
            throw new RestoreRefused(backup + " is not a backup (not a zip: " + e.getMessage() + ")");
        }
        if (!found) {
            throw new RestoreRefused(backup + " holds no H2 database (*.mv.db); make backups with POST /backup");
        }
        try (InputStream in = Files.newInputStream(into)) {
            byte[] header = in.readNBytes(3);
            if (!new String(header, StandardCharsets.US_ASCII).equals("H:2")) {
                throw new RestoreRefused(backup + " holds a file that is not an H2 database");
            }
        }
    }

    /** H2 locks its file while the database is open, in this process or another. */
    private static void refuseIfInUse(Path database) throws IOException, RestoreRefused {
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new RestoreRefused(database + " is in use: stop the service first");
            }
        } catch (OverlappingFileLockException e) {
            throw new RestoreRefused(database + " is in use: stop the service first");
        }
    }

    static final class RestoreRefused extends Exception {
        RestoreRefused(String message) {
            super(message);
        }
    }
}
