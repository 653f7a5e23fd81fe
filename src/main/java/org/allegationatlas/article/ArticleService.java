package org.allegationatlas.article;

import java.time.LocalDate;
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
import org.allegationatlas.common.data.JdbcReads;
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
    @Inject
    JdbcReads reads;

    /** The article with this id, read-only for the API; null when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article byId(long id) {
        return byIds(List.of(id)).get(id);
    }

    public ArticleEntity byUrl(String url) {
        return em.createQuery("from ArticleEntity where url = :url", ArticleEntity.class).setParameter("url", url)
                .getResultStream().findFirst().orElse(null);
    }

    /** The articles with these ids, read-only for the API. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Article> byIds(Collection<Long> ids) {
        Map<Long, Article> found = new HashMap<>();
        if (!ids.isEmpty()) {
            reads.list("select id, url, title, publisher, language, published_on, dateline, body from article where id = any(?)",
                    List.of(Set.copyOf(ids)), Integer.MAX_VALUE,
                    row -> new Article(String.valueOf(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getObject(6, LocalDate.class), row.getString(7), row.getString(8)))
                    .forEach(a -> found.put(a.numericId(), a));
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
