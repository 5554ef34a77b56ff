import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';
import type { ImpactGraphResult } from '../../../language/protocol.js';
import { jsonTextOf, type GraphDelta, type HostMessage, type WebviewMessage } from '../../../webview/protocol.js';
import { activateAlign, EXTENSION_ID, fileUri, open, positionOf, until } from './helpers.js';

/** The open tabs that show the impact-chain preview. */
function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(g => g.tabs)
        .filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('align.preview'));
}

/** Records what crosses the webview boundary from now on. */
function recorder(api: AlignApi) {
    const received: WebviewMessage[] = [];
    const posted: HostMessage[] = [];
    const subscriptions = [api.preview.onDidReceiveMessage(m => received.push(m)), api.preview.onDidPostMessage(m => posted.push(m))];
    return { received, posted, dispose: () => subscriptions.forEach(s => s.dispose()) };
}

/** The preview UI, built by `node esbuild.mjs` from webview/ (its own tests run in Chromium): a missing bundle fails the suite. */
async function requireWebviewBundle(): Promise<void> {
    const uri = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'out', 'webview', 'main.js');
    try {
        await vscode.workspace.fs.stat(uri);
    } catch (error) {
        if (error instanceof vscode.FileSystemError) throw new Error(`${uri.toString()} is missing: run npm run build`);
        throw error;
    }
}

