package org.allegationatlas;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

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
        return startIn(null, output, settings, arguments);
    }

    /** As {@link #start}, in {@code directory} (relative paths, such as the default ./data, are resolved there). */
    public static Process startIn(Path directory, Path output, List<String> settings, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && new File(nativeImage).canExecute()) {
            command.add(nativeImage);
            command.addAll(settings);
        } else {
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings);
            command.add("-jar");
            command.add(Paths.get("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        }
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(directory == null ? null : directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }
}
