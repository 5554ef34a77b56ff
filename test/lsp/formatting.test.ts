import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { expectedFindings } from '../unit/helpers/check-workspace.js';
import { applyEdits } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const SPOT = '  objective SpotHazards "Identify hazards on a live line walk" { builds HazardSpotting practice simulation "VR line walk" }\n';
const LOTO = '  objective ApplyLoto "Apply the six LOTO steps on a live machine" { builds LotoProcedure practice sandbox "Training rig" }\n';
const SPOT_BLOCK = '  objective SpotHazards "Identify hazards on a live line walk" {\n    builds HazardSpotting\n    practice simulation "VR line walk"\n  }\n';
const LOTO_BLOCK = '  objective ApplyLoto "Apply the six LOTO steps on a live machine" {\n    builds LotoProcedure\n    practice sandbox "Training rig"\n  }\n';

const twoSpaces = { tabSize: 2, insertSpaces: true };
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What `align fmt` (the built CLI) makes of a text, in a folder of its own. */
function runFmt(text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'align-fmt-lsp-'));
    try {
        const file = path.join(dir, 'x.align');
        fs.writeFileSync(file, text);
        const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'align.cjs'), 'fmt', file], { encoding: 'utf-8' });
        assert.equal(result.status, 0, result.stderr);
        return fs.readFileSync(file, 'utf-8');
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe('language server: formatting', function () {
    this.timeout(30000);

    const ws = withExamplesSession('fmt', { eachTest: true });
    beforeEach(() => {
        assert.equal(ws.init.capabilities.documentFormattingProvider, true);
        assert.equal(ws.init.capabilities.documentRangeFormattingProvider, true);
        assert.equal(ws.init.capabilities.documentOnTypeFormattingProvider, undefined);
    });

    it('answers one edit per run of changed lines, never touching the others, and the result is the canonical text with the expected findings', async () => {
        const file = ws.file('safety.align');
        const text = fs.readFileSync(file, 'utf-8');
        const uri = await ws.session.open(file);
        const edits = await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        const formatted = applyEdits(text, edits);
        assert.equal(formatted, text.replace(SPOT + LOTO, SPOT_BLOCK + LOTO_BLOCK));
        const first = text.split('\n').findIndex(l => l.includes('objective SpotHazards'));
        for (const edit of edits) {
            assert.ok(edit.range.start.line >= first && edit.range.end.line <= first + 2, `${JSON.stringify(edit.range)} stays on the changed lines`);
        }
        await ws.session.change(file, formatted);
        const expected = expectedFindings(formatted);
        await ws.session.diagnosticsOf(file, d => JSON.stringify(d.map(x => `${x.range.start.line + 1}:${String(x.code)}`).sort()) === JSON.stringify(expected));
        assert.equal(fs.readFileSync(file, 'utf-8'), text, 'the server does not write files');
    });

    it('answers separate edits for changes far apart, CRLF kept, the same text as align fmt', async () => {
        const file = ws.file('far.align');
        const lines = ['metric   First "First" {', '  kind leading', '}', ...Array.from({ length: 30 }, (_, i) => `// note ${i}`), 'metric Last   "Last" {', '  kind lagging', '}', ''];
        const text = lines.join('\r\n');
        const uri = await ws.session.open(file, text);
        const edits = await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        assert.equal(edits.length, 2, JSON.stringify(edits));
        assert.deepEqual(edits.map(e => [e.range.start.line, e.range.end.line]), [[0, 1], [33, 34]]);
        const formatted = applyEdits(text, edits);
        assert.ok(!/[^\r]\n/.test(formatted), 'CRLF kept');
        const fmt = runFmt(text);
        assert.equal(formatted, fmt);
    });

    it('keeps a UTF-8 byte order mark at the start of the file, as align fmt does, and answers no edit when only it stands before canonical text', async () => {
        const file = ws.file('bom.align');
        const text = '\uFEFFmetric   M "M" { kind leading }\n';
        const uri = await ws.session.open(file, text);
        const format = () => ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        const formatted = applyEdits(text, await format());
        assert.equal(formatted, '\uFEFFmetric M "M" {\n  kind leading\n}\n');
        assert.equal(formatted, runFmt(text), 'the same text as align fmt, which writes the mark back');
        const range = await ws.session.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, options: twoSpaces, range: { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } }
        });
        assert.equal(applyEdits(text, range), formatted);
        await ws.session.change(file, formatted);
        assert.deepEqual(await format(), []);
    });

    it('answers no edit for a canonical file', async () => {
        const uri = await ws.session.open(ws.file('churn-pilot.align'));
        assert.deepEqual(await ws.session.request('textDocument/formatting', { textDocument: { uri }, options: twoSpaces }), []);
    });

    it('tells the user once why a file with syntax errors was not formatted, and again after it formatted', async () => {
        const file = ws.file('broken.align');
        fs.writeFileSync(file, 'metric   M {\n  kind laggin\n}\n');
        const uri = await ws.session.open(file);
        await ws.session.diagnosticsOf(file, d => d.length > 0);
        const format = () => ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
        const notices = () => ws.session.notifications.filter(n => n.method === 'window/showMessage').map(n => n.params as { type: number; message: string });
        assert.deepEqual(await format(), []);
        assert.deepEqual(await format(), []); // format-on-save while mending: no second notice
        await ws.session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }); // the notices arrive before this answer
        assert.equal(notices().length, 1);
        assert.equal(notices()[0]!.type, 2); // Warning
        assert.match(notices()[0]!.message, /^broken\.align was not formatted: the file has a syntax error \(2:\d+ .+\)\.$/);

        await ws.session.change(file, 'metric   M {\n  kind lagging\n}\n');
        assert.equal((await format()).length, 1);
        await ws.session.change(file, 'metric M {\n  kind laggin\n}\n');
        assert.deepEqual(await format(), []);
        await ws.session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
        assert.equal(notices().length, 2);
    });

    it('indents as the editor asks (tab size 4)', async () => {
        const uri = await ws.session.open(ws.file('churn-pilot.align'));
        const edits = await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = applyEdits(fs.readFileSync(ws.file('churn-pilot.align'), 'utf-8'), edits).split('\n');
        assert.equal(formatted[8], '    sponsor "VP Customer Success"');
        assert.equal(formatted[17], '        kind leading');
    });

    it('leaves a file with syntax errors alone', async () => {
        const file = ws.file('broken.align');
        fs.writeFileSync(file, 'metric   M {\n  kind laggin\n}\n');
        const uri = await ws.session.open(file);
        await ws.session.diagnosticsOf(file, d => d.length > 0);
        assert.deepEqual(await ws.session.request('textDocument/formatting', { textDocument: { uri }, options: twoSpaces }), []);
    });

    it('formats only the lines a range touches', async () => {
        const file = ws.file('ranges.align');
        const text = 'outcome RangeOutcome "r" {\nowner    "COO"\n}\n\nprogram RangeProgram {\n  owner "x"\n     review   monthly\n  phase deliver\n}\n';
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const rangeOn = (line: number) => ws.session.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, options: twoSpaces, range: { start: { line, character: 2 }, end: { line, character: 6 } }
        });
        assert.deepEqual(await rangeOn(6), [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, newText: '  review monthly\n' }]);
        assert.deepEqual(await rangeOn(1), [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '  owner "COO"\n' }]);
        assert.deepEqual(await rangeOn(5), []);
    });

    it('formats the line a range is on, not the changed line next to it (safety.align: two one-line objectives)', async () => {
        const file = ws.file('safety.align');
        const text = fs.readFileSync(file, 'utf-8');
        const line = text.split('\n').findIndex(l => l.includes('objective ApplyLoto'));
        const uri = await ws.session.open(file);
        const edits = await ws.session.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, options: twoSpaces, range: { start: { line, character: 4 }, end: { line, character: 10 } }
        });
        assert.deepEqual(edits, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: LOTO_BLOCK }]);
        assert.equal(applyEdits(text, edits), text.replace(SPOT + LOTO, SPOT + LOTO_BLOCK));
    });
});
