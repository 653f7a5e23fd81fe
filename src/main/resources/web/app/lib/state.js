// The view, the country, the filters and the article live in the URL, so that any view can be
// shared or bookmarked, and Back/Forward walk through what was looked at.
import { STANCES } from './i18n.js';

const DEFAULT_STANCES = ['ALLEGES'];
const listOf = (value, allowed) => (value ? value.split(',').map((v) => v.trim().toUpperCase()).filter((v) => allowed.includes(v)) : []);
const isDate = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v || '');

export function read(search = location.search, categories = null) {
  const p = new URLSearchParams(search);
  const article = p.get('article');
  const stance = p.get('stance');
  return {
    view: ['map', 'matrix', 'curator', 'article'].includes(p.get('view')) ? p.get('view') : article ? 'article' : 'map',
    ui: p.get('ui') === 'id' ? 'id' : p.get('ui') === 'en' ? 'en' : null,
    country: /^[A-Za-z]{2,3}$/.test(p.get('country') || '') ? p.get('country').toUpperCase() : null,
    shade: p.get('shade') === 'by' ? 'by' : 'against',
    category: listOf(p.get('category'), categories ?? CATEGORY_VALUES),
    stance: stance === 'all' ? [] : stance ? listOf(stance, STANCES) : DEFAULT_STANCES,
    from: isDate(p.get('from')) ? p.get('from') : '',
    to: isDate(p.get('to')) ? p.get('to') : '',
    language: /^[a-z]{2,3}$/.test(p.get('language') || '') ? p.get('language') : '',
    article: article && /^[\w-]+$/.test(article) ? article : null,
    claim: /^[\w-]+$/.test(p.get('claim') || '') ? p.get('claim') : null,
    accuser: /^[A-Z]{2}$/.test(p.get('accuser') || '') ? p.get('accuser') : null,
    accused: /^[A-Z]{2}$/.test(p.get('accused') || '') ? p.get('accused') : null,
  };
}

const CATEGORY_VALUES = ['ARMS_TRANSFER', 'MILITARY_SUPPORT', 'SANCTIONS_VIOLATION', 'DIPLOMATIC_RECOGNITION',
  'LABOR_TRANSFER', 'CONCEALMENT', 'OTHER'];

export function toSearch(state) {
  const p = new URLSearchParams();
  if (state.view !== 'map' && !(state.view === 'article' && state.article)) p.set('view', state.view);
  if (state.ui === 'id') p.set('ui', 'id');
  if (state.article) p.set('article', state.article);
  if (state.claim) p.set('claim', state.claim);
  if (state.country) p.set('country', state.country);
  if (state.shade === 'by') p.set('shade', 'by');
  if (state.accuser) p.set('accuser', state.accuser);
  if (state.accused) p.set('accused', state.accused);
  if (state.category.length) p.set('category', state.category.join(','));
  const stance = state.stance.join(',');
  if (stance !== DEFAULT_STANCES.join(',')) p.set('stance', state.stance.length ? stance : 'all');
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.language) p.set('language', state.language);
  const search = p.toString().replace(/%2C/g, ',');
  return search ? `?${search}` : location.pathname;
}

const listeners = [];
export function onChange(listener) {
  listeners.push(listener);
}

/** Moves to the state with {@code changes} applied: a new history entry unless {@code replace}. */
export function go(changes, { replace = false } = {}) {
  const next = { ...read(), ...changes };
  history[replace ? 'replaceState' : 'pushState'](null, '', toSearch(next));
  listeners.forEach((l) => l(next));
}

addEventListener('popstate', () => listeners.forEach((l) => l(read())));

/** The filters as a GraphQL ClaimFilterInput, without empty fields (one spelling per filter, for the caches). */
export function claimFilter(state, { stance = true } = {}) {
  const filter = {};
  if (state.category.length) filter.category = state.category;
  if (stance && state.stance.length) filter.stance = state.stance;
  if (state.from) filter.statedFrom = state.from;
  if (state.to) filter.statedTo = state.to;
  if (state.language) filter.language = state.language;
  return filter;
}

/** Same filters? (a change of country or article keeps the map as it is) */
export function sameFilters(a, b) {
  return JSON.stringify(claimFilter(a)) === JSON.stringify(claimFilter(b)) && a.shade === b.shade;
}

/** A link to a state, for real <a href> elements that also open in a new tab. */
export function href(changes) {
  return toSearch({ ...read(), ...changes });
}
