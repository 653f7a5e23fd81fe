package org.allegationatlas.extract.roles;

import org.allegationatlas.extract.lexicon.Lexicon.CueType;

/** Who speaks in a sentence, with which verb, and which tokens [from, to) hold what is said. */
final class Frame {
    /** the speaker as named in the sentence; null for the publisher or a pronoun ("ujarnya") */
    Mention speaker;
    ArticleActors.Actor speakerActor;
    /** the verb's kind; null when no one is said to speak (the publisher states it) */
    CueType type;
    int from;
    int to;
    boolean pronounSpeaker;
    boolean negated;
    /** the speaker only believes it ("yakin", "has information that") */
    boolean belief;
    /** whom the claim is about when the construction says so ("Iran dituduh AS ...": Iran) */
    Mention forcedSubject;
    /** the claim is about the speaker itself: a denial in a relative clause or passive ("the charge, which Hanoi rejected") */
    boolean selfSubject;
    /** the speaker's own act follows the verb ("threatened to ...", "refused to ...", "menolak menarik ..."): it is the subject */
    boolean ownAct;
    /** told in the publisher's voice around a speaker whose words name no party: that speaker, who is no party of it */
    Mention mutedSpeaker;
    /** the cue as written, and how the speaker was found: for the explanation */
    String cueText;
    String speakerRule;
}
