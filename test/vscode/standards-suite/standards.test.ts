/**
 * Organisation standards inside VS Code for the Web, on the consuming
 * workspace of examples/standards with the package in its node_modules
 * (scripts/vscode-test-web.mjs makes it): the web client mirrors the
 * package's files to the server (client/web/workspace-mirror.ts); the
 * catalog resolves, hovers with its package, opens read-only, is never
 * reported or renamed; duplicates and an extends cycle are reported.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ImpactGraphResult } from '../../../language/protocol.js';
import { jsonTextOf, type HostMessage } from '../../../webview/protocol.js';
import { activateAlign, diagnosticsOf, fileUri, open, positionOf, ruleOf, until } from '../suite/helpers.js';

const CATALOG = 'node_modules/@acme/align-standards/catalog/people-kpis.align';
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
const targetOf = (l: vscode.Location | vscode.LocationLink) => 'targetUri' in l ? l.targetUri : l.uri;

suite('Extension on the web: a workspace that extends a standards package', () => {
    suiteSetup(activateAlign);

    /** The program's `measured by FirstYearRetention`, a reference into the catalog. */
    async function onRetention(): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
        const editor = await open('sales-onboarding.align');
        return { editor, position: positionOf(editor.document, 'measured by FirstYearRetention', 'measured by '.length + 2) };
    }

    test('a reference into the catalog resolves; go to definition opens the catalog file read-only', async () => {
        const { editor, position } = await onRetention();
        await diagnosticsOf(editor.document.uri, d => !d.some(x => ruleOf(x) === 'unresolved-reference'));
        const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, position);
        assert.strictEqual(locations.length, 1);
        const target = targetOf(locations[0]!);
        assert.strictEqual(target.scheme, 'align-catalog', target.toString());
        assert.ok(target.path.endsWith(CATALOG), target.path);
        // As the user does it: F12 in the editor.
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.revealDefinition');
        const landed = await until(() => vscode.window.activeTextEditor?.document.uri.scheme === 'align-catalog' && vscode.window.activeTextEditor,
            [vscode.window.onDidChangeActiveTextEditor], () => `the catalog's editor; active: ${vscode.window.activeTextEditor?.document.uri.toString()}`);
        assert.match(landed.document.lineAt(landed.selection.active.line).text, /metric FirstYearRetention/);
        assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('align-catalog'), false);
        // Typing in it changes nothing (the editor is read-only, with the catalog's message).
        const before = landed.document.getText();
        await vscode.commands.executeCommand('type', { text: 'x' });
        assert.strictEqual(landed.document.getText(), before, 'typing does not edit the catalog file');
        assert.strictEqual(landed.document.isDirty, false);
        // Features work inside the read-only view: hover there names the package too.
        const inCatalog = positionOf(landed.document, 'metric FirstYearRetention', 'metric '.length + 2);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', landed.document.uri, inCatalog);
        assert.match(hoverText(hovers), /From catalog `@acme\/align-standards 1\.2\.0`/);
    });

    test('hover on a catalog KPI names the package and version', async () => {
        const { editor, position } = await onRetention();
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        assert.match(hoverText(hovers), /From catalog `@acme\/align-standards 1\.2\.0` \(read-only\)/);
    });

    test('a finding inside a catalog file is not reported; a duplicate is, on the workspace side, naming the package', async () => {
        const duplicates = await diagnosticsOf(fileUri('retention.align'), d => d.some(x => ruleOf(x) === 'duplicate-name'));
        const duplicate = duplicates.filter(d => ruleOf(d) === 'duplicate-name');
        assert.deepStrictEqual(duplicate.map(d => d.range.start.line + 1), [1]);
        assert.match(duplicate[0]!.message, /already declared in catalog @acme\/align-standards 1\.2\.0 \(people-kpis\.align:\d+\)/);
        // The catalog's `Broken` metric drives an unknown metric: nothing is reported, on the file or its read-only view.
        const reported = vscode.languages.getDiagnostics().filter(([uri, d]) => uri.path.endsWith(CATALOG) && d.length > 0);
        assert.deepStrictEqual(reported.map(([uri]) => uri.toString()), []);
    });

    test('rename of a catalog KPI is refused with a message', async () => {
        const { editor, position } = await onRetention();
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'Retention')),
            (error: Error) => /declared in catalog @acme\/align-standards 1\.2\.0/.test(error.message));
        assert.match(editor.document.getText(), /measured by FirstYearRetention/);
    });

    test('the preview marks catalog nodes with the package, and opens one read-only', async () => {
        const api = await activateAlign();
        await open('sales-onboarding.align');
        await vscode.commands.executeCommand('align.openPreviewToSide');
        const posted: HostMessage[] = [];
        const subscription = api.preview.onDidPostMessage(m => posted.push(m));
        try {
            // The graph the host posts: the catalog's nodes carry their package and version.
            const graph = await until(() => posted.find(m => m.type === 'graph'), [api.preview.onDidPostMessage], () => 'a graph posted to the webview');
            const nodes = (JSON.parse(graph.type === 'graph' ? jsonTextOf(graph.json) : '{}') as ImpactGraphResult).graph.nodes;
            assert.deepStrictEqual(nodes.find(n => n.name === 'FirstYearRetention')?.catalog, { name: '@acme/align-standards', version: '1.2.0' });
            assert.strictEqual(nodes.find(n => n.name === 'SalesOnboarding')?.catalog, undefined);
        } finally {
            subscription.dispose();
        }
        // What the webview draws (its SVG export): the mark, and the package in the tooltip.
        const svg = await api.preview.exportGraph('svg');
        assert.match(svg, /class="[^"]*from-catalog[^"]*" data-id="FirstYearRetention"/);
        assert.match(svg, /From catalog @acme\/align-standards 1\.2\.0 \(read-only\)/);
        assert.doesNotMatch(svg, /class="[^"]*from-catalog[^"]*" data-id="SalesOnboarding\./);
        const catalog = fileUri(CATALOG).toString();
        const range = { start: { line: 4, character: 7 }, end: { line: 4, character: 25 } };
        await api.preview.receive({ type: 'reveal', nodeId: 'FirstYearRetention', uri: catalog, range });
        const editor = vscode.window.activeTextEditor;
        assert.strictEqual(editor?.document.uri.scheme, 'align-catalog', 'a click on a catalog node opens its read-only view');
        assert.ok(editor.document.uri.path.endsWith(CATALOG));
        assert.strictEqual(editor.selection.active.line, 4);
    });

    test('an extends chain with a cycle is config-invalid on align.config.json, naming the cycle', async () => {
        const config = fileUri('align.config.json');
        const original = await vscode.workspace.fs.readFile(config);
        const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        await write(fileUri('base/align.config.json'), '{ "extends": "../align.config.json" }\n');
        await write(config, '{\n  "extends": "./base/align.config.json"\n}\n');
        try {
            const invalid = await diagnosticsOf(config, d => d.some(x => ruleOf(x) === 'config-invalid'));
            assert.deepStrictEqual(invalid.map(d => `${ruleOf(d)} ${d.range.start.line + 1}`), ['config-invalid 2']);
            assert.match(invalid[0]!.message, /cycle align\.config\.json -> \.\/base\/align\.config\.json -> \.\.\/align\.config\.json/);
        } finally {
            await vscode.workspace.fs.writeFile(config, original);
            await vscode.workspace.fs.delete(fileUri('base'), { recursive: true });
        }
    });
});
