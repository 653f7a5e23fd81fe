// The curator's desk: give a page's address or paste a text or open a file, preview the extraction
// (nothing is stored), correct actors and claims, and store the article with ingestArticle; and the
// feeds the atlas polls (curator/news.js). The editor token is entered here and kept only in this
// tab's session storage; it goes only to this server.
import { h, clear } from '../lib/dom.js';
import { post } from '../lib/graphql.js';
import { t, term, CATEGORIES, STANCES, ACTOR_KINDS } from '../lib/i18n.js';
import { href } from '../lib/state.js';
import PREVIEW_QUERY from './preview.graphql';
import STORE_MUTATION from './store.graphql';
import { renderPageReader, renderFeeds } from './news.js';

const TOKEN_KEY = 'atlas.editor-token';
const tokenStore = {
  get: () => { try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; } },
  set: (v) => { try { if (v) sessionStorage.setItem(TOKEN_KEY, v); else sessionStorage.removeItem(TOKEN_KEY); } catch { /* no storage: typed each time */ } },
};

// the draft survives re-rendering (a change of label language) but not a reload
let draft = { actors: [], claims: [] };

export function renderCurator(container) {
  const field = (id, label, input, hint) => h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { class: 'muted' }, hint) : null);
  const token = h('input', { id: 'c-token', type: 'password', autocomplete: 'off', value: tokenStore.get() });
  token.addEventListener('input', () => tokenStore.set(token.value.trim()));
  let reloadFeeds = () => {};
  token.addEventListener('change', () => reloadFeeds());
  const url = h('input', { id: 'c-url', type: 'url', required: true, placeholder: 'https://…', value: draft.url });
  const title = h('input', { id: 'c-title', value: draft.title });
  const publisher = h('input', { id: 'c-publisher', value: draft.publisher });
  const language = h('select', { id: 'c-language' }, h('option', { value: '' }, t('curator.detect')),
    ['id', 'en'].map((l) => h('option', { value: l, selected: draft.language === l }, t(`lang.${l}`))));
  const publishedOn = h('input', { id: 'c-published', type: 'date', value: draft.publishedOn });
  const dateline = h('input', { id: 'c-dateline', value: draft.dateline });
  const body = h('textarea', { id: 'c-body', rows: '12', required: true }, draft.body || '');
  const file = h('input', { id: 'c-file', type: 'file', accept: '.txt,text/plain' });
  file.addEventListener('change', async () => {
    if (file.files[0]) body.value = await file.files[0].text();
  });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const editor = h('div', { class: 'editor' });

  const article = () => ({
    url: url.value.trim(), title: title.value.trim() || null, publisher: publisher.value.trim() || null,
    language: language.value || null, publishedOn: publishedOn.value || null, dateline: dateline.value.trim() || null, body: body.value,
  });
  const keep = () => Object.assign(draft, article());
  const say = (kind, ...content) => clear(status, h('p', { class: kind }, content));
  const needToken = () => {
    if (tokenStore.get()) return false;
    say('error', t('curator.needToken'));
    token.focus();
    return true;
  };

  // a page read from the web: its text and metadata into the form, the extractor's proposal into the editor
  const takeReading = (page) => {
    const proposal = page.extraction?.proposal;
    draft = { ...draft, url: page.articleUrl, title: page.title ?? '', publisher: page.publisher ?? '', publishedOn: page.publishedOn ?? '',
      dateline: proposal?.dateline ?? '', language: ['id', 'en'].includes(page.language) ? page.language : '', body: page.body,
      actors: proposal?.actors ?? [], claims: proposal?.claims ?? [] };
    [url.value, title.value, publisher.value, publishedOn.value, dateline.value, body.value] = [draft.url, draft.title,
      draft.publisher, draft.publishedOn, draft.dateline, draft.body];
    language.value = draft.language;
    renderEditor(editor, draft);
  };
  const desk = { token: () => tokenStore.get(), needToken };
  const fromWeb = h('section', { class: 'news', 'aria-labelledby': 'news-title' });
  const feeds = h('section', { class: 'card feeds-card', 'aria-labelledby': 'feeds-title' });

  const preview = h('button', { type: 'button', onclick: async () => {
    keep();
    if (needToken() || !check(url, body)) return;
    say('muted', t('loading'));
    try {
      const data = await post(PREVIEW_QUERY, { input: article() }, tokenStore.get());
      const proposal = data.previewExtraction.proposal;
      draft = { ...draft, ...proposal, actors: proposal.actors, claims: proposal.claims };
      [title.value, publisher.value, publishedOn.value, dateline.value] = [draft.title ?? '', draft.publisher ?? '', draft.publishedOn ?? '', draft.dateline ?? ''];
      language.value = draft.language ?? '';
      renderEditor(editor, draft);
      say('ok', t('curator.previewed', draft.actors.length, draft.claims.length),
        data.previewExtraction.curatedClaims ? h('strong', { class: 'warning' }, ' ', t('curator.replaces', data.previewExtraction.curatedClaims)) : null);
    } catch (e) {
      say('error', t('error'), ' ', e.message);
    }
  } }, t('curator.preview'));

  const store = h('button', { type: 'button', class: 'primary', onclick: async () => {
    keep();
    if (needToken() || !check(url, body)) return;
    say('muted', t('loading'));
    try {
      const data = await post(STORE_MUTATION, { input: articleInput(article(), draft) }, tokenStore.get());
      const stored = data.ingestArticle;
      say('ok', t('curator.stored'), ' ', h('a', { href: href({ view: 'article', article: stored.id, claim: null, country: null }), class: 'stored-link' },
        stored.title || url.value), ` (${stored.claims.length} ${t('curator.claims').toLowerCase()})`);
    } catch (e) {
      say('error', t('error'), ' ', e.message);
    }
  } }, t('curator.store'));

  clear(container, h('section', { class: 'card curator', 'aria-labelledby': 'curator-title' },
    h('h2', { id: 'curator-title' }, t('curator.title')),
    h('p', { class: 'muted' }, t('curator.intro')),
    h('div', { class: 'token-row' },
      field('c-token', t('curator.token'), token, t('curator.tokenHint')),
      h('button', { type: 'button', class: 'secondary', onclick: () => { tokenStore.set(''); token.value = ''; reloadFeeds(); } }, t('curator.forget'))),
    fromWeb,
    h('div', { class: 'grid-fields' },
      field('c-url', t('curator.url'), url), field('c-title', t('curator.title.field'), title),
      field('c-publisher', t('curator.publisher'), publisher), field('c-language', t('curator.language'), language),
      field('c-published', t('curator.publishedOn'), publishedOn), field('c-dateline', t('curator.dateline'), dateline)),
    field('c-body', t('curator.body'), body),
    field('c-file', t('curator.file'), file),
    h('div', { class: 'actions' }, preview, store),
    status,
    editor), feeds);
  renderEditor(editor, draft);
  renderPageReader(fromWeb, desk, takeReading);
  reloadFeeds = renderFeeds(feeds, desk);
}

