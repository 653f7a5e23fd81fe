package org.allegationatlas.common.data;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Ids for rows written over plain JDBC (the bulk import), from the entity's own Hibernate generator: the
 * same sequence and the same pool of 50 as {@code em.persist}, so both kinds of write can share a
 * transaction, and an import over JDBC numbers its rows exactly as one through Hibernate did.
 */
public final class SequenceIds {

    private final SharedSessionContractImplementor session;
    private final BeforeExecutionGenerator generator;

    private SequenceIds(SharedSessionContractImplementor session, BeforeExecutionGenerator generator) {
        this.session = session;
        this.generator = generator;
    }

    /** The ids of {@code entity}, allocated in the transaction of {@code em}. */
    public static SequenceIds of(EntityManager em, Class<?> entity) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        return new SequenceIds(session, (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator());
    }

    public long next() {
        return ((Number) generator.generate(session, null, null, EventType.INSERT)).longValue();
    }
}
