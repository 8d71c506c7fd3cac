/**
 * One echarts chart in a div, sized with its container, with the chart types the risk and CII
 * pages use (heat map, graph). The figures are also in tables beside each chart.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { GraphChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([HeatmapChart, GraphChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

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

  return <div ref={element} role="img" aria-label={label} className="risk-chart" style={{ height }} />;
}
