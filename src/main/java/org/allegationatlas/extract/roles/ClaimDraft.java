package org.allegationatlas.extract.roles;

import java.time.LocalDate;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.claim.Stance;

/** A claim as the rules find it in one sentence, before it becomes a ClaimInput. */
final class ClaimDraft {

    ArticleActors.Actor claimant;
    ArticleActors.Actor subject;
    ArticleActors.Actor counterparty;
    ArticleActors.Actor place;
    Stance stance;
    ClaimCategory category;
    /** the subject receives or buys from the counterparty (worded "acquires ... from") */
    boolean acquires;
    boolean publisherVoice;
    /** the converse of what the sentence says ("A buys from B" made into "B supplies A") */
    boolean converse;
    boolean pronounSubject;
    /** the parties were taken from the claim before, as the sentence names none */
    boolean continued;
    /** made with an accusing verb ("accused", "menuduh"): what "the accusation" of a later denial means */
    boolean accusation;
    /** the sentence tells of an act between parties (ClaimFinder#act) or of a tracked category */
    boolean reportsAct;
    int sentence;
    int quoteStart;
    int quoteEnd;
    LocalDate statedOn;
    DatePrecision statedOnPrecision;
    double confidence;
    String key;
    ClaimDraft respondsTo;
    /** Why: the cue and rule of the frame, and how each role was found (see {@link #explanation()}). */
    String cue;
    String claimantWhy;
    String subjectWhy;
    String counterpartyWhy;
    String stanceWhy;

    /** One readable line per part, for a curator: cue; claimant; subject; counterparty; stance; confidence. */
    String explanation() {
        StringBuilder b = new StringBuilder();
        b.append("cue: ").append(cue == null ? "none (no reporting or accusing verb; the sentence as it stands)" : cue);
        b.append("\nclaimant: ").append(claimantWhy == null ? "none found in the text (left empty, confidence lowered)" : claimantWhy);
        b.append("\nsubject: ").append(subjectWhy == null ? describe(subject) : subjectWhy);
        if (counterparty != null) {
            b.append("\ncounterparty: ").append(counterpartyWhy == null ? describe(counterparty) : counterpartyWhy);
        }
        if (stanceWhy != null) {
            b.append("\nstance ").append(stance).append(": ").append(stanceWhy);
        }
        if (respondsTo != null) {
            b.append("\nanswers the earlier allegation about ").append(describe(respondsTo.subject));
        }
        String text = b.toString();
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /** "White House [US] (actors.tsv)". */
    static String describe(ArticleActors.Actor actor) {
        if (actor == null) {
            return "none";
        }
        return actor.name() + (actor.country() == null ? "" : " [" + actor.country() + "]")
                + (actor.def.source() == null ? "" : " (" + actor.def.source() + ")");
    }

    String identity() {
        return sentence + "|" + (claimant == null ? "" : claimant.key) + "|" + subject.key + "|" + (counterparty == null ? "" : counterparty.key) + "|"
                + stance + "|" + category;
    }

    @Override
    public String toString() {
        return stance + " " + category + ": " + claimant + " -> " + subject + (counterparty == null ? "" : " -> " + counterparty)
                + (place == null ? "" : " @ " + place) + " (" + confidence + ")";
    }
}
