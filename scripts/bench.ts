/**
 * `npm run bench`: how long `align check` takes on large workspaces.
 *
 * Generates realistic workspaces (10,000 and 50,000 elements, in one file and
 * in 100 files) under the system temp folder, then measures in one run, side
 * by side: raw parsing (lexer + parser only) and the whole check phase by
 * phase (DocumentBuilder with validation, then the findings collection).
 * One warm-up run (raw parse + check on the first workspace; the code is the
 * same for all), then each measurement runs `--runs` times (default 3) on
 * fresh services; the table shows medians. Each workspace's raw parse and
 * check are then measured `--runs` times more, each in a process of its own
 * (bench/fresh-measure.ts), as `align check` runs: the targets table shows
 * both.
 *
 * Then the language server's edit -> publishDiagnostics latency (10,000
 * elements, 100 files and one file) and the preview's time from graph message
 * to painted graph (200 and 2,000 nodes) in headless Chromium; both need the
 * built bundles (`npm run build`). Then what a 5,000-metric catalog adds to
 * the 10,000-element check and to the edit latency (bench/catalog-bench.ts).
 * Then `align report` and `align graph --focus` on one file at each size,
 * with their growth (bench/report-bench.ts). Then files of syntax errors,
 * parsed beside Langium's parser as it comes (bench/errors-bench.ts).
 *
 * Options: --sizes=10000,50000  --files=1,100  --runs=3  --keep (keep the generated files)
 *          --warmup-each (warm up before every workspace)  --only=check,lsp,webview,catalog,report,errors
 *
 * Goals (figures, not tests; docs/performance.md): the whole check at 10,000
 * and 50,000 elements within 1.5x the raw parse time, growing linearly; the
 * editor's latencies of scripts/bench/lsp-latency.ts. The last table puts
 * the targets side by side (scripts/bench/targets.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace, type GeneratedWorkspace } from './bench/generate.js';
import { measureCheck, measureRawParse, PHASE_NAMES, type CheckResult, type PhaseName, type RawParseResult, type SourceFile } from './bench/measure.js';
import { benchLspLatency, type LspFigures } from './bench/lsp-latency.js';
import { targetsTable } from './bench/targets.js';
import { benchWebview } from './bench/webview-bench.js';
import { benchCatalog } from './bench/catalog-bench.js';
import { benchErrors } from './bench/errors-bench.js';
import { benchReport } from './bench/report-bench.js';
import { collectGarbage, median, medianOf, ms, now, progress, ratio, table, thousands } from './bench/timing.js';

const GOAL_RATIO = 1.5;

const SHORT: Record<PhaseName, string> = {
    Parsed: 'parsed', IndexedContent: 'indexed', ComputedScopes: 'scopes', Linked: 'linked', IndexedReferences: 'refs indexed', Validated: 'validated'
};

interface Options {
    sizes: number[];
    shapes: number[];
    runs: number;
    keep: boolean;
    /** Warm up before each workspace, not only before the first. */
    warmupEach: boolean;
    /** Which parts run: the check, LSP edit latency, the preview's paint time. */
    sections: Set<Section>;
}

type Section = 'check' | 'lsp' | 'webview' | 'catalog' | 'report' | 'errors';
const SECTIONS: readonly Section[] = ['check', 'lsp', 'webview', 'catalog', 'report', 'errors'];

interface Row {
    readonly workspace: GeneratedWorkspace;
    readonly shape: number;
    readonly size: number;
    readonly raw: RawParseResult;
    readonly check: CheckResult;
    readonly byRule: Map<string, number>;
    /** Medians of the same measurements, each in a fresh process (as `align check` runs). */
    readonly fresh: FreshFigures;
}

interface FreshFigures {
    readonly raw: number;
    readonly check: number;
    /** The check less its impact-graph build: what a free graph would leave (a bound, not a target). */
    readonly withoutGraph: number;
}

function parseOptions(argv: readonly string[]): Options {
    const options: Options = { sizes: [10_000, 50_000], shapes: [1, 100], runs: 3, keep: false, warmupEach: false, sections: new Set(SECTIONS) };
    for (const arg of argv) {
        const [key, value = ''] = arg.replace(/^--/, '').split('=');
        const numbers = value.split(',').map(v => Number(v.replace(/_/g, ''))).filter(n => Number.isInteger(n) && n > 0);
        if (key === 'sizes' && numbers.length > 0) options.sizes = numbers;
        else if (key === 'files' && numbers.length > 0) options.shapes = numbers;
        else if (key === 'runs' && numbers.length > 0) options.runs = numbers[0]!;
        else if (key === 'keep') options.keep = true;
        else if (key === 'warmup-each') options.warmupEach = true;
        else if (key === 'only' && value.split(',').every(v => (SECTIONS as readonly string[]).includes(v))) options.sections = new Set(value.split(',') as Section[]);
        else {
            process.stderr.write(`bench: unknown option ${arg}\n`);
            process.exit(2);
        }
    }
    return options;
}

