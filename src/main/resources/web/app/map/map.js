import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([MapChart, CanvasRenderer]);
export function show(doc) { document.getElementById('app').textContent = doc + echarts.version; }
