/** The docs' list of algorithms, generated from the registry (spec/README.md embeds it; a test checks it is current). */
import { descriptors, ownKeys } from './registry.js';

export const ALGORITHM_TABLE_BEGIN = '<!-- algorithms:begin (generated: npm run docs) -->';
export const ALGORITHM_TABLE_END = '<!-- algorithms:end -->';

export function algorithmTable(): string {
  const rows = descriptors().map((d) => {
    const tags = Object.keys(d.tags).join(', ') || '—';
    const keys = ownKeys(d).map((k) => `\`${k}\``).join(', ') || '—';
    return `| \`${d.name}\` | ${d.title} | ${d.spec} | ${keys} | ${tags} | ${d.mutants.length} | \`src/algorithms/${d.name}/\` |`;
  });
  const total = descriptors().reduce((n, d) => n + d.mutants.length, 0);
  return [
    ALGORITHM_TABLE_BEGIN,
    `${descriptors().length} algorithms, ${total} mutants.`,
    '',
    '| name | algorithm | rule | own hyperparameters | property tags | mutants | folder |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    ALGORITHM_TABLE_END,
  ].join('\n');
}

/** `text` with its generated block replaced by the current table. */
export function withAlgorithmTable(text: string): string {
  const a = text.indexOf(ALGORITHM_TABLE_BEGIN);
  const b = text.indexOf(ALGORITHM_TABLE_END);
  if (a < 0 || b < a) throw new Error(`no ${ALGORITHM_TABLE_BEGIN} … ${ALGORITHM_TABLE_END} block`);
  return text.slice(0, a) + algorithmTable() + text.slice(b + ALGORITHM_TABLE_END.length);
}
