/** One ECharts chart (loaded lazily with this module: only the pie and bar charts, canvas renderer). */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { option: EChartsCoreOption; height?: number; testId?: string; onPick?(dataIndex: number, seriesIndex: number): void };

export default function EChart({ option, height = 240, testId, onPick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    chart.on('click', (p) => pick.current?.(p.dataIndex, p.seriesIndex ?? 0));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
