/**
 * Hand-written SVG line charts: axes with ticks and unit labels, a legend, optional log axes,
 * error bars and step lines. No dependencies; the output renders in browsers and rsvg-convert.
 */
export interface Series {
  label: string;
  /** [x, y] pairs; non-finite values break the line. */
  points: Array<[number, number]>;
  /** Half-widths of error bars, one per point (optional). */
  errors?: number[];
  dashed?: boolean;
  /** Draw as a staircase (performance profiles). */
  step?: boolean;
  markers?: boolean;
  color?: string;
}

export interface Axis {
  label: string;
  log?: boolean;
  min?: number;
  max?: number;
}

export interface ChartOptions {
  title: string;
  x: Axis;
  y: Axis;
  series: Series[];
  width?: number;
  height?: number;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const MARGIN = { left: 78, right: 190, top: 40, bottom: 56 };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceStep(range: number, target: number): number {
  const raw = range / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  // Plain digits up to a million, so a step axis reads 0, 2000, …, 10000 (not …, 8000, 1e4).
  if (a >= 1e6 || a < 1e-3) return Number(v.toPrecision(3)).toExponential().replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

interface Scale {
  lo: number;
  hi: number;
  map(v: number): number;
  ticks: number[];
}

function scale(axis: Axis, values: number[], pixels: [number, number]): Scale {
  const finite = values.filter((v) => Number.isFinite(v) && (!axis.log || v > 0));
  let lo = axis.min ?? (finite.length ? Math.min(...finite) : 0);
  let hi = axis.max ?? (finite.length ? Math.max(...finite) : 1);
  if (axis.log) {
    lo = Math.log10(Math.max(lo, 1e-300));
    hi = Math.log10(Math.max(hi, 1e-300));
  }
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  let ticks: number[];
  if (axis.log) {
    // Round out to whole decades unless the caller fixed the limits.
    if (axis.min === undefined) lo = Math.floor(lo);
    if (axis.max === undefined) hi = Math.ceil(hi);
    const stride = Math.max(1, Math.ceil((hi - lo) / 8));
    ticks = [];
    // Few decades: also 2× and 5× ticks, so the axis is readable.
    const mantissas = hi - lo <= 2 ? [1, 2, 5] : [1];
    for (let e = Math.floor(lo); e <= hi; e += stride) for (const m of mantissas) if (e + Math.log10(m) >= lo - 1e-9 && e + Math.log10(m) <= hi + 1e-9) ticks.push(e + Math.log10(m));
  } else {
    const s = niceStep(hi - lo, 6);
    if (axis.min === undefined) lo = Math.floor(lo / s) * s;
    if (axis.max === undefined) hi = Math.ceil(hi / s) * s;
    ticks = [];
    for (let t = Math.ceil(lo / s - 1e-9) * s; t <= hi + s * 1e-9; t += s) ticks.push(Math.abs(t) < s * 1e-9 ? 0 : t);
  }
  const [p0, p1] = pixels;
  const map = (v: number) => {
    const u = axis.log ? Math.log10(v) : v;
    return p0 + ((u - lo) / (hi - lo)) * (p1 - p0);
  };
  return { lo, hi, map, ticks: axis.log ? ticks.map((e) => 10 ** e) : ticks };
}

interface Frame {
  width: number;
  height: number;
  /** Unique per chart in one document (clip-path ids). */
  id: string;
  legend: boolean;
}

/** The chart's elements inside a width × height frame (no <svg> wrapper). */
function chartBody(options: ChartOptions, frame: Frame): string[] {
  const { width, height } = frame;
  const right = frame.legend ? MARGIN.right : 16;
  const plotRight = width - right;
  const plotBottom = height - MARGIN.bottom;
  const xs = options.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = options.series.flatMap((s) => s.points.flatMap((p, i) => (s.errors ? [p[1] - s.errors[i], p[1] + s.errors[i]] : [p[1]])));
  const sx = scale(options.x, xs, [MARGIN.left, plotRight]);
  const sy = scale(options.y, ys, [plotBottom, MARGIN.top]);
  const out: string[] = [
    `<text x="${(MARGIN.left + plotRight) / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (const t of sx.ticks) {
    const x = sx.map(t).toFixed(1);
    out.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${plotBottom}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${plotBottom + 16}" text-anchor="middle">${formatTick(t)}</text>`);
  }
  for (const t of sy.ticks) {
    const y = sy.map(t).toFixed(1);
    out.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${plotRight}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(t)}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotRight - MARGIN.left}" height="${plotBottom - MARGIN.top}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${(MARGIN.left + plotRight) / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.x.label)}</text>`);
  out.push(
    `<text transform="translate(18 ${(MARGIN.top + plotBottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.y.label)}</text>`,
  );
  out.push(`<defs><clipPath id="${frame.id}"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotRight - MARGIN.left}" height="${plotBottom - MARGIN.top}"/></clipPath></defs>`);
  options.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    out.push(`<g clip-path="url(#${frame.id})" stroke="${color}" fill="none" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}>`);
    for (const path of pathSegments(s, sx, sy)) out.push(`<path d="${path}"/>`);
    s.points.forEach(([px, py], j) => {
      if (!visible(px, py, options)) return;
      const cx = sx.map(px).toFixed(1);
      if (s.errors && Number.isFinite(s.errors[j])) {
        const y0 = sy.map(py - s.errors[j]).toFixed(1);
        const y1 = sy.map(py + s.errors[j]).toFixed(1);
        out.push(`<path d="M${cx} ${y0}V${y1}M${+cx - 4} ${y0}h8M${+cx - 4} ${y1}h8" stroke-width="1.2" stroke-dasharray="none"/>`);
      }
      if (s.markers) out.push(`<circle cx="${cx}" cy="${sy.map(py).toFixed(1)}" r="3" fill="${color}" stroke="none"/>`);
    });
    out.push('</g>');
  });
  if (frame.legend) out.push(...legend(options.series, plotRight + 12, MARGIN.top + 10));
  return out;
}

