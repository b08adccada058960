import { summaryBlocks, type SummaryBlock } from './summary.js';
import { escapeXml } from './svg.js';
import type { Report, SuiteResult, Table } from './types.js';

/** report.json: figures are files next to it, so their SVG text is left out. */
export function reportJson(report: Report): string {
  const suites = report.suites.map((s) => ({ ...s, figures: s.figures.map(({ svg: _svg, ...rest }) => rest) }));
  return JSON.stringify({ ...report, suites }, null, 2) + '\n';
}

/** github-action-benchmark's "customSmallerIsBetter" input: [{name, unit, value, range}]. */
export function benchmarkActionJson(report: Report): string {
  const entries = report.suites
    .flatMap((s) => s.metrics)
    .filter((m) => m.smallerIsBetter && Number.isFinite(m.value))
    .map((m) => ({ name: m.name, unit: m.unit, value: m.value, range: `± ${m.noise.toPrecision(3)}` }));
  return JSON.stringify(entries, null, 2) + '\n';
}

// '|' inside a cell (|1 − α|ψ) would end the cell in Markdown.
const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v.replace(/\|/g, '\\|'));

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(1) : a >= 1 ? v.toFixed(3) : a >= 1e-3 ? v.toPrecision(3) : v.toExponential(2);
}

export function markdownTable(t: Table): string {
  const lines = [`**${t.title}**`, '', `| ${t.columns.join(' | ')} |`, `|${t.columns.map(() => '---').join('|')}|`];
  for (const r of t.rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  if (t.caption) lines.push('', t.caption);
  return lines.join('\n');
}

function suiteMarkdown(s: SuiteResult): string {
  const parts = [`## ${s.title}`, '', `_${(s.durationMs / 1000).toFixed(1)} s_`];
  if (s.notes.length) parts.push('', ...s.notes.map((n) => `- ${n}`));
  for (const t of s.tables) parts.push('', markdownTable(t));
  for (const f of s.figures) parts.push('', `![${f.title}](${f.file})`, '', f.caption);
  return parts.join('\n');
}

export function reportMarkdown(report: Report): string {
  const e = report.environment;
  const parts = [
    `# samcheck report ${report.date}${report.quick ? ' (quick)' : ''}`,
    '',
    `Node ${e.node}, ${e.platform}, ${e.cpus} × ${e.cpuModel}${e.commit ? `, commit ${e.commit}` : ''}; seed ${report.seed}; created ${report.createdAt}.`,
    '',
    '## Summary',
    '',
    ...summaryBlocks(report).flatMap((b) => ['text' in b ? b.text : markdownTable(b.table), '']),
    '## Regressions',
    '',
  ];
  if (!report.comparedWith) parts.push('No previous report to compare with.');
  else if (report.regressions.length === 0) parts.push(`None beyond the measured noise (compared with ${report.comparedWith}).`);
  else {
    parts.push(`Compared with ${report.comparedWith} (flagged: worse by > 3 σ of the combined noise and > 5%):`, '');
    parts.push('| metric | previous | current | change | σ |', '|---|---|---|---|---|');
    for (const r of report.regressions) {
      parts.push(`| ${r.metric} | ${formatNumber(r.previous)} ${r.unit} | ${formatNumber(r.current)} ${r.unit} | ${(r.relativeChange * 100).toFixed(1)}% | ${formatNumber(r.sigmas)} |`);
    }
  }
  for (const s of report.suites) parts.push('', suiteMarkdown(s));
  return parts.join('\n') + '\n';
}

/** Escaped text with the summary's Markdown emphasis (**bold**, `code`) as HTML. */
const inlineHtml = (s: string) => escapeXml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');

function htmlTable(t: Table): string {
  const head = t.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((v) => `<td>${inlineHtml(typeof v === 'number' ? formatNumber(v) : v)}</td>`).join('')}</tr>`).join('\n');
  return `<h3>${escapeXml(t.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${t.caption ? `<p class="caption">${escapeXml(t.caption)}</p>` : ''}`;
}

const summaryHtml = (b: SummaryBlock) => ('text' in b ? `<p>${inlineHtml(b.text)}</p>` : htmlTable(b.table));

export function reportHtml(report: Report): string {
  const sections = report.suites.map((s) => {
    const notes = s.notes.length ? `<ul>${s.notes.map((n) => `<li>${escapeXml(n)}</li>`).join('')}</ul>` : '';
    const figures = s.figures
      .map((f) => `<figure><img src="${escapeXml(f.file)}" alt="${escapeXml(f.title)}"><figcaption>${escapeXml(f.caption)}</figcaption></figure>`)
      .join('\n');
    return `<section><h2>${escapeXml(s.title)}</h2>${notes}${s.tables.map(htmlTable).join('\n')}${figures}</section>`;
  });
  const regressions = !report.comparedWith
    ? '<p>No previous report to compare with.</p>'
    : report.regressions.length === 0
      ? `<p>No regressions beyond the measured noise (compared with ${escapeXml(report.comparedWith)}).</p>`
      : htmlTable({
          title: `Regressions vs ${report.comparedWith}`,
          columns: ['metric', 'previous', 'current', 'change', 'σ'],
          rows: report.regressions.map((r) => [r.metric, `${formatNumber(r.previous)} ${r.unit}`, `${formatNumber(r.current)} ${r.unit}`, `${(r.relativeChange * 100).toFixed(1)}%`, r.sigmas]),
        });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>samcheck report ${escapeXml(report.date)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}figure{margin:1em 0}img{max-width:100%}.caption,figcaption{color:#555;font-size:.9em}</style>
</head><body><h1>samcheck report ${escapeXml(report.date)}${report.quick ? ' (quick)' : ''}</h1>
<p>Node ${escapeXml(report.environment.node)}, ${report.environment.cpus} × ${escapeXml(report.environment.cpuModel)}; seed ${report.seed}.</p>
<h2>Summary</h2>
${summaryBlocks(report).map(summaryHtml).join('\n')}
<h2>Regressions</h2>${regressions}
${sections.join('\n')}
</body></html>
`;
}
