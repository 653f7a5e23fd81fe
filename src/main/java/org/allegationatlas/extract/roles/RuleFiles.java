package org.allegationatlas.extract.roles;

import java.util.Properties;

import org.allegationatlas.extract.lexicon.ResourceFiles;

/**
 * The settings of the claim rules, beside them in src/main/resources/extract/roles: limits
 * (rules.properties), confidence weights and the English summary templates. Small, read once.
 */
final class RuleFiles {

    static final Properties RULES = ResourceFiles.properties("extract/roles/rules.properties");
    static final Properties CONFIDENCE = ResourceFiles.properties("extract/roles/confidence.properties");
    static final Properties SUMMARIES = ResourceFiles.properties("extract/roles/summaries.properties");

    private RuleFiles() {
    }
}
