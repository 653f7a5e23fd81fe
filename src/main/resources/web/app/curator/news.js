// The curator's desk, news from the web: read a page by its address (preview: nothing stored) and take its reading
// into the desk's form to review and store, or store it as the extractor reads it; and the feeds the atlas polls
// (subscribe, poll now, unsubscribe). Every request carries the editor token.
import { h, clear, formatNumber } from '../lib/dom.js';
import { post } from '../lib/graphql.js';
import { t, addLabels, language } from '../lib/i18n.js';
import { href } from '../lib/state.js';
import PREVIEW_PAGE from './previewPage.graphql';
import FETCH_ARTICLE from './fetchArticle.graphql';
import FEEDS from './feeds.graphql';
import SUBSCRIBE_FEED from './subscribeFeed.graphql';
import POLL_FEED from './pollFeed.graphql';
import UNSUBSCRIBE_FEED from './unsubscribeFeed.graphql';

addLabels({
  en: {
    'news.title': 'From the web', 'news.intro': 'Give the address of a news page: the atlas reads it (its text, title, publisher, date and language) and proposes its claims. Nothing is stored until you store it.',
    'news.url': 'Page address', 'news.read': 'Read page', 'news.fetch': 'Store as read',
    'news.read.done': (n) => `Read. The form below holds the page's text and ${n} proposed claims: review them, then store.`,
    'news.read.empty': 'The page holds no article text (only navigation, or text put there by scripts).',
    'news.truncated': 'The page was longer than the size limit: only its start was read.',
    'news.stored.already': 'Already stored:', 'news.stored': 'Stored:', 'news.claims': (n) => `${n} claims`,
    'feeds.title': 'Feeds', 'feeds.intro': 'RSS and Atom feeds the atlas polls: each new item\'s page is read, its claims extracted and stored, once.',
    'feeds.url': 'Feed address (or a page that names its feed)', 'feeds.language': 'Language of its articles',
    'feeds.publisher': 'Publisher of its articles', 'feeds.pageOwn': "Each page's own", 'feeds.subscribe': 'Subscribe',
    'feeds.refresh': 'Refresh', 'feeds.poll': 'Poll now', 'feeds.unsubscribe': 'Unsubscribe', 'feeds.none': 'No feed yet.',
    'feeds.needToken': 'Enter an editor token above to see and manage the feeds.',
    'feeds.col.feed': 'Feed', 'feeds.col.polled': 'Last poll', 'feeds.col.status': 'Status', 'feeds.col.stored': 'Articles',
    'feeds.col.next': 'Next poll', 'feeds.col.actions': 'Actions', 'feeds.never': 'not yet', 'feeds.polling': 'polling now',
    'feeds.subscribed': (title) => `Subscribed to ${title}; it is polled within a minute.`,
    'feeds.polled': (p) => p.notModified ? 'Not modified since the last poll.'
      : `${p.items} items: ${p.stored} stored, ${p.skipped} skipped, ${p.failed} failed.`,
    'feeds.confirm': (title) => `Stop polling ${title}? Its articles stay.`,
    'feeds.pollOf': (title) => `Poll ${title} now`, 'feeds.unsubscribeOf': (title) => `Unsubscribe from ${title}`,
  },
  id: {
    'news.title': 'Dari web', 'news.intro': 'Berikan alamat halaman berita: atlas membacanya (teks, judul, penerbit, tanggal, dan bahasa) dan mengusulkan klaimnya. Tidak ada yang disimpan sampai Anda menyimpannya.',
    'news.url': 'Alamat halaman', 'news.read': 'Baca halaman', 'news.fetch': 'Simpan seperti dibaca',
    'news.read.done': (n) => `Terbaca. Formulir di bawah memuat teks halaman dan ${n} usulan klaim: periksa, lalu simpan.`,
    'news.read.empty': 'Halaman ini tidak memuat teks artikel (hanya navigasi, atau teks yang dipasang skrip).',
    'news.truncated': 'Halaman lebih panjang dari batas ukuran: hanya bagian awalnya yang dibaca.',
    'news.stored.already': 'Sudah tersimpan:', 'news.stored': 'Tersimpan:', 'news.claims': (n) => `${n} klaim`,
    'feeds.title': 'Umpan', 'feeds.intro': 'Umpan RSS dan Atom yang diperiksa atlas: halaman setiap butir baru dibaca, klaimnya diekstraksi dan disimpan, sekali.',
    'feeds.url': 'Alamat umpan (atau halaman yang menyebut umpannya)', 'feeds.language': 'Bahasa artikelnya',
    'feeds.publisher': 'Penerbit artikelnya', 'feeds.pageOwn': 'Milik tiap halaman', 'feeds.subscribe': 'Langgan',
    'feeds.refresh': 'Muat ulang', 'feeds.poll': 'Periksa sekarang', 'feeds.unsubscribe': 'Berhenti langganan', 'feeds.none': 'Belum ada umpan.',
    'feeds.needToken': 'Masukkan token editor di atas untuk melihat dan mengelola umpan.',
    'feeds.col.feed': 'Umpan', 'feeds.col.polled': 'Terakhir diperiksa', 'feeds.col.status': 'Status', 'feeds.col.stored': 'Artikel',
    'feeds.col.next': 'Pemeriksaan berikut', 'feeds.col.actions': 'Tindakan', 'feeds.never': 'belum', 'feeds.polling': 'sedang diperiksa',
    'feeds.subscribed': (title) => `Berlangganan ${title}; diperiksa dalam satu menit.`,
    'feeds.polled': (p) => p.notModified ? 'Tidak berubah sejak pemeriksaan terakhir.'
      : `${p.items} butir: ${p.stored} disimpan, ${p.skipped} dilewati, ${p.failed} gagal.`,
    'feeds.confirm': (title) => `Berhenti memeriksa ${title}? Artikelnya tetap ada.`,
    'feeds.pollOf': (title) => `Periksa ${title} sekarang`, 'feeds.unsubscribeOf': (title) => `Berhenti langganan ${title}`,
  },
});

