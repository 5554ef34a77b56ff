import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { positionAt, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** LSP `CompletionTriggerKind`: typed by the user (1), or a trigger character (2). */
const INVOKED = 1;
const TRIGGER_CHARACTER = 2;

/**
 * Completion that opens by itself: the server advertises a space as trigger
 * character and answers it only where a reference comes next, as an editor
 * asks while the user types (the text ends with the space just typed).
 */
describe('language server: completion after a reference keyword and a space', function () {
    this.timeout(30000);
    let triggers: string[] | undefined;
    const file = (): string => ws.file('churn-pilot.align');

    const ws = withExamplesSession('trigger', { open: ['churn-pilot.align'] });
    before(() => { triggers = ws.init.capabilities.completionProvider?.triggerCharacters; });

    /** Labels offered at the end of churn-pilot.align followed by `typed`, asked as the editor asks after a space, or invoked. */
    async function labelsAfter(typed: string, triggerKind = TRIGGER_CHARACTER): Promise<string[]> {
        const text = `${fs.readFileSync(file(), 'utf-8')}\n${typed}`;
        ws.session.diagnostics.delete(uriOf(file()));
        await ws.session.change(file(), text);
        await ws.session.diagnosticsOf(file());
        const context = triggerKind === TRIGGER_CHARACTER ? { triggerKind, triggerCharacter: ' ' } : { triggerKind };
        const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion',
            { textDocument: { uri: uriOf(file()) }, position: positionAt(text, text.length), context });
        return (Array.isArray(result) ? result : result?.items ?? []).map(i => i.label).sort();
    }

    it('advertises the space, and no other trigger character', () => {
        assert.deepEqual(triggers, [' ']);
    });

    it('opens after every reference keyword, and after a comma in a reference list, with what invoking offers', async () => {
        const positions = [
            'objective Fresh {\n  builds ', 'objective Fresh {\n  kpi ', 'outcome Fresh {\n  measured by ', 'program Fresh {\n  serves ',
            'toolkit Fresh {\n  for ', 'behavior Fresh {\n  moves ', 'behavior Fresh {\n  enabled by ', 'metric Fresh {\n  drives ',
            'actuals ', 'behavior Fresh {\n  moves NPS, '
        ];
        for (const typed of positions) {
            const triggered = await labelsAfter(typed);
            assert.ok(triggered.length > 3, `${JSON.stringify(typed)}: ${triggered.join(', ')}`);
            assert.deepEqual(triggered, await labelsAfter(typed, INVOKED), JSON.stringify(typed));
        }
        assert.ok((await labelsAfter('outcome Fresh {\n  measured by ')).includes('ChurnRate'));
        assert.ok((await labelsAfter('toolkit Fresh {\n  for ')).includes('ChurnPilot.Probing'));
    });

    it('answers nothing after any other space: names, values, other keywords, comments, strings, a second space', async () => {
        const elsewhere = [
            'metric ', 'metric Fresh ', 'metric Fresh {\n  kind ', 'metric Fresh {\n  target 14% ', 'metric Fresh {\n  target 14% by ',
            'outcome Fresh {\n  measured ', 'behavior Fresh {\n  moves NPS ', 'behavior Fresh {\n  observed by ',
            'behavior Fresh {\n  // moves ', 'behavior Fresh "it moves ', 'behavior Fresh {\n  moves  ', 'objective Fresh {\n  ',
            'program Fresh {\n  stakeholders "A", '
        ];
        for (const typed of elsewhere) assert.deepEqual(await labelsAfter(typed), [], JSON.stringify(typed));
        // The same places still complete when asked.
        assert.deepEqual(await labelsAfter('metric Fresh {\n  kind ', INVOKED), ['activity', 'lagging', 'leading', 'learning']);
    });
});
