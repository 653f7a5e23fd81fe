package org.allegationatlas.actor;

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

/** A named party in the news, shared by every article that names it. */
@Entity
@Table(name = "actor")
public class ActorEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_seq")
    @SequenceGenerator(name = "actor_seq", sequenceName = "actor_seq", allocationSize = 50)
    public Long id;

    /** Canonical English name. */
    @Column(nullable = false)
    public String name;
    @Column(name = "normalized_name", nullable = false)
    public String normalizedName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActorKind kind;
    /** ISO alpha-2 of the affiliated country; null for international organisations. */
    @Column(name = "country_code")
    public String countryCode;
    public String title;
}
