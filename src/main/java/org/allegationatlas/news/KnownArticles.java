package org.allegationatlas.news;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The rule that keeps an article from being stored twice: it is known by its address (the one it is stored
 * under, or any other it was met at: the address fetched, the one redirected to, a feed item's link) or by its
 * text (the SHA-256 of its body). The other addresses are kept in article_url.
 */
@ApplicationScoped
public class KnownArticles {

    @Inject
    EntityManager em;

    /** The stored article met at one of these addresses or holding this body (null: any body); null when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Long find(Collection<String> urls, String bodyHash) {
        List<String> addresses = List.copyOf(new LinkedHashSet<>(urls));
        if (!addresses.isEmpty()) {
            Long byUrl = first(em.createNativeQuery("select id from article where url in (:urls)").setParameter("urls", addresses)
                    .setMaxResults(1).getResultList());
            if (byUrl != null) {
                return byUrl;
            }
            Long byOtherUrl = first(em.createNativeQuery("select article_id from article_url where url in (:urls)")
                    .setParameter("urls", addresses).setMaxResults(1).getResultList());
            if (byOtherUrl != null) {
                return byOtherUrl;
            }
        }
        if (bodyHash == null) {
            return null;
        }
        return first(em.createNativeQuery("select id from article where body_hash = :hash order by id")
                .setParameter("hash", bodyHash).setMaxResults(1).getResultList());
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

    private static Long first(List<?> rows) {
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
