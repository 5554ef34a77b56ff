import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { EXAMPLES, positionAt, SERVER, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';
import { deadlineChoices, endChoices, startChoices } from '../../server/features/completion-dates.js';

/** Marks the cursor in a test text. */
const CURSOR = '‸';

const METRICS = ['ChurnRate', 'CompletionRate', 'NPS', 'RecordableIncidents', 'RenewalRate', 'TicketQuality', 'TimeToProductivity', 'WinRate',
    'DiscoveryBootcamp.PipelineHygiene', 'LockoutTagout.NearMissReports', 'NewHireAcademy.SandboxScore'];
const SKILLS = ['DiscoveryBootcamp.MutualActionPlans', 'DiscoveryBootcamp.ProductTrivia', 'DiscoveryBootcamp.QualifyingQuestions',
    'LockoutTagout.HazardSpotting', 'LockoutTagout.LotoProcedure', 'NewHireAcademy.ProductKnowledge', 'NewHireAcademy.ToolFluency'];
const BEHAVIORS = ['DiscoveryBootcamp.BuildsClosePlan', 'LockoutTagout.ReportsNearMisses', 'LockoutTagout.VerifiesIsolation', 'NewHireAcademy.ResolvesUnaided'];
const OUTCOMES = ['FasterRampUp', 'GrowWinRate', 'ReduceChurn', 'SaferPlants'];

const sorted = (labels: string[]): string[] => [...labels].sort();
const labelsOf = (items: CompletionItem[]): string[] => sorted(items.map(i => i.label));
const newTextOf = (item: CompletionItem | undefined): string | undefined => (item?.textEdit as TextEdit | undefined)?.newText;
/** The dates a snippet's choice offers on today's local calendar, as the server reads its clock. */
const choices = (offered: (now: Date) => ReadonlyArray<{ text: string }>): string => offered(new Date()).map(c => c.text).join(',');

/** A fixture file's text with `insertion` put right after the first occurrence of `anchor` (`''`: at the end). */
function withInsertion(file: string, anchor: string, insertion: string): string {
    const text = fs.readFileSync(file, 'utf-8');
    if (anchor === '') return text + insertion;
    const at = text.indexOf(anchor);
    if (at < 0) throw new Error(`'${anchor}' not in ${file}`);
    return text.slice(0, at + anchor.length) + insertion + text.slice(at + anchor.length);
}

describe('language server: completion over LSP', function () {
    this.timeout(30000);
    const opened = new Set<string>();

    const ws = withExamplesSession('completion', { waitFor: ['churn-pilot.align'] });

    /**
     * Sets a workspace file's text (with one CURSOR) in the editor and asks
     * for completion at the cursor, once the server has built that text (its
     * diagnostics are published): Langium answers a request that arrives
     * while an earlier build is still validating from the earlier parse.
     */
    async function complete(relative: string, textWithCursor: string): Promise<CompletionItem[]> {
        const file = ws.file(relative);
        const offset = textWithCursor.indexOf(CURSOR);
        assert.ok(offset >= 0, 'no cursor in the text');
        const text = textWithCursor.replace(CURSOR, '');
        ws.session.diagnostics.delete(uriOf(file));
        if (opened.has(file)) {
            await ws.session.change(file, text);
        } else {
            await ws.session.open(file, text);
            opened.add(file);
        }
        await ws.session.diagnosticsOf(file);
        const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion',
            { textDocument: { uri: uriOf(file) }, position: positionAt(text, offset) });
        return Array.isArray(result) ? result : result?.items ?? [];
    }

    /** Completion in churn-pilot.align with `insertion` after `anchor`. */
    const inChurnPilot = (anchor: string, insertion: string) =>
        complete('churn-pilot.align', withInsertion(ws.file('churn-pilot.align'), anchor, insertion));

    /** Inside program ChurnPilot, before its actuals. */
    const INSIDE = '  phase measure\n';

    it('answers from the text just sent, without waiting for its diagnostics', async () => {
        const file = ws.file('safety.align');
        await ws.session.open(file);
        await ws.session.diagnosticsOf(file);
        for (let round = 0; round < 5; round++) {
            const text = fs.readFileSync(file, 'utf-8') + `\nbehavior Quick${round} "q" {\n  enabled by `;
            await ws.session.change(file, text);
            const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion',
                { textDocument: { uri: uriOf(file) }, position: positionAt(text, text.length) });
            const labels = (Array.isArray(result) ? result : result?.items ?? []).map(i => i.label);
            assert.ok(labels.includes('LockoutTagout.HazardSpotting'), `round ${round}: ${labels.join(', ')}`);
            assert.ok(!labels.includes('NearMissReports') && !labels.includes('LockoutTagout.NearMissReports'), `round ${round}: ${labels.join(', ')}`);
        }
        await ws.session.change(file, fs.readFileSync(file, 'utf-8'));
        await ws.session.diagnosticsOf(file, d => !d.some(x => x.code === 'syntax'));
    });

    it('offers the declaration keywords at the top level, with what they declare', async () => {
        const items = await inChurnPilot('', `\n${CURSOR}`);
        assert.deepEqual(labelsOf(items), ['actuals', 'behavior', 'metric', 'objective', 'outcome', 'program', 'skill', 'toolkit']);
        const metric = items.find(i => i.label === 'metric')!;
        assert.match(JSON.stringify(metric.documentation), /KPI or indicator/);
    });

    it('offers nothing where a new declaration name is expected', async () => {
        assert.deepEqual(await inChurnPilot('', `\nmetric ${CURSOR}`), []);
        assert.deepEqual(await inChurnPilot('', `\nprogram ${CURSOR}`), []);
        assert.deepEqual(await inChurnPilot(INSIDE, `  skill Act${CURSOR}\n`), []);
    });

    it('after `moves` inside a program: exactly the metrics, the program\'s own by simple name, with kind and title', async () => {
        const items = await inChurnPilot(INSIDE, `  behavior Fresh {\n    moves ${CURSOR}\n  }\n`);
        assert.deepEqual(labelsOf(items), sorted([...METRICS, 'RepeatContactRate']));
        assert.equal(items.find(i => i.label === 'RepeatContactRate')!.detail, 'metric · leading — Repeat contact within 7 days');
        assert.equal(items.find(i => i.label === 'CompletionRate')!.detail, 'metric · activity — Course completion rate');
        assert.equal(items.find(i => i.label === 'LockoutTagout.NearMissReports')!.detail?.startsWith('metric · '), true);
        assert.match(JSON.stringify(items.find(i => i.label === 'NPS')!.documentation), /Relationship NPS/);
        const rank = (label: string) => items.find(i => i.label === label)!.sortText!;
        assert.ok(rank('RepeatContactRate') < rank('DiscoveryBootcamp.PipelineHygiene'), 'simple names first');
    });

    it('after `moves` outside the program: its metric as ChurnPilot.RepeatContactRate', async () => {
        const items = await inChurnPilot('', `\nbehavior Fresh {\n  moves ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(items), sorted([...METRICS, 'ChurnPilot.RepeatContactRate']));
        assert.equal(items.find(i => i.label === 'ChurnPilot.RepeatContactRate')!.detail, 'metric · leading — Repeat contact within 7 days');
    });

    it('completes a partly typed qualified name and replaces all of it', async () => {
        const items = await inChurnPilot('', `\nbehavior Fresh {\n  moves ChurnPilot.Rep${CURSOR}\n}\n`);
        const item = items.find(i => i.label === 'ChurnPilot.RepeatContactRate');
        assert.ok(item, JSON.stringify(labelsOf(items)));
        const edit = item.textEdit as TextEdit;
        assert.equal(edit.newText, 'ChurnPilot.RepeatContactRate');
        assert.equal(edit.range.start.character, '  moves '.length);
    });

    it('inside the program, a reference typed as ChurnPilot.Rep is completed to the qualified name too', async () => {
        for (const insertion of [`  behavior Fresh {\n    moves ChurnPilot.Rep${CURSOR}\n  }\n`, `  objective Fresh {\n    kpi ChurnPilot.Rep${CURSOR}\n  }\n`]) {
            const items = await inChurnPilot(INSIDE, insertion);
            const item = items.find(i => i.label === 'ChurnPilot.RepeatContactRate');
            assert.ok(item, JSON.stringify(labelsOf(items)));
            assert.equal((item.textEdit as TextEdit).newText, 'ChurnPilot.RepeatContactRate');
        }
    });

    it('leaves out what the clause already lists, and a metric driving itself', async () => {
        const listed = await inChurnPilot(INSIDE, `  behavior Fresh {\n    moves RepeatContactRate, NPS, ${CURSOR}\n  }\n`);
        assert.deepEqual(labelsOf(listed), sorted(METRICS.filter(m => m !== 'NPS')));
        const drives = await inChurnPilot('', `\nmetric Fresh {\n  drives ${CURSOR}\n}\n`);
        assert.ok(!drives.some(i => i.label === 'Fresh'));
        assert.deepEqual(labelsOf(drives), sorted([...METRICS, 'ChurnPilot.RepeatContactRate']));
    });

    it('after `enabled by`: skills only', async () => {
        const inside = await inChurnPilot(INSIDE, `  behavior Fresh {\n    enabled by ${CURSOR}\n  }\n`);
        assert.deepEqual(labelsOf(inside), sorted([...SKILLS, 'ActiveListening', 'NeedsDiscovery']));
        assert.equal(inside.find(i => i.label === 'ActiveListening')!.detail, 'skill — Active listening');
        const outside = await inChurnPilot('', `\nbehavior Fresh {\n  enabled by ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(outside), sorted([...SKILLS, 'ChurnPilot.ActiveListening', 'ChurnPilot.NeedsDiscovery']));
    });

    it('filters every other reference by kind: builds, kpi, measured by, serves, for, actuals', async () => {
        const skills = sorted([...SKILLS, 'ChurnPilot.ActiveListening', 'ChurnPilot.NeedsDiscovery']);
        const metrics = sorted([...METRICS, 'ChurnPilot.RepeatContactRate']);
        const behaviors = sorted([...BEHAVIORS, 'ChurnPilot.Probing', 'ChurnPilot.Summarizing']);
        const cases: Array<[string, string[]]> = [
            [`objective Fresh {\n  builds ${CURSOR}\n}`, skills],
            [`objective Fresh {\n  kpi ${CURSOR}\n}`, metrics],
            [`outcome Fresh {\n  measured by ${CURSOR}\n}`, metrics],
            [`program Fresh {\n  serves ${CURSOR}\n}`, OUTCOMES],
            [`toolkit Fresh {\n  for ${CURSOR}\n}`, behaviors],
            // Before a word already there: `actuals` with no metric at all crashes the server's graph build (reported).
            [`actuals ${CURSOR}ChurnRate`, metrics]
        ];
        for (const [text, expected] of cases) {
            assert.deepEqual(labelsOf(await inChurnPilot('', `\n${text}\n`)), expected, text);
        }
    });

    it('lists first the kinds of metric a clause is for: lagging for `measured by` and `drives`, leading for `moves` and `kpi`; activity and learning last', async () => {
        /** The labels as an editor shows them: by sortText, then by label. */
        const shown = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
        const kindOf = (item: CompletionItem) => /^metric · (\w+)/.exec(item.detail ?? '')?.[1];
        const cases: Array<[string, string[]]> = [
            [`outcome Fresh {\n  measured by ${CURSOR}\n}`, ['lagging', 'leading']],
            [`metric Fresh {\n  drives ${CURSOR}\n}`, ['lagging', 'leading']],
            [`behavior Fresh {\n  moves ${CURSOR}\n}`, ['leading', 'lagging']],
            [`objective Fresh {\n  kpi ${CURSOR}\n}`, ['leading', 'lagging']]
        ];
        for (const [text, first] of cases) {
            const kinds = shown(await inChurnPilot('', `\n${text}\n`)).map(kindOf);
            const expected = [...kinds].sort((a, b) => rankOf(a) - rankOf(b));
            function rankOf(kind: string | undefined): number { const at = first.indexOf(kind ?? ''); return at < 0 ? first.length : at; }
            assert.deepEqual(kinds, expected, text);
            assert.equal(kinds[0], first[0], text);
            assert.ok(kinds.includes('activity') && ['activity', 'learning'].includes(kinds.at(-1)!), `${text}: activity and learning metrics still offered, last`);
        }
    });

    it('offers the values of an attribute after its keyword', async () => {
        const items = await inChurnPilot('', `\nmetric Fresh {\n  kind ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(items), ['activity', 'lagging', 'leading', 'learning']);
    });

    it('in a metric block: a snippet for each attribute not yet written, none for those written', async () => {
        const items = await inChurnPilot('', `\nmetric Fresh "F" {\n  kind leading\n  target 1 by 2026-06-30\n  ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(items), sorted(['unit', 'direction', 'baseline', 'source', 'owner', 'cadence', 'drives', 'value']));
        for (const item of items) {
            assert.equal(item.insertTextFormat, 2, item.label);
            assert.equal(item.kind, 15, item.label);
            assert.ok(JSON.stringify(item.documentation).length > 20, item.label);
        }
        assert.equal(newTextOf(items.find(i => i.label === 'unit')), 'unit ${1|percent,count,days,hours,minutes,score,ratio,currency USD|}');
        assert.equal(newTextOf(items.find(i => i.label === 'source')), 'source "${1}"');
        assert.equal(items.find(i => i.label === 'value')!.detail, 'value amount USD per point|unit');
        const empty = await inChurnPilot('', `\nmetric Fresh "F" {\n  ${CURSOR}\n}\n`);
        assert.equal(empty.length, 10);
        assert.equal(newTextOf(empty.find(i => i.label === 'kind')), 'kind ${1|lagging,leading,activity,learning|}');
        // Dates from the server's clock (the same local calendar here), never a fixed day that time leaves behind.
        assert.equal(newTextOf(empty.find(i => i.label === 'target')), `target \${1:value} by \${2|${choices(deadlineChoices)}|}`);
        assert.equal(empty.find(i => i.label === 'target')!.detail, 'target value by deadline');
        assert.match(JSON.stringify(empty.find(i => i.label === 'kind')!.documentation), /business KPIs/);
    });

    it('completes a partly typed attribute word as its snippet', async () => {
        const items = await inChurnPilot('', `\nmetric Fresh "F" {\n  kind leading\n  ta${CURSOR}\n}\n`);
        const target = items.find(i => i.label === 'target');
        assert.ok(target, JSON.stringify(labelsOf(items)));
        const { start, end } = (target.textEdit as TextEdit).range;
        assert.deepEqual([start.character, end.character, end.line - start.line], [2, 4, 0], 'replaces `ta`');
        assert.ok(!items.some(i => i.label === 'kind'));
    });

    it('in behavior, objective and toolkit blocks: their own attributes', async () => {
        const behavior = await inChurnPilot('', `\nbehavior Fresh {\n  moves NPS\n  ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(behavior), ['actor', 'enabled by', 'observed by']);
        assert.equal(newTextOf(behavior.find(i => i.label === 'observed by')),
            'observed by ${1|manager,supervisor,coach,peer|} ${2|daily,weekly,monthly,quarterly|} with "${3}"');
        const objective = await inChurnPilot('', `\nobjective Fresh {\n  ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(objective), ['assessed by', 'builds', 'kpi', 'practice']);
        assert.equal(newTextOf(objective.find(i => i.label === 'practice')),
            'practice ${1|roleplay,sandbox,simulation,decision-game,case,shadowing|} "${2}"');
        const toolkit = await inChurnPilot('', `\ntoolkit Fresh {\n  for NPS\n  rubric "R"\n  ${CURSOR}\n}\n`);
        assert.deepEqual(labelsOf(toolkit), ['checklist', 'dashboard', 'micro-challenge', 'talk-track']);
    });

    it('in a program block: its missing attributes (no window beside a pilot) and the member keywords', async () => {
        const items = await inChurnPilot(INSIDE, `  ${CURSOR}\n`);
        assert.deepEqual(labelsOf(items), ['actuals', 'behavior', 'cost', 'isolate', 'metric', 'objective', 'outcome', 'skill', 'toolkit']);
        assert.equal(newTextOf(items.find(i => i.label === 'cost')), 'cost ${1:amount} ${2:USD}');
        const fresh = await inChurnPilot('', `\nprogram Fresh {\n  ${CURSOR}\n}\n`);
        assert.ok(['sponsor', 'owner', 'stakeholders', 'serves', 'pilot', 'window', 'review', 'phase', 'cost'].every(a => fresh.some(i => i.label === a)));
        assert.equal(newTextOf(fresh.find(i => i.label === 'pilot')), `pilot \${1:90} \${2|days,weeks,months|} from \${3|${choices(startChoices)}|}`);
        assert.equal(newTextOf(fresh.find(i => i.label === 'window')), `window \${1|${choices(startChoices)}|} to \${2|${choices(endChoices)}|}`);
        assert.equal(fresh.find(i => i.label === 'window')!.detail, 'window start date to end date');
        const today = startChoices(new Date())[0]!.text;
        const dates = [newTextOf(fresh.find(i => i.label === 'pilot')), newTextOf(fresh.find(i => i.label === 'window'))].join(' ').match(/\d{4}-\d{2}-\d{2}/g)!;
        assert.ok(dates.length >= 6 && dates.every(d => d >= today), `no day before today (${today}): ${dates.join(', ')}`);
    });
});

describe('language server: completion without snippet support', function () {
    this.timeout(30000);

    it('offers attributes as plain words', async () => {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const file = path.join(EXAMPLES, 'churn-pilot.align');
        let published = 0;
        let wake = (): void => undefined;
        const publishes = (n: number) => new Promise<void>(resolve => {
            wake = () => { if (published >= n) resolve(); };
            wake();
        });
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
            if (p.uri === uriOf(file)) published++;
            wake();
        });
        connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
        try {
            await connection.sendRequest('initialize', {
                processId: process.pid, rootUri: uriOf(EXAMPLES), workspaceFolders: [{ uri: uriOf(EXAMPLES), name: 'examples' }],
                capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: false } } } }
            });
            await connection.sendNotification('initialized', {});
            await publishes(1); // the workspace is built
            const text = `${fs.readFileSync(file, 'utf-8')}\nbehavior Fresh {\n  \n}\n`;
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'align', version: 1, text } });
            await publishes(2); // the opened text is built
            const list = await connection.sendRequest<CompletionList>('textDocument/completion',
                { textDocument: { uri: uriOf(file) }, position: positionAt(text, text.length - 3) });
            assert.deepEqual(labelsOf(list.items), ['actor', 'enabled by', 'moves', 'observed by']);
            for (const item of list.items) {
                assert.notEqual(item.insertTextFormat, 2, item.label);
                assert.equal(newTextOf(item), item.label);
            }
        } finally {
            connection.dispose();
            child.kill();
        }
    });
});
