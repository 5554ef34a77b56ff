/**
 * The preview's figures, for `npm run bench`: synthetic graphs of 200 and
 * 2,000 nodes (about 1.8 edges per node) posted to the built webview
 * (out/webview/main.js) in headless Chromium, on the page the tests use
 * (strict CSP, stub host API).
 *
 * The graph is posted from a host page on another site (the preview is its
 * popup), as VS Code posts into a webview from another frame. Measured from
 * that `postMessage` to the frame after the last slice of the drawing is
 * painted (`align-painted` mark in the preview), on the shared clock: a first
 * render (fresh page), a live update (one node added), and an edit of one
 * title; the two edits are posted as deltas, as the extension posts them,
 * and the title edit also as the whole graph (as before deltas), side by
 * side with its delta. Longest main-thread block: the longest animation frame
 * (`long-animation-frame`, which includes style, layout and paint), the
 * longest task (`longtask`) and the longest slice of the preview's own
 * script (`align-render-slice` measures).
 *
 * Each size is drawn in both directions (columns left to right, rows top to
 * bottom), forced by the `direction` option of the graph message.
 *
 * Goals: 2,000 nodes painted in under 1.5 s, no block over 100 ms, one
 * title edited repainted in under 16 ms (webview-report.ts).
 * Run alone: node --require ./scripts/polyfill.cjs --import tsx scripts/bench/webview-bench.ts
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { GraphNode } from '../../language/graph/types.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { diffResults } from '../../client/preview/graph-diff.js';
import { graphJson, type HostMessage } from '../../webview/protocol.js';
import { BUNDLE, launchChromium, WebviewPage } from '../../test/webview/harness/webview-page.js';
import { generateImpactGraph } from './webview-graph.js';
import { median, ms, progress, thousands } from './timing.js';
import { report, type Row, type Sample } from './webview-report.js';

const SIZES = [200, 2000];
/** Both layouts: columns left to right, rows top to bottom. */
const DIRECTIONS = ['right', 'down'] as const;
const RUNS = 3;

/** In the preview: starts watching long frames and tasks. */
const WATCH = `() => {
    const watch = window.__benchWatch = { marks: performance.getEntriesByName('align-painted').length, frames: [], tasks: [] };
    watch.observers = [['long-animation-frame', watch.frames], ['longtask', watch.tasks]].map(([type, into]) => {
        const o = new PerformanceObserver(list => into.push(...list.getEntries()));
        try { o.observe({ type, buffered: false }); } catch { }
        return o;
    });
}`;

/** In the host page: posts the stored graph message to the preview; returns when, on the shared clock. */
const POST = `() => {
    const at = performance.timeOrigin + performance.now();
    const m = window.__benchMessage;
    window.webview.postMessage(m, '*', m.json instanceof ArrayBuffer ? [m.json] : []);
    return at;
}`;

/** In the preview: waits for the drawing to be painted; returns the figures, times from \`posted\` (shared clock). */
const COLLECT = `async posted => {
    const watch = window.__benchWatch;
    // Waits for the mark without polling (polls would add tasks to the work measured).
    await new Promise(resolve => {
        if (performance.getEntriesByName('align-painted').length > watch.marks) return resolve();
        const o = new PerformanceObserver(list => { if (list.getEntriesByName('align-painted').length > 0) { o.disconnect(); resolve(); } });
        o.observe({ type: 'mark' });
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    watch.observers.forEach(o => { o.takeRecords(); o.disconnect(); });
    const start = posted - performance.timeOrigin;
    const after = list => list.filter(e => e.startTime >= start);
    const longest = list => Math.max(0, ...after(list).map(e => e.duration));
    const painted = performance.getEntriesByName('align-painted').at(-1);
    const receiving = frame => frame.scripts.some(s => s.invoker === 'DOMWindow.onmessage');
    return {
        painted: painted.startTime - start,
        message: longest(performance.getEntriesByName('align-message')),
        layout: longest(performance.getEntriesByName('align-layout')),
        layoutStep: longest(performance.getEntriesByName('align-layout-step')),
        longestFrame: longest(watch.frames),
        longestOther: longest(watch.frames.filter(f => !receiving(f))),
        longestTask: longest(watch.tasks),
        longestSlice: longest(performance.getEntriesByName('align-render-slice')),
        patch: longest(performance.getEntriesByName('align-patch')),
        nodes: painted.detail.nodes,
        edges: painted.detail.edges
    };
}`;

/**
 * Posts a message from the host page and returns the figures of the drawing it leads to; `work`: the
 * CPU time of the renderer's main thread meanwhile, in its tasks (CDP Performance metrics in thread
 * ticks: script, style, layout, paint; the bench's own DevTools commands left out), which, unlike
 * wall-clock time, does not count the waits for a core on a busy machine.
 */
async function measure(page: WebviewPage, message: HostMessage): Promise<Sample & { nodes: number; edges: number }> {
    // A whole graph as the extension posts it: UTF-8 bytes in an ArrayBuffer, transferred (webview/protocol.ts, JsonText).
    await page.host.evaluate(m => {
        const json = m.type === 'graph' && typeof m.json === 'string' ? new TextEncoder().encode(m.json).buffer : undefined;
        (window as unknown as { __benchMessage: unknown }).__benchMessage = json ? { ...m, json } : m;
    }, message);
    await page.page.evaluate(`(${WATCH})()`);
    const cdp = await page.page.context().newCDPSession(page.page);
    // Thread ticks: the main thread's CPU time, not wall-clock time (which also counts waiting for a core on a busy machine).
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const busy = async (): Promise<number> => {
        const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
        return ((metrics.get('TaskDuration') ?? NaN) - (metrics.get('DevToolsCommandDuration') ?? 0)) * 1000;
    };
    const before = await busy();
    const posted = await page.host.evaluate(`(${POST})()`) as number;
    const sample = await page.page.evaluate(`(${COLLECT})(${posted})`) as Sample & { nodes: number; edges: number };
    sample.work = await busy() - before;
    await cdp.detach();
    return sample;
}

