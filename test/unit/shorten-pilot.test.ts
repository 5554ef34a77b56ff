/**
 * The quick fix of `pilot-too-long` (server/features/code-action-pilot.ts)
 * on parsed programs: the length becomes the limit, in weeks when written in
 * weeks and the limit is whole weeks; the quick fix over LSP is in
 * test/lsp/code-actions.test.ts.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../../language/generated/ast.js';
import { shortenPilot } from '../../server/features/code-action-pilot.js';
import { checkWorkspace } from './helpers/check-workspace.js';

async function fixed(pilot: string, maxPilotDays: number): Promise<{ title: string; text: string } | undefined> {
    const source = `program P "p" {\n  pilot ${pilot} from 2026-01-05\n}\n`;
    const { services } = await checkWorkspace({ 'p.align': source });
    const document = services.shared.workspace.LangiumDocuments.all.toArray()[0]!;
    const fix = shortenPilot((document.parseResult.value as Model).elements[0]!, maxPilotDays);
    return fix && { title: fix.title, text: TextDocument.applyEdits(TextDocument.create('x', 'align', 1, source), [fix.edit]) };
}

describe('shortening a pilot that runs too long', () => {
    it('in weeks when written in weeks and the limit is whole weeks, else in days; the start stays', async () => {
        assert.deepEqual(await fixed('20 weeks', 84), { title: 'Shorten the pilot to 12 weeks', text: 'program P "p" {\n  pilot 12 weeks from 2026-01-05\n}\n' });
        assert.deepEqual(await fixed('20 weeks', 90), { title: 'Shorten the pilot to 90 days', text: 'program P "p" {\n  pilot 90 days from 2026-01-05\n}\n' });
        assert.deepEqual(await fixed('6 months', 84), { title: 'Shorten the pilot to 84 days', text: 'program P "p" {\n  pilot 84 days from 2026-01-05\n}\n' });
    });
});
