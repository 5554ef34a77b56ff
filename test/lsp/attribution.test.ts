import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { ATTRIBUTED, PILOT, PILOT_SNAPSHOT, pilotSource } from '../fixtures/attribution.js';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const { baseline: BASELINE, latest: LATEST, share: SHARE, confidence: CONFIDENCE, value: VALUE, cost: COST } = PILOT;
const BENEFIT = ATTRIBUTED * VALUE;
const RAW_BENEFIT = (LATEST - BASELINE) * VALUE;

/** Figures as Align prints them (docs/figures.md): thousands separated, ROI with at most one decimal, BCR with two. */
const num = (n: number, decimals = 1) => n.toLocaleString('en-US', { maximumFractionDigits: decimals });
const bcr = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const SOURCE = pilotSource('pulled');
const SNAPSHOT = PILOT_SNAPSHOT;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('language server: attribution and pulled snapshots over LSP', function () {
    this.timeout(30000);
    let session: LspSession;
    let file: string;

    /** A workspace whose pulled snapshot drifted (its query file changed), opened by a client with these `initializationOptions`. */
    async function startPilot(initializationOptions?: object): Promise<{ session: LspSession; file: string }> {
        const root = makeTempDir('align-attribution-');
        const file = path.join(root, 'pilot.align');
        fs.writeFileSync(file, SOURCE);
        fs.mkdirSync(path.join(root, 'data'));
        fs.writeFileSync(path.join(root, 'data/sales.csv'), SNAPSHOT);
        fs.writeFileSync(path.join(root, 'sales.sql'), 'SELECT month AS period, sales AS value FROM sales -- edited after the pull');
        fs.writeFileSync(path.join(root, 'align.lock.json'), JSON.stringify({ version: 1, snapshots: { 'data/sales.csv': {
            metric: 'Sales', kind: 'sql', query: 'sales.sql', querySha256: sha('SELECT month AS period, sales AS value FROM sales'),
            rows: 2, firstPeriod: '2026-01', lastPeriod: '2026-02', snapshotSha256: sha(SNAPSHOT), pulledAt: '2026-03-01T08:00:00.000Z' } } }));
        const { session } = await LspSession.start(root, {}, initializationOptions);
        await session.open(file);
        await session.diagnosticsOf(file);
        return { session, file };
    }

    before(async () => {
        ({ session, file } = await startPilot());
    });
    after(async () => { await session.stop(); });

    const hover = async (line: number, needle: string) => {
        const result = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(file, line, needle, 1) });
        return (result?.contents as { value: string } | undefined)?.value ?? '';
    };

    it('program hover: ROI and BCR from the attributed benefit, the raw ones beside, the method per KPI', async () => {
        const text = await hover(6, 'Pilot');
        assert.ok(text.includes(`ROI ${num((BENEFIT - COST) / COST * 100)}% · BCR ${bcr(BENEFIT / COST)} (attributed benefit ${num(BENEFIT, 0)} USD, cost ${num(COST, 0)} USD)`), text);
        assert.ok(text.includes(`raw ROI ${num((RAW_BENEFIT - COST) / COST * 100)}% · BCR ${bcr(RAW_BENEFIT / COST)} (benefit ${num(RAW_BENEFIT, 0)} USD)`), text);
        assert.ok(text.includes(`Sales by estimate ${SHARE}%, confidence ${CONFIDENCE}%: change +${LATEST - BASELINE} raw → +${ATTRIBUTED} attributed · benefit ${num(BENEFIT, 0)} USD (raw ${num(RAW_BENEFIT, 0)} USD)`), text);
    });

    it('hover on isolate: the KPI\'s attribution in the program', async () => {
        const text = await hover(9, 'isolate');
        assert.ok(text.startsWith('**isolate** `Sales` in program `Pilot`'), text);
        assert.ok(text.includes(`+${ATTRIBUTED} attributed`), text);
    });

    it('code lens: ROI on the program, the attributed change on isolate', async () => {
        const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
        const titles = lenses.map(l => `${l.range.start.line + 1}:${l.command?.title}`);
        assert.ok(titles.includes(`6:ROI ${num((BENEFIT - COST) / COST * 100)}% · BCR ${bcr(BENEFIT / COST)} (raw ROI ${num((RAW_BENEFIT - COST) / COST * 100)}%)`), titles.join('\n'));
        assert.ok(titles.includes(`9:attributed +${ATTRIBUTED} of +${LATEST - BASELINE} · benefit ${num(BENEFIT, 0)} USD`), titles.join('\n'));
    });

    /** The quick fixes of the snapshot-drift finding on the `from` string. */
    async function driftActions(lsp: LspSession, pilot: string): Promise<CodeAction[]> {
        const diagnostics = await lsp.diagnosticsOf(pilot);
        const drift = diagnostics.find(d => d.code === 'snapshot-drift');
        assert.ok(drift, JSON.stringify(diagnostics));
        assert.deepEqual(drift.range.start, positionOf(pilot, 11, '"data/sales.csv"'));
        assert.match(typeof drift.message === 'string' ? drift.message : drift.message.value, /Run `align pull --metric Sales`/);
        const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(pilot) }, range: drift.range, context: { diagnostics: [drift] } });
        return withoutDisable(actions);
    }

    it('snapshot-drift on the from string says the command; a client without Pull Actuals gets no quick fix that would do nothing', async () => {
        assert.deepEqual(await driftActions(session, file), []);
    });

    it('snapshot-drift: in the Align extension on the desktop (trusted), the quick fix runs Pull Actuals for the metric', async () => {
        const desktop = await startPilot({ trusted: true, clientCommands: ['align.showImpactChain', 'align.pullActuals'] });
        try {
            const actions = await driftActions(desktop.session, desktop.file);
            const title = 'Refresh the snapshot: run `align pull --metric Sales` in a terminal';
            assert.deepEqual(actions.map(a => [a.title, a.edit, a.command]), [[title, undefined, { title, command: 'align.pullActuals', arguments: ['Sales'] }]]);
        } finally {
            await desktop.session.stop();
        }
    });

    it('snapshot-drift: no quick fix in the Align extension on the web, which cannot pull', async () => {
        const web = await startPilot({ trusted: true, files: [], clientCommands: ['align.showImpactChain'] });
        try {
            assert.deepEqual(await driftActions(web.session, web.file), []);
        } finally {
            await web.session.stop();
        }
    });

    it('hover on the snapshot: what the lock recorded and why it drifted', async () => {
        const text = await hover(11, '"data/sales.csv"');
        assert.ok(text.includes('Pulled 2026-03-01T08:00:00.000Z from sql "sales.sql"'), text);
        assert.ok(text.includes('2 rows, 2026-01 to 2026-02'), text);
        assert.ok(text.includes('Drift: the query file "sales.sql" changed after the last pull. Run `align pull --metric Sales`.'), text);
    });

    it('a query file put back as pulled clears snapshot-drift once the watched-file change arrives', async () => {
        const query = path.join(session.root, 'sales.sql');
        fs.writeFileSync(query, 'SELECT month AS period, sales AS value FROM sales');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(query), type: 2 }] });
        await session.diagnosticsOf(file, d => !d.some(x => x.code === 'snapshot-drift'));
    });

    it('an unusable lock file: the finding, the hover and no quick fix say to fix it, none says to pull', async () => {
        const lock = path.join(session.root, 'align.lock.json');
        fs.writeFileSync(lock, '{ "version": 1, "snapshots": ');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lock), type: 2 }] });
        const diagnostics = await session.diagnosticsOf(file, d => d.some(x => x.code === 'snapshot-drift'));
        const drift = diagnostics.find(d => d.code === 'snapshot-drift')!;
        const message = typeof drift.message === 'string' ? drift.message : drift.message.value;
        assert.match(message, /cannot be checked: align\.lock\.json .*delete it/);
        assert.ok(!message.includes('align pull --metric'), message);
        const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: drift.range, context: { diagnostics: [drift] } });
        assert.deepEqual(withoutDisable(actions), []);
        const text = await hover(11, '"data/sales.csv"');
        assert.match(text, /Not compared: align\.lock\.json .*delete it/);
        assert.ok(!text.includes('align pull --metric'), text);
    });
});

/** Quick fixes other than `Disable <rule> for this line`, offered for every finding (quick-fix-suppress.test.ts). */
function withoutDisable(actions: readonly CodeAction[]): CodeAction[] {
    return actions.filter(a => !a.title.startsWith('Disable '));
}
