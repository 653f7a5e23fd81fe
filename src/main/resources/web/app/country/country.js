// The country panel: its names in English and Indonesian, who accuses it and whom it accuses,
// allegations against it per month, and the latest allegations with their answers threaded beneath.
import { h, clear, append, formatNumber, formatDate } from '../lib/dom.js';
import { query } from '../lib/graphql.js';
import { t, term, language, countryName } from '../lib/i18n.js';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { chartIn, use } from '../lib/charts.js';
import { claimFilter, go, href } from '../lib/state.js';
import COUNTRY_QUERY from './country.graphql';

use([BarChart, GridComponent]);

function variables(state, after = null) {
  // the panel is about allegations: the stance filter shades the map only
  const filter = claimFilter(state, { stance: false });
  const allegations = { ...filter, stance: ['ALLEGES'] };
  return {
    code: state.country, filter, after,
    against: { ...allegations, subjectCountry: state.country },
    by: { ...allegations, claimantCountry: state.country },
  };
}

export async function loadCountry(state, after = null) {
  return query(COUNTRY_QUERY, variables(state, after));
}

export function renderCountry(panel, state, data, onClose) {
  const c = data.country;
  const lang = language();
  const other = (list, label, id) => h('section', { class: 'counterparts', 'aria-labelledby': id },
    h('h3', { id }, label),
    list.length ? h('ul', {}, list.map((row) => h('li', {},
      h('a', { href: href({ country: row.country.code }), onclick: (e) => { e.preventDefault(); go({ country: row.country.code }); } },
        countryName(row.country)),
      ' ', h('span', { class: 'count', dataset: { country: row.country.code } }, `(${formatNumber(row.count, lang)})`))))
      : h('p', { class: 'muted' }, t('country.none')));

  const bars = h('div', { class: 'bars', role: 'img', 'aria-label': t('country.perMonth') });
  const list = h('ol', { class: 'claims' });
  const more = h('div', { class: 'more' });

  clear(panel,
    h('div', { class: 'panel-head' },
      h('div', {},
        h('h2', { id: 'country-title', tabindex: '-1' }, h('span', { lang: 'en', class: 'name-en' }, c.name),
          h('span', { class: 'sep', 'aria-hidden': 'true' }, ' / '), h('span', { lang: 'id', class: 'name-id' }, c.localName || c.name)),
        h('p', { class: 'muted' }, `${c.code} · ${c.alpha3} · `,
          t('country.totals', formatNumber(c.allegationsAgainst.totalCount, lang), formatNumber(c.allegationsBy.totalCount, lang)))),
      h('button', { type: 'button', class: 'close', 'aria-label': t('country.close'), onclick: onClose }, '×')),
    h('div', { class: 'counterparts-row' },
      other(data.accusers, t('country.accusers'), 'accusers-title'),
      other(data.accused, t('country.accused'), 'accused-title')),
    h('section', { 'aria-labelledby': 'per-month-title' },
      h('h3', { id: 'per-month-title' }, t('country.perMonth'), ' ', h('small', { class: 'muted' }, `(${t('country.undated')})`)),
      data.perMonth.length ? bars : h('p', { class: 'muted' }, t('country.none'))),
    h('section', { 'aria-labelledby': 'latest-title' },
      h('h3', { id: 'latest-title' }, t('country.latest')),
      c.allegationsAgainst.totalCount ? list : h('p', { class: 'muted' }, t('country.noneAgainst')),
      more));

  appendClaims(list, more, state, c.allegationsAgainst);
  if (data.perMonth.length) drawBars(bars, data.perMonth);
}

function appendClaims(list, more, state, connection) {
  const lang = language();
  append(list, connection.edges.map(({ node }) => h('li', { class: 'claim', dataset: { claim: node.id } },
    h('div', { class: 'claim-meta' },
      h('span', { class: `badge stance-${node.stance}` }, term(node.category)), ' ',
      h('strong', {}, node.claimant.name),
      node.claimant.country ? ` (${countryName(node.claimant.country)})` : '', ' · ',
      node.statedOn ? formatDate(node.statedOn, node.statedOnPrecision, lang) : t('claim.undated')),
    h('p', { class: 'summary' }, node.summary),
    h('blockquote', {}, h('a', { href: href({ view: 'article', article: node.article.id, claim: node.id, country: null }) }, `“${node.quote}”`)),
    h('p', { class: 'source muted' }, [node.article.publisher, node.article.title].filter(Boolean).join(' — ')),
    node.responses.length ? h('ul', { class: 'responses', 'aria-label': t('claim.responses') }, node.responses.map((r) => h('li', { class: `response stance-${r.stance}`, dataset: { claim: r.id } },
      h('span', { class: `badge stance-${r.stance}` }, term(r.stance)), ' ',
      h('strong', {}, r.claimant.name), r.statedOn ? ` · ${formatDate(r.statedOn, r.statedOnPrecision, lang)}` : '',
      h('blockquote', {}, h('a', { href: href({ view: 'article', article: r.article.id, claim: r.id, country: null }) }, `“${r.quote}”`))))) : null)));
  clear(more);
  if (connection.pageInfo.hasNextPage) {
    append(more, h('button', { type: 'button', class: 'secondary', onclick: async (e) => {
      e.target.disabled = true;
      const next = await loadCountry(state, connection.pageInfo.endCursor);
      appendClaims(list, more, state, next.country.allegationsAgainst);
    } }, t('country.more')));
  }
}

/** Every month from the first to the last, empty ones too, so that the axis is time. */
function drawBars(el, perMonth) {
  const counts = new Map(perMonth.map((m) => [m.month, m.count]));
  const months = [];
  let [y, m] = perMonth[0].month.split('-').map(Number);
  const [ly, lm] = perMonth[perMonth.length - 1].month.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  const chart = chartIn(el);
  chart.setOption({
    aria: { enabled: true },
    grid: { left: 40, right: 8, top: 10, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: [{ type: 'bar', data: months.map((month) => counts.get(month) ?? 0), itemStyle: { color: '#c0452a' }, barMaxWidth: 24 }],
  });
}