function check(...inputs) {
  for (const input of inputs) {
    if (!input.reportValidity()) return false;
  }
  return true;
}

/** The reviewed draft as an ArticleInput: fields ArticleInput lacks (quoteEnd) are dropped, empty ones left out. */
export function articleInput(article, d) {
  const present = (v) => (v === '' || v == null ? undefined : v);
  return {
    ...article,
    language: article.language || d.language || 'en',
    actors: d.actors.map((a) => ({
      key: a.key, name: a.name, kind: a.kind, country: present(a.country), title: present(a.title),
      aliases: a.aliases?.length ? a.aliases.map((x) => ({ name: x.name, language: present(x.language) })) : undefined,
    })),
    claims: d.claims.map((c) => ({
      key: present(c.key), claimant: c.claimant, subject: c.subject, counterparty: present(c.counterparty), place: present(c.place),
      stance: c.stance, category: c.category, summary: c.summary, quote: c.quote,
      // the offset only while it still points at the (possibly edited) quote; else the server finds it
      quoteStart: c.quoteStart != null && article.body.startsWith(c.quote, c.quoteStart) ? c.quoteStart : undefined,
      statedOn: present(c.statedOn), statedOnPrecision: c.statedOn ? present(c.statedOnPrecision) : undefined,
      respondsTo: present(c.respondsTo), confidence: c.confidence ?? undefined,
    })),
  };
}

