// The Atlas page: one module per view (map, matrix, country, article, curator), each sending its
// own single GraphQL query; the URL holds the view, the country, the filters and the article.
import './main.css';
import { h, clear } from './lib/dom.js';
import { t, setLanguage, rememberedLanguage, language } from './lib/i18n.js';
import { read, onChange, go, href, sameFilters } from './lib/state.js';
import { renderFilters } from './lib/filters.js';
import { loadMap, renderMap } from './map/map.js';

// The map is drawn first, from this bundle alone; the other views (and their chart types) are
// separate chunks, fetched when they are first opened, so the map waits for none of them.
const views = {
  country: () => import('./country/country.js'),
  matrix: () => import('./matrix/matrix.js'),
  article: () => import('./article/article.js'),
  curator: () => import('./curator/curator.js'),
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const filters = document.getElementById('filters');
let shown = null; // the state on screen
let mapArea = null;
let panel = null;
let generation = 0; // a slow answer for a view already left is dropped

function chrome(state) {
  setLanguage(state.ui ?? rememberedLanguage() ?? 'en');
  clear(nav, ['map', 'matrix', 'curator'].map((view) => h('a', {
    href: href({ view, article: null, claim: null }), 'aria-current': state.view === view ? 'page' : null,
    onclick: (e) => { e.preventDefault(); go({ view, article: null, claim: null }); },
  }, t(`view.${view}`))));
  clear(document.getElementById('ui-language'), ['en', 'id'].map((l) => h('button', {
    // each language named in itself, as a reader of it looks for it
    type: 'button', lang: l, 'aria-pressed': String(language() === l), 'aria-label': l === 'id' ? 'Bahasa Indonesia' : 'English',
    onclick: () => go({ ui: l }, { replace: true }),
  }, l.toUpperCase())));
  document.querySelector('.skip-link').textContent = t('skip');
  document.getElementById('footer-text').textContent = t('footer');
  filters.hidden = state.view === 'curator' || state.view === 'article';
  if (!filters.hidden) renderFilters(filters, state);
}

function failed(where, error, retry) {
  clear(where, h('div', { class: 'card error', role: 'alert' }, h('p', {}, t('error'), ' ', error.message),
    h('button', { type: 'button', onclick: retry }, t('retry'))));
}

async function render(state) {
  const previous = shown;
  shown = state;
  const mine = ++generation;
  const labelsChanged = !previous || previous.ui !== state.ui;
  chrome(state);
  document.body.dataset.view = state.view;

  if (state.view === 'article') {
    // selecting a claim only moves the highlight: the view does that itself
    if (!labelsChanged && previous?.view === 'article' && previous.article === state.article) return;
    main.setAttribute('aria-busy', 'true');
    try {
      const { loadArticle, renderArticle } = await views.article();
      const article = await loadArticle(state);
      if (mine === generation) renderArticle(clear(main), state, article);
    } catch (e) {
      failed(main, e, () => render(read()));
    }
    main.removeAttribute('aria-busy');
    return;
  }
  if (state.view === 'curator') {
    try {
      const { renderCurator } = await views.curator();
      if (mine === generation) renderCurator(clear(main));
    } catch (e) {
      failed(main, e, () => render(read()));
    }
    return;
  }
  if (state.view === 'matrix') {
    main.setAttribute('aria-busy', 'true');
    try {
      const { loadMatrix, renderMatrix } = await views.matrix();
      const pairs = await loadMatrix(state);
      if (mine === generation) {
        mapArea = h('div', { class: 'matrix-area' });
        renderMatrix(mapArea, state, pairs);
        clear(main, mapArea);
      }
    } catch (e) {
      failed(main, e, () => render(read()));
    }
    main.removeAttribute('aria-busy');
    return;
  }

  // the map, and the country panel beside it
  const keepMap = !labelsChanged && previous?.view === 'map' && sameFilters(previous, state) && mapArea?.isConnected;
  if (!keepMap) {
    mapArea = h('div', { class: 'map-area', 'aria-busy': 'true' });
    panel = h('aside', { class: 'card country-panel', 'aria-labelledby': 'country-title', hidden: true });
    clear(main, h('div', { class: 'map-layout' }, mapArea, panel));
  }
  document.body.classList.toggle('with-country', Boolean(state.country));
  const mapDone = keepMap ? Promise.resolve() : loadMap(state).then((totals) => {
    if (mine === generation) renderMap(mapArea, state, totals);
    mapArea.removeAttribute('aria-busy');
  }, (e) => failed(mapArea, e, () => render(read())));

  if (state.country) {
    panel.hidden = false;
    panel.setAttribute('aria-busy', 'true');
    try {
      const { loadCountry, renderCountry } = await views.country();
      const data = await loadCountry(state);
      if (mine !== generation) return;
      renderCountry(panel, state, data, () => go({ country: null }));
      if (previous?.country !== state.country) panel.querySelector('#country-title')?.focus({ preventScroll: false });
    } catch (e) {
      failed(panel, e, () => render(read()));
    }
    panel.removeAttribute('aria-busy');
  } else if (panel) {
    panel.hidden = true;
    clear(panel);
  }
  await mapDone;
  // the map's size depends on the panel beside it
  window.atlas?.map?.resize();
  document.querySelectorAll('.map-area [data-country]').forEach((a) => a.classList.toggle('current', a.dataset.country === state.country));
}

onChange(render);
addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && shown?.country && shown.view === 'map') go({ country: null });
});
render(read());
