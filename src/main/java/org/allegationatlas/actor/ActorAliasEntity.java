package org.allegationatlas.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A surface form of an actor's name as written in some article ("Gedung Putih"). */
@Entity
@Table(name = "actor_alias")
public class ActorAliasEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_alias_seq")
    @SequenceGenerator(name = "actor_alias_seq", sequenceName = "actor_alias_seq", allocationSize = 50)
    public Long id;

    @Column(name = "actor_id", nullable = false)
    public Long actorId;
    @Column(nullable = false)
    public String name;
    public String language;
    @Column(nullable = false)
    public String normalized;
}
