package org.allegationatlas.claim;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One statement in one article. Relations are plain ids, resolved in batches by the
 * GraphQL layer, so that no lazy association is ever touched row by row.
 */
@Entity
@Table(name = "claim")
public class ClaimEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
    @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 50)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public Long articleId;
    @Column(name = "claimant_id", nullable = false)
    public Long claimantId;
    @Column(name = "subject_id", nullable = false)
    public Long subjectId;
    @Column(name = "counterparty_id")
    public Long counterpartyId;
    @Column(name = "place_id")
    public Long placeId;

    @Column(name = "claimant_country")
    public String claimantCountry;
    @Column(name = "subject_country")
    public String subjectCountry;
    @Column(name = "counterparty_country")
    public String counterpartyCountry;
    @Column(name = "place_country")
    public String placeCountry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stance stance;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimCategory category;
    @Column(nullable = false)
    public String summary;
    @Column(nullable = false)
    public String quote;
    @Column(name = "quote_start", nullable = false)
    public int quoteStart;
    @Column(name = "quote_end", nullable = false)
    public int quoteEnd;
    @Column(name = "stated_on")
    public LocalDate statedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "stated_on_precision")
    public DatePrecision statedOnPrecision;
    @Column(name = "responds_to_id")
    public Long respondsToId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimOrigin origin;
    public Double confidence;
    /** Why an extractor proposed the claim; null for claims read by a person. */
    @Column(length = 4000)
    public String explanation;
}
