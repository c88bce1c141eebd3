// Small dependency-free SVG charts for the reports: a line chart and a horizontal bar chart.

export interface Series {
  name: string;
  points: [number, number][];
}

export interface LineChart {
  title: string;
  xLabel: string;
  series: Series[];
  /** A vertical marker, e.g. the chosen threshold. */
  markerX?: number;
  /** The top of the y axis; default 1 (shares). */
  yMax?: number;
  markerLabel?: string;
}

export interface BarChart {
  title: string;
  /** `inner` is drawn over the bar in another colour (e.g. the part fixed there); `note` replaces the number shown. */
  bars: { label: string; value: number; inner?: number; note?: string }[];
  /** A target line across the bars (values are 0..1). */
  target?: number;
  /** The value of a full-length bar; default 1 (shares). */
  max?: number;
  /** Names of the bar and its inner part, shown under the chart. */
  legend?: { bar: string; inner: string };
}

const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df'];
const W = 640;
const H = 360;
const PAD = { left: 56, right: 20, top: 40, bottom: 56 };

/** Lines over x in [min, max] and y in [0, yMax] (default [0, 1]). */
export function lineChart(chart: LineChart): string {
  const yMax = chart.yMax || 1;
  const xs = chart.series.flatMap((s) => s.points.map((p) => p[0]));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const px = (x: number) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - (y / yMax) * (H - PAD.top - PAD.bottom);
  const lines = chart.series.map((s, i) => {
    const d = s.points.map((p, j) => `${j ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    const legendY = PAD.top + 4 + i * 16;
    return `<path d="${d}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>` +
      `<rect x="${W - 210}" y="${legendY - 9}" width="10" height="10" fill="${COLOURS[i % COLOURS.length]}"/>` +
      `<text x="${W - 195}" y="${legendY}" font-size="12">${escape(s.name)}</text>`;
  });
  const marker = chart.markerX === undefined ? '' :
    `<line x1="${px(chart.markerX)}" x2="${px(chart.markerX)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#57606a" stroke-dasharray="4 3"/>` +
    `<text x="${px(chart.markerX) + 4}" y="${PAD.top + 12}" font-size="11" fill="#57606a">${escape(chart.markerLabel ?? '')}</text>`;
  const xTicks = ticks(x0, x1).map((x) => `<text x="${px(x)}" y="${H - PAD.bottom + 16}" font-size="11" text-anchor="middle">${x.toFixed(2)}</text>`);
  return frame(chart.title, [...yAxis(py, yMax), ...xTicks, `<text x="${W / 2}" y="${H - 14}" font-size="12" text-anchor="middle">${escape(chart.xLabel)}</text>`, marker, ...lines]);
}

/** One horizontal bar per label, values in [0, max] (default [0, 1]). */
export function barChart(chart: BarChart): string {
  const rowH = 22;
  // Room for the longest label (about 6.5 px a character at 12 px), at least 140 px.
  const left = Math.max(140, Math.ceil(Math.max(0, ...chart.bars.map((b) => b.label.length)) * 6.5) + 12);
  const notes = Math.max(40, ...chart.bars.map((b) => (b.note?.length ?? 0) * 6));
  const height = PAD.top + chart.bars.length * rowH + 30;
  const px = (v: number) => left + (v / (chart.max || 1)) * (W - left - PAD.right - notes);
  const bars = chart.bars.map((b, i) => {
    const y = PAD.top + i * rowH;
    const colour = chart.target !== undefined && b.value < chart.target ? COLOURS[1] : COLOURS[0];
    const inner = b.inner === undefined ? '' : `<rect x="${left}" y="${y + 3}" width="${(px(b.inner) - left).toFixed(1)}" height="${rowH - 6}" fill="${COLOURS[2]}"/>`;
    return `<text x="${left - 6}" y="${y + 14}" font-size="12" text-anchor="end">${escape(b.label)}</text>` +
      `<rect x="${left}" y="${y + 3}" width="${(px(b.value) - left).toFixed(1)}" height="${rowH - 6}" fill="${colour}"/>` + inner +
      `<text x="${px(b.value) + 4}" y="${y + 14}" font-size="11">${escape(b.note ?? b.value.toFixed(3))}</text>`;
  });
  const legend = chart.legend
    ? `<rect x="${left}" y="${height - 22}" width="10" height="10" fill="${COLOURS[0]}"/><text x="${left + 14}" y="${height - 13}" font-size="11">${escape(chart.legend.bar)}</text>` +
      `<rect x="${left + 160}" y="${height - 22}" width="10" height="10" fill="${COLOURS[2]}"/><text x="${left + 174}" y="${height - 13}" font-size="11">${escape(chart.legend.inner)}</text>`
    : '';
  const target = chart.target === undefined ? '' :
    `<line x1="${px(chart.target)}" x2="${px(chart.target)}" y1="${PAD.top}" y2="${height - 30}" stroke="#57606a" stroke-dasharray="4 3"/>` +
    `<text x="${px(chart.target)}" y="${height - 14}" font-size="11" text-anchor="middle" fill="#57606a">target ${chart.target}</text>`;
  return frame(chart.title, [...bars, target, legend], height);
}

function frame(title: string, body: string[], height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${W / 2}" y="22" font-size="15" font-weight="bold" text-anchor="middle">${escape(title)}</text>` +
    `${body.join('')}</svg>\n`;
}

function yAxis(py: (y: number) => number, yMax: number): string[] {
  return [0, 0.25, 0.5, 0.75, 1].map((share) => share * yMax).map((y) =>
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${py(y)}" y2="${py(y)}" stroke="#d0d7de"/>` +
    `<text x="${PAD.left - 6}" y="${py(y) + 4}" font-size="11" text-anchor="end">${y.toFixed(2)}</text>`);
}

function ticks(x0: number, x1: number): number[] {
  return Array.from({ length: 6 }, (_, i) => x0 + ((x1 - x0) * i) / 5);
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
