import type { ClaimReport } from '../analysis/claims.js';

/** The claims table for `samcheck verify --claims`: one row per claim, then each failure's details. */
export function formatClaimsTable(reports: ClaimReport[]): string {
  const rows = reports.map((r) => [r.passed ? 'PASS' : 'FAIL', r.id, r.status, r.source, r.claim, r.detail ?? '']);
  const header = ['result', 'id', 'status', 'source', 'claim', 'detail'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const r of reports.filter((x) => !x.passed)) {
    out.push('', `FAIL ${r.id} (${r.property}): ${r.claim}`, `  conditions: ${r.conditions}`);
    if (r.counterexample !== undefined) out.push(`  counterexample: ${r.counterexample}`);
    if (r.error !== undefined) out.push(`  error: ${r.error}`);
    out.push(`  replay: samcheck verify --claims --ids ${r.id} --seed ${r.seed}${r.path ? ` (fast-check path ${r.path})` : ''}`);
  }
  const passed = reports.filter((r) => r.passed).length;
  out.push('', `${passed} passed, ${reports.length - passed} failed`);
  return out.join('\n');
}
