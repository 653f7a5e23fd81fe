// ECharts, only the parts the map draws with (tree-shaken by the bundler), and the world shapes; the
// views loaded later add their own chart types (use) to the same ECharts.
// Each part from its own module, not from the echarts/charts index: a chunk that imports the index shares
// it, and the bundler then puts every chart type the page uses in the chunk the map waits for.
import * as echarts from 'echarts/core';
import { install as MapChart } from 'echarts/lib/chart/map/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as VisualMapComponent } from 'echarts/lib/component/visualMap/installVisualMapPiecewise.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
import world from '../map/world.json';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);
echarts.registerMap('world', world);

export const use = echarts.use;

export const WORLD_FEATURES = world.features.map((f) => f.properties);

/** A chart in {@code el}, resized with the window; the previous chart there is disposed of. */
export function chartIn(el) {
  echarts.getInstanceByDom(el)?.dispose();
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  const resize = () => chart.resize();
  addEventListener('resize', resize);
  const dispose = chart.dispose.bind(chart);
  chart.dispose = () => { removeEventListener('resize', resize); dispose(); };
  return chart;
}
