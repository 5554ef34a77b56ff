import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { withExamplesSession } from './examples-session.js';

describe('language server: hover shows titles and strings literally', function () {
    this.timeout(30000);

    const ws = withExamplesSession('hover-literal');

    it('escapes markdown and HTML in a title and a source; the doc comment stays markdown', async () => {
        const file = ws.file('md.align');
        const text = '/** Doc with *emphasis*. */\nmetric M "Win *rate* _x_ `code` [link](http://x) <b>b</b> \\\\ # h" {\n  kind activity\n  source "CRM **report**"\n}\n';
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const hover = await ws.session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } });
        const value = (hover.contents as MarkupContent).value;
        assert.ok(value.includes('**metric** `M` — Win \\*rate\\* \\_x\\_ \\`code\\` \\[link\\]\\(http://x\\) \\<b\\>b\\</b\\> \\\\ \\# h'), value);
        assert.ok(value.includes('Source: CRM \\*\\*report\\*\\*'), value);
        assert.ok(value.includes('Doc with *emphasis*.'), value);
    });
});
