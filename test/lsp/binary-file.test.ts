/**
 * A binary `.align` file in the workspace (a NUL byte): the language server
 * publishes one `syntax` diagnostic at its start, the one `align check`
 * reports (test/cli/bad-input.test.ts), not a syntax error for every run
 * of bytes, and checks the other files as usual.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { expectedFindings } from '../unit/helpers/check-workspace.js';
import { withExamplesSession } from './examples-session.js';

/** A PNG file's signature (its line feeds put the first NUL on line 3) and the length of its first chunk. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const shape = (diagnostics: readonly Diagnostic[]) => diagnostics.map(d =>
    `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`);

describe('language server: a binary .align file in the workspace', function () {
    this.timeout(30000);
    const ws = withExamplesSession('lsp-binary', { prepare: root => fs.writeFileSync(path.join(root, 'logo.align'), PNG), eachTest: true });

    it('publishes one syntax diagnostic at its start, and the other files\' findings', async () => {
        const logo = await ws.session.diagnosticsOf(ws.file('logo.align'));
        assert.deepEqual(shape(logo), ['0:0-0:0 1 syntax This file is binary (a NUL byte on line 3), not Align source: remove it or rename it.']);
        assert.match(logo[0]!.codeDescription?.href ?? '', /\/docs\/rules\/syntax\.md$/);
        const churn = ws.file('churn-pilot.align');
        const diagnostics = await ws.session.diagnosticsOf(churn);
        const keys = diagnostics.map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();
        assert.deepEqual(keys, expectedFindings(fs.readFileSync(churn, 'utf-8')));
    });

    it('follows edits: Align text is checked, a NUL character makes it binary again', async () => {
        const file = ws.file('logo.align');
        await ws.session.diagnosticsOf(file, d => d.length === 1);
        await ws.session.open(file, 'skill Logo "Logo"\n');
        const text = await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'skill-enables-nothing'));
        assert.ok(!text.some(d => d.code === 'syntax'), JSON.stringify(text));
        await ws.session.change(file, 'skill Logo "Logo"\n\0\n');
        const binary = await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'syntax'));
        assert.deepEqual(shape(binary), ['0:0-0:0 1 syntax This file is binary (a NUL byte on line 2), not Align source: remove it or rename it.']);
    });
});
