package org.allegationatlas.news.read;

import java.time.LocalDate;

/**
 * The article a person reads on a page, as {@link PageReader} found it.
 *
 * @param url the address the page was fetched from
 * @param canonicalUrl the page's own name for itself ({@code <link rel=canonical>}, {@code og:url}, JSON-LD
 *        {@code url}), absolute; the fetched url when it names none
 * @param title the headline, without the " | Site" suffix; null when the page has none
 * @param publisher the outlet's name as it writes it ("Republika", "The Guardian"), never a bare host name; null when unknown
 * @param publishedOn the day of first publication; null when the page does not state one
 * @param language BCP-47 language tag ("id", "en", "pt-BR" as the page declares it); guessed from the body when undeclared
 * @param body the article's text: paragraphs separated by one blank line, no line with leading or trailing
 *        whitespace; empty when the page holds no article
 */
public record ReadPage(String url, String canonicalUrl, String title, String publisher, LocalDate publishedOn,
        String language, String body) {
}
