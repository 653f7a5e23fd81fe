// ECharts, only the parts the map draws with (tree-shaken by the bundler), and the world shapes; the
// views loaded later add their own chart types (use) to the same ECharts.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
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
