import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, CompletionList, DocumentLink, DocumentSymbol, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { messageParts } from '../../language/present/index.js';
import { LspSession, positionAt, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/**
 * The user's text reaches the editor through the server: titles, strings,
 * file names, a catalog's name, the values of `align.lock.json`. Text made
 * to break those surfaces (a Markdown link to a `command:` URI, a remote
 * image, HTML, a backtick that ends a code span, a bell, a right-to-left
 * override, a title of 10,000 characters) shows as written, on one line
 * where the surface has one line, and cut where it has little room.
 */
const RLO = '\u202E';
const PDF = '\u202C';
const BEL = '\u0007';
const LINK = '[x](command:workbench.action.files.delete)';
const IMAGE = '![t](http://example.invalid/t.png)';
/** A title (and source, owner, instrument) with every kind of trouble, on one line as a STRING must be. */
const TITLE = `Win ${RLO}etar${PDF} ${BEL} \` ${LINK} ${IMAGE} <img src=x> # h`;
const LONG = `Long ${'L'.repeat(10_000)}`;
/** The snapshot's file: a backtick that would end a plain code span, a link, an override. */
const SNAPSHOT = `data/s\`n ${LINK}${RLO}.csv`;
/** The folder catalog, as `catalogs` writes it. */
const CATALOG = `./cat\` ${LINK}`;
const CSV = 'period,value\n2026-01,1\n2026-02,2\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const SOURCE = `metric M "${TITLE}" {
  kind leading unit count direction up baseline 1 target 5 by 2026-12-31
  source "${TITLE}" owner "${TITLE}"
}
behavior B "${LONG}" {
  moves M
  observed by manager weekly with "\`) ${LINK} ${IMAGE}"
}
objective O "${LONG}" { kpi M }
metric N "${LONG}" { kind lagging }
outcome Out "Out" { measured by M, Lib }
actuals M from "${SNAPSHOT}" {
  pull sql "q.sql"
}
`;

/** Characters no surface may show raw: controls, separators, bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What Markdown would make of the text other than words and code: a link or an image, HTML, a heading. */
function markdownConstructs(markdown: string): string[] {
    const found: string[] = [];
    for (const line of markdown.split('\n')) {
        // Code spans show their text as it is: only the text between them is read as Markdown.
        for (const part of messageParts(line)) {
            if (typeof part !== 'string') continue;
            if (/(?<!\\)\]\(/.test(part)) found.push(`a link or image in: ${part}`);
            if (/(?<!\\)</.test(part)) found.push(`HTML in: ${part}`);
        }
        if (/^ {0,3}#/.test(line)) found.push(`a heading: ${line}`);
    }
    return found;
}

describe('language server: hostile user text in hovers, outline, completion, links and hints', function () {
    this.timeout(60000);
    let root: string;
    let session: LspSession;
    let file: string;

    before(async () => {
        root = makeTempDir('align-hostile-text-');
        file = path.join(root, 'hostile.align');
        fs.mkdirSync(path.join(root, 'data'));
        fs.mkdirSync(path.join(root, CATALOG));
        fs.writeFileSync(path.join(root, CATALOG, 'lib.align'), 'metric Lib "Lib" {\n  kind lagging\n}\n');
        fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ catalogs: [CATALOG] }));
        fs.writeFileSync(file, SOURCE);
        fs.writeFileSync(path.join(root, SNAPSHOT), CSV);
        fs.writeFileSync(path.join(root, 'q.sql'), 'SELECT 1');
        fs.writeFileSync(path.join(root, 'align.lock.json'), JSON.stringify({ version: 1, snapshots: { [SNAPSHOT]: {
            metric: 'M', kind: 'sql', query: 'q.sql', querySha256: sha('SELECT 1'), rows: 2,
            firstPeriod: `<img src=x>${RLO}`, lastPeriod: `# ${BEL}`, snapshotSha256: sha(CSV), pulledAt: `${LINK} ${IMAGE}\n# h` } } }));
        ({ session } = await LspSession.start(root));
        await session.open(file);
        await session.diagnosticsOf(file);
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    const at = (needle: string, offset = 1) => ({ textDocument: { uri: uriOf(file) }, position: positionAt(SOURCE, SOURCE.indexOf(needle) + offset) });
    const hover = async (needle: string, offset?: number): Promise<string> => {
        const result = await session.request<Hover | null>('textDocument/hover', at(needle, offset));
        return (result?.contents as MarkupContent | undefined)?.value ?? '';
    };

    it('hover on a metric: its title, source and owner read literally, on their line, the override shown as \\u202E', async () => {
        const text = await hover('metric M', 7);
        assert.ok(text.startsWith('**metric** `M` — Win \\\\u202Eetar\\\\u202C \\\\x07 \\` \\[x\\]\\(command:'), text);
        assert.doesNotMatch(text.replace(/\n/g, ''), UNSHOWN, 'no raw control but the hover\'s own line breaks');
        assert.deepEqual(markdownConstructs(text), []);
        assert.ok(text.includes('Source: Win \\\\u202Eetar'), text);
    });

    it('hover on a behavior: the instrument of `observed by` reads literally', async () => {
        const text = await hover('behavior B', 9);
        assert.ok(text.includes('Observed by manager weekly with "\\`\\) \\[x\\]\\(command:workbench.action.files.delete\\) \\!\\[t\\]'), text);
        assert.deepEqual(markdownConstructs(text), []);
    });

    it('hover on a pulled snapshot: its file is one code span, the lock\'s values read literally', async () => {
        const text = await hover(`"${SNAPSHOT}"`);
        const head = text.split('\n')[0]!;
        assert.deepEqual(messageParts(head), ['**snapshot** ', { code: `data/s\`n ${LINK}\\u202E.csv` }, ' of ', { code: 'M' }]);
        assert.doesNotMatch(text.replace(/\n/g, ''), UNSHOWN, 'no raw control but the hover\'s own line breaks');
        assert.deepEqual(markdownConstructs(text), []);
        assert.ok(text.includes('Pulled \\[x\\]\\(command:'), text);
        assert.ok(text.includes('2 rows, \\<img src=x\\>\\\\u202E to \\# \\\\x07'), text);
    });

    it('hover on a catalog declaration: the catalog\'s name is one code span', async () => {
        const text = await hover('Lib');
        const line = text.split('\n').find(l => l.includes('From catalog')) ?? '';
        assert.deepEqual(messageParts(line), ['*From catalog ', { code: CATALOG }, ' (read-only)*'], text);
        assert.deepEqual(markdownConstructs(text), []);
    });

    it('outline: titles and the snapshot\'s file on one line, escaped, a long title cut at 120 characters with …', async () => {
        const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } });
        const detail = new Map(symbols.map(s => [s.name, s.detail]));
        assert.equal(detail.get('M'), `Win \\u202Eetar\\u202C \\x07 \` ${LINK} ${IMAGE} <img src=x> # h`);
        assert.equal(detail.get('B'), `${LONG.slice(0, 120)}…`);
        assert.equal(detail.get('actuals M'), `from "data/s\`n ${LINK}\\u202E.csv"`);
    });

    it('completion: a reference\'s detail shows its title on one line, cut', async () => {
        const list = await session.request<CompletionList | CompletionItem[]>('textDocument/completion', at('measured by M', 'measured by '.length));
        const items = Array.isArray(list) ? list : list.items;
        const detail = (label: string) => items.find(i => i.label === label)?.detail ?? '';
        assert.equal(detail('M'), `metric · leading — Win \\u202Eetar\\u202C \\x07 \` ${LINK} ${IMAGE} <img src=x> # h`);
        assert.equal(detail('N'), `metric · lagging — ${LONG.slice(0, 120)}…`);
        for (const item of items) assert.ok(!UNSHOWN.test(`${item.label}${item.detail ?? ''}`) && (item.detail ?? '').length < 200, JSON.stringify(item).slice(0, 300));
    });

    it('document link and inlay hint on the snapshot: the file named with its override escaped', async () => {
        const links = await session.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uriOf(file) } });
        assert.deepEqual(links.map(l => l.tooltip), [`Open data/s\`n ${LINK}\\u202E.csv`]);
        const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: uriOf(file) }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
        assert.deepEqual(hints.map(h => h.label), ['2 rows, 2026-01 to 2026-02']);
        assert.match(String(hints[0]!.tooltip), /^What align check reads from data\/s`n \[x\]\(command:workbench\.action\.files\.delete\)\\u202E\.csv: 2 rows\./);
    });

    it('code lenses carry counts and figures, never a title: short and on one line however long the titles', async () => {
        const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
        const titles = lenses.map(l => l.command?.title ?? '');
        assert.deepEqual(titles, ['moved by 1 behavior, reached by 1 objective', '1 KPI (direct)', 'moved by 0 behaviors, reached by 0 objectives']);
    });
});
