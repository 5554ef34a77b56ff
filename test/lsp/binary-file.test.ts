/**
 * A binary `.align` file in the workspace (a NUL byte), one saved as UTF-16
 * or one that is not UTF-8 (Latin-1): the language server publishes one
 * `syntax` diagnostic at its start, the one `align check` reports
 * (test/cli/bad-input.test.ts), not a syntax error for every run of bytes
 * nor findings of the text with U+FFFD for its bad bytes, and checks the
 * other files as usual. A document open in the editor is checked as the
 * text the editor decoded (docs/reliability.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { expectedFindings } from '../unit/helpers/check-workspace.js';
import { withExamplesSession } from './examples-session.js';
import { uriOf } from './lsp-session.js';

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

/** `program P "é" {}` saved as Latin-1: é is the byte 0xe9, not UTF-8. */
const LATIN1 = Buffer.concat([Buffer.from('// café\nprogram P "caf'), Buffer.from([0xe9]), Buffer.from('" {}\n')]);
const SKILL = 'skill S "S"\n';
/** A Windows "Unicode" save: a byte order mark and UTF-16 little-endian; and its big-endian twin. */
const UTF16LE = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SKILL, 'utf16le')]);
const UTF16BE = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SKILL, 'utf16le').swap16()]);
/** UTF-16 little-endian without a byte order mark, as some editors and tools save it: a NUL in every other byte, yet no binary file. */
const UTF16_NO_BOM = Buffer.from(SKILL, 'utf16le');

describe('language server: an .align file on disk that is not UTF-8 text', function () {
    this.timeout(30000);
    const ws = withExamplesSession('lsp-not-utf8', {
        prepare: root => {
            fs.writeFileSync(path.join(root, 'latin.align'), LATIN1);
            fs.writeFileSync(path.join(root, 'utf16le.align'), UTF16LE);
            fs.writeFileSync(path.join(root, 'utf16be.align'), UTF16BE);
            fs.writeFileSync(path.join(root, 'utf16-no-bom.align'), UTF16_NO_BOM);
        },
        eachTest: true
    });

    it('publishes the one syntax diagnostic align check gives: not UTF-8 at its first bad byte, or saved as UTF-16 (with a byte order mark or without)', async () => {
        assert.deepEqual(shape(await ws.session.diagnosticsOf(ws.file('latin.align'))),
            ['0:0-0:0 1 syntax This file is not UTF-8 text (byte 0xe9 on line 2): save it as UTF-8.']);
        for (const name of ['utf16le.align', 'utf16be.align', 'utf16-no-bom.align']) {
            assert.deepEqual(shape(await ws.session.diagnosticsOf(ws.file(name))),
                ['0:0-0:0 1 syntax This file is saved as UTF-16, not UTF-8: save it as UTF-8.'], name);
        }
    });

    it('follows changes on disk: from not UTF-8 to UTF-16, to Align text', async () => {
        const latin = ws.file('latin.align');
        await ws.session.diagnosticsOf(latin, d => d.length === 1);
        const changed = () => ws.session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(latin), type: 2 }] });
        fs.writeFileSync(latin, UTF16LE);
        await changed();
        assert.deepEqual(shape(await ws.session.diagnosticsOf(latin, d => d.some(x => String(x.message).includes('UTF-16')))),
            ['0:0-0:0 1 syntax This file is saved as UTF-16, not UTF-8: save it as UTF-8.']);
        fs.writeFileSync(latin, SKILL);
        await changed();
        const text = await ws.session.diagnosticsOf(latin, d => !d.some(x => x.code === 'syntax'));
        assert.deepEqual(text.map(d => d.code), ['skill-enables-nothing']);
    });

    it('open, it is checked as the text the editor shows; closed unchanged, as the file on disk again', async () => {
        const latin = ws.file('latin.align');
        await ws.session.diagnosticsOf(latin, d => d.length === 1);
        // VS Code shows a byte that is not UTF-8 as U+FFFD (files.encoding utf8), and sends that text.
        await ws.session.open(latin, LATIN1.toString('utf-8'));
        const shown = await ws.session.diagnosticsOf(latin, d => d.some(x => x.code === 'program-without-sponsor'));
        assert.ok(!shown.some(d => d.code === 'syntax'), JSON.stringify(shown));
        await ws.session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(latin) } });
        assert.deepEqual(shape(await ws.session.diagnosticsOf(latin, d => d.some(x => x.code === 'syntax'))),
            ['0:0-0:0 1 syntax This file is not UTF-8 text (byte 0xe9 on line 2): save it as UTF-8.']);
    });
});
