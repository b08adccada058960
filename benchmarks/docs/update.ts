/** `npm run docs`: regenerates the registry-driven lists in spec/README.md (atomically). */
import { readFileSync } from 'node:fs';
import '../../src/algorithms/index.js';
import { withAlgorithmTable } from '../../src/algorithms/docs.js';
import { writeFileAtomic } from '../../src/report/atomic.js';

const path = new URL('../../../spec/README.md', import.meta.url);
writeFileAtomic(path.pathname, withAlgorithmTable(readFileSync(path, 'utf8')));
