/**
 * Incremental analysis against a fresh build, in memory through the real
 * document builder: a workspace is built once, then random edits are
 * applied one file at a time with `DocumentBuilder.update` (as the language
 * server does on each change). After every edit, every document's
 * diagnostics (range, severity, rule and message) and the whole impact graph
 * (nodes, edges and figures, in order) must equal those of a fresh build of
 * the same texts. Seeded: see helpers/fuzz-config.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { URI, type Reference } from 'langium';
import * as path from 'node:path';
import type { AlignDocumentFactory } from '../../language/align-document-factory.js';
import { createAlignServices, type AlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { TEST_ROOT } from '../unit/helpers/check-workspace.js';
import { MemoryFileSystem } from '../unit/helpers/memory-file-system.js';
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { makeTempDir } from '../temp-dirs.js';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { workspaceArb } from './helpers/models.js';
import { anyEditArb, applyAny } from './helpers/typing-edits.js';
import { applyEdit, editArb, fixtureFiles, type Edit } from './helpers/vocabulary.js';

/** A workspace kept in memory and updated file by file, as the server keeps it. */
class IncrementalWorkspace {
    readonly files: Record<string, string>;
    readonly services: AlignServices;

    private constructor(files: Readonly<Record<string, string>>) {
        this.files = { ...files };
        const fileSystem = new MemoryFileSystem(TEST_ROOT, this.files);
        this.services = createAlignServices({ fileSystemProvider: () => fileSystem, host: HOST_WITHOUT_LINKS }).Align;
        this.services.align.Settings.workspaceRoot = TEST_ROOT;
    }

