package org.allegationatlas.article;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.common.CountCache;
import org.allegationatlas.common.Languages;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageRequest;
import org.allegationatlas.common.SqlWhere;
import org.allegationatlas.common.Text;
import org.allegationatlas.common.WriteLock;

@ApplicationScoped
@Transactional
public class ArticleService {

    @Inject
    EntityManager em;
    @Inject
    CountCache counts;

    public ArticleEntity byId(long id) {
        return em.find(ArticleEntity.class, id);
    }

    public ArticleEntity byUrl(String url) {
        return em.createQuery("from ArticleEntity where url = :url", ArticleEntity.class).setParameter("url", url)
                .getResultStream().findFirst().orElse(null);
    }

    public Map<Long, ArticleEntity> byIds(Collection<Long> ids) {
        Map<Long, ArticleEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("from ArticleEntity where id in :ids", ArticleEntity.class).setParameter("ids", Set.copyOf(ids))
                    .getResultList().forEach(a -> found.put(a.id, a));
        }
        return found;
    }

    /** Articles, newest publication first (undated last). */
    public Page<ArticleEntity> page(ArticleFilter filter, PageRequest request) {
        SqlWhere where = new SqlWhere();
        if (filter != null) {
            String language = Languages.canonical(filter.language(), "filter.language");
            where.add("lower(a.language) = :language", "language", language == null ? null : language.toLowerCase(Locale.ROOT))
                    .add("lower(a.publisher) = :publisher", "publisher",
                            Text.isBlank(filter.publisher()) ? null : filter.publisher().trim().toLowerCase(Locale.ROOT))
                    .add("a.published_on >= :publishedFrom", "publishedFrom", filter.publishedFrom())
                    .add("a.published_on <= :publishedTo", "publishedTo", filter.publishedTo());
            if (!Text.isBlank(filter.text())) {
                where.add("(lower(a.title) like :text escape '\\' or lower(a.body) like :text escape '\\')", "text",
                        Text.containsPattern(filter.text().trim().toLowerCase(Locale.ROOT)));
            }
        }
        long total = counts.get("articles" + where.key(), () -> ((Number) where.bind(
                em.createNativeQuery("select count(*) from article a" + where.sql())).getSingleResult()).longValue());
        SqlWhere paged = where.copy().after("a.published_on", "a.id", true, request.after(), request.after() == null ? null : request.after().dateKey());
        @SuppressWarnings("unchecked")
        List<ArticleEntity> rows = paged.bind(em.createNativeQuery("select a.* from article a" + paged.sql() + " order by "
                + SqlWhere.orderBy("a.published_on", "a.id", true), ArticleEntity.class))
                .setMaxResults(request.fetchSize()).getResultList();
        return Page.of(rows, request, total);
    }

    /** Deletes an article and its claims. @return false when there was no such article */
    public boolean delete(long id) {
        WriteLock.acquire(em);
        ArticleEntity article = em.find(ArticleEntity.class, id);
        if (article == null) {
            return false;
        }
        deleteClaimsOf(id);
        em.remove(article);
        return true;
    }

    /** Removes an article's claims, the answers among them first loosened so no reference dangles. */
    public void deleteClaimsOf(long articleId) {
        em.createQuery("update ClaimEntity set respondsToId = null where articleId = :id").setParameter("id", articleId)
                .executeUpdate();
        em.createQuery("delete from ClaimEntity where articleId = :id").setParameter("id", articleId).executeUpdate();
    }

}
