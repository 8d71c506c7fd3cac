/**
 * One echarts chart in a div, sized with its container. Only the chart types the pages use are
 * registered (bars and a custom Gantt for the plan and incidents, lines for detection, the heat
 * map and graph for risk and CII), so the bundle stays small. Each chart carries an accessible
 * label; the figures are also in a table beside it for screen readers and tests.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, GraphChart, HeatmapChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart, CustomChart, GraphChart, HeatmapChart, LineChart,
  DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

interface Props {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  /** Called with the data of a clicked item (a heat-map cell or a graph node). */
  onClick?: (data: unknown) => void;
}

export function EChart({ option, label, height = 320, onClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} role="img" aria-label={label} className="chart" style={{ height }} />;
}
