/** The report of the preview benchmark (webview-bench.ts): the drawing figures, and edits as deltas beside the whole graph. */
import { ms, table, thousands } from './timing.js';

const GOAL_PAINT_MS = 1500;
const GOAL_BLOCK_MS = 100;
const GOAL_TITLE_MS = 16;

/** The figures of one drawing (times in ms). */
export interface Sample {
    painted: number;
    /** Receiving the message: taking it in (structured clone; a whole graph's JSON in transferred bytes) and handling it. */
    message: number;
    layout: number;
    layoutStep: number;
    longestFrame: number;
    /** The longest frame that is not the one receiving the message. */
    longestOther: number;
    longestTask: number;
    longestSlice: number;
    /** A delta drawn in place (patch.ts): its script time (0: laid out again instead). */
    patch: number;
    /** CPU time of the renderer's main thread from the post to the painted frame (script, style, layout, paint). */
    work: number;
}

/** One graph size and direction: medians of its runs. */
export interface Row {
    size: number;
    direction: 'right' | 'down';
    nodes: number;
    edges: number;
    drawnNodes: number;
    drawnEdges: number;
    first: Sample;
    /** One title edited, sent as a delta. */
    title: Sample;
    update: Sample;
    /** The same title edit posted as the whole graph. */
    titleWhole: Sample;
    /** Characters of JSON posted: the two edits as deltas, and one edit as the whole graph. */
    messages: { update: number; title: number; whole: number };
}

/** The preview bench's tables, as plain text. */
export function report(rows: readonly Row[], runs: number): string {
    const out: string[] = [];
    out.push('');
    out.push(`Impact-chain preview (headless Chromium, built webview): medians of ${runs} runs after a warm-up, a fresh page each run.`);
    out.push(`Goals: ${thousands(2000)} nodes painted in under ${GOAL_PAINT_MS} ms, no main-thread block over ${GOAL_BLOCK_MS} ms, in both directions;`);
    out.push(`an edit of one title repainted in under ${GOAL_TITLE_MS} ms. PASS/MISS is a figure, not a test.`);
    out.push('');
    const header = ['graph', 'direction', 'nodes', 'edges', 'drawn', 'message', 'layout', 'step', 'painted', 'cpu', 'longest frame', 'other frame', 'slice',
        'update painted', 'update message', 'update other', 'title script', 'title repaint', 'goal'];
    out.push(table(header, rows.map(r => {
        const block = Math.max(r.first.longestFrame, r.first.longestTask, r.update.longestFrame, r.update.longestTask);
        const repaint = r.title.work;
        const pass = block <= GOAL_BLOCK_MS && (r.size < 2000 || r.first.painted <= GOAL_PAINT_MS) && r.title.patch > 0 && repaint <= GOAL_TITLE_MS;
        return [
            `${thousands(r.size)} nodes`, r.direction, thousands(r.nodes), thousands(r.edges), `${thousands(r.drawnNodes)} / ${thousands(r.drawnEdges)}`,
            ms(r.first.message), ms(r.first.layout), ms(r.first.layoutStep), ms(r.first.painted), ms(r.first.work), ms(r.first.longestFrame), ms(r.first.longestOther), ms(r.first.longestSlice),
            ms(r.update.painted), ms(r.update.message), ms(r.update.longestOther),
            ms(r.title.message), r.title.patch > 0 ? ms(repaint) : 'laid out', pass ? 'PASS' : 'MISS'
        ];
    })));
    out.push('All times in ms, medians. nodes/edges: the graph (programs, toolkits, reinforces and serves edges included); drawn: nodes / edges on screen.');
    out.push('message = the task receiving the graph: taking in the host\'s message (the JSON of a whole graph, 1.4 MB at 2,000 nodes, comes as');
    out.push('  UTF-8 bytes in a transferred ArrayBuffer, as the extension posts it) and handling it (decoding and parsing the JSON).');
    out.push('layout = the layout in the page, wall clock over its steps (each in a task of its own); step = its longest step.');
    out.push('painted = from posting the graph message (host page) to the frame after the last slice of the drawing (shared clock): every');
    out.push('  node and edge is then in the page; the browser skips styling and painting the tiles out of view (content-visibility).');
    out.push('cpu = the renderer main thread\'s CPU time over the same span (thread ticks: unlike painted, it leaves out waiting for a core).');
    out.push('longest frame = longest animation frame (long-animation-frame: script + style + layout + paint; 0 = none over 50 ms);');
    out.push('other frame = the longest one not receiving the message; slice = the preview\'s longest script slice (it yields between slices).');
    out.push('update = one node added, sent as a delta (as the extension sends edits): laid out again, places kept, only boxes that moved drawn again.');
    out.push('title = one objective\'s title edited, sent as a delta: script = the task receiving it (parse, apply, draw the one box again);');
    out.push('  repaint = the CPU time of the renderer\'s main thread from the post to the painted frame (CDP Performance TaskDuration in thread');
    out.push('  ticks: script, style, layout, paint, the bench\'s DevTools commands left out; unlike wall-clock times it leaves out waiting for a core).');
    out.push(`goal = PASS when no frame or task exceeds ${GOAL_BLOCK_MS} ms (the message frame included), ${thousands(2000)} nodes are painted within`);
    out.push(`  ${GOAL_PAINT_MS} ms, and the title edit is drawn in place within ${GOAL_TITLE_MS} ms.`);
    out.push('');
    out.push(...deltaTable(rows));
    return out.join('\n');
}

/** One title edited: posted as a delta and as the whole graph, side by side (message size and time to the painted frame). */
function deltaTable(rows: readonly Row[]): string[] {
    const kb = (chars: number): string => `${(chars / 1024).toFixed(1)} KB`;
    const ratio = (a: number, b: number): string => b > 0 ? `${(a / b).toFixed(0)}x` : 'n/a';
    const header = ['graph', 'direction', 'whole message', 'delta message', 'smaller', 'whole painted', 'delta painted', 'faster', 'whole work', 'delta work', 'less work', 'node-added delta'];
    return [
        'One title edited: the whole graph (as before deltas) against the delta the extension now posts, in the same run and page.',
        '',
        table(header, rows.map(r => [
            `${thousands(r.size)} nodes`, r.direction, kb(r.messages.whole), kb(r.messages.title), ratio(r.messages.whole, r.messages.title),
            ms(r.titleWhole.painted), ms(r.title.painted), ratio(r.titleWhole.painted, r.title.painted),
            ms(r.titleWhole.work), r.title.patch > 0 ? ms(r.title.work) : 'laid out', ratio(r.titleWhole.work, r.title.work), kb(r.messages.update)
        ])),
        'message = JSON characters posted; painted = from posting (host page) to the painted frame (shared clock, includes the cross-frame hop);',
        'work = CPU time of the renderer\'s main thread from the post to the painted frame (script, style, layout, paint; the title goal).',
        'node-added delta = the message of the update above (one skill and its edge added).',
        ''
    ];
}
