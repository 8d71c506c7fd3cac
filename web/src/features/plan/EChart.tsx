/** Kept only for web/src/features/incidents, which still imports the chart from here; use ui/EChart.tsx. */
export { EChart } from '../../ui/EChart.tsx';
