package org.allegationatlas.article;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A news article, with its full text: the evidence every claim quotes.")
public record Article(
        @Id @NonNull String id,
        @NonNull String url,
        String title,
        String publisher,
        @NonNull @Description("BCP-47 tag, \"id\" for Indonesian.") String language,
        LocalDate publishedOn,
        String dateline,
        @NonNull String body) {

    public static Article of(ArticleEntity e) {
        return new Article(String.valueOf(e.id), e.url, e.title, e.publisher, e.language, e.publishedOn, e.dateline, e.body);
    }

    /**
     * By id alone (equals still compares every component, so equal records hash alike): the batch loaders
     * key every article of a request by the record, and hashing its text on each lookup was a tenth of a page's CPU.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
