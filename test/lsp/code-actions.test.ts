import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';



/** The edits of a workspace edit for one file (`changes` or `documentChanges`). */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    const fromChanges = edit?.changes?.[uri] ?? [];
    const fromDocuments = (edit?.documentChanges ?? []).flatMap(c => 'textDocument' in c && c.textDocument.uri === uri ? c.edits as TextEdit[] : []);
    return [...fromChanges, ...fromDocuments];
}

describe('language server: quick fixes over LSP', function () {
    this.timeout(30000);
    const file = (name: string) => ws.file(name);
    const opened = new Set<string>();

    const ws = withExamplesSession('actions', { eachTest: true });
    beforeEach(() => { opened.clear(); });

    /** Waits for the diagnostic of `rule` on a 1-based line. */
    async function diagnosticAt(name: string, rule: string, line: number): Promise<Diagnostic> {
        const all = await ws.session.diagnosticsOf(file(name), d => d.some(x => x.code === rule && x.range.start.line === line - 1));
        return all.find(x => x.code === rule && x.range.start.line === line - 1)!;
    }

    /** The fixes for a diagnostic, without `Disable <rule> for this line` (quick-fix-suppress.test.ts). */
    async function codeActions(name: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
        const actions = await ws.session.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: uriOf(file(name)) }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        return actions.filter(a => !a.title.startsWith('Disable '));
    }

    /** Replaces a file's text on disk and in the editor (opening it once). */
    async function edit(name: string, text: string): Promise<void> {
        fs.writeFileSync(file(name), text);
        if (!opened.has(name)) {
            opened.add(name);
            await ws.session.open(file(name), text);
        } else {
            await ws.session.change(file(name), text);
        }
    }

    /** Applies an action's edits to every file it touches and returns the new text of each. */
    async function apply(action: CodeAction): Promise<Map<string, string>> {
        const texts = new Map<string, string>();
        const uris = new Set([...Object.keys(action.edit?.changes ?? {}),
            ...(action.edit?.documentChanges ?? []).flatMap(c => 'textDocument' in c ? [c.textDocument.uri] : [])]);
        for (const uri of uris) {
            const name = path.relative(ws.root, fileURLToPath(uri));
            const text = applyEdits(fs.readFileSync(file(name), 'utf-8'), editsFor(action.edit, uri));
            await edit(name, text);
            texts.set(name, text);
        }
        return texts;
    }

    function assertQuickFix(action: CodeAction, diagnostic: Diagnostic): void {
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [diagnostic]);
        assert.ok(action.edit?.changes || action.edit?.documentChanges, 'has a workspace edit');
    }

    it('links an objective without KPI to the KPI of its program\'s outcome, saying the link is asserted, and the finding goes away', async () => {
        const diagnostic = await diagnosticAt('sales-win-rate.align', 'objective-without-kpi', 68);
        const actions = await codeActions('sales-win-rate.align', diagnostic);
        assert.equal(actions[0]!.title, 'Link to KPI WinRate (asserted, not explained)');
        assert.equal(actions[0]!.isPreferred, true);
        assert.equal(actions[1]!.title, 'Link to KPI PipelineHygiene (asserted, not explained)');
        assert.ok(actions.length <= 8 && actions.some(a => a.title === 'Link to KPI ChurnPilot.RepeatContactRate (asserted, not explained)'), actions.map(a => a.title).join());
        assert.ok(actions.filter(a => a.isPreferred).length === 1);
        actions.forEach(a => assertQuickFix(a, diagnostic));
        const texts = await apply(actions[0]!);
        assert.match(texts.get('sales-win-rate.align')!,
            /objective KnowTheProduct "List the product's features" \{\n {4}practice case "Feature quiz"\n {4}kpi WinRate\n {2}\}/);
        const after = await ws.session.diagnosticsOf(file('sales-win-rate.align'), d => !d.some(x => x.code === 'objective-without-kpi'));
        const asserted = after.filter(x => x.code === 'unexplained-kpi-link' && x.range.start.line === 69);
        assert.equal(asserted.length, 1, 'the title\'s "asserted, not explained" is the info the link leaves');
        assert.equal(asserted[0]!.severity, 3);
    });

    it('extends an existing kpi list for an activity-only link', async () => {
        const diagnostic = await diagnosticAt('sales-win-rate.align', 'activity-only-link', 73);
        const actions = await codeActions('sales-win-rate.align', diagnostic);
        assert.equal(actions[0]!.title, 'Link to KPI WinRate (asserted, not explained)');
        assertQuickFix(actions[0]!, diagnostic);
        const texts = await apply(actions[0]!);
        const text = texts.get('sales-win-rate.align')!;
        assert.ok(text.includes('    kpi CompletionRate, WinRate\n'));
        assert.equal(text.match(/^\s*kpi /gm)!.length, 2, 'no second kpi line');
        const after = await ws.session.diagnosticsOf(file('sales-win-rate.align'), d => !d.some(x => x.code === 'activity-only-link'));
        assert.ok(!after.some(x => x.code === 'syntax'));
    });

    it('creates the metric an unresolved `moves` names, at the end of the program, and the reference resolves', async () => {
        const name = 'sales-win-rate.align';
        const text = fs.readFileSync(file(name), 'utf-8').replace('moves PipelineHygiene', 'moves PipelineHygiene, Typo');
        await edit(name, text);
        const diagnostic = await diagnosticAt(name, 'unresolved-reference', 46);
        const actions = await codeActions(name, diagnostic);
        assert.deepEqual(actions.map(a => a.title), ['Create metric Typo']);
        assertQuickFix(actions[0]!, diagnostic);
        const texts = await apply(actions[0]!);
        assert.match(texts.get(name)!, /\n {2}\}\n\n {2}metric Typo "Typo" \{\n {4}kind leading\n[^}]*target 1 by 2026-12-31\n[^}]*cadence monthly\n {2}\}\n\}\n$/);
        const after = await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'unresolved-reference'));
        for (const rule of ['syntax', 'duplicate-name', 'deadline-outside-window', 'metric-without-source', 'metric-without-owner', 'target-against-direction']) {
            assert.ok(!after.some(x => x.code === rule), rule);
        }
    });

    it('creates a top-level metric after the enclosing declaration, lagging for `measured by`', async () => {
        const name = 'onboarding.align';
        const text = fs.readFileSync(file(name), 'utf-8').replace('measured by TimeToProductivity, TicketQuality', 'measured by TimeToProductivity, TicketQuality, CsatNewHires');
        await edit(name, text);
        const diagnostic = await diagnosticAt(name, 'unresolved-reference', 17);
        const [action] = await codeActions(name, diagnostic);
        assert.equal(action!.title, 'Create metric CsatNewHires');
        const texts = await apply(action!);
        assert.match(texts.get(name)!, /TicketQuality, CsatNewHires\n\}\n\nmetric CsatNewHires "Csat new hires" \{\n {2}kind lagging\n/);
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'unresolved-reference' || x.code === 'syntax'));
    });

    it('creates a skill inside the program a qualified reference names, in that program\'s file, and nothing for an unknown program', async () => {
        const name = 'onboarding.align';
        const text = fs.readFileSync(file(name), 'utf-8')
            .replace('enabled by ToolFluency, ProductKnowledge', 'enabled by ToolFluency, ProductKnowledge, ChurnPilot.Empathy, NoSuchProgram.Empathy');
        await edit(name, text);
        const all = await ws.session.diagnosticsOf(file(name), d => d.filter(x => x.code === 'unresolved-reference').length === 2);
        const [known, unknown] = all.filter(x => x.code === 'unresolved-reference').sort((a, b) => a.range.start.character - b.range.start.character);
        assert.deepEqual(await codeActions(name, unknown!), []);
        const [action] = await codeActions(name, known!);
        assert.equal(action!.title, 'Create skill ChurnPilot.Empathy');
        const texts = await apply(action!);
        assert.match(texts.get('churn-pilot.align')!, /\n {2}skill Empathy "Empathy" \{\n {4}assessed by "[^"]+"\n {2}\}\n\}\n$/);
        await ws.session.diagnosticsOf(file(name), d => d.filter(x => x.code === 'unresolved-reference').length === 1);
    });

    it('adds a source to a KPI without one', async () => {
        const diagnostic = await diagnosticAt('safety.align', 'metric-without-source', 26);
        const actions = await codeActions('safety.align', diagnostic);
        assert.equal(actions.length, 1);
        assertQuickFix(actions[0]!, diagnostic);
        const texts = await apply(actions[0]!);
        assert.match(texts.get('safety.align')!, /drives RecordableIncidents\n {4}source "[^"]+"\n {2}\}/);
        await ws.session.diagnosticsOf(file('safety.align'), d => !d.some(x => x.code === 'metric-without-source'));
    });

    it('adds a sponsor to a program without one, after its attributes', async () => {
        const diagnostic = await diagnosticAt('onboarding.align', 'program-without-sponsor', 30);
        const actions = await codeActions('onboarding.align', diagnostic);
        assert.equal(actions.length, 1);
        assertQuickFix(actions[0]!, diagnostic);
        const texts = await apply(actions[0]!);
        assert.match(texts.get('onboarding.align')!, /\n {2}review monthly\n {2}sponsor "[^"]+"\n\n {2}metric SandboxScore/);
        await ws.session.diagnosticsOf(file('onboarding.align'), d => !d.some(x => x.code === 'program-without-sponsor'));
    });

    it('shortens a pilot that runs too long to the longest allowed, keeping its start, in weeks when written in weeks', async () => {
        const diagnostic = await diagnosticAt('onboarding.align', 'pilot-too-long', 34);
        const actions = await codeActions('onboarding.align', diagnostic);
        assert.deepEqual(actions.map(a => [a.title, a.isPreferred]), [['Shorten the pilot to 90 days', true]]);
        assertQuickFix(actions[0]!, diagnostic);
        const texts = await apply(actions[0]!);
        assert.ok(texts.get('onboarding.align')!.includes('\n  pilot 90 days from 2026-05-04\n'), texts.get('onboarding.align'));
        await ws.session.diagnosticsOf(file('onboarding.align'), d => !d.some(x => x.code === 'pilot-too-long'));
        // Written in weeks: 90 days is no whole number of weeks, so days; in months, days too.
        for (const [written, fixed] of [['20 weeks', '90 days'], ['4 months', '90 days']]) {
            await edit('onboarding.align', texts.get('onboarding.align')!.replace('pilot 90 days', `pilot ${written}`));
            const again = await diagnosticAt('onboarding.align', 'pilot-too-long', 34);
            const [fix] = await codeActions('onboarding.align', again);
            assert.equal(fix!.title, `Shorten the pilot to ${fixed}`, written);
            assert.ok((await apply(fix!)).get('onboarding.align')!.includes(`pilot ${fixed} from 2026-05-04`));
        }
    });

    it('lets a program without outcome serve one: the outcome its chain measures first and preferred, then the others', async () => {
        const name = 'sales-win-rate.align';
        await edit(name, fs.readFileSync(file(name), 'utf-8').replace('  serves GrowWinRate\n', ''));
        const diagnostic = await diagnosticAt(name, 'program-without-outcome', 19);
        const actions = await codeActions(name, diagnostic);
        assert.deepEqual(actions.slice(0, 2).map(a => [a.title, a.isPreferred]), [['Serve outcome GrowWinRate', true], ['Serve outcome ReduceChurn', false]]);
        assert.ok(actions.length <= 8 && actions.filter(a => a.isPreferred).length === 1, actions.map(a => a.title).join());
        actions.forEach(a => assertQuickFix(a, diagnostic));
        const texts = await apply(actions[0]!);
        assert.match(texts.get(name)!, /\n {2}phase deliver\n {2}serves GrowWinRate\n\n {2}metric PipelineHygiene/);
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'program-without-outcome' || x.code === 'syntax'));
    });

    it('lets a behavior be enabled by a skill that enables nothing: its program\'s behaviors, then shared ones, never another program\'s', async () => {
        const name = 'sales-win-rate.align';
        const diagnostic = await diagnosticAt(name, 'skill-enables-nothing', 42);
        const titles = async (d: Diagnostic) => (await codeActions(name, d)).map(a => a.title);
        // The other programs' behaviors (ChurnPilot.Probing in churn-pilot.align...) are not offered.
        assert.deepEqual(await titles(diagnostic), ['Add ProductTrivia to the `enabled by` of behavior DiscoveryBootcamp.BuildsClosePlan']);

        // A top-level behavior is shared: offered after the program's own, by the skill's qualified name.
        await edit('shared.align', 'behavior Negotiating "Negotiates on value" {\n  moves WinRate\n}\n\nskill Storytelling "Storytelling"\n');
        const shared = await diagnosticAt('shared.align', 'skill-enables-nothing', 5);
        const actions = await codeActions(name, await diagnosticAt(name, 'skill-enables-nothing', 42));
        assert.deepEqual(actions.map(a => a.title), [
            'Add ProductTrivia to the `enabled by` of behavior DiscoveryBootcamp.BuildsClosePlan',
            'Add DiscoveryBootcamp.ProductTrivia to the `enabled by` of behavior Negotiating'
        ]);
        assert.ok(actions.every(a => !a.isPreferred));
        actions.forEach(a => assertQuickFix(a, diagnostic));

        // A top-level skill may enable any program's behavior: the shared ones first, then the programs'.
        const forShared = (await codeActions('shared.align', shared)).map(a => a.title);
        assert.equal(forShared[0], 'Add Storytelling to the `enabled by` of behavior Negotiating');
        assert.ok(forShared.includes('Add Storytelling to the `enabled by` of behavior ChurnPilot.Probing') && forShared.length <= 8, forShared.join());

        const texts = await apply(actions[1]!);
        assert.deepEqual([...texts.keys()], ['shared.align']);
        assert.ok(texts.get('shared.align')!.includes('  enabled by DiscoveryBootcamp.ProductTrivia\n'), texts.get('shared.align'));
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'skill-enables-nothing' || x.code === 'syntax'));
    });

    it('applies the program\'s own behavior for a skill that enables nothing, and the finding goes away', async () => {
        const name = 'sales-win-rate.align';
        const actions = await codeActions(name, await diagnosticAt(name, 'skill-enables-nothing', 42));
        const texts = await apply(actions[0]!);
        assert.ok(texts.get(name)!.includes('    enabled by QualifyingQuestions, MutualActionPlans, ProductTrivia\n'), texts.get(name));
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'skill-enables-nothing' || x.code === 'syntax'));
    });

    it('moves a deadline outside the program\'s window to the window\'s last day (not preferred)', async () => {
        const name = 'churn-pilot.align';
        const text = fs.readFileSync(file(name), 'utf-8').replace('target 14% by 2026-04-05', 'target 14% by 2026-05-31');
        await edit(name, text);
        const line = text.slice(0, text.indexOf('target 14% by')).split('\n').length;
        const diagnostic = await diagnosticAt(name, 'deadline-outside-window', line);
        const actions = await codeActions(name, diagnostic);
        assert.deepEqual(actions.map(a => [a.title, a.isPreferred]), [['Move the deadline to 2026-04-05, the end of the program\'s window', false]]);
        assertQuickFix(actions[0]!, diagnostic);
        assert.ok((await apply(actions[0]!)).get(name)!.includes('    target 14% by 2026-04-05\n'));
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'deadline-outside-window'));
    });

    it('adds review, owner and cadence where they are missing, also in one-line and missing blocks', async () => {
        const name = 'safety.align';
        const text = fs.readFileSync(file(name), 'utf-8')
            .replace('  review monthly\n', '')
            .replace('    owner "Plant EHS leads"\n    cadence weekly\n', '')
            + '\nmetric Inline "Inline" { kind lagging baseline 1 target 0 by 2026-12-31 direction down source "x" }\n';
        await edit(name, text);
        const review = await diagnosticAt(name, 'program-without-review', 19);
        const [addReview] = await codeActions(name, review);
        let texts = await apply(addReview!);
        assert.match(texts.get(name)!, /pilot 60 days from 2026-03-02\n {2}review monthly\n/);
        const owner = await diagnosticAt(name, 'metric-without-owner', 26);
        const [addOwner] = await codeActions(name, owner);
        assert.equal(addOwner!.title, 'Add `owner` and `cadence` to NearMissReports');
        texts = await apply(addOwner!);
        assert.match(texts.get(name)!, /drives RecordableIncidents\n {4}owner "TODO"\n {4}cadence monthly\n {2}\}/);
        const inline = await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'metric-without-owner' && x.range.start.line === 25)
            && d.some(x => x.code === 'metric-without-owner' && x.range.start.line > 50));
        const inlineOwner = inline.find(x => x.code === 'metric-without-owner' && x.range.start.line > 50)!;
        const [addInline] = await codeActions(name, inlineOwner);
        texts = await apply(addInline!);
        assert.ok(texts.get(name)!.includes('source "x" owner "TODO" cadence monthly }'));
        const after = await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'metric-without-owner' || x.code === 'program-without-review'));
        assert.ok(!after.some(x => x.code === 'syntax'));
    });

    it('creates a block for a declaration without one', async () => {
        const name = 'onboarding.align';
        const diagnosticFor = async () => {
            const text = fs.readFileSync(file(name), 'utf-8').replace('  objective ExplainPlans "Explain the three plans to a customer" {\n    builds ProductKnowledge\n    practice roleplay "Plan comparison call"\n  }',
                '  objective ExplainPlans "Explain the three plans to a customer"');
            await edit(name, text);
            return diagnosticAt(name, 'objective-without-kpi', 60);
        };
        const diagnostic = await diagnosticFor();
        const actions = await codeActions(name, diagnostic);
        assert.equal(actions[0]!.title, 'Link to KPI TimeToProductivity (asserted, not explained)');
        const texts = await apply(actions[0]!);
        assert.match(texts.get(name)!, /objective ExplainPlans "Explain the three plans to a customer" \{\n {4}kpi TimeToProductivity\n {2}\}\n\}/);
        await ws.session.diagnosticsOf(file(name), d => !d.some(x => x.code === 'objective-without-kpi' || x.code === 'syntax'));
    });
});
