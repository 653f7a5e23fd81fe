// Derives src/main/resources/web/app/map/world.json, the country shapes of the Atlas page's map, from
// Natural Earth's public-domain 1:110m admin-0 countries as packaged (TopoJSON) in the npm package
// world-atlas. Run once, from this directory: npm install && node derive.mjs
//
// Shapes are keyed by ISO 3166-1 alpha-2 (property "iso"), the code the GraphQL API answers with.
// world-atlas identifies countries by ISO numeric code; i18n-iso-countries maps those to alpha-2.
// Natural Earth gives no ISO code (-99) to a few: Kosovo gets its customary user-assigned code XK,
// Northern Cyprus and Somaliland stay without one (drawn, never shaded). Antarctica is left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-110m.json');
const WITHOUT_ISO_NUMERIC = { Kosovo: 'XK' };
const LEFT_OUT = new Set(['AQ']);
const DECIMALS = 2; // ~1 km, finer than the 1:110m source

const round = (x) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
// A few rings (Russia's Chukotka, Fiji) cross the antimeridian, which a flat map would draw as a stripe
// across the world: their western points are moved east and held at 180°.
const unwrap = (ring) => {
  const crosses = ring.some(([x], i) => i > 0 && Math.abs(x - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([x, y]) => [x < 0 ? Math.min(180, x + 360) : x, y]) : ring;
};
const roundRing = (ring) => {
  const out = [];
  for (const [x, y] of unwrap(ring)) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};
const roundGeometry = (g) => g.type === 'Polygon'
  ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
  : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) };

const features = [];
for (const f of feature(topology, topology.objects.countries).features) {
  const name = f.properties.name;
  const iso = f.id ? countries.numericToAlpha2(f.id) : WITHOUT_ISO_NUMERIC[name];
  if (f.id && !iso) throw new Error(`no alpha-2 code for ISO numeric ${f.id} (${name})`);
  if (LEFT_OUT.has(iso)) continue;
  // ECharts matches data to shapes by a property; shapes without a code get a name no data can have
  features.push({ type: 'Feature', properties: { iso: iso ?? `~${name}`, name }, geometry: roundGeometry(f.geometry) });
}
features.sort((a, b) => a.properties.iso.localeCompare(b.properties.iso));

const out = new URL('../../src/main/resources/web/app/map/world.json', import.meta.url);
writeFileSync(out, JSON.stringify({
  type: 'FeatureCollection',
  source: 'Natural Earth 1:110m admin-0 countries (public domain), via npm world-atlas 2.0.2; derived by tools/world-map/derive.mjs',
  features,
}));
console.log(`${features.length} countries -> ${out.pathname} (${readFileSync(out).length} bytes)`);
