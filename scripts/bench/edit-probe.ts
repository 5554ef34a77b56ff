/**
 * Edit probe (item 2 of docs/performance.md, without the LSP round trip):
 * builds a generated one-file 10k workspace in this process as the server
 * does, then gives it title edits one after the other through
 * `DocumentBuilder.update`, the server's path after a change. For each edit
 * it prints the raw parse of the new text (measured just before), the build
 * phases, the impact graph's update within validation, and the scavenges and
 * mark-compacts during the edit. The new text is written to disk before the
 * timer starts and read back by the update (1-2 ms of the edit).
 *
 *   node --require ./scripts/polyfill.cjs --expose-gc --import tsx scripts/bench/edit-probe.ts [--edits=12] [--dir=PATH]
 */
import * as fs from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlignServices } from '../../language/align-module.js';
import { nodeHost } from '../../language/host.js';
import { generateWorkspace } from './generate.js';
import { measureRawParse, PHASES, PHASE_NAMES, timeGraphBuilds } from './measure.js';
import { median, now } from './timing.js';

const arg = (name: string) => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const edits = Number(arg('edits') ?? 12);
const workspace = generateWorkspace({ elements: 10_000, files: 1, dir: arg('dir') ?? '/tmp/align-edit-probe-10000x1' });
const file = workspace.files[0]!.path;
const original = fs.readFileSync(file, 'utf-8');

const { shared, Align } = createAlignServices({ ...NodeFileSystem, host: nodeHost(fs.promises.realpath) });
Align.align.Settings.workspaceRoot = URI.file(workspace.dir);
const builder = shared.workspace.DocumentBuilder;
const document = shared.workspace.LangiumDocumentFactory.fromString(original, URI.file(file));
shared.workspace.LangiumDocuments.addDocument(document);
await builder.build([document], { validation: true });

const stamps = new Map<DocumentState, number>();
for (const phase of PHASES) builder.onBuildPhase(phase, () => { stamps.set(phase, now()); });
const graphTiming = timeGraphBuilds(Align.align.Graph);
const collections: PerformanceEntry[] = [];
const observer = new PerformanceObserver(list => { collections.push(...list.getEntries()); });
observer.observe({ entryTypes: ['gc'] });

const lines = original.split('\n');
const titleLine = lines.findIndex(l => /"[^"]*"/.test(l));
const ratios: number[] = [];
for (let i = 0; i < edits; i++) {
    const edited = [...lines];
    edited[titleLine] = edited[titleLine]!.replace(/"([^"]*)"/, `"$1 edit ${i}"`);
    const text = edited.join('\n');
    const raw = measureRawParse([{ path: file, text }]).ms;
    fs.writeFileSync(file, text);
    stamps.clear();
    const graphBefore = graphTiming.ms;
    const start = now();
    await builder.update([URI.file(file)], []);
    const took = now() - start;
    await new Promise(resolve => setTimeout(resolve, 20)); // let the observer deliver the edit's collections (and the graph's timing settle)
    const graphMs = graphTiming.ms - graphBefore;
    const during = collections.filter(e => e.startTime >= start && e.startTime <= start + took);
    // A garbage-collection entry's `detail.kind`: 1 is a scavenge (minor), the others are mark-compacts and their steps.
    const minor = during.filter(e => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1);
    const sum = (entries: PerformanceEntry[]) => entries.reduce((total, e) => total + e.duration, 0).toFixed(0);
    let previous = start;
    const phases = PHASES.map((phase, k) => {
        const stamp = stamps.get(phase) ?? previous;
        const part = `${PHASE_NAMES[k]} ${(stamp - previous).toFixed(0)}`;
        previous = stamp;
        return part;
    });
    ratios.push(took / raw);
    console.log(`edit ${i + 1}: ${took.toFixed(0)} ms = ${(took / raw).toFixed(2)}x raw parse ${raw.toFixed(0)} ms | ${phases.join(', ')}; graph ${graphMs.toFixed(0)}`
        + ` | scavenges ${minor.length} (${sum(minor)} ms), other collections ${during.length - minor.length} (${sum(during.filter(e => !minor.includes(e)))} ms)`);
}
observer.disconnect();
fs.writeFileSync(file, original);
console.log(`median edit / raw parse: ${median(ratios).toFixed(2)}x over ${edits} edits`);