const articleLink = (article) => h('a', { href: href({ view: 'article', article: article.id, claim: null, country: null }) },
  article.title || article.url || article.id);

/**
 * Reads a page by its address. {@code onRead(preview)} takes the reading into the desk's form; {@code desk} gives the
 * token and asks for it when missing.
 */
export function renderPageReader(container, desk, onRead) {
  const url = h('input', { id: 'n-url', type: 'url', required: true, placeholder: 'https://…', autocomplete: 'url' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (kind, ...content) => clear(status, h('p', { class: kind }, content));
  const ready = () => !desk.needToken() && url.reportValidity();

  const read = h('button', { type: 'button', onclick: async () => {
    if (!ready()) return;
    say('muted', t('loading'));
    try {
      const { previewPage: page } = await post(PREVIEW_PAGE, { url: url.value.trim() }, desk.token());
      onRead(page);
      say(page.body ? 'ok' : 'error', page.body ? t('news.read.done', page.extraction?.proposal.claims.length ?? 0) : t('news.read.empty'),
        page.truncated ? [' ', t('news.truncated')] : null,
        page.stored ? [' ', h('strong', {}, t('news.stored.already')), ' ', articleLink(page.stored)] : null);
    } catch (e) {
      say('error', t('error'), ' ', e.message);
    }
  } }, t('news.read'));

  const store = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    if (!ready()) return;
    say('muted', t('loading'));
    try {
      const { fetchArticle: article } = await post(FETCH_ARTICLE, { url: url.value.trim() }, desk.token());
      say('ok', t('news.stored'), ' ', articleLink(article), ` (${t('news.claims', article.claims.length)})`);
    } catch (e) {
      say('error', t('error'), ' ', e.message);
    }
  } }, t('news.fetch'));

  clear(container, h('h3', { id: 'news-title' }, t('news.title')),
    h('p', { class: 'muted' }, t('news.intro')),
    h('div', { class: 'news-row' }, h('div', { class: 'field' }, h('label', { for: 'n-url' }, t('news.url')), url), read, store),
    status);
}

