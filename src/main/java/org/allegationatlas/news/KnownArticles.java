package org.allegationatlas.news;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.common.data.JdbcReads;

/**
 * The rule that keeps an article from being stored twice: it is known by its address (the one it is stored
 * under, or any other it was met at: the address fetched, the one redirected to, a feed item's link) or by its
 * text (the SHA-256 of its body). The other addresses are kept in article_url.
 */
@ApplicationScoped
public class KnownArticles {

    @Inject
    EntityManager em;
    @Inject
    JdbcReads reads;

    /**
     * The stored article met at one of these addresses or holding this body (null: any body); null when none. Plain
     * JDBC: it runs in commands and schedules without a request context, and inside a writer's transaction sees
     * what that transaction stored.
     */
    public Long find(Collection<String> urls, String bodyHash) {
        List<String> addresses = urls.stream().filter(u -> u != null && !u.isBlank()).distinct().toList();
        if (!addresses.isEmpty()) {
            Long byUrl = first(reads.list("select id from article where url = any(?)", List.of(addresses), 1, row -> row.getLong(1)));
            if (byUrl != null) {
                return byUrl;
            }
            Long byOtherUrl = first(reads.list("select article_id from article_url where url = any(?)", List.of(addresses), 1,
                    row -> row.getLong(1)));
            if (byOtherUrl != null) {
                return byOtherUrl;
            }
        }
        if (bodyHash == null) {
            return null;
        }
        return first(reads.list("select id from article where body_hash = ? order by id", List.of(bodyHash), 1, row -> row.getLong(1)));
    }

    /**
     * Keeps the addresses an article was met at, besides the one it is stored under, so that meeting it there
     * again finds it. In the writer's transaction, which holds the write lock: no other writer adds them meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(long articleId, String storedUrl, Collection<String> urls) {
        Set<String> others = new LinkedHashSet<>(urls);
        others.remove(storedUrl);
        for (String url : others) {
            if (url == null || url.isBlank() || url.length() > 2048) {
                continue;
            }
            boolean known = !em.createNativeQuery("select 1 from article_url where url = :url").setParameter("url", url)
                    .getResultList().isEmpty()
                    || !em.createNativeQuery("select 1 from article where url = :url").setParameter("url", url)
                            .getResultList().isEmpty();
            if (!known) {
                em.createNativeQuery("insert into article_url (url, article_id) values (:url, :id)").setParameter("url", url)
                        .setParameter("id", articleId).executeUpdate();
            }
        }
    }

    private static Long first(List<Long> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
