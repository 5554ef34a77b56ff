/** Timing, statistics and table helpers for the benchmark. */
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

/** Runs a full garbage collection when node runs with `--expose-gc`; returns whether it could. */
export function collectGarbage(): boolean {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc !== 'function') return false;
    gc();
    gc();
    return true;
}

/** Heap in use after a full collection, in MB; undefined without `--expose-gc`. */
export function heapUsedMb(): number | undefined {
    return collectGarbage() ? process.memoryUsage().heapUsed / 1_048_576 : undefined;
}

export function median(values: readonly number[]): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of each numeric field over several runs (fields missing in a run are skipped). */
export function medianOf<T extends Record<string, number | undefined>>(runs: readonly T[]): T {
    const result: Record<string, number | undefined> = {};
    for (const key of Object.keys(runs[0] ?? {})) {
        const values = runs.map(r => r[key]).filter((v): v is number => typeof v === 'number');
        result[key] = values.length > 0 ? median(values) : undefined;
    }
    return result as T;
}

export function progress(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
}

export function ms(value: number | undefined): string {
    if (value === undefined || Number.isNaN(value)) return 'n/a';
    return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function ratio(value: number | undefined, digits = 2): string {
    return value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)}x`;
}

export function thousands(value: number): string {
    return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
    const line = (cells: readonly string[]): string =>
        cells.map((c, i) => i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)).join('  ').trimEnd();
    return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
