/**
 * Faults injected while the BUILT language server runs (files changed,
 * deleted, renamed, turned into folders on disk, then announced with
 * `workspace/didChangeWatchedFiles` as an editor does), an edited file
 * closed without saving, an unreadable `align.config.json`, and a
 * workspace of 5,000 files through the CLI and the server's start-up.
 *
 * The oracle of every step: the server's diagnostics equal a fresh
 * in-memory build of what is on disk (checkWorkspace), and the finding the
 * fault is about is there (or gone).
 *
 * Not here: "the server process is killed, the client restarts it"; that
 * belongs to the VS Code client's tests (see docs/reliability.md).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { parseFindings, runCli } from '../cli/run-cli.js';
import { report } from './helpers/fuzz-config.js';
import { keysOf, loggedProblems, LspSession, requireServerBundle, untilKeys, uriOf } from './helpers/server.js';
import { makeTempDir } from '../temp-dirs.js';
import { EXAMPLES } from './helpers/vocabulary.js';

const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

/** Every `.align` and `.csv` file under a folder, relative path to text. */
function readDisk(root: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile() && /\.(align|csv)$/.test(entry.name)) files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf-8');
        }
    };
    walk(root);
    return files;
}

/** `line:rule` keys of a fresh build of what is on disk, per `.align` file. */
async function freshKeys(root: string): Promise<Record<string, string[]>> {
    const files = readDisk(root);
    const { findings } = await checkWorkspace(files);
    const keys: Record<string, string[]> = {};
    for (const name of Object.keys(files).filter(n => n.endsWith('.align'))) keys[name] = [];
    for (const f of findings) keys[f.file]!.push(`${f.line}:${f.rule}`);
    for (const k of Object.values(keys)) k.sort();
    return keys;
}