function renderEditor(el, d) {
  const input = (obj, key, attrs = {}) => {
    const i = h('input', { ...attrs, value: obj[key] ?? '' });
    i.addEventListener('input', () => { obj[key] = i.value; });
    return i;
  };
  const select = (obj, key, options, { optional = false, label } = {}) => {
    const s = h('select', { 'aria-label': label }, optional ? h('option', { value: '' }, t('curator.none')) : null,
      options.map(([value, text]) => h('option', { value, selected: obj[key] === value }, text)));
    s.addEventListener('change', () => { obj[key] = s.value || null; });
    return s;
  };
  const rerender = () => renderEditor(el, d);
  const actorOptions = () => d.actors.map((a) => [a.key, `${a.name} (${a.key})`]);
  const cell = (label, control) => h('label', { class: 'cell' }, h('span', {}, label), control);

  const actors = h('section', { 'aria-labelledby': 'actors-title' }, h('h3', { id: 'actors-title' }, t('curator.actors')),
    h('ol', { class: 'draft-actors' }, d.actors.map((a, i) => h('li', { class: 'draft-row' },
      cell(t('curator.key'), input(a, 'key', { size: '6' })),
      cell(t('curator.name'), input(a, 'name')),
      cell(t('curator.kind'), select(a, 'kind', ACTOR_KINDS.map((k) => [k, term(k)]))),
      cell(t('curator.country'), input(a, 'country', { size: '3', maxlength: '3' })),
      cell(t('curator.personTitle'), input(a, 'title')),
      h('button', { type: 'button', class: 'secondary', onclick: () => { d.actors.splice(i, 1); rerender(); } }, t('curator.remove'))))),
    h('button', { type: 'button', class: 'secondary', onclick: () => { d.actors.push({ key: `a${d.actors.length + 1}`, name: '', kind: 'STATE', country: '' }); rerender(); } }, t('curator.addActor')));

  const claims = h('section', { 'aria-labelledby': 'claims-title' }, h('h3', { id: 'claims-title' }, t('curator.claims')),
    h('ol', { class: 'draft-claims' }, d.claims.map((c, i) => h('li', { class: 'draft-claim' },
      h('div', { class: 'draft-row' },
        cell(t('curator.key'), input(c, 'key', { size: '6' })),
        cell(t('curator.claimant'), select(c, 'claimant', actorOptions())),
        cell(t('curator.subject'), select(c, 'subject', actorOptions())),
        cell(t('curator.counterparty'), select(c, 'counterparty', actorOptions(), { optional: true })),
        cell(t('filter.stance'), select(c, 'stance', STANCES.map((s) => [s, term(s)]))),
        cell(t('filter.category'), select(c, 'category', CATEGORIES.map((x) => [x, term(x)]))),
        cell(t('curator.statedOn'), input(c, 'statedOn', { type: 'date' })),
        cell(t('curator.respondsTo'), select(c, 'respondsTo', d.claims.filter((o) => o !== c && o.key).map((o) => [o.key, o.key]), { optional: true }))),
      cell(t('curator.summary'), input(c, 'summary', { class: 'wide' })),
      cell(`${t('curator.quote')} (${t('curator.quoteHint')})`, (() => {
        const q = h('textarea', { rows: '2', class: 'wide' }, c.quote ?? '');
        q.addEventListener('input', () => { c.quote = q.value; });
        return q;
      })()),
      h('p', { class: 'muted' }, c.confidence != null ? `${t('curator.confidence')} ${Number(c.confidence).toFixed(2)}` : '',
        h('button', { type: 'button', class: 'secondary', onclick: () => { d.claims.splice(i, 1); rerender(); } }, t('curator.remove')))))),
    h('button', { type: 'button', class: 'secondary', onclick: () => {
      d.claims.push({ key: `c${d.claims.length + 1}`, claimant: d.actors[0]?.key, subject: d.actors[0]?.key, stance: 'ALLEGES', category: 'OTHER', summary: '', quote: '' });
      rerender();
    } }, t('curator.addClaim')));

  clear(el, actors, claims);
}