/** Without `--expose-gc` heap figures are meaningless: run again with it (package.json's script has no such flag). */
function respawnWithGc(): void {
    if (typeof (globalThis as { gc?: unknown }).gc === 'function' || process.env['ALIGN_BENCH_CHILD'] === '1') return;
    const script = process.argv[1]!;
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, script, ...process.argv.slice(2)], {
        stdio: 'inherit', env: { ...process.env, ALIGN_BENCH_CHILD: '1' }
    });
    if (child.error) {
        progress(`could not re-run with --expose-gc (${child.error.message}); heap figures will be n/a`);
        return;
    }
    process.exit(child.status ?? 1);
}

async function main(): Promise<void> {
    respawnWithGc();
    const options = parseOptions(process.argv.slice(2));
    const began = now();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'align-bench-'));
    const loadBefore = loadAverage();
    progress(`node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore}, gc ${collectGarbage() ? 'exposed' : 'not exposed (heap n/a)'}; workspaces in ${tmp}`);
    const rows: Row[] = [];
    const extra: string[] = [];
    let lsp: LspFigures[] = [];
    try {
        if (options.sections.has('check')) {
            for (const size of options.sizes) {
                for (const shape of options.shapes) {
                    rows.push(await benchWorkspace(size, shape, tmp, options.runs, rows.length === 0 || options.warmupEach));
                }
            }
        }
        if (options.sections.has('lsp')) {
            const latency = await benchLspLatency(tmp);
            extra.push(latency.text);
            lsp = latency.figures;
        }
        if (options.sections.has('webview')) extra.push(await benchWebview());
        if (options.sections.has('catalog')) extra.push(await benchCatalog(tmp, options.runs));
        if (options.sections.has('report')) extra.push(await benchReport(tmp, options.sizes, options.runs));
        if (options.sections.has('errors')) extra.push(benchErrors(options.runs));
    } finally {
        if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
        else progress(`kept the generated workspaces in ${tmp}`);
    }
    if (rows.length > 0) printReport(rows, options, `${loadBefore} at start, ${loadAverage()} at end`);
    for (const text of extra) console.log(`\n${text}`);
    const targets = targetsTable(rows.map(r => ({
        size: r.size, files: r.workspace.files.length, elements: r.workspace.elements, raw: r.raw.ms, check: r.check.total, heapMb: r.check.heapMb,
        freshRaw: r.fresh.raw, freshCheck: r.fresh.check, freshWithoutGraph: r.fresh.withoutGraph
    })), lsp);
    if (targets) console.log(`\n${targets}`);
    progress(`done in ${((now() - began) / 1000).toFixed(1)} s`);
}

async function benchWorkspace(size: number, shape: number, tmp: string, runs: number, warmUp: boolean): Promise<Row> {
    const label = `${thousands(size)} x ${shape}`;
    const t = now();
    const workspace = generateWorkspace({ elements: size, files: shape, dir: path.join(tmp, `${size}x${shape}`) });
    progress(`${label}: generated ${thousands(workspace.elements)} elements, ${workspace.programs} programs, ${workspace.files.length} files, `
        + `${(workspace.bytes / 1_048_576).toFixed(1)} MB, ${thousands(workspace.lines)} lines in ${ms(now() - t)} ms`);
    // Read back from disk, as `align check` does.
    const files: SourceFile[] = workspace.files.map(f => ({ path: f.path, text: fs.readFileSync(f.path, 'utf-8') }));

    // Raw parse and check alternate, so that both meet the same machine conditions; run 0 warms up
    // (the code is the same for every workspace: by default only the first one warms up).
    const raws: RawParseResult[] = [];
    const checks: CheckResult[] = [];
    let byRule = new Map<string, number>();
    for (let run = warmUp ? 0 : 1; run <= runs; run++) {
        const which = run === 0 ? 'warm-up' : `run ${run}/${runs}`;
        const raw = measureRawParse(files);
        progress(`${label}: raw parse ${which}: ${ms(raw.ms)} ms`);
        const measured = await measureCheck(files, workspace.dir);
        progress(`${label}: check ${which}: ${ms(measured.result.total)} ms `
            + `(${PHASE_NAMES.map(p => `${p} ${ms(measured.result[p])}`).join(', ')}; graph ${ms(measured.result.graph)}; `
            + `findings ${ms(measured.result.findings)}; GC ${ms(measured.result.gc)}; `
            + `${measured.result.diagnostics} diagnostics)`);
        if (run > 0) {
            raws.push(raw);
            checks.push(measured.result);
        }
        byRule = measured.byRule;
        collectGarbage();
    }
    const fresh = measureFresh(label, files, workspace.dir, tmp, runs);
    return { workspace, shape, size, raw: medianOf(raws), check: medianOf(checks), byRule, fresh };
}

