import { useBackend } from '../../src/backend/index.js';
import { lineChart } from '../../src/report/svg.js';
import type { Figure, Metric, Suite, Table } from '../../src/report/types.js';
import { assessFlatness, FLATNESS, type FlatnessVerdict, type SoakQuantity } from './flatness.js';
import { functionalDriver, optimizerDriver, runSoak, soakProblem, type SoakDriver, type SoakProblem, type SoakRun } from './soak.js';

/** Issue 6 item 4: 100,000 steps in full mode; quick mode keeps the report well under a minute longer. */
export interface SoakSuiteOptions {
  steps: { quick: number; full: number };
  /** Samples per run (each costs one full GC). */
  samples: number;
}

export const SOAK_DEFAULTS: SoakSuiteOptions = { steps: { quick: 10_000, full: 100_000 }, samples: 100 };

const DRIVERS: Array<{ key: string; make: (p: SoakProblem) => SoakDriver }> = [
  { key: 'step', make: functionalDriver },
  { key: 'optimizer', make: optimizerDriver },
];
const UNIT_SCALE: Record<SoakQuantity, { scale: number; unit: string }> = {
  numTensors: { scale: 1, unit: 'tensors' },
  numBytes: { scale: 1, unit: 'B' },
  heapUsed: { scale: 2 ** -20, unit: 'MiB' },
  rss: { scale: 2 ** -20, unit: 'MiB' },
};

/** $SAMCHECK_SOAK_STEPS overrides the step count of either mode (e.g. a longer nightly soak). */
function stepsFor(quick: boolean, options: SoakSuiteOptions): number {
  const fromEnv = Number(process.env.SAMCHECK_SOAK_STEPS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : quick ? options.steps.quick : options.steps.full;
}

interface Case {
  label: string;
  /** Legend label (the legend is narrow). */
  short: string;
  key: string;
  run: SoakRun;
  verdicts: FlatnessVerdict[];
}

function soakFigure(cases: Case[], quantity: 'heapUsed' | 'rss', warmupSteps: number): Figure {
  const { scale, unit } = UNIT_SCALE[quantity];
  const name = quantity === 'heapUsed' ? 'JS heap' : 'RSS';
  return {
    file: `soak-${quantity === 'heapUsed' ? 'heap' : 'rss'}.svg`,
    title: `${name} over a long SAM run`,
    caption: `${name} after a full GC, sampled every ${cases[0].run.samples[0].step} steps. The slope is judged after step ${warmupSteps} (warm-up before). Tensor counts and bytes are in the table (exactly constant when flat).`,
    svg: lineChart({
      title: `Soak: ${name} vs SAM steps`,
      x: { label: 'SAM steps' },
      y: { label: `${name} (${unit})` },
      series: cases.map((c) => ({ label: c.short, points: c.run.samples.map((s) => [s.step, s[quantity] * scale] as [number, number]) })),
    }),
  };
}

export function createSoakSuite(options: SoakSuiteOptions = SOAK_DEFAULTS): Suite {
  return {
    name: 'soak',
    title: 'Soak: memory over a long SAM run',
    async run(ctx) {
      const steps = stepsFor(ctx.quick, options);
      const every = Math.max(1, Math.round(steps / options.samples));
      const warmupSteps = Math.round(steps * FLATNESS.warmupFraction);
      const notes: string[] = [];
      // Quick mode soaks the first backend only; full mode every requested backend.
      const backends = ctx.quick ? ctx.backends.slice(0, 1) : ctx.backends;
      if (backends.length < ctx.backends.length) notes.push(`Quick mode: soak on ${backends[0]} only (full mode: ${ctx.backends.join(', ')}).`);
      const cases: Case[] = [];
      const total = backends.length * DRIVERS.length;
      for (const backend of backends) {
        try {
          await useBackend({ backend });
        } catch (err) {
          notes.push(`${backend}: skipped (${(err as Error).message.split('\n')[0]})`);
          continue;
        }
        for (const driver of DRIVERS) {
          const done = cases.length;
          const problem = soakProblem(ctx.seed);
          const d = driver.make(problem);
          const label = `${backend}, ${d.label}`;
          const run = runSoak(d, { steps, every, onProgress: (f) => ctx.progress((done + f) / total, label) });
          d.dispose();
          problem.dispose();
          cases.push({ label, short: `${backend} ${driver.key}`, key: `soak/${backend}/${driver.key}`, run, verdicts: assessFlatness(run.samples, { warmupSteps }) });
        }
      }
      const metrics: Metric[] = cases.flatMap((c) =>
        c.verdicts.map((v) => ({ name: `${c.key}/${v.quantity}_per_step`, unit: `${v.unit}/step`, value: v.slope, noise: v.standardError, smallerIsBetter: true })),
      );
      const rows: Table['rows'] = cases.flatMap((c) =>
        c.verdicts.map((v) => {
          const { scale, unit } = UNIT_SCALE[v.quantity];
          const first = c.run.samples.find((s) => s.step >= v.fromStep)![v.quantity] * scale;
          const last = c.run.samples[c.run.samples.length - 1][v.quantity] * scale;
          const digits = scale === 1 ? 0 : 2;
          return [c.label, v.quantity, `${first.toFixed(digits)} → ${last.toFixed(digits)} ${unit}`, `${v.slope.toPrecision(3)} ± ${v.standardError.toPrecision(2)}`, v.rule, v.flat ? 'flat' : 'GROWS'];
        }),
      );
      for (const c of cases) for (const v of c.verdicts.filter((x) => !x.flat)) notes.push(`${c.label}: ${v.quantity} is not flat (slope ${v.slope.toPrecision(3)} ${v.unit}/step; rule: ${v.rule}).`);
      const speed = cases.map((c) => `${c.label} ${c.run.msPerStep.toFixed(3)} ms/step`).join('; ');
      notes.push(`${steps} steps per run, sampled every ${every} steps; heap/RSS after a forced full GC. Step time (informational): ${speed}.`);
      ctx.progress(1);
      return {
        title: 'Soak: memory over a long SAM run',
        metrics,
        tables: [
          {
            title: `Soak: ${steps} SAM steps (least-squares slope per step)`,
            columns: ['case', 'quantity', 'first judged → last sample', 'slope per step ± SE', 'flat when', 'verdict'],
            rows,
            caption: `SAM (ρ = 0.05, lr 0.05, momentum 0.9) on a 4×4 + 4 least-squares problem. Tensors and bytes are judged over all samples; heap and RSS after step ${warmupSteps}.`,
          },
        ],
        figures: cases.length ? [soakFigure(cases, 'heapUsed', warmupSteps), soakFigure(cases, 'rss', warmupSteps)] : [],
        notes,
      };
    },
  };
}

export const soakSuite = createSoakSuite();
