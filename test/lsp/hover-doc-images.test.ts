/**
 * A doc comment from a third-party catalog shows in the hover as Markdown,
 * but its images (a tracking pixel the editor would load each time the
 * hover shows) as links to them: inline, reference-style and HTML `<img>`,
 * over http, https or another scheme. The rest of the comment (bold,
 * links, code, a list) is shown as written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession, positionAt, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const CATALOG = './vendor-catalog';
/** Ordinary Markdown, which the hover shows as it is. */
const ORDINARY = [
    'Share of **active** customers, as [the CRM](https://crm.example/report) counts them; `status = "active"`.',
    '',
    '- monthly',
    '- see <https://wiki.example/churn>'
];
const IMAGES = [
    'Tracked ![pixel](https://tracker.example/pixel.png "t") and ![](http://tracker.example/p.gif).',
    'By reference ![logo][px], ![px][] and ![Px]; other schemes ![ftp](ftp://tracker.example/f.png) ![protocol](//tracker.example/r.png).',
    'HTML <img src="https://tracker.example/html.png" alt="banner"> and a badge [![build](https://tracker.example/badge.svg)](https://ci.example).',
    '',
    '[px]: https://tracker.example/ref.png'
];
const doc = (lines: readonly string[]): string => `/**\n${lines.map(l => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
const LIBRARY = `${doc(ORDINARY)}metric Plain "Plain" {\n  kind lagging\n}\n${doc(IMAGES)}metric Tracked "Tracked" {\n  kind lagging\n}\n`;
const SOURCE = 'outcome Out "Out" { measured by Plain, Tracked }\n';

describe('language server: images in a catalog\'s doc comments in the hover', function () {
    this.timeout(60000);
    let root: string;
    let session: LspSession;
    let file: string;

    before(async () => {
        root = makeTempDir('align-hover-doc-images-');
        file = path.join(root, 'main.align');
        fs.mkdirSync(path.join(root, CATALOG));
        fs.writeFileSync(path.join(root, CATALOG, 'lib.align'), LIBRARY);
        fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ catalogs: [CATALOG] }));
        fs.writeFileSync(file, SOURCE);
        ({ session } = await LspSession.start(root));
        await session.open(file);
        await session.diagnosticsOf(file);
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    /** The hover's Markdown on the word `needle`, each line trimmed (Langium keeps the space after a doc comment's `*`). */
    const hover = async (needle: string): Promise<string> => {
        const result = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionAt(SOURCE, SOURCE.indexOf(needle) + 1) });
        assert.ok(result, `no hover on ${needle}`);
        return (result.contents as MarkupContent).value.split('\n').map(line => line.trim()).join('\n');
    };

    it('shows ordinary Markdown of a doc comment as written', async () => {
        const text = await hover('Plain');
        assert.ok(text.includes('From catalog'), text);
        assert.ok(text.includes(ORDINARY.join('\n')), text);
    });

    it('shows the images of a doc comment as links to them, and no image', async () => {
        const text = await hover('Tracked');
        const expected = [
            'Tracked [image: pixel](https://tracker.example/pixel.png "t") and [image](http://tracker.example/p.gif).',
            'By reference [image: logo][px], [image: px][px] and [image: Px][Px]; other schemes [image: ftp](ftp://tracker.example/f.png) [image: protocol](//tracker.example/r.png).',
            'HTML [image: banner](<https://tracker.example/html.png>) and a badge [image: build](https://ci.example).',
            '',
            '[px]: https://tracker.example/ref.png'
        ].join('\n');
        assert.ok(text.includes(expected), text);
        assert.doesNotMatch(text, /(?<!\\)!\[|<img/i, 'no image syntax left');
    });
});
