package org.allegationatlas;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged application as its own process, as a user would: the native binary
 * when {@code native.image.path} names one that was built, else the JVM jar.
 */
public final class PackagedApp {

    private PackagedApp() {
    }

    /**
     * @param settings system properties, e.g. {@code -Datlas.data-dir=/tmp/x}
     * @param arguments the command line after them, e.g. {@code import FILE}; none for the service
     */
    public static Process start(Path output, List<String> settings, String... arguments) throws IOException {
        return start(null, output, Map.of(), settings, arguments);
    }

    /** As {@link #start(Path, List, String...)}, in {@code directory} (relative paths, such as the default ./data, are resolved there). */
    public static Process startIn(Path directory, Path output, List<String> settings, String... arguments) throws IOException {
        return start(directory, output, Map.of(), settings, arguments);
    }

    /** As {@link #start(Path, List, String...)}, with environment variables added, e.g. QUARKUS_DATASOURCE_JDBC_URL. */
    public static Process start(Path output, Map<String, String> environment, List<String> settings, String... arguments)
            throws IOException {
        return start(null, output, environment, settings, arguments);
    }

    private static Process start(Path directory, Path output, Map<String, String> environment, List<String> settings,
            String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && new File(nativeImage).canExecute()) {
            command.add(nativeImage);
            command.addAll(settings);
        } else {
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            // the JIT's first tier only: a test's app lives seconds, and C2 compiling for a long life was a third of
            // each start's CPU (docs/testing.md); what is tested does not depend on the compiler
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(settings);
            command.add("-jar");
            command.add(Paths.get("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
