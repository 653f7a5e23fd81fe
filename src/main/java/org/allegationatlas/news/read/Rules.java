package org.allegationatlas.news.read;

import java.util.Set;

/**
 * The reader's rules by name, so that the benchmark can turn some off ({@code -Datlas.read.off=rule,rule}) and see
 * which pages each one changes (an ablation: a rule that helps only the page it was written for is suspect). All on
 * unless that property says otherwise; it is meant for the benchmark, not for configuration.
 */
final class Rules {

    private static final Set<String> OFF = Set.of(System.getProperty("atlas.read.off", "").split(","));

    private Rules() {
    }

    static boolean on(String rule) {
        return !OFF.contains(rule);
    }
}
