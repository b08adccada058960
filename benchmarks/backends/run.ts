/**
 * `node dist/benchmarks/backends/run.js [--quick] [--seed N]` (after `npm run build`): prints the
 * wasm fix-layer benchmark table. The same measurement is the 'backends' suite of `samcheck bench`.
 */
import { measureWasmFix, resultTable, SPEEDUP_TARGET } from './suite.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const r = await measureWasmFix(seed, quick ? 3 : 7, quick ? 2 : 5);
const table = resultTable(r);
console.log(table.title);
for (const row of table.rows) console.log(`  ${String(row[0]).padEnd(34)} ${row[1]}`);
console.log(table.caption);
console.log(r.samSpeedup.value >= SPEEDUP_TARGET ? 'target met' : 'target missed');