/** The feeds: listed when a token is given, with subscribe, poll now and unsubscribe. */
export function renderFeeds(container, desk) {
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (kind, ...content) => clear(status, h('p', { class: kind }, content));
  const list = h('div', { class: 'feed-list' });
  const url = h('input', { id: 'f-url', type: 'url', required: true, placeholder: 'https://…/rss' });
  const lang = h('select', { id: 'f-language' }, h('option', { value: '' }, t('feeds.pageOwn')),
    ['id', 'en'].map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const publisher = h('input', { id: 'f-publisher', placeholder: t('feeds.pageOwn') });
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);

  const load = async () => {
    if (!desk.token()) {
      clear(list, h('p', { class: 'muted' }, t('feeds.needToken')));
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const feeds = [];
      let after = null;
      do {
        const { feeds: page } = await post(FEEDS, { after }, desk.token());
        feeds.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      clear(list, feeds.length ? table(feeds) : h('p', { class: 'muted' }, t('feeds.none')));
    } catch (e) {
      clear(list, h('p', { class: 'error', role: 'alert' }, t('error'), ' ', e.message));
    }
    list.removeAttribute('aria-busy');
  };

  const act = async (document, variables, done) => {
    if (desk.needToken()) return;
    say('muted', t('loading'));
    try {
      const data = await post(document, variables, desk.token());
      say('ok', done(data));
    } catch (e) {
      say('error', t('error'), ' ', e.message);
    }
    await load();
  };

  const when = (iso) => (iso ? new Intl.DateTimeFormat(language() === 'id' ? 'id-ID' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : t('feeds.never'));

  const table = (feeds) => h('table', { class: 'feeds' },
    h('caption', { class: 'visually-hidden' }, t('feeds.title')),
    h('thead', {}, h('tr', {}, ['feed', 'polled', 'status', 'stored', 'next', 'actions'].map((c) => h('th', { scope: 'col' }, t(`feeds.col.${c}`))))),
    h('tbody', {}, feeds.map((f) => {
      const name = f.title || f.url;
      return h('tr', {},
        h('th', { scope: 'row' }, h('span', { class: 'feed-name' }, name), h('br'), h('small', { class: 'muted feed-url' }, f.url)),
        h('td', {}, f.polling ? t('feeds.polling') : when(f.lastPolledAt)),
        h('td', {}, f.lastStatus ?? '—', f.lastError ? h('p', { class: 'error feed-error' }, f.lastError) : null),
        h('td', { class: 'num' }, formatNumber(f.articlesStored, language())),
        h('td', {}, when(f.nextPollAt)),
        h('td', { class: 'feed-actions' },
          h('button', { type: 'button', class: 'secondary', 'aria-label': t('feeds.pollOf', name),
            onclick: () => act(POLL_FEED, { id: f.id }, (d) => t('feeds.polled', d.pollFeed)) }, t('feeds.poll')),
          h('button', { type: 'button', class: 'secondary', 'aria-label': t('feeds.unsubscribeOf', name), onclick: () => {
            if (confirm(t('feeds.confirm', name))) act(UNSUBSCRIBE_FEED, { id: f.id }, () => t('feeds.unsubscribe'));
          } }, t('feeds.unsubscribe'))));
    })));

  const subscribe = h('button', { type: 'button', onclick: () => {
    if (!url.reportValidity()) return;
    act(SUBSCRIBE_FEED, { url: url.value.trim(), language: lang.value || null, publisher: publisher.value.trim() || null },
      (d) => t('feeds.subscribed', d.subscribeFeed.title || d.subscribeFeed.url));
  } }, t('feeds.subscribe'));

  clear(container, h('h3', { id: 'feeds-title' }, t('feeds.title')),
    h('p', { class: 'muted' }, t('feeds.intro')),
    h('div', { class: 'news-row' }, field('f-url', t('feeds.url'), url), field('f-language', t('feeds.language'), lang),
      field('f-publisher', t('feeds.publisher'), publisher), subscribe,
      h('button', { type: 'button', class: 'secondary', onclick: load }, t('feeds.refresh'))),
    status, list);
  load();
  return load;
}