/** The same graph with one objective's title edited (the same length: its box keeps its size). */
function retitle(result: ImpactGraphResult): ImpactGraphResult {
    const copy = structuredClone(result);
    const objective = copy.graph.nodes.find(n => n.kind === 'objective')!;
    objective.title = (objective.title ?? objective.name).split('').reverse().join('');
    copy.version++;
    return copy;
}

/** The same graph with one more skill enabling the first behavior: a typical edit. */
function edited(result: ImpactGraphResult): ImpactGraphResult {
    const copy = structuredClone(result);
    const behavior = copy.graph.nodes.find(n => n.kind === 'behavior')!;
    const skill: GraphNode = { ...behavior, kind: 'skill', id: `${behavior.id}Skill`, name: `${behavior.name}Skill`, qualifiedName: `${behavior.id}Skill`, title: 'A skill added by an edit' };
    copy.graph.nodes.push(skill);
    copy.graph.edges.push({ kind: 'enables', from: skill.id, to: behavior.id });
    copy.version++;
    return copy;
}

function medianSample(samples: readonly Sample[]): Sample {
    const keys = Object.keys(samples[0]!) as Array<keyof Sample>;
    return Object.fromEntries(keys.map(key => [key, median(samples.map(s => s[key]))])) as unknown as Sample;
}

/** Runs the preview benchmark and returns its report (a plain-text table). */
export async function benchWebview(): Promise<string> {
    if (!fs.existsSync(BUNDLE)) return `Preview benchmark skipped: ${BUNDLE} is missing (npm run build).\n`;
    let browser;
    try {
        browser = await launchChromium();
    } catch (error) {
        return `Preview benchmark skipped: Chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n`;
    }
    const rows: Row[] = [];
    try {
        for (const size of SIZES) for (const direction of DIRECTIONS) {
            const result = generateImpactGraph(size);
            const firsts: Sample[] = [];
            const updates: Sample[] = [];
            const titles: Sample[] = [];
            const titleWholes: Sample[] = [];
            let messages = { update: 0, title: 0, whole: 0 };
            let drawn = { nodes: 0, edges: 0 };
            // Run 0 warms up (code caches); runs 1..RUNS are measured, each on a fresh page.
            for (let run = 0; run <= RUNS; run++) {
                const page = await WebviewPage.open(browser, { viewport: { width: 1400, height: 900 }, fromHostPage: true });
                // As the extension does: the whole graph first, then what each edit changed (client/preview/graph-diff.ts).
                const options = { hideLearningMetrics: false, direction };
                const first = await measure(page, { type: 'graph', json: graphJson(result), options, seq: 1 });
                const withSkill = edited(result);
                const updateDelta = JSON.stringify(diffResults(result, withSkill));
                const update = await measure(page, { type: 'graph-delta', json: updateDelta, options, base: 1, seq: 2 });
                const retitled = retitle(withSkill);
                const titleDelta = JSON.stringify(diffResults(withSkill, retitled));
                const title = await measure(page, { type: 'graph-delta', json: titleDelta, options, base: 2, seq: 3 });
                // The same kind of edit posted as the whole graph, as before deltas: side by side with the delta.
                const retitledWhole = graphJson(retitle(retitled));
                const titleWhole = await measure(page, { type: 'graph', json: retitledWhole, options, seq: 4 });
                messages = { update: updateDelta.length, title: titleDelta.length, whole: retitledWhole.length };
                const problems = await page.problems();
                await page.close();
                if (problems.length > 0) throw new Error(`the preview reported problems: ${problems.join('; ')}`);
                progress(`preview ${thousands(size)} nodes ${direction}, ${run === 0 ? 'warm-up' : `run ${run}/${RUNS}`}: painted in ${ms(first.painted)} ms `
                    + `(message ${ms(first.message)}, layout ${ms(first.layout)}, longest frame ${ms(first.longestFrame)}, other frame ${ms(first.longestOther)}, `
                    + `task ${ms(first.longestTask)}, slice ${ms(first.longestSlice)}); update ${ms(update.painted)} ms (message ${ms(update.message)}, other frame ${ms(update.longestOther)}); `
                    + `title edit: delta ${ms(title.painted)} ms (work ${ms(title.work)}${title.patch > 0 ? '' : ', laid out again'}), whole graph ${ms(titleWhole.painted)} ms (work ${ms(titleWhole.work)})`);
                if (run === 0) continue;
                firsts.push(first);
                updates.push(update);
                titles.push(title);
                titleWholes.push(titleWhole);
                drawn = { nodes: first.nodes, edges: first.edges };
            }
            rows.push({ size, direction, nodes: result.graph.nodes.length, edges: result.graph.edges.length, drawnNodes: drawn.nodes, drawnEdges: drawn.edges, first: medianSample(firsts), update: medianSample(updates), title: medianSample(titles),
                titleWhole: medianSample(titleWholes), messages });
        }
    } finally {
        await browser.close();
    }
    return report(rows, RUNS);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    benchWebview().then(text => process.stdout.write(text), error => {
        process.stderr.write(`webview bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
    });
}
