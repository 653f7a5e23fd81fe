package org.allegationatlas.news.feeds;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A subscription to a feed, with the state of its polls (V10__news_in.sql says what each column holds). */
@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feed_seq")
    @SequenceGenerator(name = "feed_seq", sequenceName = "feed_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String url;
    public String title;
    public String language;
    public String publisher;
    @Column(name = "interval_minutes", nullable = false)
    public int intervalMinutes;
    @Column(name = "subscribed_at", nullable = false)
    public OffsetDateTime subscribedAt;
    @Column(name = "next_poll_at", nullable = false)
    public OffsetDateTime nextPollAt;
    @Column(name = "polling_until")
    public OffsetDateTime pollingUntil;
    @Column(name = "last_polled_at")
    public OffsetDateTime lastPolledAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(nullable = false)
    public int failures;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
}
