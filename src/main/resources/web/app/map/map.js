// The world map: each country shaded by the claims against it (or made by it) under the filters;
// hover shows the counts, a click opens the country. The ranking beside it does the same by keyboard.
import { h, clear, formatNumber, escapeHtml } from '../lib/dom.js';
import { query } from '../lib/graphql.js';
import { t, language, countryName } from '../lib/i18n.js';
import { chartIn, WORLD_FEATURES } from '../lib/charts.js';
import { claimFilter, go, href } from '../lib/state.js';
import MAP_QUERY from './map.graphql';

const NEUTRAL = '#e9edf1';
const RAMPS = {
  against: ['#fde4cf', '#f9b98c', '#f08a5a', '#d9532f', '#a82a16', '#6e1309'],
  by: ['#dce9f7', '#aecbeb', '#77a6d9', '#4a7fc1', '#2a5b9c', '#153a6b'],
};
const FEATURE_NAMES = new Map(WORLD_FEATURES.map((f) => [f.iso, f.name]));

export async function loadMap(state) {
  const data = await query(MAP_QUERY, { filter: claimFilter(state) });
  return data.claimTotals;
}

/** One bin per count up to six, else bins on a 1-2-5 scale, at most six: readable when one country has 100,000 and most a few. */
export function bins(max) {
  if (max <= 6) return Array.from({ length: max }, (_, i) => ({ min: i + 1, max: i + 1 }));
  const steps = [];
  for (let base = 1; steps.length === 0 || steps[steps.length - 1] <= max; base *= 10) steps.push(base, 2 * base, 5 * base);
  let edges = steps.filter((s) => s <= max);
  while (edges.length > 6) edges = edges.filter((_, i) => i % 2 === 0);
  return edges.map((low, i) => ({ min: low, max: i + 1 < edges.length ? edges[i + 1] - 1 : max }));
}

export function renderMap(container, state, totals) {
  const shade = state.shade;
  const count = (row) => (shade === 'by' ? row.asClaimant : row.asSubject);
  const shaded = totals.filter((row) => count(row) > 0).sort((a, b) => count(b) - count(a) || a.country.code.localeCompare(b.country.code));
  const byCode = new Map(totals.map((row) => [row.country.code, row]));
  const allegations = state.stance.length === 1 && state.stance[0] === 'ALLEGES';
  const shadeLabel = (which) => t(allegations ? `map.${which}` : which === 'against' ? 'map.asSubject' : 'map.asClaimant');

  const chartEl = h('div', { class: 'map-chart', role: 'img', 'aria-label': `${t('map.title')}: ${shadeLabel(shade)}` });
  const toggle = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('map.shade') },
    ['against', 'by'].map((which) => h('button', {
      type: 'button', role: 'radio', 'aria-checked': String(shade === which), class: shade === which ? 'on' : '',
      onclick: () => go({ shade: which }),
    }, shadeLabel(which))));

  const names = shaded.map((row) => countryName(row.country));
  const find = h('form', { class: 'find', onsubmit: (e) => {
    e.preventDefault();
    const wanted = e.target.elements.country.value.trim().toLowerCase();
    const row = shaded.find((r) => [r.country.name, r.country.localName, r.country.code].some((n) => n && n.toLowerCase() === wanted));
    if (row) go({ country: row.country.code });
  } },
  h('label', { for: 'find-country' }, t('map.find')),
  h('input', { id: 'find-country', name: 'country', list: 'find-country-names', autocomplete: 'off' }),
  h('datalist', { id: 'find-country-names' }, names.map((n) => h('option', { value: n }))),
  h('button', { type: 'submit' }, t('map.go')));

  const ranking = h('ol', { class: 'ranking', 'aria-label': t(`map.ranking.${shade}`) },
    shaded.slice(0, 15).map((row) => h('li', {},
      h('a', { href: href({ country: row.country.code }), dataset: { country: row.country.code },
        class: state.country === row.country.code ? 'current' : '',
        onclick: (e) => { e.preventDefault(); go({ country: row.country.code }); } },
      h('span', { class: 'name' }, countryName(row.country)),
      h('span', { class: 'count' }, formatNumber(count(row), language()))))));

  clear(container,
    h('section', { class: 'card map-card', 'aria-labelledby': 'map-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'map-title' }, t('map.title')), toggle),
      chartEl,
      h('p', { class: 'hint' }, shaded.length ? t('map.hint') : t('map.none'))),
    h('section', { class: 'card ranking-card', 'aria-labelledby': 'ranking-title' },
      h('h2', { id: 'ranking-title' }, t(`map.ranking.${shade}`), ' ', h('small', {}, t('map.countries', shaded.length))),
      ranking, find));

  const max = shaded.length ? count(shaded[0]) : 1;
  const pieces = bins(max).map((bin, i, all) => ({
    ...bin, color: RAMPS[shade][Math.round((i * (RAMPS[shade].length - 1)) / Math.max(1, all.length - 1))],
    label: bin.min === bin.max ? formatNumber(bin.min, language()) : `${formatNumber(bin.min, language())}–${formatNumber(bin.max, language())}`,
  }));
  const chart = chartIn(chartEl);
  chart.setOption({
    // drawn in its final colours at once: no transition for the reader (or the first paint) to wait for
    animation: false,
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const row = byCode.get(p.name);
        const name = row ? countryName(row.country) : FEATURE_NAMES.get(p.name) ?? p.name;
        const lines = row
          ? `${t(allegations ? 'map.against' : 'map.asSubject')}: <b>${formatNumber(row.asSubject, language())}</b><br>${t(allegations ? 'map.by' : 'map.asClaimant')}: <b>${formatNumber(row.asClaimant, language())}</b>`
          : t('country.none');
        return `<b>${escapeHtml(name)}</b><br>${lines}`;
      },
    },
    visualMap: {
      type: 'piecewise', pieces, orient: 'horizontal', left: 8, bottom: 4, itemWidth: 14, itemHeight: 10,
      textStyle: { fontSize: 11 }, selectedMode: false, outOfRange: { color: NEUTRAL },
    },
    series: [{
      type: 'map', map: 'world', nameProperty: 'iso', roam: true, scaleLimit: { min: 1, max: 12 },
      top: 8, bottom: 40, left: 8, right: 8,
      itemStyle: { areaColor: NEUTRAL, borderColor: '#8a96a3', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd34d' } },
      select: { disabled: true }, selectedMode: false,
      data: shaded.map((row) => ({ name: row.country.code, value: count(row) })),
    }],
  });
  chart.on('click', (p) => {
    if (/^[A-Z]{2}$/.test(p.name)) go({ country: p.name });
  });
  // when the shaded map is on screen, for the first-paint benchmark (bench/atlas-page-bench.sh)
  chart.on('finished', function drawn() {
    chart.off('finished', drawn);
    if (!performance.getEntriesByName('atlas:map-drawn').length) performance.mark('atlas:map-drawn');
  });
  // for the browser tests and curious users: the chart is window.atlas.map
  window.atlas = { ...(window.atlas || {}), map: chart };
  container.dataset.shaded = shaded.map((row) => row.country.code).join(' ');
  return chart;
}
