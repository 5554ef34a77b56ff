/**
 * The targets of the editor-speed issue (docs/performance.md), side by side
 * from one run of the benchmark: each row a measured figure, its ratio to
 * the raw parse measured in the same run where the target is a ratio, the
 * target, and PASS/MISS (a figure, not a test).
 */
import type { LspFigures } from './lsp-latency.js';
import { ms, ratio, table, thousands } from './timing.js';

/** What the summary reads of a checked workspace. */
export interface CheckFigures {
    readonly size: number;
    readonly files: number;
    readonly elements: number;
    readonly raw: number;
    readonly check: number;
    readonly heapMb: number | undefined;
    /** The raw parse and the check, each in a fresh process (medians). */
    readonly freshRaw: number;
    readonly freshCheck: number;
    /** The fresh check less its graph build (a bound: what a free graph would leave). */
    readonly freshWithoutGraph: number;
}

const MAX_HEAP_MB = 600;
const MAX_RATIO = 1.5;

/** The summary table, or an empty string when neither the check nor the LSP part ran. */
export function targetsTable(checks: readonly CheckFigures[], lsp: readonly LspFigures[]): string {
    const rows: string[][] = [];
    const mark = (ok: boolean) => ok ? 'PASS' : 'MISS';
    const many = lsp.find(f => f.files > 1);
    const one = lsp.find(f => f.files === 1);
    if (many) {
        rows.push(['1. keystroke -> edited file, 10k x 100, p50', `${ms(many.p50)} ms`, ratio(many.p50 / many.raw), '< 50 ms', mark(many.p50 < 50)]);
        rows.push(['1. keystroke -> edited file, 10k x 100, p95', `${ms(many.p95)} ms`, ratio(many.p95 / many.raw), '< 100 ms', mark(many.p95 < 100)]);
        rows.push(['1. another file\'s changed findings, p50', `${ms(many.crossP50)} ms`, ratio(many.crossP50 / many.raw), '< 200 ms', mark(many.crossP50 < 200)]);
        rows.push(['1. unchanged files re-published', String(many.otherPublishes), '-', '0', mark(many.otherPublishes === 0)]);
    }
    if (one) rows.push(['2. keystroke -> diagnostics, one 10k file, p50', `${ms(one.p50)} ms`, ratio(one.p50 / one.raw), `<= ${MAX_RATIO}x raw`, mark(one.p50 <= MAX_RATIO * one.raw)]);
    for (const c of checks) {
        rows.push([`3. align check, ${thousands(c.elements)} x ${c.files}`, `${ms(c.check)} ms`, ratio(c.check / c.raw), `<= ${MAX_RATIO}x raw`, mark(c.check <= MAX_RATIO * c.raw)]);
    }
    for (const c of checks) {
        rows.push([`3. fresh process, ${thousands(c.elements)} x ${c.files}`, `${ms(c.freshCheck)} ms`, ratio(c.freshCheck / c.freshRaw), `<= ${MAX_RATIO}x raw`,
            mark(c.freshCheck <= MAX_RATIO * c.freshRaw)]);
    }
    for (const c of checks) {
        rows.push([`3. (bound) fresh, no graph, ${thousands(c.elements)} x ${c.files}`, `${ms(c.freshWithoutGraph)} ms`, ratio(c.freshWithoutGraph / c.freshRaw),
            'if the graph cost 0', c.freshWithoutGraph <= MAX_RATIO * c.freshRaw ? 'within' : 'over']);
    }
    const largest = [...checks].sort((a, b) => b.size - a.size)[0];
    if (largest && largest.size >= 50_000 && largest.heapMb !== undefined) {
        rows.push([`3. heap, ${thousands(largest.elements)} x ${largest.files}`, `${largest.heapMb.toFixed(0)} MB`, '-', `< ${MAX_HEAP_MB} MB`, mark(largest.heapMb < MAX_HEAP_MB)]);
    }
    if (many) {
        const raw = checks.find(c => c.size === 10_000 && c.files === 100)?.raw;
        rows.push(['4. start-up to first diagnostics, 10k x 100', `${ms(many.startup)} ms`, raw ? ratio(many.startup / raw) : '-', '< 1500 ms', mark(many.startup < 1500)]);
    }
    if (rows.length === 0) return '';
    return 'Targets (issue 13), from this run; "x raw" = the figure / the raw parse (lexer + parser) of the same input in this run\n'
        + '(items 1-2: of the edited file; 3: of the workspace; 4: of the whole 10k x 100 workspace;\n'
        + '"fresh process": raw parse and check each measured in a process of its own, as `align check` runs;\n'
        + '"(bound)": the fresh check less its impact-graph build, against the same goal: how far the rest of the check is from it):\n\n'
        + table(['target', 'measured', 'x raw', 'goal', ''], rows);
}
