package org.allegationatlas.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String url;
    public String title;
    public String publisher;
    /** BCP-47 tag in canonical form. */
    @Column(nullable = false)
    public String language;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    public String dateline;
    @Column(nullable = false)
    public String body;
    /** SHA-256 of the input it was stored from, to recognise a repeat. */
    @Column(name = "content_hash")
    public String contentHash;
    /** SHA-256 of the body (ingest/ContentHash.ofBody): the same text met again at another address is the same article. */
    @Column(name = "body_hash")
    public String bodyHash;
    @Column(name = "ingested_at", nullable = false)
    public OffsetDateTime ingestedAt;
}