suite('Extension: impact-chain preview', () => {
    let api: AlignApi;
    suiteSetup(async () => {
        await requireWebviewBundle();
        api = await activateAlign();
        // The editor area as people have it: no panel (output, terminal) under the editors.
        await vscode.commands.executeCommand('workbench.action.closePanel');
    });
    teardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

    test('Open Preview to the Side opens one webview panel of type align.preview', async () => {
        await open('churn-pilot.align');
        await vscode.commands.executeCommand('align.openPreviewToSide');
        await until(() => previewTabs().length === 1, [vscode.window.tabGroups.onDidChangeTabs], () => 'a preview tab');
        assert.ok(api.preview.isOpen());
        await vscode.commands.executeCommand('align.openPreview');
        assert.strictEqual(previewTabs().length, 1, 'a second command reveals the same panel');
        // The source editor keeps its column; the preview is beside it.
        assert.strictEqual(vscode.window.tabGroups.all.length, 2);
    });

    test('the webview says ready and gets the graph of the workspace', async function () {
        const traffic = recorder(api);
        try {
            await open('churn-pilot.align');
            await vscode.commands.executeCommand('align.openPreviewToSide');
            const graph = await until(() => traffic.posted.find(m => m.type === 'graph'), [api.preview.onDidPostMessage],
                () => `a graph posted to the webview; received so far: ${JSON.stringify(traffic.received.map(m => m.type))}`);
            assert.ok(traffic.received.some(m => m.type === 'ready'));
            assert.ok(graph.type === 'graph');
            const result = JSON.parse(jsonTextOf(graph.json)) as ImpactGraphResult;
            assert.ok(result.graph.nodes.some(n => n.id === 'ChurnPilot.AskOpenQuestions'));
            assert.deepStrictEqual(result.graph.coverage, { aligned: 9, total: 11 });
        } finally {
            traffic.dispose();
        }
    });

    test('opened to the side with the cursor on an objective, the preview shows that objective\'s whole chain in view, readable', async function () {
        const traffic = recorder(api);
        try {
            const editor = await open('sales-win-rate.align');
            const at = positionOf(editor.document, 'objective QualifyDeals', 'objective '.length);
            editor.selection = new vscode.Selection(at, at);
            await vscode.commands.executeCommand('align.openPreviewToSide');
            // The webview reports what it shows, measured in its own DOM, after it has drawn and framed the chain.
            const view = await until(() => traffic.received.find((m): m is Extract<WebviewMessage, { type: 'view' }> => m.type === 'view' && m.cursor === 'DiscoveryBootcamp.QualifyDeals'),
                [api.preview.onDidReceiveMessage], () => `a view with the cursor on QualifyDeals; received ${JSON.stringify(traffic.received.map(m => m.type))}`);
            assert.deepStrictEqual(view.chain.map(n => n.id).sort(), [
                'DiscoveryBootcamp.BuildsClosePlan', 'DiscoveryBootcamp.PipelineHygiene', 'DiscoveryBootcamp.QualifyDeals', 'DiscoveryBootcamp.QualifyingQuestions', 'GrowWinRate', 'WinRate'
            ]);
            assert.deepStrictEqual(view.chain.filter(n => !n.inView).map(n => n.id), [], `every title of the chain in view (zoom ${view.zoom}, ${view.direction}, pane ${JSON.stringify(view.pane)})`);
            assert.deepStrictEqual(view.chain.filter(n => n.titlePx < 11).map(n => `${n.id} ${n.titlePx}px`), [], 'titles at 11 px or more');
            assert.deepStrictEqual(view.scope, { kind: 'cursor' });
            assert.strictEqual(view.scopeTitle, 'Consultative discovery bootcamp');
            assert.strictEqual(vscode.window.tabGroups.all.length, 2, 'the preview is beside the editor');
            const title = 'Impact Chain: Consultative discovery bootcamp';
            await until(() => previewTabs()[0]?.label === title, [vscode.window.tabGroups.onDidChangeTabs], () => `the tab titled "${title}", now "${previewTabs()[0]?.label}"`);
            assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps the focus');
        } finally {
            traffic.dispose();
        }
    });

    test('Export as SVG: the webview renders the graph and the host saves its SVG', async function () {
        await open('churn-pilot.align');
        const target = fileUri('impact-chain.svg');
        const saved = await vscode.commands.executeCommand<vscode.Uri>('align.exportSvg', target);
        try {
            assert.strictEqual(saved?.toString(), target.toString());
            const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            assert.match(svg.slice(0, 200), /<svg[\s>]/);
            assert.ok(/AskOpenQuestions|Use open questions/.test(svg),
                `the SVG shows the workspace's graph; it has ${svg.split('class="node ').length - 1} nodes (${svg.length} characters)`);
        } finally {
            await vscode.workspace.fs.delete(target);
        }
    });

    test('Export as PNG: the host saves the image the webview rendered', async function () {
        await open('churn-pilot.align');
        const target = fileUri('impact-chain.png');
        await vscode.commands.executeCommand<vscode.Uri>('align.exportPng', target);
        try {
            const png = await vscode.workspace.fs.readFile(target);
            assert.deepStrictEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
            assert.ok(png.length > 1000, `${png.length} bytes`);
        } finally {
            await vscode.workspace.fs.delete(target);
        }
    });

    test('the "..." menu offers Hide or Show Activity & Learning Metrics by a context key that follows the preview; the old toggle still works', async () => {
        const traffic = recorder(api);
        const key = 'align.previewHidesLearningMetrics';
        /** Waits for a view report that shows (or hides) the metrics, and for the context key to say the same. */
        const shown = async (hidden: boolean) => {
            await until(() => traffic.received.some(m => m.type === 'view' && m.hideLearningMetrics === hidden) && api.preview.contextKeys()[key] === hidden,
                [api.preview.onDidReceiveMessage], () => `a view with hideLearningMetrics ${hidden} and ${key} ${hidden}; context ${JSON.stringify(api.preview.contextKeys())}`);
            traffic.received.length = 0;
        };
        try {
            await open('churn-pilot.align');
            await vscode.commands.executeCommand('align.openPreviewToSide');
            await shown(false);
            await vscode.commands.executeCommand('align.preview.hideLearningMetrics');
            await shown(true);
            await vscode.commands.executeCommand('align.preview.showLearningMetrics');
            await shown(false);
            // Users' keybindings of the former single item keep working.
            await vscode.commands.executeCommand('align.preview.toggleLearningMetrics');
            await shown(true);
            await vscode.commands.executeCommand('align.preview.toggleLearningMetrics');
            await shown(false);
        } finally {
            traffic.dispose();
        }
    });

    test('Show Impact Chain (code lens) highlights the node: a cursor message at its declaration', async () => {
        const traffic = recorder(api);
        try {
            await vscode.commands.executeCommand('align.showImpactChain', 'ChurnPilot.RestateNeeds');
            const cursor = await until(() => traffic.posted.find(m => m.type === 'cursor'), [api.preview.onDidPostMessage], () => 'a cursor message');
            assert.ok(cursor.type === 'cursor');
            assert.strictEqual(vscode.workspace.asRelativePath(vscode.Uri.parse(cursor.uri), false), 'churn-pilot.align');
            const document = await vscode.workspace.openTextDocument(fileUri('churn-pilot.align'));
            assert.match(document.lineAt(cursor.line).text, /objective RestateNeeds/);
        } finally {
            traffic.dispose();
        }
    });

    test('from the explorer\'s context menu (a file\'s URI), the preview follows that file, not the active editor', async function () {
        const traffic = recorder(api);
        try {
            await open('churn-pilot.align');
            const clicked = fileUri('onboarding.align');
            await vscode.commands.executeCommand('align.openPreview', clicked);
            const graph = await until(() => traffic.posted.find(m => m.type === 'graph'), [api.preview.onDidPostMessage], () => `a graph; posted ${JSON.stringify(traffic.posted.map(m => m.type))}`);
            assert.ok(graph.type === 'graph');
            assert.strictEqual(graph.cursor?.uri, clicked.toString(), 'the graph comes with a cursor in the file clicked');
            assert.ok(vscode.workspace.textDocuments.some(d => d.uri.toString() === clicked.toString()), 'the file clicked is open');
        } finally {
            traffic.dispose();
        }
    });

    test('follows the editor: the cursor of the .align editor is sent to the webview, and every move', async function () {
        const traffic = recorder(api);
        try {
            const editor = await open('onboarding.align');
            editor.selection = new vscode.Selection(3, 2, 3, 2);
            await vscode.commands.executeCommand('align.openPreviewToSide');
            const uri = editor.document.uri.toString();
            const cursorAt = (line: number, character: number) => () => traffic.posted.find(m => m.type === 'cursor' && m.uri === uri && m.line === line && m.character === character);
            // With the first graph, the webview learns where the cursor is...
            const graph = await until(() => traffic.posted.find(m => m.type === 'graph'), [api.preview.onDidPostMessage], () => `a graph; posted ${JSON.stringify(traffic.posted.map(m => m.type))}`);
            assert.ok(graph.type === 'graph');
            assert.deepStrictEqual(graph.cursor, { uri, line: 3, character: 2 });
            // ...and then every move.
            const line = editor.document.getText().split('\n').findIndex(l => l.includes('objective ExplainPlans'));
            editor.selection = new vscode.Selection(line, 4, line, 4);
            await until(cursorAt(line, 4), [api.preview.onDidPostMessage], () => `the cursor at ${line}:4`);
        } finally {
            traffic.dispose();
        }
    });

    test('after an edit, posts only what changed: a delta with the edited node', async () => {
        const editor = await open('churn-pilot.align');
        await vscode.commands.executeCommand('align.openPreviewToSide');
        await until(() => api.preview.isOpen(), [api.preview.onDidPostMessage], () => 'the preview');
        const traffic = recorder(api);
        try {
            await until(() => traffic.received.find(m => m.type === 'view'), [api.preview.onDidReceiveMessage], () => 'the first drawing');
            const at = positionOf(editor.document, 'Restate the customer');
            await editor.edit(edit => edit.replace(new vscode.Range(at, at.translate(0, 'Restate'.length)), 'Repeat'));
            const delta = await until(() => traffic.posted.find((m): m is Extract<HostMessage, { type: 'graph-delta' }> => m.type === 'graph-delta'
                && (JSON.parse(m.json) as GraphDelta).nodes.set.some(n => n.title?.startsWith('Repeat the customer') === true)), [api.preview.onDidPostMessage],
            () => `a delta with the new title; posted ${JSON.stringify(traffic.posted.map(m => m.type))}`);
            const changed = (JSON.parse(delta.json) as GraphDelta);
            assert.deepStrictEqual(changed.nodes.set.map(n => n.id), ['ChurnPilot.RestateNeeds']);
            assert.deepStrictEqual(changed.nodes.removed, []);
            assert.ok(delta.json.length < 5000, `${delta.json.length} characters`);
            assert.ok(!traffic.received.some(m => m.type === 'resync'), 'the webview applied it');
        } finally {
            traffic.dispose();
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
    });

    test('while a file has syntax errors, the webview keeps the last valid graph under a banner that says so', async function () {
        const traffic = recorder(api);
        const editor = await open('safety.align');
        try {
            await vscode.commands.executeCommand('align.openPreviewToSide');
            await until(() => traffic.received.some(m => m.type === 'view'), [api.preview.onDidReceiveMessage], () => `the first drawing; received ${JSON.stringify(traffic.received.map(m => m.type))}`);
            const graphs = () => traffic.posted.filter(m => m.type === 'graph' || m.type === 'graph-delta');
            const valid = graphs().length;
            await editor.edit(edit => edit.insert(new vscode.Position(2, 0), 'metric {{{\n'));
            const banner = await until(() => traffic.posted.find((m): m is Extract<HostMessage, { type: 'syntax-errors' }> => m.type === 'syntax-errors'), [api.preview.onDidPostMessage],
                () => `syntax-errors; posted ${JSON.stringify(traffic.posted.map(m => m.type))}`);
            assert.deepStrictEqual({ ...banner, errors: banner.errors > 0 }, { type: 'syntax-errors', files: ['safety.align'], errors: true, shows: 'last-valid' });
            // The graph read from the broken file is not sent: the webview keeps the one it holds, from before the error.
            assert.deepStrictEqual(graphs().slice(valid).map(m => m.type), [], 'no graph sent while the file is broken');
            // Fixed: a graph comes alone, which clears the banner.
            const before = traffic.posted.length;
            await vscode.commands.executeCommand('workbench.action.files.revert');
            const lastKind = () => traffic.posted.slice(before).map(m => m.type).filter(t => t !== 'cursor').at(-1);
            await until(() => lastKind() === 'graph' || lastKind() === 'graph-delta', [api.preview.onDidPostMessage], () => `a graph without syntax-errors after the revert; posted since: ${JSON.stringify(traffic.posted.slice(before).map(m => m.type))}; `
                + `dirty ${editor.document.isDirty}, the editor's text ${editor.document.getText().includes('metric {{{') ? 'still has' : 'no longer has'} the insert, version ${editor.document.version}, active ${vscode.window.activeTextEditor?.document.uri.path}, syntax diagnostics ${vscode.languages.getDiagnostics(editor.document.uri).filter(d => String(typeof d.code === 'object' ? d.code.value : d.code) === 'syntax').length}`);
            const fixed = traffic.posted.slice(before).filter(m => m.type === 'graph' || m.type === 'graph-delta').at(-1);
            assert.ok(fixed && (fixed.type === 'graph' || fixed.type === 'graph-delta') && fixed.syntaxErrors === undefined, 'the graph after the fix clears the banner');
        } finally {
            traffic.dispose();
        }
    });

    test('opened while a file has syntax errors, the preview shows what could be read, under a banner that says so', async function () {
        const traffic = recorder(api);
        const editor = await open('safety.align');
        try {
            await editor.edit(edit => edit.insert(new vscode.Position(2, 0), 'metric {{{\n'));
            await until(() => vscode.languages.getDiagnostics(editor.document.uri).some(d => String(typeof d.code === 'object' ? d.code.value : d.code) === 'syntax'),
                [vscode.languages.onDidChangeDiagnostics], () => 'the syntax error reported');
            await vscode.commands.executeCommand('align.openPreviewToSide');
            const banner = await until(() => traffic.posted.find((m): m is Extract<HostMessage, { type: 'syntax-errors' }> => m.type === 'syntax-errors'), [api.preview.onDidPostMessage],
                () => `syntax-errors; posted ${JSON.stringify(traffic.posted.map(m => m.type))}`);
            assert.strictEqual(banner.shows, 'partial');
            const graph = traffic.posted[traffic.posted.indexOf(banner) - 1];
            assert.strictEqual(graph?.type, 'graph', 'right after the graph read from the broken file');
            // The graph says its errors follow: the webview keeps the banner even when it paints the graph before their message comes.
            assert.strictEqual(graph.syntaxErrors, true);
        } finally {
            traffic.dispose();
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
    });

    test('reveal opens a declaration inside the workspace, and ignores a URI outside it', async () => {
        await open('safety.align');
        await vscode.commands.executeCommand('align.openPreviewToSide');
        const target = fileUri('catalog/metrics.align').toString();
        const range = { start: { line: 2, character: 7 }, end: { line: 2, character: 16 } };
        await api.preview.receive({ type: 'reveal', nodeId: 'ChurnRate', uri: target, range });
        const editor = vscode.window.activeTextEditor;
        assert.strictEqual(editor?.document.uri.toString(), target);
        assert.strictEqual(editor.selection.active.line, 2);
        for (const outside of ['file:///etc/hosts', 'https://example.com/x.align', 'not a uri']) {
            await api.preview.receive({ type: 'reveal', nodeId: 'X', uri: outside, range });
            assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target, outside);
        }
        await api.preview.receive({ type: 'reveal', nodeId: 'X', uri: target, range: { start: 'nonsense' } });
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target);
    });
});
