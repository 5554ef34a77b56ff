/**
 * `align graph` through the built bundle: Mermaid, DOT, JSON and SVG of the
 * examples (golden files in test/cli/golden), `--focus`, escaping, bad input,
 * and progress on a terminal for every command that reads a workspace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImpactGraph } from '../../language/graph/types.js';
import { assertGolden } from './golden/golden.js';
import { NASTY_ALIGN, TWO_PROGRAMS_ALIGN } from './golden/workspaces.js';
import { assertOneLineFailure, BIN, EXAMPLES, linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';
import { parseXml, type XmlElement } from './xml.js';

/** Runs `align graph ...args` in the examples folder and asserts exit 0 and a quiet stderr. */
function graph(args: readonly string[], cwd = EXAMPLES): string {
    const result = runCli(['graph', ...args], { cwd });
    assert.equal(result.status, 0, `align graph ${args.join(' ')}\nstderr: ${result.stderr}`);
    assert.equal(result.stderr, '', 'nothing on stderr');
    return result.stdout;
}

/** The graph's URIs made independent of where the repository is. */
function portableJson(text: string): string {
    return text.split(pathToFileURL(EXAMPLES).href).join('file:///EXAMPLES');
}

const DRAWN_KINDS = new Set(['objective', 'skill', 'behavior', 'metric', 'outcome']);

function drawnNodes(g: ImpactGraph): string[] {
    return g.nodes.filter(n => DRAWN_KINDS.has(n.kind)).map(n => n.id);
}

/** Every element of an XML tree, depth first. */
function elements(root: XmlElement): XmlElement[] {
    return [root, ...root.children.flatMap(elements)];
}

/** The `<g class="node ...">` elements of an SVG drawing. */
function svgNodes(svg: string): XmlElement[] {
    return elements(parseXml(svg)).filter(e => e.name === 'g' && /(^| )node( |$)/.test(e.attributes['class'] ?? ''));
}

const fullGraph = (): ImpactGraph => JSON.parse(graph(['--format', 'json'])) as ImpactGraph;

