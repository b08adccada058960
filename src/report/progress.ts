import type { ProgressEvent } from './types.js';

interface Stream {
  write(s: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/**
 * A progress bar on stderr. On a TTY it redraws one line (at most every 100 ms); otherwise
 * (CI logs) it prints one line per suite start and end, so logs stay readable.
 */
export function progressBar(stream: Stream = process.stderr): (e: ProgressEvent) => void {
  let last = 0;
  let drawn = false;
  return (e) => {
    if (!stream.isTTY) {
      if (e.kind === 'suite-start') stream.write(`[${e.index + 1}/${e.total}] ${e.suite}…\n`);
      else if (e.kind === 'suite-end') stream.write(`    ${e.suite} done in ${(e.durationMs / 1000).toFixed(1)} s\n`);
      else if (e.kind === 'written') stream.write(`report written to ${e.dir}\n`);
      return;
    }
    if (e.kind === 'progress') {
      const now = Date.now();
      if (now - last < 100 && e.fraction < 1) return;
      last = now;
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, e.overall)) * width);
      const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(e.overall * 100).toFixed(0).padStart(3)}% ${e.suite}${e.detail ? `: ${e.detail}` : ''}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1)}`);
      drawn = true;
    } else if (e.kind === 'written') {
      if (drawn) stream.write('\n');
      stream.write(`report written to ${e.dir}\n`);
    }
  };
}