/**
 * Raw parse and check again, each in a process of its own, alternating:
 * what `align check` meets. In this process the heap is collected before
 * every measurement (for comparable runs and the heap figure); V8 then sets
 * the old generation's limit from an almost empty heap, and the check, whose
 * syntax trees survive, pays a mark-compact that a run of `align check` does
 * not (docs/performance.md).
 */
function measureFresh(label: string, files: readonly SourceFile[], root: string, tmp: string, runs: number): FreshFigures {
    const list = path.join(tmp, 'fresh-files.json');
    fs.writeFileSync(list, JSON.stringify(files.map(f => f.path)));
    const script = path.join(path.dirname(process.argv[1]!), 'bench', 'fresh-measure.ts');
    const execArgv = process.execArgv.filter(flag => flag !== '--expose-gc');
    const once = (what: 'raw' | 'check'): { ms?: number; total?: number; graph?: number } => {
        const child = spawnSync(process.execPath, [...execArgv, script, what, list, root], { encoding: 'utf-8' });
        if (child.status !== 0) throw new Error(`${label}: fresh ${what} failed: ${child.error?.message ?? child.stderr.trim()}`);
        return JSON.parse(child.stdout) as { ms?: number; total?: number; graph?: number };
    };
    const raws: number[] = [];
    const checks: number[] = [];
    const withoutGraph: number[] = [];
    for (let run = 1; run <= runs; run++) {
        raws.push(once('raw').ms!);
        const check = once('check');
        checks.push(check.total!);
        withoutGraph.push(check.total! - check.graph!);
        progress(`${label}: fresh process run ${run}/${runs}: raw parse ${ms(raws.at(-1)!)} ms, check ${ms(checks.at(-1)!)} ms (graph ${ms(check.graph!)})`);
    }
    return { raw: median(raws), check: median(checks), withoutGraph: median(withoutGraph) };
}

