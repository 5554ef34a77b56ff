import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateAlign, diagnosticsOf, fileUri, keys, open, positionOf, ruleOf } from './helpers.js';

const label = (item: vscode.CompletionItem) => typeof item.label === 'string' ? item.label : item.label.label;
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

suite('Extension: language features through the VS Code API', () => {
    suiteSetup(activateAlign);

    test('completion after `moves` offers metrics, and no skills', async () => {
        const editor = await open('churn-pilot.align');
        const position = positionOf(editor.document, 'moves RepeatContactRate\n', 'moves '.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
        const labels = list.items.map(label);
        for (const metric of ['ChurnRate', 'NPS', 'RepeatContactRate']) assert.ok(labels.includes(metric), `${metric} in ${labels.join(', ')}`);
        for (const skill of ['ActiveListening', 'NeedsDiscovery']) assert.ok(!labels.includes(skill), `${skill} offered after moves`);
    });

    test('a typed space asks for completion: answered after a reference keyword, empty elsewhere', async () => {
        const editor = await open('churn-pilot.align');
        const afterSpace = async (text: string, offset: number): Promise<string[]> => {
            const position = positionOf(editor.document, text, offset);
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, ' ');
            // The command also asks VS Code's word-based provider (kind Text), which the editor does not ask for a trigger character.
            return list.items.filter(i => i.kind !== vscode.CompletionItemKind.Text).map(label);
        };
        const metrics = await afterSpace('moves RepeatContactRate\n', 'moves '.length);
        assert.ok(metrics.includes('ChurnRate') && !metrics.includes('ActiveListening'), metrics.join(', '));
        assert.deepStrictEqual(await afterSpace('kind leading', 'kind '.length), []);
        assert.deepStrictEqual(await afterSpace('review monthly', 'review '.length), []);
    });

    test('hover on a reference to a catalog metric shows its title', async () => {
        const editor = await open('churn-pilot.align');
        const position = positionOf(editor.document, 'measured by ChurnRate', 'measured by '.length + 2);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        assert.match(hoverText(hovers), /Monthly logo churn/);
    });

    test('an inlay hint gives the pilot\'s last day after its start', async () => {
        const editor = await open('churn-pilot.align');
        const start = positionOf(editor.document, 'from 2026-01-05', 'from 2026-01-05'.length);
        const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0));
        const labels = hints.filter(h => h.position.isEqual(start)).map(h => typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join(''));
        assert.deepStrictEqual(labels, ['to 2026-04-05']);
    });

    test('go to definition crosses files', async () => {
        const editor = await open('churn-pilot.align');
        const position = positionOf(editor.document, 'drives ChurnRate', 'drives '.length + 1);
        const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, position);
        assert.strictEqual(locations.length, 1);
        const target = locations[0]!;
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? target.targetSelectionRange ?? target.targetRange : target.range;
        assert.strictEqual(relative(uri), 'catalog/metrics.align');
        assert.strictEqual(range.start.line, 2);
    });

    test('find references lists the uses in every file', async () => {
        const editor = await open('churn-pilot.align');
        const position = positionOf(editor.document, 'drives ChurnRate', 'drives '.length + 1);
        const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position);
        const files = new Set(locations.map(l => relative(l.uri)));
        assert.deepStrictEqual([...files].sort(), ['catalog/metrics.align', 'churn-pilot.align']);
        // measured by ChurnRate, drives ChurnRate (churn-pilot), drives ChurnRate (NPS in the catalog), and the declaration.
        assert.ok(locations.length >= 3, `${locations.length} references`);
    });

    test('rename produces edits in every file that uses the name', async () => {
        const editor = await open('catalog/metrics.align');
        const position = positionOf(editor.document, 'metric NPS', 'metric '.length + 1);
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'PromoterScore');
        const byFile = new Map(edit.entries().map(([uri, edits]) => [relative(uri), edits]));
        assert.deepStrictEqual([...byFile.keys()].sort(), ['catalog/metrics.align', 'churn-pilot.align']);
        for (const edits of byFile.values()) assert.ok(edits.every(e => e.newText === 'PromoterScore'));
        // Declaration, `actuals NPS` in the catalog; `moves RepeatContactRate, NPS` in churn-pilot.
        assert.strictEqual(byFile.get('catalog/metrics.align')!.length, 2);
        assert.strictEqual(byFile.get('churn-pilot.align')!.length, 1);
    });

    test('a quick fix, applied, removes its diagnostic', async () => {
        const uri = fileUri('safety.align');
        const before = await diagnosticsOf(uri, d => d.some(x => ruleOf(x) === 'metric-without-source'));
        const diagnostic = before.find(d => ruleOf(d) === 'metric-without-source')!;
        const editor = await open('safety.align');
        try {
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
            const fix = actions.find(a => a.title.startsWith('Add `source`'));
            assert.ok(fix?.edit, `a quick fix "Add \`source\`" among: ${actions.map(a => a.title).join('; ')}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            assert.match(editor.document.getText(), /source "TODO: system and report"/);
            const after = await diagnosticsOf(uri, d => !d.some(x => ruleOf(x) === 'metric-without-source'));
            assert.deepStrictEqual(keys(after).map(k => k.split(':')[1]).sort(), ['behavior-not-reinforced', 'target-against-direction']);
        } finally {
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await diagnosticsOf(uri, d => d.some(x => ruleOf(x) === 'metric-without-source'));
    });
});