    static async build(files: Readonly<Record<string, string>>): Promise<IncrementalWorkspace> {
        const workspace = new IncrementalWorkspace(files);
        const shared = workspace.services.shared.workspace;
        const documents = Object.entries(files).filter(([name]) => name.endsWith('.align')).map(([name, text]) => {
            const document = shared.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`));
            shared.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.DocumentBuilder.build(documents, { validation: true });
        return workspace;
    }

    /**
     * Gives a file new text and updates the workspace as the server does
     * after an edit. The file holds it as UTF-8, as a file on disk does: a
     * lone surrogate an edit left (cutting a pair) is U+FFFD, for the server
     * reads the file's bytes (language/files/decode-source.ts).
     */
    async edit(name: string, text: string): Promise<void> {
        this.files[name] = Buffer.from(text, 'utf-8').toString('utf-8');
        await this.services.shared.workspace.DocumentBuilder.update([URI.file(`/ws/${name}`)], []);
    }

    /** Every diagnostic as `file line:col-line:col severity rule message`, sorted. */
    diagnostics(): string[] {
        return this.services.shared.workspace.LangiumDocuments.all.toArray().flatMap(d => (d.diagnostics ?? []).map(x =>
            `${d.uri.path} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.severity} ${String(x.code)} ${String(x.message)}`)).sort();
    }

    /** Resolved references whose description names another place than their target's (path or name range), as `file: text`. */
    staleDescriptions(): string[] {
        const locator = this.services.workspace.AstNodeLocator;
        const names = this.services.references.NameProvider;
        return this.services.shared.workspace.LangiumDocuments.all.toArray().flatMap(d => d.references.flatMap(r => {
            const ref = r as Reference;
            const target = ref.ref;
            const description = ref.$nodeDescription;
            if (!target || !description) return [];
            const range = names.getNameNode(target)?.range;
            const same = description.path === locator.getAstNodePath(target) && JSON.stringify(description.nameSegment?.range) === JSON.stringify(range);
            return same ? [] : [`${d.uri.path}: ${ref.$refText} -> ${description.path}`];
        }));
    }

    /** Updates whose document was parsed again in part (language/incremental-parse.ts). */
    partialParses(): number {
        return (this.services.shared.workspace.LangiumDocumentFactory as AlignDocumentFactory).parses.partial;
    }

    async graph(): Promise<string> {
        return JSON.stringify((await this.services.align.Graph.getIndex()).graph);
    }
}

async function freshOf(files: Readonly<Record<string, string>>): Promise<{ diagnostics: string[]; graph: string }> {
    const fresh = await IncrementalWorkspace.build(files);
    return { diagnostics: fresh.diagnostics(), graph: await fresh.graph() };
}

/** Applies the edits one by one and compares with a fresh build after each. */
async function checkSequence(start: Readonly<Record<string, string>>, edits: readonly Edit[], figures: { edits: number }): Promise<void> {
    const names = Object.keys(start).filter(n => n.endsWith('.align')).sort();
    const workspace = await IncrementalWorkspace.build(start);
    for (const [step, edit] of edits.entries()) {
        const name = names[edit.file % names.length]!;
        await workspace.edit(name, applyEdit(workspace.files[name]!, edit));
        figures.edits++;
        const fresh = await freshOf(workspace.files);
        assert.deepEqual(workspace.diagnostics(), fresh.diagnostics, `diagnostics after edit ${step + 1} (${edit.kind} of ${name})`);
        assert.equal(await workspace.graph(), fresh.graph, `impact graph after edit ${step + 1} (${edit.kind} of ${name})`);
    }
}

describe('reliability: incremental analysis equals a fresh build', function () {
    this.timeout(Math.max(600_000, runsOf(60) * 20_000));
    before(() => announceSeed());

    it('the fixtures: random edit sequences, file by file', async () => {
        const fixtures = fixtureFiles();
        const figures = { edits: 0 };
        await fc.assert(
            fc.asyncProperty(fc.array(editArb(5), { minLength: 1, maxLength: 8 }), async edits => checkSequence(fixtures, edits, figures)),
            fuzzParameters(40),
        );
        report(`fixture sequences: ${figures.edits} incremental updates, each equal to a fresh build`);
    });

    it('random grammatical workspaces: random edit sequences, file by file', async () => {
        const figures = { edits: 0 };
        await fc.assert(
            fc.asyncProperty(workspaceArb, fc.array(editArb(3), { minLength: 1, maxLength: 6 }), async (files, edits) => checkSequence(files, edits, figures)),
            fuzzParameters(40),
        );
        report(`grammatical sequences: ${figures.edits} incremental updates, each equal to a fresh build`);
    });

    it('a generated 600-element workspace in 4 files: typing, each file parsed again in part where it can be', async () => {
        const generated = generateWorkspace({ elements: 600, files: 4, dir: makeTempDir('align-incremental-fuzz-') });
        const start = Object.fromEntries(generated.files.map(f => [path.relative(generated.dir, f.path), f.text]));
        const names = Object.keys(start).sort();
        const figures = { edits: 0, partial: 0 };
        await fc.assert(
            fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: names.length - 1 }), anyEditArb), { minLength: 1, maxLength: 4 }), async edits => {
                const workspace = await IncrementalWorkspace.build(start);
                for (const [step, [file, edit]] of edits.entries()) {
                    const name = names[file]!;
                    await workspace.edit(name, applyAny(workspace.files[name]!, edit));
                    figures.edits++;
                    const fresh = await freshOf(workspace.files);
                    assert.deepEqual(workspace.diagnostics(), fresh.diagnostics, `diagnostics after edit ${step + 1} (${edit.kind} of ${name})`);
                    assert.equal(await workspace.graph(), fresh.graph, `impact graph after edit ${step + 1} (${edit.kind} of ${name})`);
                    assert.deepEqual(workspace.staleDescriptions(), [], `references after edit ${step + 1} (${edit.kind} of ${name})`);
                }
                figures.partial += workspace.partialParses();
            }),
            fuzzParameters(25),
        );
        report(`generated workspace: ${figures.edits} incremental updates (${figures.partial} parsed in part), each equal to a fresh build`);
        assert.ok(figures.partial > figures.edits / 4, `${figures.partial} of ${figures.edits} updates parsed in part`);
    });

    it('declarations swapped within a file: the order of edges, and of what derives from it, follows', async () => {
        const behavior = (name: string) => `  behavior ${name} "b" { enabled by S moves K observed by peer }\n`;
        const text = (first: string, second: string) => `metric K "k" { kind leading }\nprogram P "p" {\n  skill S "s"\n${behavior(first)}${behavior(second)}  objective O "o" { builds S practice case "x" }\n}\n`;
        await checkSequence({ 'a.align': text('B1', 'B2') }, [], { edits: 0 });
        const workspace = await IncrementalWorkspace.build({ 'a.align': text('B1', 'B2'), 'b.align': 'skill T "t"\n' });
        await workspace.edit('a.align', text('B2', 'B1'));
        const fresh = await freshOf(workspace.files);
        assert.equal(await workspace.graph(), fresh.graph);
        assert.deepEqual(JSON.parse(await workspace.graph()).nodes.find((n: { id: string }) => n.id === 'P.O').objective.behaviors, ['P.B2', 'P.B1']);
    });

    it('an isolate whose KPI and control group live in other files: edits there reach the ROI and the isolation findings', async () => {
        const program = 'program P "p" {\n  window 2026-01-01 to 2026-12-31\n  cost 1000 USD\n  objective O "o" { kpi K practice case "c" }\n  isolate K by control-group C\n}\n';
        const kpi = 'metric K "k" { kind lagging unit percent direction up baseline 10 value 100 USD per point source "s" owner "o" }\nactuals K { 2026-06: 20 }\n';
        const control = (unit: string, rows: string) => `metric C "c" { kind activity unit ${unit} direction up baseline 10 }\n${rows}`;
        const steps: Array<[string, string]> = [
            ['c.align', control('count', 'actuals C { 2026-06: 15 }\n')],
            ['c.align', control('percent', '')],
            ['c.align', 'metric D "d" { kind activity }\n'],
            ['c.align', control('percent', 'actuals C { 2026-06: 12 }\n')],
            ['k.align', kpi.replace('value 100 USD per point ', '')],
            ['k.align', kpi.replace('baseline 10', 'baseline 11')],
            ['p.align', program.replace('control-group C', 'trend')],
            ['p.align', program.replace('isolate K by control-group C', 'isolate Q by trend')],
            ['p.align', program],
        ];
        const workspace = await IncrementalWorkspace.build({ 'p.align': program, 'k.align': kpi, 'c.align': control('percent', 'actuals C { 2026-06: 12 }\n') });
        const fresh0 = await freshOf(workspace.files);
        assert.deepEqual(workspace.diagnostics(), fresh0.diagnostics);
        const roiOf = async () => JSON.parse(await workspace.graph()).nodes.find((n: { id: string }) => n.id === 'P').programFigures.roi;
        assert.equal((await roiOf()).attribution[0].attributedChange, 8, 'K moved 10, C moved 2');
        const seen = new Set<string>();
        for (const [name, text] of steps) {
            await workspace.edit(name, text);
            const fresh = await freshOf(workspace.files);
            assert.deepEqual(workspace.diagnostics(), fresh.diagnostics, `diagnostics after the edit of ${name}`);
            assert.equal(await workspace.graph(), fresh.graph, `impact graph after the edit of ${name}`);
            for (const d of fresh.diagnostics) seen.add(d.split(' ')[3]!);
        }
        for (const rule of ['isolation-invalid', 'metric-unused', 'roi-without-isolation']) assert.ok(seen.has(rule), `the steps reach ${rule}`);
    });

    it('a control group whose latest actual is dated before the program\'s start: edits of its actuals, in another file, or of the start reach the ROI', async () => {
        const program = (start: string) => `program P "p" {\n  window ${start} to 2026-12-31\n  cost 1000 USD\n  objective O "o" { kpi K practice case "c" }\n  isolate K by control-group C\n}\n`;
        const kpi = 'metric K "k" { kind lagging unit percent direction up baseline 10 value 100 USD per point source "s" owner "o" }\nactuals K { 2026-06: 20 }\n';
        const control = (rows: string) => `metric C "c" { kind lagging unit percent direction up baseline 10 }\nactuals C { ${rows} }\n`;
        const late = (start: string) => `an actual of K's control group C dated on or after the program's start, ${start} (the latest is 2025-12)`;
        // [file, text, the ROI's missing terms after the edit]
        const steps: Array<[string, string, string[]]> = [
            ['c.align', control('2025-12: 12'), [late('2026-01-01')]],
            ['p.align', program('2025-12-01'), []],
            ['p.align', program('2026-01-01'), [late('2026-01-01')]],
            ['c.align', control('2025-12: 12\n 2026-06: 12'), []],
            ['p.align', program('2026-02-01'), []],
            ['c.align', control('2025-12: 12'), [late('2026-02-01')]]
        ];
        const workspace = await IncrementalWorkspace.build({ 'p.align': program('2026-01-01'), 'k.align': kpi, 'c.align': control('2026-06: 12') });
        const roiOf = async () => JSON.parse(await workspace.graph()).nodes.find((n: { id: string }) => n.id === 'P').programFigures.roi;
        assert.deepEqual((await roiOf()).missing, []);
        for (const [name, text, missing] of steps) {
            await workspace.edit(name, text);
            const fresh = await freshOf(workspace.files);
            assert.deepEqual(workspace.diagnostics(), fresh.diagnostics, `diagnostics after the edit of ${name}`);
            assert.equal(await workspace.graph(), fresh.graph, `impact graph after the edit of ${name}`);
            assert.deepEqual((await roiOf()).missing, missing, `the ROI's missing terms after the edit of ${name}`);
        }
    });

    it('a control group without baseline, its actuals in a third file: the isolate that names it, added or removed, reaches their findings', async () => {
        // language.md: a control group's baseline is its first actual when it has none, so its actuals are not `actuals-invalid`; another metric's are.
        const program = (isolate: string) => `program P "p" {\n  window 2026-01-01 to 2026-12-31\n  cost 1000 USD\n  objective O "o" { kpi K practice case "c" }\n${isolate}}\n`;
        const files = {
            'p.align': program('  isolate K by control-group C\n'),
            'k.align': 'metric K "k" { kind lagging unit percent direction up baseline 10 value 100 USD per point source "s" owner "o" }\nactuals K { 2026-06: 20 }\n',
            'c.align': 'metric C "c" { kind lagging unit percent direction up }\n',
            'd.align': 'actuals C { 2026-01: 10\n 2026-06: 12 }\n'
        };
        const workspace = await IncrementalWorkspace.build(files);
        const invalid = () => workspace.diagnostics().filter(d => d.startsWith('/ws/d.align ') && d.includes(' actuals-invalid '));
        assert.deepEqual(invalid(), []);
        for (const [text, count] of [[program(''), 1], [program('  isolate K by control-group C\n'), 0]] as const) {
            await workspace.edit('p.align', text);
            assert.deepEqual(workspace.diagnostics(), (await freshOf(workspace.files)).diagnostics, `diagnostics after the edit of p.align (${count ? 'isolate removed' : 'isolate back'})`);
            assert.equal(invalid().length, count);
        }
    });

    // A file parsed again keeps the figures of declarations written as before (language/graph/rewritten-ids.ts): these two edits change
    // figures of declarations whose own text stays the same, which the random sequences above do not reach.
    it('a program\'s window moves: the trajectory of a metric it declares follows, the metric\'s text unchanged', async () => {
        // The actuals live in another file: an actuals block in the file parsed again would have the metric figured again anyway.
        const text = (start: string) => `program P "p" {\n  window ${start} to 2026-12-31\n  metric K "k" { kind lagging unit percent direction up baseline 10 target 20 by 2026-12-31 }\n}\n`;
        const workspace = await IncrementalWorkspace.build({ 'a.align': text('2026-01-01'), 'b.align': 'actuals P.K { 2026-06: 14 }\n' });
        const trajectory = async () => JSON.parse(await workspace.graph()).nodes.find((n: { id: string }) => n.id === 'P.K').metric.trajectoryStart;
        assert.equal(await trajectory(), '2026-01-01');
        await workspace.edit('a.align', text('2026-03-01'));
        assert.equal(await workspace.graph(), (await freshOf(workspace.files)).graph);
        assert.equal(await trajectory(), '2026-03-01');
    });

    it('a member renumbered by a duplicate above it: its program\'s chain follows, the program\'s text unchanged', async () => {
        const ours = 'program P "second" {\n  toolkit M "m"\n}\n';
        const workspace = await IncrementalWorkspace.build({ 'a.align': `program P "first" {\n  toolkit X "x"\n}\n${ours}` });
        const chain = async () => JSON.parse(await workspace.graph()).nodes.find((n: { id: string }) => n.id === 'P#2').programFigures.chain;
        assert.deepEqual(await chain(), ['P#2', 'P.M']);
        await workspace.edit('a.align', `program P "first" {\n  toolkit X "x"\n  toolkit M "m"\n}\n${ours}`);
        assert.equal(await workspace.graph(), (await freshOf(workspace.files)).graph);
        assert.deepEqual(await chain(), ['P#2', 'P.M#2']);
    });

    it('the comparison itself sees a difference', async () => {
        const fixtures = fixtureFiles();
        const workspace = await IncrementalWorkspace.build(fixtures);
        const reviewed = await freshOf({ ...fixtures, 'safety.align': fixtures['safety.align']!.replace('review', 'reviewed') });
        assert.notDeepEqual(workspace.diagnostics(), reviewed.diagnostics, 'a syntax error');
        const retitled = await freshOf({ ...fixtures, 'catalog/metrics.align': fixtures['catalog/metrics.align']!.replace('Monthly logo churn', 'Monthly churn') });
        assert.notEqual(await workspace.graph(), retitled.graph, 'a title');
    });
});