function printReport(rows: readonly Row[], options: Options, load: string): void {
    const out: string[] = [];
    out.push('');
    out.push(`Align benchmark: medians of ${options.runs} runs after a warm-up ${options.warmupEach ? 'per workspace' : 'run (on the first workspace)'}, fresh services each run (node ${process.version}, ${os.cpus().length} CPUs, load average ${load}).`);
    out.push(`Goal: whole check at 50,000 elements within ${GOAL_RATIO}x raw parse time, growing linearly. PASS/MISS is a figure per row, not a test.`);
    out.push('');
    const header = ['elements x files', 'raw parse', ...PHASE_NAMES.map(p => SHORT[p]), '(graph)', 'findings', 'check', 'GC', 'check/raw',
        'linked/raw', 'no graph/raw', 'cpu raw', 'cpu check', 'cpu ratio', 'elements/s', 'heap MB', 'goal'];
    out.push(table(header, rows.map(r => {
        const total = r.check.total;
        const rel = total / r.raw.ms;
        return [
            `${thousands(r.workspace.elements)} x ${r.workspace.files.length}`,
            ms(r.raw.ms),
            ...PHASE_NAMES.map(p => ms(r.check[p])),
            ms(r.check.graph),
            ms(r.check.findings),
            ms(total),
            ms(r.check.gc),
            ratio(rel),
            ratio(linkedBy(r.check) / r.raw.ms),
            ratio((total - r.check.graph) / r.raw.ms),
            ms(r.raw.cpu),
            ms(r.check.cpu),
            ratio(r.check.cpu / r.raw.cpu),
            thousands(r.workspace.elements / (total / 1000)),
            r.check.heapMb === undefined ? 'n/a' : r.check.heapMb.toFixed(0),
            rel <= GOAL_RATIO ? 'PASS' : 'MISS'
        ];
    })));
    out.push('All times in ms, wall clock. Phases (DocumentState): ' + PHASE_NAMES.map(p => `${SHORT[p]} = ${p}`).join(', ') + '.');
    out.push('parsed includes creating the documents (fromString lexes and parses); (graph) = building the impact graph, part of validated;');
    out.push('check = the whole check, creating the documents to findings collected; check/raw = check / raw parse, the goal\'s figure (PASS at <= ' + GOAL_RATIO + 'x).');
    out.push('linked/raw = Langium\'s part before any rule (parsed + indexed + scopes + linked) / raw parse; no graph/raw = (check - graph) / raw parse:');
    out.push('  the check if building the impact graph cost nothing. Both are bounds for the goal, not targets.');
    out.push('GC = garbage-collection pauses during the check, spread over the phases. heap = heap used after a full GC with the checked workspace alive.');
    out.push('cpu raw / cpu check = process CPU time (user + system, all threads: background JIT and GC helpers count, so it can exceed wall time);');
    out.push('  less skewed than wall time when other processes load the machine (see the load average above).');
    out.push('Each column is its own median, so the phases need not add up to the total exactly.');
    out.push('');

    const growth: string[][] = [];
    const sizes = [...new Set(rows.map(r => r.size))].sort((a, b) => a - b);
    if (sizes.length >= 2) {
        const small = sizes[0]!;
        const large = sizes[sizes.length - 1]!;
        for (const shape of options.shapes) {
            const a = rows.find(r => r.size === small && r.shape === shape);
            const b = rows.find(r => r.size === large && r.shape === shape);
            if (!a || !b) continue;
            const linear = b.workspace.elements / a.workspace.elements;
            const phaseGrowth = PHASE_NAMES.map(p => `${SHORT[p]} ${ratio(b.check[p]! / a.check[p]!, 1)}`).join(', ');
            growth.push([`${shape} file${shape === 1 ? '' : 's'}`, ratio(linear, 2), ratio(b.raw.ms / a.raw.ms, 2), ratio(b.check.total / a.check.total, 2),
                ratio(b.raw.cpu / a.raw.cpu, 2), ratio(b.check.cpu / a.check.cpu, 2), ratio(b.check.graph / a.check.graph, 1), phaseGrowth]);
        }
        out.push(`Growth ${thousands(large)}/${thousands(small)} (linear growth = the element ratio):`);
        out.push(table(['shape', 'elements', 'raw parse', 'check', 'cpu raw', 'cpu check', '(graph)', 'per phase'], growth));
        out.push('');
    }

    out.push('Diagnostics per workspace (the generated input should be mostly clean; "injected" = put in on purpose):');
    for (const r of rows) {
        const top = [...r.byRule.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 5);
        const injected = Object.entries(r.workspace.injected).map(([rule, n]) => `${rule} ${n}`).join(', ');
        const syntax = r.raw.errors > 0 ? `, ${r.raw.errors} lexer/parser errors` : '';
        out.push(`  ${thousands(r.workspace.elements)} x ${r.workspace.files.length}: ${r.check.diagnostics} diagnostics`
            + ` (${(100 * r.check.diagnostics / r.workspace.elements).toFixed(2)}% of elements)${syntax}; top: `
            + (top.length > 0 ? top.map(([rule, n]) => `${rule} ${n}`).join(', ') : 'none') + `; injected: ${injected || 'none'}`);
    }
    out.push('');
    out.push('Workspaces:');
    for (const r of rows) {
        const counts = Object.entries(r.workspace.counts).map(([k, n]) => `${k} ${thousands(n)}`).join(', ');
        out.push(`  ${thousands(r.workspace.elements)} x ${r.workspace.files.length}: ${(r.workspace.bytes / 1_048_576).toFixed(1)} MB, `
            + `${thousands(r.workspace.lines)} lines, ${r.workspace.domains} domains, ${counts}`);
    }
    process.stdout.write(out.join('\n') + '\n');
}

/** The check's phases up to linking: parsing and Langium's indexing, scopes and linking, before any rule runs. */
function linkedBy(check: CheckResult): number {
    return check.Parsed + check.IndexedContent + check.ComputedScopes + check.Linked;
}

/** 1-minute load average: other processes on the machine skew every figure. */
function loadAverage(): string {
    return os.loadavg()[0]!.toFixed(2);
}

main().catch(error => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
});
