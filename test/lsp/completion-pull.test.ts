import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { sinceChoices } from '../../server/features/completion-dates.js';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const CURSOR = '‸';
const BASE = 'metric Sales "Sales" { kind lagging unit count direction up baseline 1 value 5 USD per point }\noutcome More "More" { measured by Sales }\n';

describe('language server: completion of isolate and pull', function () {
    this.timeout(30000);
    let session: LspSession;
    let file: string;
    let opened = false;

    before(async () => {
        const root = makeTempDir('align-completion-pull-');
        file = path.join(root, 'p.align');
        fs.writeFileSync(file, BASE);
        ({ session } = await LspSession.start(root));
    });
    after(async () => { await session.stop(); });

    async function labels(textWithCursor: string): Promise<string[]> {
        return (await items(textWithCursor)).map(i => i.label).sort();
    }

    async function items(textWithCursor: string): Promise<CompletionItem[]> {
        const offset = textWithCursor.indexOf(CURSOR);
        const text = textWithCursor.replace(CURSOR, '');
        session.diagnostics.delete(uriOf(file));
        if (opened) await session.change(file, text);
        else { await session.open(file, text); opened = true; }
        await session.diagnosticsOf(file);
        const before = text.slice(0, offset).split('\n');
        const result = await session.request<CompletionList | CompletionItem[] | null>('textDocument/completion',
            { textDocument: { uri: uriOf(file) }, position: { line: before.length - 1, character: before.at(-1)!.length } });
        return Array.isArray(result) ? result : result?.items ?? [];
    }

    it('offers isolate in a program, again after one, and the three methods after `by`', async () => {
        assert.ok((await labels(`${BASE}program P {\n  serves More\n  ${CURSOR}\n}\n`)).includes('isolate'));
        assert.ok((await labels(`${BASE}program P {\n  isolate Sales by trend\n  ${CURSOR}\n}\n`)).includes('isolate'));
        assert.deepEqual(await labels(`${BASE}program P {\n  isolate Sales by ${CURSOR}\n}\n`), ['control-group', 'estimate', 'trend']);
        assert.ok((await labels(`${BASE}program P {\n  isolate ${CURSOR}\n}\n`)).includes('Sales'));
    });

    it('offers pull in a snapshot block, the two sources after it, and the xAPI options not yet written', async () => {
        assert.deepEqual(await labels(`${BASE}actuals Sales from "s.csv" {\n  ${CURSOR}\n}\n`), ['pull']);
        assert.deepEqual(await labels(`${BASE}actuals Sales from "s.csv" {\n  pull ${CURSOR}\n}\n`), ['sql', 'xapi']);
        assert.deepEqual(await labels(`${BASE}actuals Sales from "s.csv" {\n  pull xapi env "LRS_URL" {\n    activity "a"\n    since 2026-01-01\n    ${CURSOR}\n  }\n}\n`),
            ['activity', 'auth env', 'value', 'verb']);
    });

    it('offers `since` with the first day of this month, quarter and year, from the server\'s clock', async () => {
        const since = (await items(`${BASE}actuals Sales from "s.csv" {\n  pull xapi env "LRS_URL" {\n    ${CURSOR}\n  }\n}\n`)).find(i => i.label === 'since');
        const expected = sinceChoices(new Date()).map(c => c.text);
        assert.deepEqual(expected.map(d => d.slice(8)), expected.map(() => '01'), 'first days');
        assert.equal((since?.textEdit as TextEdit | undefined)?.newText ?? since?.insertText, `since \${1|${expected.join(',')}|}`);
        assert.equal(since!.detail, 'since date');
    });
});
