// The article view: the body with every quote highlighted at its exact offsets, coloured by
// stance, and the claims beside it. Selecting a claim scrolls to its sentence; selecting a
// highlight selects its claim.
import { h, clear, formatDate } from '../lib/dom.js';
import { query } from '../lib/graphql.js';
import { t, term, language, countryName, STANCES } from '../lib/i18n.js';
import { go } from '../lib/state.js';
import ARTICLE_QUERY from './article.graphql';

export async function loadArticle(state) {
  return (await query(ARTICLE_QUERY, { id: state.article })).article;
}

/**
 * The body cut at every quote boundary: each piece knows the claims whose quotes cover it, so
 * overlapping quotes stay exact. Offsets are UTF-16 indexes, as the API's (Java's) are.
 */
export function segments(body, claims) {
  const cuts = new Set([0, body.length]);
  for (const c of claims) {
    cuts.add(Math.max(0, Math.min(body.length, c.quoteStart)));
    cuts.add(Math.max(0, Math.min(body.length, c.quoteEnd)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = claims.filter((c) => c.quoteStart <= start && c.quoteEnd >= end)
      .sort((a, b) => (a.quoteEnd - a.quoteStart) - (b.quoteEnd - b.quoteStart));
    pieces.push({ start, end, text: body.slice(start, end), claims: covering });
  }
  return pieces;
}

const shorten = (text) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);

export function renderArticle(container, state, article) {
  if (!article) {
    clear(container, h('section', { class: 'card' }, h('p', {}, t('article.notFound'))));
    return;
  }
  const lang = language();
  const bodyEl = h('div', { class: 'article-body', lang: article.language });
  for (const piece of segments(article.body, article.claims)) {
    if (!piece.claims.length) {
      bodyEl.append(piece.text);
      continue;
    }
    // the innermost (shortest) quote gives the colour; every covering claim is listed
    bodyEl.append(h('mark', {
      class: `quote stance-${piece.claims[0].stance}`, tabindex: '-1',
      dataset: { start: String(piece.start), end: String(piece.end), claims: piece.claims.map((c) => c.id).join(' ') },
      title: piece.claims.map((c) => `${term(c.stance)}: ${c.summary}`).join('\n'),
      onclick: () => select(piece.claims[0].id, { scroll: 'list' }),
    }, piece.text));
  }

  const claimsList = h('ol', { class: 'claims article-claims' }, article.claims.map((c) => h('li', {
    class: `claim stance-${c.stance}`, dataset: { claim: c.id, quoteStart: String(c.quoteStart), quoteEnd: String(c.quoteEnd) },
  },
  h('button', { type: 'button', class: 'claim-select', 'aria-pressed': 'false', onclick: () => select(c.id, { scroll: 'body' }) },
    h('span', { class: `badge stance-${c.stance}` }, term(c.stance)), ' ',
    h('span', { class: 'category' }, term(c.category)), ' · ',
    h('strong', {}, c.claimant.name), c.claimant.country ? ` (${countryName(c.claimant.country)})` : '', ' → ',
    c.subject.name, c.counterparty ? ` → ${c.counterparty.name}` : '',
    c.statedOn ? ` · ${formatDate(c.statedOn, c.statedOnPrecision, lang)}` : ''),
  h('p', { class: 'summary' }, c.summary),
  c.respondsTo ? h('p', { class: 'muted' }, `${t('article.respondsTo')}: `, h('a', { href: `#claim-${c.respondsTo.id}`, onclick: (e) => { e.preventDefault(); select(c.respondsTo.id, { scroll: 'both' }); } },
    shorten(article.claims.find((o) => o.id === c.respondsTo.id)?.summary ?? `#${c.respondsTo.id}`))) : null,
  h('p', { class: 'offsets muted' }, `${c.quoteStart}–${c.quoteEnd}`, c.origin === 'EXTRACTED' && c.confidence != null ? ` · ${t('curator.confidence')} ${c.confidence.toFixed(2)}` : ''))));

  const legend = h('p', { class: 'legend' }, t('article.legend'), ' ',
    STANCES.map((s) => h('span', { class: `badge stance-${s}` }, term(s))));

  clear(container,
    h('article', { class: 'card article', 'aria-labelledby': 'article-title' },
      h('p', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); history.length > 1 ? history.back() : go({ view: 'map', article: null, claim: null }); } }, `← ${t('article.back')}`)),
      h('h2', { id: 'article-title', lang: article.language }, article.title || article.url),
      h('p', { class: 'muted' }, [article.publisher, article.dateline,
        article.publishedOn ? `${t('article.published')} ${formatDate(article.publishedOn, 'DAY', lang)}` : null].filter(Boolean).join(' · '), ' · ',
      h('a', { href: article.url, rel: 'noopener noreferrer', target: '_blank' }, t('article.source'))),
      legend,
      bodyEl),
    h('aside', { class: 'card article-side', 'aria-labelledby': 'article-claims-title' },
      h('h2', { id: 'article-claims-title' }, t('article.claims'), ` (${article.claims.length})`),
      claimsList));

  function select(id, { scroll }) {
    for (const li of claimsList.children) {
      const on = li.dataset.claim === String(id);
      li.classList.toggle('selected', on);
      li.querySelector('.claim-select').setAttribute('aria-pressed', String(on));
      if (on && (scroll === 'list' || scroll === 'both')) li.scrollIntoView({ block: 'nearest' });
    }
    const marks = [...bodyEl.querySelectorAll('mark')];
    marks.forEach((m) => m.classList.toggle('selected', m.dataset.claims.split(' ').includes(String(id))));
    const first = marks.find((m) => m.dataset.claims.split(' ').includes(String(id)));
    if (first && (scroll === 'body' || scroll === 'both')) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
    go({ claim: String(id) }, { replace: true });
  }

  if (state.claim) requestAnimationFrame(() => select(state.claim, { scroll: 'both' }));
}
