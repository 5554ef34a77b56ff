import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { expectedFindings } from '../unit/helpers/check-workspace.js';
import { applyEdits, copyExamples, LspSession } from './lsp-session.js';

const SPOT = '  objective SpotHazards "Identify hazards on a live line walk" { builds HazardSpotting practice simulation "VR line walk" }\n';
const LOTO = '  objective ApplyLoto "Apply the six LOTO steps on a live machine" { builds LotoProcedure practice sandbox "Training rig" }\n';
const SPOT_BLOCK = '  objective SpotHazards "Identify hazards on a live line walk" {\n    builds HazardSpotting\n    practice simulation "VR line walk"\n  }\n';
const LOTO_BLOCK = '  objective ApplyLoto "Apply the six LOTO steps on a live machine" {\n    builds LotoProcedure\n    practice sandbox "Training rig"\n  }\n';

const twoSpaces = { tabSize: 2, insertSpaces: true };

/** Applies non-overlapping edits to a text (positions by line and character). */

describe('language server: formatting', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;

    beforeEach(async () => {
        root = copyExamples('fmt');
        let init;
        ({ session, init } = await LspSession.start(root));
        assert.equal(init.capabilities.documentFormattingProvider, true);
        assert.equal(init.capabilities.documentRangeFormattingProvider, true);
        assert.equal(init.capabilities.documentOnTypeFormattingProvider, undefined);
    });
    afterEach(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('answers one whole-document edit with the canonical text, and the result still has the expected findings', async () => {
        const file = path.join(root, 'safety.align');
        const text = fs.readFileSync(file, 'utf-8');
        const uri = await session.open(file);
        const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        assert.equal(edits.length, 1);
        const lines = text.split('\n');
        assert.deepEqual(edits[0]!.range, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } });
        const formatted = edits[0]!.newText;
        assert.equal(formatted, text.replace(SPOT + LOTO, SPOT_BLOCK + LOTO_BLOCK));
        await session.change(file, formatted);
        const expected = expectedFindings(formatted);
        await session.diagnosticsOf(file, d => JSON.stringify(d.map(x => `${x.range.start.line + 1}:${String(x.code)}`).sort()) === JSON.stringify(expected));
        assert.equal(fs.readFileSync(file, 'utf-8'), text, 'the server does not write files');
    });

    it('answers no edit for a canonical file', async () => {
        const uri = await session.open(path.join(root, 'churn-pilot.align'));
        assert.deepEqual(await session.request('textDocument/formatting', { textDocument: { uri }, options: twoSpaces }), []);
    });

    it('tells the user once why a file with syntax errors was not formatted, and again after it formatted', async () => {
        const file = path.join(root, 'broken.align');
        fs.writeFileSync(file, 'metric   M {\n  kind laggin\n}\n');
        const uri = await session.open(file);
        await session.diagnosticsOf(file, d => d.length > 0);
        const format = () => session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        const notices = () => session.notifications.filter(n => n.method === 'window/showMessage').map(n => n.params as { type: number; message: string });
        assert.deepEqual(await format(), []);
        assert.deepEqual(await format(), []); // format-on-save while mending: no second notice
        await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }); // the notices arrive before this answer
        assert.equal(notices().length, 1);
        assert.equal(notices()[0]!.type, 2); // Warning
        assert.match(notices()[0]!.message, /^broken\.align was not formatted: the file has a syntax error \(2:\d+ .+\)\.$/);

        await session.change(file, 'metric   M {\n  kind lagging\n}\n');
        assert.equal((await format()).length, 1);
        await session.change(file, 'metric M {\n  kind laggin\n}\n');
        assert.deepEqual(await format(), []);
        await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
        assert.equal(notices().length, 2);
    });

    it('indents as the editor asks (tab size 4)', async () => {
        const uri = await session.open(path.join(root, 'churn-pilot.align'));
        const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = edits[0]!.newText.split('\n');
        assert.equal(formatted[8], '    sponsor "VP Customer Success"');
        assert.equal(formatted[17], '        kind leading');
    });

    it('leaves a file with syntax errors alone', async () => {
        const file = path.join(root, 'broken.align');
        fs.writeFileSync(file, 'metric   M {\n  kind laggin\n}\n');
        const uri = await session.open(file);
        await session.diagnosticsOf(file, d => d.length > 0);
        assert.deepEqual(await session.request('textDocument/formatting', { textDocument: { uri }, options: twoSpaces }), []);
    });

    it('formats only the lines a range touches', async () => {
        const file = path.join(root, 'ranges.align');
        const text = 'outcome RangeOutcome "r" {\nowner    "COO"\n}\n\nprogram RangeProgram {\n  owner "x"\n     review   monthly\n  phase deliver\n}\n';
        const uri = await session.open(file, text);
        await session.diagnosticsOf(file);
        const rangeOn = (line: number) => session.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, options: twoSpaces, range: { start: { line, character: 2 }, end: { line, character: 6 } }
        });
        assert.deepEqual(await rangeOn(6), [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, newText: '  review monthly\n' }]);
        assert.deepEqual(await rangeOn(1), [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '  owner "COO"\n' }]);
        assert.deepEqual(await rangeOn(5), []);
    });

    it('formats the contiguous changed lines around a range (safety.align: both one-line objectives)', async () => {
        const file = path.join(root, 'safety.align');
        const text = fs.readFileSync(file, 'utf-8');
        const line = text.split('\n').findIndex(l => l.includes('objective ApplyLoto'));
        const uri = await session.open(file);
        const edits = await session.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, options: twoSpaces, range: { start: { line, character: 4 }, end: { line, character: 10 } }
        });
        assert.deepEqual(edits, [{ range: { start: { line: line - 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: SPOT_BLOCK + LOTO_BLOCK }]);
        assert.equal(applyEdits(text, edits), text.replace(SPOT + LOTO, SPOT_BLOCK + LOTO_BLOCK));
    });
});