/** Legend entries (line sample + label), one per series, from (x, y) down. */
function legend(series: Array<Pick<Series, 'label' | 'dashed' | 'color'>>, x: number, y: number): string[] {
  return series.flatMap((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    const ly = y + i * 20;
    return [
      `<line x1="${x}" y1="${ly}" x2="${x + 28}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${x + 34}" y="${ly}" dominant-baseline="middle">${escapeXml(s.label)}</text>`,
    ];
  });
}

const svgOpen = (width: number, height: number) => [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
  `<rect width="${width}" height="${height}" fill="white"/>`,
];

/** Renders a line chart as a standalone SVG document. */
export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  return [...svgOpen(width, height), ...chartBody(options, { width, height, id: 'plot', legend: true }), '</svg>'].join('\n');
}

export interface PanelOptions {
  title: string;
  /** Charts sharing one legend: the same series labels, in the same order, in every panel. */
  panels: ChartOptions[];
  columns?: number;
  panelWidth?: number;
  panelHeight?: number;
}

/**
 * Several charts in one SVG document on a grid, with one legend (taken from the first panel's
 * series) in the last cell, so colours mean the same algorithm in every panel.
 */
export function panelChart(options: PanelOptions): string {
  const columns = options.columns ?? 2;
  const pw = options.panelWidth ?? 460;
  const ph = options.panelHeight ?? 320;
  const cells = options.panels.length + 1;
  const rows = Math.ceil(cells / columns);
  const top = 36;
  const width = columns * pw;
  const height = top + rows * ph;
  const out = [...svgOpen(width, height), `<text x="${width / 2}" y="24" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(options.title)}</text>`];
  options.panels.forEach((panel, i) => {
    const x = (i % columns) * pw;
    const y = top + Math.floor(i / columns) * ph;
    out.push(`<g transform="translate(${x} ${y})">`, ...chartBody(panel, { width: pw, height: ph, id: `plot${i}`, legend: false }), '</g>');
  });
  const li = options.panels.length;
  out.push(...legend(options.panels[0]?.series ?? [], (li % columns) * pw + MARGIN.left, top + Math.floor(li / columns) * ph + MARGIN.top));
  out.push('</svg>');
  return out.join('\n');
}

function visible(x: number, y: number, o: ChartOptions): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && (!o.x.log || x > 0) && (!o.y.log || y > 0);
}

function pathSegments(s: Series, sx: Scale, sy: Scale): string[] {
  const paths: string[] = [];
  let current = '';
  for (const [x, y] of s.points) {
    const px = sx.map(x);
    const py = sy.map(y);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      if (current) paths.push(current);
      current = '';
      continue;
    }
    if (!current) current = `M${px.toFixed(1)} ${py.toFixed(1)}`;
    else current += s.step ? `H${px.toFixed(1)}V${py.toFixed(1)}` : `L${px.toFixed(1)} ${py.toFixed(1)}`;
  }
  if (current) paths.push(current);
  return paths;
}
