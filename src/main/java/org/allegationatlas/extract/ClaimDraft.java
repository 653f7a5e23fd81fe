package org.allegationatlas.extract;

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
    int sentence;
    int quoteStart;
    int quoteEnd;
    LocalDate statedOn;
    DatePrecision statedOnPrecision;
    double confidence;
    String key;
    ClaimDraft respondsTo;

    String identity() {
        return sentence + "|" + claimant.key + "|" + subject.key + "|" + (counterparty == null ? "" : counterparty.key) + "|"
                + stance + "|" + category;
    }

    @Override
    public String toString() {
        return stance + " " + category + ": " + claimant + " -> " + subject + (counterparty == null ? "" : " -> " + counterparty)
                + (place == null ? "" : " @ " + place) + " (" + confidence + ")";
    }
}