describe('reliability: faults while the language server runs', function () {
    this.timeout(120_000);
    let root: string;
    let session: LspSession;
    let faults = 0;
    const csv = () => path.join(root, 'catalog/data/nps.csv');
    const catalog = () => path.join(root, 'catalog/metrics.align');
    const churn = () => path.join(root, 'churn-pilot.align');
    const original: Record<string, string> = {};

    /** Tells the server what changed on disk, as an editor's file watcher does. */
    async function announce(...changes: Array<[string, number]>): Promise<void> {
        faults++;
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([file, type]) => ({ uri: uriOf(file), type })) });
    }

    /** Waits until the diagnostics of every `.align` file on disk equal a fresh build of the disk. */
    async function untilDiskState(): Promise<Record<string, string[]>> {
        const expected = await freshKeys(root);
        for (const [name, keys] of Object.entries(expected)) await untilKeys(session, path.join(root, name), keys);
        assert.deepEqual(loggedProblems(session), [], 'the server logged no error');
        return expected;
    }

    /** Waits for a finding of the rule whose message matches (the keys alone may match a stale message). */
    const untilMessage = (file: string, rule: string, message: RegExp) =>
        session.diagnosticsOf(file, d => d.some(x => x.code === rule && message.test(String(x.message))), 20_000);

    /** The published diagnostics of a file. */
    const published = (file: string): Diagnostic[] => session.diagnostics.get(uriOf(file)) ?? [];

    before(async () => {
        requireServerBundle();
        root = makeTempDir('align-rel-faults-');
        fs.cpSync(EXAMPLES, root, { recursive: true });
        for (const [name, text] of Object.entries(readDisk(root))) original[name] = text;
        ({ session } = await LspSession.start(root));
        await untilDiskState();
    });
    afterEach(async () => {
        // Every test leaves the disk as it found it, even one that failed half-way.
        for (const entry of fs.readdirSync(path.join(root, 'catalog'), { withFileTypes: true })) {
            if (entry.isFile() && !(`catalog/${entry.name}` in original)) fs.rmSync(path.join(root, 'catalog', entry.name));
        }
        if (fs.statSync(csv(), { throwIfNoEntry: false })?.isDirectory()) fs.rmSync(csv(), { recursive: true });
        for (const [name, text] of Object.entries(original)) {
            fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
            fs.writeFileSync(path.join(root, name), text);
        }
        await announce(...Object.keys(original).map((name): [string, number] => [path.join(root, name), CHANGED]));
        await untilDiskState();
    });
    after(async () => {
        await session?.stop();
        fs.rmSync(root, { recursive: true, force: true });
        report(`server faults: ${faults} watched-file notifications`);
    });

    describe('an actuals CSV file', () => {
        it('changed to values behind the trajectory: actuals-off-track appears, and goes when changed back', async () => {
            fs.writeFileSync(csv(), 'period,value\n2026-01,31\n2026-02,30\n2026-03,29\n');
            await announce([csv(), CHANGED]);
            const keys = await untilDiskState();
            assert.ok(keys['catalog/metrics.align']!.some(k => k.endsWith(':actuals-off-track')), `off track: ${keys['catalog/metrics.align']}`);
            fs.writeFileSync(csv(), original['catalog/data/nps.csv']!);
            await announce([csv(), CHANGED]);
            await untilKeys(session, catalog(), []);
        });

        it('made malformed: actuals-invalid names the line and the cell', async () => {
            fs.writeFileSync(csv(), 'period,value\n2026-01,31\n2026-02,lots\n');
            await announce([csv(), CHANGED]);
            await untilMessage(catalog(), 'actuals-invalid', /data\/nps\.csv" line 3: value `lots` is not a number/);
            await untilDiskState();
        });

        it('deleted: actuals-invalid says it is missing; created again: gone', async () => {
            fs.rmSync(csv());
            await announce([csv(), DELETED]);
            await untilMessage(catalog(), 'actuals-invalid', /data\/nps\.csv" is missing/);
            await untilDiskState();
            fs.writeFileSync(csv(), original['catalog/data/nps.csv']!);
            await announce([csv(), CREATED]);
            await untilKeys(session, catalog(), []);
        });

        it('its folder deleted (one event for the folder): actuals-invalid says it is missing', async () => {
            const data = path.join(root, 'catalog/data');
            fs.rmSync(data, { recursive: true });
            await announce([data, DELETED]);
            await untilMessage(catalog(), 'actuals-invalid', /data\/nps\.csv" is missing/);
            fs.mkdirSync(data);
            fs.writeFileSync(csv(), original['catalog/data/nps.csv']!);
            await announce([data, CREATED]);
            await untilKeys(session, catalog(), []);
        });

        it('replaced by a folder: actuals-invalid says so', async () => {
            fs.rmSync(csv());
            fs.mkdirSync(csv());
            await announce([csv(), DELETED], [csv(), CREATED]);
            await untilMessage(catalog(), 'actuals-invalid', /data\/nps\.csv" is a folder, not a CSV file/);
        });

        it('changed 30 times in quick succession: the diagnostics end in the state of the disk', async () => {
            for (let i = 0; i < 30; i++) {
                fs.writeFileSync(csv(), i % 3 === 0 ? 'period,value\n2026-01,31\n2026-02,x\n' : i % 3 === 1 ? 'period,value\n2026-01,31\n2026-02,20\n' : original['catalog/data/nps.csv']!);
                void announce([csv(), CHANGED]);
            }
            fs.writeFileSync(csv(), 'period,value\n2026-01,31\n2026-02,20\n');
            await announce([csv(), CHANGED]);
            const keys = await untilDiskState();
            assert.ok(keys['catalog/metrics.align']!.some(k => k.endsWith(':actuals-off-track')));
        });
    });

    describe('an .align file referenced from another', () => {
        it('deleted: unresolved-reference in the referencing file, its diagnostics cleared; restored: gone', async () => {
            fs.rmSync(catalog());
            await announce([catalog(), DELETED]);
            await untilDiskState();
            const unresolved = published(churn()).filter(d => d.code === 'unresolved-reference');
            assert.ok(unresolved.length >= 3, `ChurnRate, RenewalRate, NPS are unresolved: ${keysOf(published(churn()))}`);
            await session.diagnosticsOf(catalog(), d => d.length === 0);
            fs.writeFileSync(catalog(), original['catalog/metrics.align']!);
            await announce([catalog(), CREATED]);
            await untilDiskState();
            assert.ok(!published(churn()).some(d => d.code === 'unresolved-reference'));
        });

        it('renamed (Deleted + Created): references still resolve, the old name is cleared', async () => {
            const renamed = path.join(root, 'catalog/kpis.align');
            fs.renameSync(catalog(), renamed);
            await announce([catalog(), DELETED], [renamed, CREATED]);
            const keys = await untilDiskState();
            assert.deepEqual(keys['catalog/kpis.align'], []);
            assert.ok(!published(churn()).some(d => d.code === 'unresolved-reference'));
            assert.deepEqual(published(catalog()), [], 'the old file has no diagnostics left');
            fs.renameSync(renamed, catalog());
            await announce([renamed, DELETED], [catalog(), CREATED]);
            await untilDiskState();
            assert.deepEqual(published(renamed), []);
        });

        it('renamed away from .align: unresolved-reference; renamed back: gone', async () => {
            const away = path.join(root, 'catalog/metrics.align.bak');
            fs.renameSync(catalog(), away);
            await announce([catalog(), DELETED], [away, CREATED]);
            await session.diagnosticsOf(churn(), d => d.filter(x => x.code === 'unresolved-reference').length >= 3);
            fs.renameSync(away, catalog());
            await announce([away, DELETED], [catalog(), CREATED]);
            await untilDiskState();
            assert.ok(!published(churn()).some(d => d.code === 'unresolved-reference'));
        });

        it('open, edited and closed without saving: back to the text on disk (was: the edited text stayed)', async () => {
            await session.open(catalog());
            // Rename ChurnRate in the editor only: churn-pilot.align loses it.
            await session.change(catalog(), original['catalog/metrics.align']!.replace('metric ChurnRate', 'metric ChurnRateRenamed'));
            await session.diagnosticsOf(churn(), d => d.some(x => x.code === 'unresolved-reference'));
            faults++;
            await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(catalog()) } });
            await untilDiskState();
            assert.ok(!published(churn()).some(d => d.code === 'unresolved-reference'));
        });

        it('open, its file deleted, then closed: its declarations are gone', async () => {
            await session.open(catalog());
            fs.rmSync(catalog());
            faults++;
            await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(catalog()) } });
            await session.diagnosticsOf(churn(), d => d.filter(x => x.code === 'unresolved-reference').length >= 3);
            await untilDiskState();
        });

        // The update reads the files it names from disk: a file gone by then was an update failure (ENOENT) that left the
        // workspace unbuilt and the deletion never applied. A watcher event that came late makes it happen every time.
        it('deleted, then announced as changed (a late watcher event): deleted, its diagnostics cleared (was: the update failed, ENOENT)', async () => {
            const safety = path.join(root, 'safety.align');
            await session.diagnosticsOf(safety, d => d.length > 0);
            fs.rmSync(catalog());
            fs.rmSync(safety);
            await announce([catalog(), CHANGED], [safety, CHANGED]);
            await session.diagnosticsOf(churn(), d => d.filter(x => x.code === 'unresolved-reference').length >= 3);
            await session.diagnosticsOf(safety, d => d.length === 0);
            await untilDiskState();
            const symbols = await session.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
            assert.ok(!symbols.some(s => s.location.uri === uriOf(catalog()) || s.location.uri === uriOf(safety)), 'the deleted files declare nothing');
        });
    });
});

