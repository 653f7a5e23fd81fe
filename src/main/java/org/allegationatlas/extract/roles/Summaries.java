package org.allegationatlas.extract.roles;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;

/** One English sentence per claim, from the templates of summaries.properties. */
final class Summaries {

    private final Properties templates;
    private final Set<String> definiteKinds;
    private final List<String> definiteStates;

    Summaries(Properties templates) {
        this.templates = templates;
        this.definiteKinds = Set.of(templates.getProperty("definite.kinds", "").split(","));
        this.definiteStates = List.of(templates.getProperty("definite.states", "").split(","));
    }

    String of(ClaimDraft claim, boolean publisherVoice) {
        String stance = claim.stance.name();
        String verb = template("stance." + stance, "says");
        if (publisherVoice) {
            verb = template("stance." + stance + ".publisher", verb);
        } else if (isPlural(claim.claimant)) {
            verb = template("stance." + stance + ".plural", verb);
        }
        String category = claim.category.name();
        String act;
        if (claim.counterparty == null) {
            act = template("alone." + category, "acts");
        } else {
            String directed = claim.acquires ? template("act." + category + ".acquires", template("act." + category, "acts towards"))
                    : template("act." + category, "acts towards");
            act = directed + " " + name(claim.counterparty);
        }
        // no speaker found: the sentence is told as it stands ("Reportedly, ..."), never in an invented voice
        String sentence = (publisherVoice ? template("unattributed", "reportedly,") : name(claim.claimant) + " " + verb) + " "
                + name(claim.subject) + " " + act + ".";
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private String name(ArticleActors.Actor actor) {
        String name = actor.name();
        if (name.toLowerCase(Locale.ROOT).startsWith("the ")) {
            return name;
        }
        boolean definite = actor.kind() == ActorKind.STATE ? definiteStates.stream().anyMatch(name::startsWith)
                : definiteKinds.contains(actor.kind().name());
        return definite ? "the " + name : name;
    }

    /** "Iranian officials", "Palestinians": a group named in the plural. */
    private static boolean isPlural(ArticleActors.Actor actor) {
        return actor.kind() == ActorKind.GROUP && actor.name().endsWith("s");
    }

    private String template(String key, String fallback) {
        return templates.getProperty(key, fallback);
    }
}
