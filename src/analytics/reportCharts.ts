import { barChart } from '../eval/svgChart';
import { stepLabel } from './flowFunnel';
import type { SupportSummary } from './supportSummary';

export const FIX_SUCCESS_CHART = 'support-fix-success.svg';

export function funnelChartFile(flow: string): string {
  return `support-funnel-${flow}.svg`;
}

/** The report's SVG charts: one funnel per flow, and every tried fix's success rate. */
export function reportCharts(s: SupportSummary): { file: string; svg: string }[] {
  const funnels = s.funnels.map((f) => ({
    file: funnelChartFile(f.flow),
    svg: barChart({
      title: `${f.flow}: ${f.started} conversations, ${f.outcomes.resolved} resolved`,
      bars: f.steps.map((st) => ({ label: stepLabel(st), value: st.reached, inner: st.fixedHere, note: `${st.reached} / ${st.fixedHere}` })),
      max: f.started,
      legend: { bar: 'reached the step', inner: 'fixed there' },
    }),
  }));
  const tried = s.fixes.filter((x) => x.tried > 0);
  const manyFlows = new Set(tried.map((x) => x.flow)).size > 1;
  const fixes = {
    file: FIX_SUCCESS_CHART,
    svg: barChart({
      title: 'Fix success rate (fixed / tried)',
      bars: tried.map((x) => ({
        label: manyFlows ? `${x.flow} ${x.fix}` : x.fix,
        value: x.fixed / x.tried,
        note: `${(x.fixed / x.tried).toFixed(2)} (${x.fixed}/${x.tried})`,
      })),
    }),
  };
  return [...funnels, fixes];
}
