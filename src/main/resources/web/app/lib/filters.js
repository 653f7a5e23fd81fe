// The filter bar: category, stance, date range and article language, applied to every view.
import { h, clear } from './dom.js';
import { t, term, CATEGORIES, STANCES } from './i18n.js';
import { go } from './state.js';

const LANGUAGES = ['en', 'id'];

export function renderFilters(form, state) {
  const category = h('select', { id: 'f-category', name: 'category', 'aria-label': t('filter.category') },
    h('option', { value: '' }, t('filter.allCategories')),
    CATEGORIES.map((c) => h('option', { value: c, selected: state.category.length === 1 && state.category[0] === c }, term(c))));
  const stance = h('select', { id: 'f-stance', name: 'stance' },
    h('option', { value: 'all', selected: state.stance.length === 0 }, t('filter.all')),
    STANCES.map((s) => h('option', { value: s, selected: state.stance.length === 1 && state.stance[0] === s }, term(s))));
  const from = h('input', { id: 'f-from', type: 'date', name: 'from', value: state.from });
  const to = h('input', { id: 'f-to', type: 'date', name: 'to', value: state.to });
  const language = h('select', { id: 'f-language', name: 'language' },
    h('option', { value: '' }, t('filter.any')),
    LANGUAGES.map((l) => h('option', { value: l, selected: state.language === l }, t(`lang.${l}`))));
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);

  clear(form,
    h('h2', { class: 'visually-hidden' }, t('filters')),
    field('f-category', t('filter.category'), category),
    field('f-stance', t('filter.stance'), stance),
    field('f-from', t('filter.from'), from),
    field('f-to', t('filter.to'), to),
    field('f-language', t('filter.language'), language),
    h('div', { class: 'field actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => go({ category: [], stance: ['ALLEGES'], from: '', to: '', language: '' }) }, t('filter.reset'))));

  // a filter applies as soon as it changes; no submit button to find
  const apply = () => go({
    category: category.value ? [category.value] : [],
    stance: stance.value === 'all' ? [] : [stance.value],
    from: from.value, to: to.value, language: language.value,
  });
  for (const input of [category, stance, language]) input.addEventListener('change', apply);
  for (const input of [from, to]) input.addEventListener('change', () => {
    if (!input.value || /^\d{4}-\d{2}-\d{2}$/.test(input.value)) apply();
  });
  form.onsubmit = (e) => { e.preventDefault(); apply(); };
}
