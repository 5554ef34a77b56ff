/**
 * `npm run bench -- --only=report`: `align report` and `align graph --focus`
 * on one-file workspaces of growing size (the sizes of `--sizes`), in
 * process: loading (the check: documents built, graph, findings), the
 * Markdown and the HTML report from the loaded graph, and focusing on every
 * program and outcome with the findings placed on the focused nodes (what
 * `graph --focus` and the report's drawings do per chain); then the same
 * for one outcome whose KPI as many metrics drive. Medians of
 * `--runs` runs on fresh services. Goal (a figure, not a test): each part
 * grows like the number of elements; the growth table puts each part's
 * ratio between the largest and the smallest size beside the elements'.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticsOf, loadGraph } from '../../cli/graph/load-graph.js';
import { SILENT } from '../../cli/progress.js';
import { buildReport } from '../../cli/report/build-report.js';
import { toHtml } from '../../cli/report/html.js';
import { toMarkdown } from '../../cli/report/markdown.js';
import { focusGraph } from '../../language/graph/focus-graph.js';
import { FindingsPlacer, findingsByNode } from '../../language/graph/node-findings.js';
import { generateWorkspace } from './generate.js';
import { collectGarbage, median, ms, now, progress, ratio, table, thousands } from './timing.js';

interface ReportFigures {
    elements: number;
    findings: number;
    load: number;
    markdown: number;
    html: number;
    focus: number;
}

const PARTS = ['load', 'markdown', 'html', 'focus'] as const;

async function reportOnce(dir: string): Promise<ReportFigures> {
    collectGarbage();
    const t0 = now();
    const { workspace, index, findings } = await loadGraph({ paths: [dir], rules: {} }, SILENT);
    const t1 = now();
    const input = { index, findings, date: '2026-03-31', files: workspace.documents.length };
    const markdown = toMarkdown(buildReport(input));
    const t2 = now();
    const html = toHtml(buildReport(input), 'bench');
    const t3 = now();
    let focused = 0;
    const diagnostics = new FindingsPlacer(diagnosticsOf(findings));
    for (const node of index.graph.nodes) {
        if (node.kind !== 'program' && node.kind !== 'outcome') continue;
        const graph = focusGraph(index.graph, node.id);
        focused += graph.nodes.length + Object.keys(findingsByNode(graph.nodes, diagnostics)).length;
    }
    const t4 = now();
    if (markdown.length === 0 || html.length === 0 || focused === 0) throw new Error('report bench: empty output');
    return { elements: index.graph.nodes.length, findings: findings.length, load: t1 - t0, markdown: t2 - t1, html: t3 - t2, focus: t4 - t3 };
}

/**
 * One outcome measured by one KPI that `count` metrics drive: the shape
 * where an outcome's upstream has one node with `count` sources (focusing
 * on it once copied the list of sources for every edge).
 */
function writeFanIn(dir: string, count: number): void {
    fs.mkdirSync(dir, { recursive: true });
    const metrics = Array.from({ length: count }, (_, i) => `metric M${i} "M${i}" { kind leading drives Top }\n`);
    fs.writeFileSync(path.join(dir, 'fan-in.align'), `outcome O "O" {\n  measured by Top\n}\nmetric Top "Top" {\n  kind lagging\n}\n${metrics.join('')}`);
}

/** Median figures of `runs` runs (and a warm-up run first when `warmUp`). */
async function measure(label: string, dir: string, runs: number, warmUp: boolean): Promise<ReportFigures> {
    const measured: ReportFigures[] = [];
    for (let run = warmUp ? 0 : 1; run <= runs; run++) {
        const figures = await reportOnce(dir);
        progress(`report ${label} ${run === 0 ? 'warm-up' : `run ${run}/${runs}`}: ${PARTS.map(p => `${p} ${ms(figures[p])}`).join(', ')} ms`);
        if (run > 0) measured.push(figures);
    }
    return { ...measured[0]!, ...Object.fromEntries(PARTS.map(p => [p, median(measured.map(m => m[p]))])) };
}

/** The report's tables: times per size and their growth, for generated workspaces and for a fan-in. */
export async function benchReport(tmp: string, sizes: readonly number[], runs: number): Promise<string> {
    const sorted = [...sizes].sort((a, b) => a - b);
    const rows: Array<{ size: number; figures: ReportFigures }> = [];
    for (const size of sorted) {
        const workspace = generateWorkspace({ elements: size, files: 1, dir: path.join(tmp, `report-${size}`) });
        rows.push({ size, figures: await measure(`${thousands(size)} x 1`, workspace.dir, runs, rows.length === 0) });
    }
    const fan: Array<{ size: number; figures: ReportFigures }> = [];
    for (const size of sorted) {
        const dir = path.join(tmp, `fan-in-${size}`);
        writeFanIn(dir, size);
        fan.push({ size, figures: await measure(`fan-in ${thousands(size)}`, dir, runs, false) });
    }
    return [...growthTable('align report and graph --focus on one generated file', rows, runs), '',
        ...growthTable('The same for one KPI that N metrics drive (elements = N)', fan, runs)].join('\n');
}

function growthTable(title: string, rows: ReadonlyArray<{ size: number; figures: ReportFigures }>, runs: number): string[] {
    const out = [`${title} (medians of ${runs} runs, ms; focus all = every program and outcome focused, its findings counted per node):`];
    out.push(table(['elements', 'findings', 'load (check)', 'report md', 'report html', 'focus all'],
        rows.map(r => [thousands(r.size), thousands(r.figures.findings), ...PARTS.map(p => ms(r.figures[p]))])));
    if (rows.length >= 2) {
        const a = rows[0]!.figures;
        const b = rows[rows.length - 1]!.figures;
        out.push(`Growth ${thousands(rows[rows.length - 1]!.size)}/${thousands(rows[0]!.size)}: elements ${ratio(b.elements / a.elements)}, `
            + PARTS.map(p => `${p} ${ratio(b[p] / a[p])}`).join(', ') + ' (linear growth = the element ratio).');
    }
    return out;
}