describe('reliability: an unreadable align.config.json', function () {
    this.timeout(60_000);
    let root: string;
    let session: LspSession | undefined;
    before(() => {
        requireServerBundle();
        root = makeTempDir('align-rel-config-');
        fs.cpSync(EXAMPLES, root, { recursive: true });
    });
    after(async () => {
        await session?.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('a folder at start-up, then on a change: the server keeps running with the defaults and reports config-invalid (was: the server exited)', async () => {
        const config = path.join(root, 'align.config.json');
        fs.mkdirSync(config);
        ({ session } = await LspSession.start(root));
        const sales = path.join(root, 'sales-win-rate.align');
        const expected = (await freshKeys(root))['sales-win-rate.align']!;
        await untilKeys(session, sales, expected);
        const problems = await session.diagnosticsOf(config, d => d.length > 0);
        assert.deepEqual(problems.map(d => d.code), ['config-invalid']);
        assert.match(String(problems[0]!.message), /cannot be read \(is a folder.*the defaults apply/);
        // A valid file replaces the folder; then the folder comes back.
        fs.rmSync(config, { recursive: true });
        fs.writeFileSync(config, '{ "rules": { "objective-without-kpi": "off" } }');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: CREATED }] });
        await session.diagnosticsOf(sales, d => !d.some(x => x.code === 'objective-without-kpi'));
        await session.diagnosticsOf(config, d => d.length === 0);
        fs.rmSync(config);
        fs.mkdirSync(config);
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: CHANGED }] });
        await untilKeys(session, sales, expected);
        await session.diagnosticsOf(config, d => d.length === 1);
        const symbols = await session.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(sales) } });
        assert.ok(symbols.length > 0, 'still answering');
        assert.equal(session.process.exitCode, null, 'still running');
    });
});

