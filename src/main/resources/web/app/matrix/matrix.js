// Who accuses whom: a network of countries, an arrow from accuser to accused as thick as its
// allegations; a click on an arrow (or on a row of the table, by keyboard) lists those allegations.
import { h, clear, append, formatNumber, formatDate, escapeHtml } from '../lib/dom.js';
import { query } from '../lib/graphql.js';
import { t, term, language, countryName } from '../lib/i18n.js';
import { install as GraphChart } from 'echarts/lib/chart/graph/install.js';
import { chartIn, use } from '../lib/charts.js';
import { claimFilter, go, href } from '../lib/state.js';
import MATRIX_QUERY from './matrix.graphql';
import PAIR_QUERY from './pair.graphql';

use([GraphChart]);

const LINKS = 60;

const allegations = (state) => ({ ...claimFilter(state, { stance: false }), stance: ['ALLEGES'] });

export async function loadMatrix(state) {
  return (await query(MATRIX_QUERY, { filter: allegations(state), first: LINKS })).allegationMatrix;
}

export function renderMatrix(container, state, pairs) {
  const lang = language();
  const chartEl = h('div', { class: 'matrix-chart', role: 'img', 'aria-label': t('matrix.title') });
  const claimsEl = h('section', { class: 'card pair', 'aria-live': 'polite' });
  const open = (pair) => go({ accuser: pair.accuser.code, accused: pair.accused.code });
  const table = h('table', { class: 'pairs' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('matrix.accuser')), h('th', { scope: 'col' }, t('matrix.accused')),
      h('th', { scope: 'col', class: 'num' }, t('matrix.count')))),
    h('tbody', {}, pairs.map((p) => h('tr', { class: state.accuser === p.accuser.code && state.accused === p.accused.code ? 'current' : '' },
      h('td', {}, h('a', { href: href({ accuser: p.accuser.code, accused: p.accused.code }), onclick: (e) => { e.preventDefault(); open(p); } }, countryName(p.accuser))),
      h('td', {}, countryName(p.accused)),
      h('td', { class: 'num' }, formatNumber(p.count, lang))))));

  clear(container,
    h('section', { class: 'card matrix-card', 'aria-labelledby': 'matrix-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'matrix-title' }, t('matrix.title'))),
      pairs.length ? chartEl : h('p', {}, t('matrix.none')),
      h('p', { class: 'hint' }, t('matrix.hint'), ' ', t('matrix.alleges'))),
    h('section', { class: 'card', 'aria-labelledby': 'pairs-title' },
      h('h2', { id: 'pairs-title' }, t('matrix.top', pairs.length)), table),
    claimsEl);

  if (pairs.length) drawGraph(chartEl, pairs, open);
  if (state.accuser && state.accused) {
    const pair = pairs.find((p) => p.accuser.code === state.accuser && p.accused.code === state.accused);
    showPair(claimsEl, state, pair ? [countryName(pair.accuser), countryName(pair.accused)] : [state.accuser, state.accused]);
  }
  else claimsEl.remove();
}

function drawGraph(el, pairs, open) {
  const nodes = new Map();
  for (const p of pairs) {
    for (const [country, role] of [[p.accuser, 'out'], [p.accused, 'in']]) {
      const node = nodes.get(country.code) ?? { country, in: 0, out: 0 };
      node[role] += p.count;
      nodes.set(country.code, node);
    }
  }
  const max = Math.max(...pairs.map((p) => p.count));
  const maxNode = Math.max(...[...nodes.values()].map((n) => n.in + n.out));
  const chart = chartIn(el);
  chart.setOption({
    aria: { enabled: true },
    tooltip: {
      formatter: (p) => (p.dataType === 'edge'
        ? `${escapeHtml(p.data.accuserName)} → ${escapeHtml(p.data.accusedName)}: <b>${formatNumber(p.data.count, language())}</b>`
        : `<b>${escapeHtml(p.data.label)}</b><br>${t('country.accused')}: ${formatNumber(p.data.out, language())}<br>${t('country.accusers')}: ${formatNumber(p.data.in, language())}`),
    },
    series: [{
      type: 'graph', layout: 'circular', circular: { rotateLabel: true }, roam: true,
      top: 40, bottom: 40, left: 40, right: 40,
      label: { show: true, position: 'right', formatter: (p) => p.data.label, fontSize: 11 },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      lineStyle: { color: 'source', curveness: 0.25, opacity: 0.6 },
      emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
      data: [...nodes.values()].map((n) => ({
        id: n.country.code, name: n.country.code, label: countryName(n.country), in: n.in, out: n.out,
        symbolSize: 8 + 24 * Math.sqrt((n.in + n.out) / maxNode),
        itemStyle: { color: n.out >= n.in ? '#2a5b9c' : '#c0452a' },
      })),
      links: pairs.map((p) => ({
        source: p.accuser.code, target: p.accused.code, count: p.count, pair: p,
        accuserName: countryName(p.accuser), accusedName: countryName(p.accused),
        lineStyle: { width: 1 + 7 * Math.sqrt(p.count / max) },
      })),
    }],
  });
  chart.on('click', (p) => {
    if (p.dataType === 'edge') open(p.data.pair);
    else if (p.dataType === 'node') go({ view: 'map', country: p.data.id, accuser: null, accused: null });
  });
  window.atlas = { ...(window.atlas || {}), matrix: chart };
}

async function showPair(el, state, names, after = null, list = null) {
  const filter = { ...allegations(state), claimantCountry: state.accuser, subjectCountry: state.accused };
  const data = await query(PAIR_QUERY, { filter, after });
  const lang = language();
  if (!list) {
    list = h('ol', { class: 'claims' });
    clear(el, h('h2', { id: 'pair-title' }, t('matrix.claims', ...names), ' ',
      h('small', {}, `(${formatNumber(data.claims.totalCount, lang)})`)), list);
  }
  el.querySelector('.more')?.remove();
  append(list, data.claims.edges.map(({ node }) => h('li', { class: 'claim', dataset: { claim: node.id } },
    h('div', { class: 'claim-meta' }, h('span', { class: 'badge stance-ALLEGES' }, term(node.category)), ' ',
      h('strong', {}, node.claimant.name), ` → ${node.subject.name} · `,
      node.statedOn ? formatDate(node.statedOn, node.statedOnPrecision, lang) : t('claim.undated')),
    h('p', { class: 'summary' }, node.summary),
    h('blockquote', {}, h('a', { href: href({ view: 'article', article: node.article.id, claim: node.id }) }, `“${node.quote}”`)))));
  if (data.claims.pageInfo.hasNextPage) {
    append(el, h('div', { class: 'more' }, h('button', { type: 'button', class: 'secondary',
      onclick: () => showPair(el, state, names, data.claims.pageInfo.endCursor, list) }, t('country.more'))));
  }
  el.scrollIntoView({ block: 'nearest' });
}
