package org.allegationatlas.common.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.aayushatharva.brotli4j.Brotli4jLoader;

import io.quarkus.runtime.StartupEvent;

/**
 * Brotli4j (the {@code br} compression of answers, quarkus.http.enable-compression) copies its native library
 * into a folder {@code com_aayushatharva_brotli4j_<n>} of java.io.tmpdir to load it, and never removes the
 * library, so every start left a folder behind. Once it is loaded the copy is not needed (Linux keeps a loaded
 * library mapped after its file is gone): this removes the copy this process loaded, found in /proc/self/maps.
 */
@ApplicationScoped
public class BrotliLibraryCopy {

    private static final Logger LOG = Logger.getLogger(BrotliLibraryCopy.class);
    private static final String FOLDER_PREFIX = "com_aayushatharva_brotli4j_";

    void removeAtStart(@Observes StartupEvent start) {
        if (!Brotli4jLoader.isAvailable()) { // loads the library now if the HTTP server has not yet
            return;
        }
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return; // not Linux: nothing known of where it was loaded from
        }
        try (Stream<String> lines = Files.lines(maps)) {
            List<Path> copies = lines.filter(line -> line.contains("/" + FOLDER_PREFIX))
                    .map(line -> Path.of(line.substring(line.indexOf('/')).replace(" (deleted)", "")))
                    .distinct().toList();
            for (Path library : copies) {
                Files.deleteIfExists(library);
                Path folder = library.getParent();
                if (folder.getFileName().toString().startsWith(FOLDER_PREFIX)) {
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Could not remove the copy of the Brotli library: %s", e);
        }
    }
}