describe('align graph', () => {
    before(requireBundle);
    after(removeTempDirs);

    describe('--format mermaid (the default)', () => {
        it('prints the golden flowchart of the examples', () => {
            const text = graph([]);
            assert.equal(graph(['--format', 'mermaid']), text, 'mermaid is the default format');
            assertGolden('graph.mmd', text);
        });

        it('is a flowchart LR with one subgraph per column, in the order of the preview', () => {
            const lines = linesOf(graph([]));
            assert.equal(lines[0], 'flowchart LR');
            const subgraphs = lines.filter(l => l.startsWith('  subgraph '));
            assert.deepEqual(subgraphs, [
                '  subgraph col_objective["Objectives"]',
                '  subgraph col_skill["Skills"]',
                '  subgraph col_behavior["Behaviors"]',
                '  subgraph col_activity["Activity #amp; learning metrics (not KPIs)"]',
                '  subgraph col_leading["Leading metrics"]',
                '  subgraph col_lagging["Lagging metrics"]',
                '  subgraph col_outcome["Outcomes"]'
            ]);
            assert.equal(lines.filter(l => l === '  end').length, 7, 'every subgraph is closed');
        });

        it('has one node per drawn node of the impact graph, with sanitised ids, in its column', () => {
            const g = fullGraph();
            const lines = linesOf(graph([]));
            const nodeLines = lines.filter(l => /^ {4}n_/.test(l));
            assert.equal(nodeLines.length, drawnNodes(g).length);
            for (const line of nodeLines) assert.match(line, /^ {4}n_[A-Za-z0-9_]+\["[^"]*"\]$/, line);
            const activity = lines.slice(lines.findIndex(l => l.includes('subgraph col_activity')));
            assert.match(activity[2]!, /^ {4}n_CompletionRate\["Course completion rate<br\/>CompletionRate · activity/);
        });

        it('labels edges by kind: kpi links dotted, unexplained ones labelled and red', () => {
            const text = graph([]);
            for (const kind of ['builds', 'enables', 'moves', 'drives', 'measures']) assert.match(text, new RegExp(`-->\\|${kind}\\| `), kind);
            assert.match(text, /^ {2}n_ChurnPilot_RestateNeeds -\.->\|"kpi"\| n_ChurnPilot_RepeatContactRate$/m);
            assert.match(text, /^ {2}n_DiscoveryBootcamp_ForecastCategories -\.->\|"kpi, unexplained"\| n_WinRate$/m);
            const edges = linesOf(text).filter(l => / -\.?->\|/.test(l));
            const g = fullGraph();
            assert.equal(edges.length, g.edges.filter(e => ['builds', 'enables', 'moves', 'drives', 'measures', 'kpi'].includes(e.kind)).length);
            const red = edges.map((l, i) => l.includes('unexplained') ? i : -1).filter(i => i >= 0);
            assert.ok(text.includes(`  linkStyle ${red.join(',')} stroke:#d93025`), 'unexplained links are styled red, by their index');
        });

        it('styles objectives without a KPI link as errors and off-track metrics as warnings', () => {
            const text = graph([]);
            assert.match(text, /^ {2}classDef unlinked fill:#fdecea,stroke:#d93025/m);
            assert.match(text, /^ {2}class n_DiscoveryBootcamp_KnowTheProduct,n_DiscoveryBootcamp_CompleteModules unlinked$/m);
            assert.match(text, /^ {2}classDef offTrack fill:#fff4e5,stroke:#e37400/m);
            assert.match(text, /^ {2}class n_DiscoveryBootcamp_PipelineHygiene offTrack$/m);
            assert.match(text, /n_DiscoveryBootcamp_KnowTheProduct\["[^"]*<br\/>no KPI link: reaches no metric"\]/);
            assert.match(text, /PipelineHygiene · leading<br\/>55% → 61% → 80% by 2026-10-31<br\/>off track · 24% of the way/);
        });

        it('escapes quotes, brackets, #, <, |, ; and %% in labels, and keeps keyword names out of ids', () => {
            const dir = tempDir();
            writeFile(dir, 'n.align', NASTY_ALIGN);
            const lines = linesOf(graph([], dir));
            const labels = lines.filter(l => /^ {4}n_/.test(l)).map(l => /^ {4}(n_\w+)\["(.*)"\]$/.exec(l));
            assert.equal(labels.length, 5);
            for (const m of labels) {
                assert.ok(m, 'one quoted label per node');
                assert.match(m[2]!.split('<br/>').join(' '), /^(?:[^"<>[\]{}|`;\\#&]|#\w+;)*$/, `only entity codes for special characters: ${m[2]}`);
                assert.ok(!m[2]!.includes('%%'), 'no comment start');
            }
            assert.ok(lines.includes('    n_end["Say #quot;hi#quot; #35;1 #lt;b#gt;bold#lt;/b#gt; #91;x#93; #123;y#125; (z) #124; a#59; b #amp; c #96;x#96; #37;% d #92; e #lt;script#gt;alert(1)#lt;/script#gt;<br/>end"]'));
            assert.ok(lines.includes('  n_graph -->|measures| n_end'));
        });

        it('gives graph ids that sanitise alike different Mermaid ids', () => {
            const dir = tempDir();
            writeFile(dir, 't.align', TWO_PROGRAMS_ALIGN);
            const text = graph([], dir);
            assert.match(text, /^ {4}n_P1_Skill\["Global skill<br\/>P1_Skill"\]$/m);
            assert.match(text, /^ {4}n_P1_Skill_2\["Local skill<br\/>Skill"\]$/m);
            assert.match(text, /^ {2}n_P1_Learn -->\|builds\| n_P1_Skill_2$/m);
        });

        it('says so for a workspace without nodes', () => {
            const dir = tempDir();
            writeFile(dir, 'empty.align', '// nothing yet\n');
            assert.equal(graph([], dir), 'flowchart LR\n  %% Align impact chain: Aligned 0/0 objectives\n  empty["No objectives, skills, behaviors, metrics or outcomes"]\n');
        });
    });

    describe('--format dot', () => {
        it('prints the golden digraph of the examples', () => {
            assertGolden('graph.dot', graph(['--format', 'dot']));
        });

        it('is a digraph left to right with one rank=same subgraph per column and labelled edges', () => {
            const text = graph(['--format', 'dot']);
            const lines = linesOf(text);
            assert.equal(lines[0], 'digraph impact_chain {');
            assert.equal(lines.at(-1), '}');
            assert.ok(lines.includes('  rankdir=LR;'));
            assert.equal(lines.filter(l => l === '    rank=same;').length, 7);
            assert.equal(lines.filter(l => /^ {2}subgraph column_\w+ \{$/.test(l)).length, 7);
            assert.equal(text.split('{').length, text.split('}').length, 'braces balance');
            assert.ok(lines.includes('  "DiscoveryBootcamp.ForecastCategories" -> "WinRate" [label="kpi, unexplained", style=dashed, color="#d93025", fontcolor="#d93025", penwidth=2];'));
            assert.ok(lines.includes('  "ChurnPilot.RestateNeeds" -> "ChurnPilot.RepeatContactRate" [label="kpi", style=dashed];'));
            assert.ok(lines.includes('  "ChurnRate" -> "ReduceChurn" [label="measures"];'));
            assert.match(text, /"DiscoveryBootcamp.KnowTheProduct" \[label="[^"]*", fillcolor="#fdecea", color="#d93025"/);
        });

        it('escapes quotes and backslashes in labels', () => {
            const dir = tempDir();
            writeFile(dir, 'n.align', NASTY_ALIGN);
            const lines = linesOf(graph(['--format', 'dot'], dir));
            const quoted = /"(?:[^"\\\n]|\\.)*"/g;
            for (const line of lines.filter(l => l.includes('label='))) {
                assert.match(line.replace(quoted, 'S'), /^ +(S \[label=S[^"\\]*\];|S -> S \[label=S[^"\\]*\];)$/, `well-formed: ${line}`);
            }
            // The title wraps at words (a label line is at most 32 characters): its lines joined by spaces are the title as escaped.
            const end = lines.find(l => l.startsWith('    "end" [label="'));
            assert.equal(end?.replace(/\\n(?!end")/g, ' '), '    "end" [label="Say \\"hi\\" #1 <b>bold</b> [x] {y} (z) | a; b &amp; c `x` %% d \\\\ e <script>alert(1)</script>\\nend"];');
            assert.ok(lines.includes('    "subgraph.direction" [label="line\\\\nbreak\\ndirection"];'));
        });
    });

    describe('--format json', () => {
        it('prints the impact graph of the examples (golden)', () => {
            const text = graph(['--format', 'json']);
            const g = JSON.parse(text) as ImpactGraph;
            assert.deepEqual(g.coverage, { aligned: 9, total: 11 });
            assert.ok(g.nodes.length > 0 && g.edges.length > 0);
            assertGolden('graph.json', portableJson(text));
        });

        it('carries the figures of the graph: progress, on-track, ROI terms', () => {
            const g = fullGraph();
            const repeat = g.nodes.find(n => n.id === 'ChurnPilot.RepeatContactRate')!;
            assert.equal(repeat.metric?.latest?.value, 14.1);
            assert.equal(repeat.metric?.onTrack, true);
            const bootcamp = g.nodes.find(n => n.id === 'DiscoveryBootcamp')!;
            assert.deepEqual(bootcamp.programFigures?.coverage, { aligned: 3, total: 5 });
        });
    });

    describe('--date', () => {
        const metricOf = (g: ImpactGraph, id: string) => g.nodes.find(n => n.id === id)!.metric!;

        it('judges each KPI as of the day, as align report does: a passed deadline is off track and says so', () => {
            // RepeatContactRate: 14.1% against a target of 14% by 2026-04-05, on its trajectory (fullGraph: on track).
            const dated = JSON.parse(graph(['--format', 'json', '--date', '2026-09-30'])) as ImpactGraph;
            assert.equal(metricOf(dated, 'ChurnPilot.RepeatContactRate').onTrack, false);
            assert.equal(metricOf(dated, 'ChurnPilot.RepeatContactRate').trackWords, 'deadline passed');
            assert.equal(metricOf(fullGraph(), 'ChurnPilot.RepeatContactRate').trackWords, undefined);
            const svg = graph(['--format', 'svg', '--focus', 'ChurnPilot', '--date', '2026-09-30']);
            assert.match(svg, /deadline passed/);
            assert.doesNotMatch(graph(['--format', 'svg', '--focus', 'ChurnPilot']), /deadline passed/);
        });

        it('leaves out the actuals dated after the day, and a day before every deadline keeps the graph\'s statuses', () => {
            const early = JSON.parse(graph(['--format', 'json', '--date', '2026-02-10'])) as ImpactGraph;
            const repeat = metricOf(early, 'ChurnPilot.RepeatContactRate');
            assert.deepEqual(repeat.actuals.map(a => a.period), ['2026-01'], 'the 2026-02 actual is dated 2026-02-28, after the day; the weekly cadence makes 2026-01 stale after 2026-02-14');
            assert.equal(repeat.latest?.value, 17.1);
            assert.equal(repeat.trackWords, undefined);
        });

        it('is a usage error for a day that does not exist', () => {
            assertOneLineFailure(runCli(['graph', '--date', '2026-02-30'], { cwd: EXAMPLES }), '--date', '2026-02-30');
        });
    });

    describe('--format svg', () => {
        it('is one well-formed SVG document with a node element per drawn node', () => {
            const svg = graph(['--format', 'svg']);
            const root = parseXml(svg);
            assert.equal(root.name, 'svg');
            assert.equal(root.attributes['xmlns'], 'http://www.w3.org/2000/svg');
            assert.equal(svgNodes(svg).length, drawnNodes(fullGraph()).length);
            assert.equal(svgNodes(svg).length, 42);
            const unlinked = svgNodes(svg).filter(g => g.attributes['class']!.split(' ').includes('unlinked')).map(g => g.attributes['data-id']);
            assert.deepEqual(unlinked.sort(), ['DiscoveryBootcamp.CompleteModules', 'DiscoveryBootcamp.KnowTheProduct']);
        });

        it('draws the focused chain only, with finding badges', () => {
            const svg = graph(['--format', 'svg', '--focus', 'DiscoveryBootcamp']);
            const focused = JSON.parse(graph(['--format', 'json', '--focus', 'DiscoveryBootcamp'])) as ImpactGraph;
            assert.deepEqual(svgNodes(svg).map(g => g.attributes['data-id']).sort(), drawnNodes(focused).sort());
            const withFindings = svgNodes(svg).filter(g => g.attributes['class']!.includes('has-findings')).map(g => g.attributes['data-id']);
            assert.ok(withFindings.includes('DiscoveryBootcamp.KnowTheProduct'), withFindings.join(', '));
            assert.match(svg, /<title>Impact chain: Consultative discovery bootcamp \(program DiscoveryBootcamp\)<\/title>/);
        });

        it('lays the chain out as the preview does: left to right for a screen, or in the --direction given (Mermaid and DOT too)', () => {
            const boxOf = (svg: string, id: string): { x: number; y: number; width: number; height: number } => {
                const g = svgNodes(svg).find(n => n.attributes['data-id'] === id)!;
                const rect = elements(g).find(e => e.name === 'rect' && e.attributes['class'] === 'node-box')!;
                return { x: Number(rect.attributes['x']), y: Number(rect.attributes['y']), width: Number(rect.attributes['width']), height: Number(rect.attributes['height']) };
            };
            const chain = ['DiscoveryBootcamp.QualifyDeals', 'DiscoveryBootcamp.QualifyingQuestions', 'DiscoveryBootcamp.BuildsClosePlan', 'DiscoveryBootcamp.PipelineHygiene', 'WinRate', 'GrowWinRate'];
            const right = graph(['--format', 'svg']);
            const down = graph(['--format', 'svg', '--direction', 'down']);
            for (let i = 1; i < chain.length; i++) {
                const [a, b] = [boxOf(right, chain[i - 1]!), boxOf(right, chain[i]!)];
                assert.ok(a.x + a.width < b.x, `right: ${chain[i - 1]} left of ${chain[i]}`);
                const [c, d] = [boxOf(down, chain[i - 1]!), boxOf(down, chain[i]!)];
                assert.ok(c.y + c.height < d.y, `down: ${chain[i - 1]} above ${chain[i]}`);
            }
            assert.equal(graph(['--format', 'svg', '--direction', 'right']), right);
            // Mermaid and DOT take the direction too, their boxes placed by their own engines.
            const mermaidDown = graph(['--direction', 'down']);
            assert.match(mermaidDown, /^flowchart TB\n/);
            assert.ok(linesOf(mermaidDown).filter(l => /^ {4}direction /.test(l)).every(l => l === '    direction LR'), 'each layer a row');
            assert.equal(mermaidDown.replace(/^flowchart TB/, 'flowchart LR').replace(/^ {4}direction LR$/gm, '    direction TB'), graph([]), 'nothing else changes');
            assert.equal(graph(['--direction', 'right']), graph([]));
            const dotDown = graph(['--format', 'dot', '--direction', 'down']);
            assert.ok(linesOf(dotDown).includes('  rankdir=TB;'), dotDown.slice(0, 200));
            assert.equal(dotDown.replace('  rankdir=TB;', '  rankdir=LR;'), graph(['--format', 'dot']));
            assertOneLineFailure(runCli(['graph', '--format', 'svg', '--direction', 'up'], { cwd: EXAMPLES }), "--direction: unknown direction 'up'", 'auto, right, down');
        });

        it('wraps titles in their boxes, at most three lines ending in an ellipsis, the whole title in the tooltip', () => {
            const dir = tempDir();
            writeFile(dir, 'long.align', `skill Long "${'A very long skill title that goes on and on about what the skill is '.repeat(3).trim()}"\n`);
            const svg = graph(['--format', 'svg'], dir);
            const g = svgNodes(svg).find(n => n.attributes['data-id'] === 'Long')!;
            const titles = elements(g).filter(e => e.attributes['class'] === 'node-title').map(e => e.text);
            assert.equal(titles.length, 3);
            assert.match(titles[2]!, /…$/);
            assert.match(elements(g).find(e => e.name === 'title')!.text, /what the skill is A very long skill title .* about what the skill is$/);
        });

        it('says there is nothing to draw in the image, as the Mermaid diagram does, for files that declare no element (it wrote a blank image)', () => {
            const dir = tempDir();
            writeFile(dir, 'empty.align', '// nothing yet\n');
            const svg = graph(['--format', 'svg'], dir);
            assert.equal(parseXml(svg).name, 'svg');
            assert.match(svg, /<text [^>]*>No objectives, skills, behaviors, metrics or outcomes<\/text>/);
        });

        it('escapes every title', () => {
            const dir = tempDir();
            writeFile(dir, 'n.align', NASTY_ALIGN);
            const svg = graph(['--format', 'svg'], dir);
            assert.equal(svgNodes(svg).length, 5);
            assert.ok(!svg.includes('<script'), 'no markup from titles');
        });
    });

    describe('--focus', () => {
        it('on a program keeps its chain: members, what they reference, the outcomes it serves', () => {
            const focused = JSON.parse(graph(['--format', 'json', '--focus', 'ChurnPilot'])) as ImpactGraph;
            const ids = focused.nodes.map(n => n.id);
            for (const id of ['ChurnPilot', 'ChurnPilot.RestateNeeds', 'ChurnPilot.RepeatContactRate', 'NPS', 'ChurnRate', 'RenewalRate', 'ReduceChurn']) assert.ok(ids.includes(id), id);
            for (const id of ['WinRate', 'DiscoveryBootcamp', 'SaferPlants', 'CompletionRate']) assert.ok(!ids.includes(id), id);
            assert.deepEqual(focused.coverage, { aligned: 2, total: 2 });
            assert.ok(focused.edges.every(e => ids.includes(e.from) && ids.includes(e.to)), 'no edge leaves the focus');
        });

        it('on an outcome keeps everything upstream of it', () => {
            const focused = JSON.parse(graph(['--format', 'json', '--focus', 'GrowWinRate'])) as ImpactGraph;
            const ids = focused.nodes.map(n => n.id);
            for (const id of ['GrowWinRate', 'WinRate', 'DiscoveryBootcamp.PipelineHygiene', 'DiscoveryBootcamp.QualifyDeals', 'DiscoveryBootcamp.ForecastCategories']) assert.ok(ids.includes(id), id);
            for (const id of ['DiscoveryBootcamp.KnowTheProduct', 'ChurnRate', 'ReduceChurn']) assert.ok(!ids.includes(id), id);
        });

        it('prints the golden Mermaid of one program', () => {
            const text = graph(['--focus', 'ChurnPilot']);
            assert.ok(!text.includes('WinRate'));
            assert.ok(!text.includes('subgraph col_activity'), 'empty columns are left out');
            assertGolden('graph-focus-churn-pilot.mmd', text);
        });

        it('takes a qualified name, and refuses an ambiguous simple name with exit 2', () => {
            const dir = tempDir();
            writeFile(dir, 't.align', TWO_PROGRAMS_ALIGN);
            const first = JSON.parse(graph(['--format', 'json', '--focus', 'P1.Out'], dir)) as ImpactGraph;
            assert.ok(first.nodes.some(n => n.id === 'P1.Out') && !first.nodes.some(n => n.id === 'P2.Out'));
            assert.equal(assertOneLineFailure(runCli(['graph', '--focus', 'Out'], { cwd: dir }), '--focus Out'), 'align: --focus Out: ambiguous; give a qualified name: P1.Out, P2.Out');
        });

        it('an ambiguous name that many programs hold lists them all, sorted and wrapped to 80 columns', () => {
            const dir = tempDir();
            const programs = Array.from({ length: 12 }, (_, i) => `program LongProgramName${i} "P ${i}" {\n  outcome Out "Out" {\n    owner "COO"\n  }\n}\n`);
            writeFile(dir, 't.align', programs.join(''));
            const line = assertOneLineFailure(runCli(['graph', '--focus', 'Out'], { cwd: dir }), '--focus Out: ambiguous; give a qualified name: ');
            const ids = programs.map((_, i) => `LongProgramName${i}.Out`).sort((a, b) => a.localeCompare(b, 'en'));
            assert.equal(line, `align: --focus Out: ambiguous; give a qualified name: ${ids.join(', ')}`);
        });

        it('exits 2 with one message naming an unknown name and every known program and outcome, sorted', () => {
            const known = (JSON.parse(graph(['--format', 'json'])) as ImpactGraph).nodes.filter(n => n.kind === 'program' || n.kind === 'outcome').map(n => n.id);
            const sorted = [...known].sort((a, b) => a.localeCompare(b, 'en'));
            assert.ok(known.length > 3, 'enough names to need some lines');
            for (const name of ['NoSuchProgram', 'Q'.repeat(60)]) {
                const result = runCli(['graph', '--focus', name], { cwd: EXAMPLES });
                const line = assertOneLineFailure(result, name);
                assert.equal(line, `align: --focus ${name}: no such program or outcome (${known.length} known: ${sorted.join(', ')})`);
                assert.ok(result.stderr.split('\n').length > 2, `wrapped over lines: ${result.stderr}`);
            }
            for (const format of ['dot', 'json', 'svg']) assertOneLineFailure(runCli(['graph', '--format', format, '--focus', 'Nope'], { cwd: EXAMPLES }), 'Nope', 'SaferPlants');
            // A typo (or the wrong case) gets a did-you-mean instead of the list.
            for (const typo of ['ChurnPilt', 'churnpilot']) {
                const suggested = assertOneLineFailure(runCli(['graph', '--focus', typo], { cwd: EXAMPLES }), `--focus ${typo}`);
                assert.equal(suggested, `align: --focus ${typo}: no such program or outcome; did you mean 'ChurnPilot'?`);
            }
        });

        it('past 40 known names lists the first 40 and says how to see the rest', () => {
            const dir = tempDir();
            const programs = Array.from({ length: 45 }, (_, i) => `program P${String(i).padStart(2, '0')} "P ${i}" {\n}\n`);
            writeFile(dir, 't.align', programs.join(''));
            const line = assertOneLineFailure(runCli(['graph', '--focus', 'Nowhere'], { cwd: dir }), '--focus Nowhere');
            const first = Array.from({ length: 40 }, (_, i) => `P${String(i).padStart(2, '0')}`);
            assert.equal(line, `align: --focus Nowhere: no such program or outcome (45 known: ${first.join(', ')} and 5 more; align graph --format json lists them all)`);
        });

        it('exits 2 for a name that is not a program or outcome', () => {
            assertOneLineFailure(runCli(['graph', '--focus', 'WinRate'], { cwd: EXAMPLES }), "'WinRate' is a metric, not a program or outcome");
            assertOneLineFailure(runCli(['graph', '--focus', 'DiscoveryBootcamp.ForecastCategories'], { cwd: EXAMPLES }), "is an objective, not a program or outcome");
            assertOneLineFailure(runCli(['graph', '--focus', ''], { cwd: EXAMPLES }), '--focus');
        });
    });

    describe('options and exit status', () => {
        it('exits 0 although the examples have errors (the graph is the result)', () => {
            assert.equal(runCli(['check', '.'], { cwd: EXAMPLES }).status, 1);
            assert.equal(runCli(['graph', '.'], { cwd: EXAMPLES }).status, 0);
        });

        it('exits 0 on files with syntax errors, but names each on stderr: first error at line:column, count, then align check', () => {
            const dir = tempDir();
            writeFile(dir, 'broken.align', 'program Beta "B" {\n  sponsor "x"\n  serves\n');
            writeFile(dir, 'sub/two.align', 'skill A "a" {\n  assessed by\n}\nskill B "b" {\n  assessed by\n}\n');
            writeFile(dir, 'ok.align', 'skill C "c"\n');
            const result = runCli(['graph', '--output', path.join(dir, 'impact.mmd')], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, '');
            const lines = linesOf(result.stderr);
            assert.equal(lines.length, 3, result.stderr);
            assert.equal(lines[0], 'broken.align:3:9: Expected a name, but found the end of the… (1 syntax error)', 'the message cut to 80 columns, after a word');
            assert.equal(lines[1], 'sub/two.align:3:1: Expected a "quoted string", but found `}` (2 syntax errors)');
            assert.equal(lines[2], 'align: the graph leaves out what could not be read; run align check');
            for (const line of lines) assert.ok(line.length <= 80, `longer than 80 columns: ${line}`);
            assert.equal(runCli(['graph', 'ok.align'], { cwd: dir }).stderr, '', 'nothing for a file without syntax errors');
            // align report says the same on stderr (it says it inside the report too), and both name invalid settings.
            const report = runCli(['report', '--output', path.join(dir, 'review.md')], { cwd: dir });
            assert.equal(report.status, 0, report.stderr);
            assert.deepEqual(linesOf(report.stderr), [...lines.slice(0, 2), 'align: the report leaves out what could not be read; run align check']);
            writeFile(dir, 'align.config.json', '{ "rules": { "metric-unsued": "warn" } }');
            for (const command of ['graph', 'report']) {
                const settings = runCli([command, 'ok.align', '--output', path.join(dir, `out-${command}`)], { cwd: dir });
                assert.equal(settings.status, 0, settings.stderr);
                assert.deepEqual(linesOf(settings.stderr), [
                    'align.config.json:1:14: unknown rule id "metric-unsued"; did you… (1 problem)',
                    `align: the ${command} ignores the invalid settings; run align check`
                ]);
            }
        });

        it('--output writes the file and prints nothing', () => {
            const dir = tempDir();
            const file = path.join(dir, 'impact.mmd');
            const result = runCli(['graph', EXAMPLES, '--output', file]);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, '');
            assert.equal(fs.readFileSync(file, 'utf-8'), graph([]));
        });

        it('is a usage error (exit 2, one line) for a bad format, an unwritable output, a missing path', () => {
            assertOneLineFailure(runCli(['graph', '--format', 'png'], { cwd: EXAMPLES }), "--format: unknown format 'png'", 'mermaid, dot, json, svg');
            const made = path.join(tempDir(), 'no', 'such', 'x.mmd');
            assert.equal(runCli(['graph', '--output', made], { cwd: EXAMPLES }).status, 0, 'a missing folder is made');
            assert.equal(fs.readFileSync(made, 'utf-8'), graph([]));
            assertOneLineFailure(runCli(['graph', '--output', path.join(made, 'x.mmd')], { cwd: EXAMPLES }), '--output', 'cannot be written (a file is in the way of its folder');
            assertOneLineFailure(runCli(['graph', 'no-such-folder'], { cwd: EXAMPLES }), 'no-such-folder');
            assertOneLineFailure(runCli(['graph', '--bogus'], { cwd: EXAMPLES }), '--bogus');
        });

        it('reads the same settings as check (--rule changes the findings behind the badges)', () => {
            const svg = graph(['--format', 'svg', '--rule', 'objective-without-kpi=off', '--rule', 'activity-only-link=off', '--rule', 'objective-without-practice=off', '--rule', 'unexplained-kpi-link=off']);
            const flagged = svgNodes(svg).filter(g => g.attributes['class']!.includes('has-findings')).map(g => g.attributes['data-id']);
            assert.ok(!flagged.includes('DiscoveryBootcamp.KnowTheProduct'), flagged.join(', '));
        });
    });
});

describe('progress on a terminal', () => {
    before(requireBundle);
    after(removeTempDirs);

    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf-8' }).status === 0;

    /** A workspace of `files` small files, clean of errors. */
    function manyFiles(files: number): string {
        const dir = tempDir();
        for (let i = 0; i < files; i++) writeFile(dir, `f${String(i).padStart(4, '0')}.align`, `skill S${i} "Skill ${i}"\n`);
        return dir;
    }

    /** Runs the CLI under `script`, so that its standard streams are a terminal; returns what the terminal got. */
    function onTerminal(args: readonly string[], cwd: string): string {
        const command = [process.execPath, BIN, ...args].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
        const result = spawnSync('script', ['-qec', `${command} > /dev/null`, '/dev/null'], { cwd, encoding: 'utf-8', timeout: 60_000 });
        return String(result.stdout);
    }

    for (const args of [['check'], ['graph'], ['report', '--date', '2026-04-01'], ['fmt', '--check']]) {
        it(`align ${args[0]} shows "align: ... N/N files" updated in place on a TTY over 200 files, and never into a pipe`, function () {
            if (!hasScript) this.skip();
            this.timeout(120_000);
            const dir = manyFiles(201);
            const terminal = onTerminal(args, dir);
            assert.match(terminal, /\r\x1b\[2Kalign: (checked|formatted) 201\/201 files/, JSON.stringify(terminal.slice(0, 300)));
            assert.ok(terminal.endsWith('\r\x1b[2K'), 'the line is cleared at the end');
            const piped = runCli(args, { cwd: dir });
            assert.equal(piped.stderr, '', 'no progress when stderr is not a terminal');
        });
    }

    it('is not shown for 200 files or fewer', function () {
        if (!hasScript) this.skip();
        this.timeout(120_000);
        const dir = manyFiles(200);
        assert.ok(!onTerminal(['check'], dir).includes('align: '));
    });
});

describe('help of graph, report, init and fmt', () => {
    before(requireBundle);

    const OPTIONS: Record<string, string[]> = {
        graph: ['--format', 'mermaid', 'dot', 'json', 'svg', '--focus', '--direction', '--output', '--config', '--rule'],
        report: ['--format', 'md', 'html', '--output', '--date', '--config', '--rule'],
        init: ['--output', '--force', '--date', 'my-program.align', 'MyProgram'],
        fmt: ['--check', 'file:line:column']
    };

    for (const [command, options] of Object.entries(OPTIONS)) {
        for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
            it(`${args.join(' ')} prints the command's usage and options, exits 0 and does nothing else`, () => {
                const dir = tempDir();
                const result = runCli(args, { cwd: dir });
                assert.equal(result.status, 0);
                assert.equal(result.stderr, '');
                assert.ok(result.stdout.startsWith(`Usage: align ${command} `), result.stdout);
                for (const option of options) assert.ok(result.stdout.includes(option), option);
                assert.deepEqual(fs.readdirSync(dir), [], 'nothing written');
            });
        }
    }

    it('align --help lists every command', () => {
        const help = runCli(['--help']).stdout;
        for (const command of ['check', 'graph', 'report', 'init', 'fmt']) assert.match(help, new RegExp(`^  ${command} `, 'm'), command);
    });

    it('align help with an unknown command is a usage error', () => {
        assertOneLineFailure(runCli(['help', 'deploy']), "unknown command 'deploy'");
    });
});
