import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { copyExamples, LspSession } from './lsp-session.js';

describe('language server: hover shows titles and strings literally', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;

    before(async () => {
        root = copyExamples('hover-literal');
        ({ session } = await LspSession.start(root));
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('escapes markdown and HTML in a title and a source; the doc comment stays markdown', async () => {
        const file = path.join(root, 'md.align');
        const text = '/** Doc with *emphasis*. */\nmetric M "Win *rate* _x_ `code` [link](http://x) <b>b</b> \\\\ # h" {\n  kind activity\n  source "CRM **report**"\n}\n';
        const uri = await session.open(file, text);
        await session.diagnosticsOf(file);
        const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } });
        const value = (hover.contents as MarkupContent).value;
        assert.ok(value.includes('**metric** `M` — Win \\*rate\\* \\_x\\_ \\`code\\` \\[link\\]\\(http://x\\) \\<b\\>b\\</b\\> \\\\ \\# h'), value);
        assert.ok(value.includes('Source: CRM \\*\\*report\\*\\*'), value);
        assert.ok(value.includes('Doc with *emphasis*.'), value);
    });
});
