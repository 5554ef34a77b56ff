/**
 * Seed and run counts of the reliability fuzzers.
 *
 * - `ALIGN_FUZZ_SEED`: the fast-check seed (an integer). Default: a fixed
 *   seed, so that every run of the suite tries the same inputs. A failure
 *   prints the seed and the counterexample path; set the seed (and the
 *   `path` fast-check prints, as `ALIGN_FUZZ_PATH`) to replay it.
 * - `ALIGN_FUZZ_RUNS`: scales every property. The defaults are the counts
 *   for `ALIGN_FUZZ_RUNS=100`; `ALIGN_FUZZ_RUNS=2000` runs 20 times as many.
 */
import type { Parameters } from 'fast-check';

export const DEFAULT_SEED = 20261127;

function envInteger(name: string): number | undefined {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(raw)}`);
    return value;
}

/** The seed of every property of the run. */
export const FUZZ_SEED = envInteger('ALIGN_FUZZ_SEED') ?? DEFAULT_SEED;

/** `ALIGN_FUZZ_RUNS`, or 100 (the defaults). */
export const FUZZ_SCALE = envInteger('ALIGN_FUZZ_RUNS') ?? 100;

/** True when the run was asked to be longer than the default. */
export const LONG_RUN = FUZZ_SCALE > 100;

/** How many runs a property makes: `defaultRuns` scaled by `ALIGN_FUZZ_RUNS / 100`, at least 1. */
export function runsOf(defaultRuns: number): number {
    return Math.max(1, Math.round(defaultRuns * FUZZ_SCALE / 100));
}

/** fast-check parameters of one property: the run's seed, its number of runs, and a replay path if given. */
export function fuzzParameters<T>(defaultRuns: number, extra: Parameters<T> = {}): Parameters<T> {
    const replayPath = process.env['ALIGN_FUZZ_PATH'];
    return {
        seed: FUZZ_SEED,
        numRuns: runsOf(defaultRuns),
        ...(replayPath ? { path: replayPath } : {}),
        ...extra,
    };
}

let announced = false;

/** Prints the seed once per process, so that any run can be replayed. */
export function announceSeed(): void {
    if (announced) return;
    announced = true;
    console.log(`      fuzz seed ${FUZZ_SEED} (ALIGN_FUZZ_SEED), runs x${FUZZ_SCALE / 100} (ALIGN_FUZZ_RUNS=${FUZZ_SCALE})`);
}

/** Prints one line of figures under a test (kept short: the figures go to docs/reliability.md). */
export function report(line: string): void {
    console.log(`      ${line}`);
}