describe('reliability: a workspace of 5,000 files', function () {
    this.timeout(300_000);
    const FILES = 5000;
    let root: string;

    before(() => {
        requireServerBundle();
        root = makeTempDir('align-rel-5000-');
        fs.writeFileSync(path.join(root, 'revenue.align'), 'metric Revenue "Revenue" {\n  kind lagging\n  source "Finance"\n  owner "CFO"\n  cadence monthly\n}\n');
        for (let i = 0; i < FILES - 1; i++) {
            const dir = path.join(root, `team${i % 50}`);
            fs.mkdirSync(dir, { recursive: true });
            // Every 500th objective builds nothing: objective-without-kpi on line 7.
            fs.writeFileSync(path.join(dir, `f${i}.align`),
                `skill S${i} "Skill ${i}"\nbehavior B${i} "Behavior ${i}" {\n  enabled by S${i}\n  moves Revenue\n  observed by coach\n}\nobjective O${i} "Objective ${i}" {\n${i % 500 === 0 ? '' : `  builds S${i}\n`}  practice case "A case"\n}\n`);
        }
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    const expected = () => Array.from({ length: FILES - 1 }, (_, i) => i).filter(i => i % 500 === 0).map(i => `team${i % 50}/f${i}.align:7 objective-without-kpi`).sort();

    it('align check: exit 1 and exactly the 10 expected findings', () => {
        const started = Date.now();
        const result = runCli(['check', '.', '--format', 'json'], { cwd: root, timeout: 240_000 });
        const seconds = (Date.now() - started) / 1000;
        assert.equal(result.signal, null);
        assert.equal(result.stderr, '');
        assert.equal(result.status, 1);
        const findings = parseFindings(result.stdout);
        assert.deepEqual(findings.map(f => `${f.file}:${f.line} ${f.rule}`).sort(), expected());
        report(`5,000 files, align check: ${seconds.toFixed(1)} s, ${findings.length} findings`);
    });

    it('the language server: diagnostics of sample files arrive after start-up', async () => {
        const started = Date.now();
        const { session } = await LspSession.start(root);
        try {
            const first = await session.diagnosticsOf(path.join(root, 'team0/f0.align'), () => true, 240_000);
            const firstSeconds = (Date.now() - started) / 1000;
            assert.deepEqual(keysOf(first), ['7:objective-without-kpi']);
            const last = await session.diagnosticsOf(path.join(root, `team${(FILES - 2) % 50}/f${FILES - 2}.align`), () => true, 240_000);
            assert.deepEqual(last, []);
            await session.until(() => session.diagnostics.size >= FILES, `diagnostics of all ${FILES} files`, 240_000);
            const allSeconds = (Date.now() - started) / 1000;
            const withFindings = [...session.diagnostics.entries()].filter(([, d]) => d.length > 0).map(([uri]) => uri);
            assert.equal(withFindings.length, 10);
            // Still answering once it is all built.
            const symbols = await session.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(path.join(root, 'team0/f0.align')) } });
            assert.equal(symbols.length, 3);
            assert.deepEqual(loggedProblems(session), []);
            report(`5,000 files, server start-up: first sample file's diagnostics after ${firstSeconds.toFixed(1)} s, all ${FILES} files after ${allSeconds.toFixed(1)} s`);
        } finally {
            await session.stop();
        }
    });
});
