/**
 * The server reads the configuration again when a file of its `extends`
 * chain changes, whatever the file's name (workspace/didChangeWatchedFiles):
 * `./std/base.jsonc`, or `./std/config` with no extension, edited, deleted,
 * or created after align.config.json named it, as `align check` reads them
 * afterwards. test/lsp/config-follows.test.ts has the `.json` case.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const PROGRAM = 'program P "P" {\n  pilot 120 days from 2026-01-05\n}\n';
const rulesOf = (d: Diagnostic[] | undefined) => (d ?? []).map(x => `${x.code}:${x.severity}`).sort();

describe('language server: an extended config file of any name, changed on disk', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    let root: string;
    const file = (name: string) => path.join(root, name);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), text);
    };
    const watched = (changes: Array<[string, number]>) => session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([name, type]) => ({ uri: uriOf(file(name)), type })) });

    beforeEach(() => { root = makeTempDir('lsp-extends-names-'); });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    for (const extended of ['std/base.jsonc', 'std/config']) {
        it(`${extended} edited, then deleted: its rules apply, then its absence is reported`, async () => {
            write('align.config.json', `{ "extends": "./${extended}" }\n`);
            write(extended, '{ "rules": { "program-without-sponsor": "error" } }\n');
            write('p.align', PROGRAM);
            ({ session } = await LspSession.start(root));
            await session.diagnosticsOf(file('p.align'), d => rulesOf(d).includes('program-without-sponsor:1'));
            write(extended, '// JSON with comments\n{ "rules": { "program-without-sponsor": "off", "pilot-too-long": "warning" } }\n');
            await watched([[extended, CHANGED]]);
            const after = await session.diagnosticsOf(file('p.align'), d => !rulesOf(d).some(r => r.startsWith('program-without-sponsor')));
            assert.ok(rulesOf(after).includes('pilot-too-long:2'), rulesOf(after).join(', '));
            fs.rmSync(file(extended));
            await watched([[extended, DELETED]]);
            const config = await session.diagnosticsOf(file('align.config.json'), d => d.length > 0);
            assert.match(String(config[0]!.message), /extends: no file or folder/);
        });
    }

    it('std/base.jsonc created after align.config.json named it', async () => {
        write('align.config.json', '{ "extends": "./std/base.jsonc" }\n');
        write('p.align', PROGRAM);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('align.config.json'), d => d.length > 0);
        write('std/base.jsonc', '{ "rules": { "program-without-sponsor": "error" } }\n');
        await watched([['std/base.jsonc', CREATED]]);
        await session.diagnosticsOf(file('align.config.json'), d => d.length === 0);
        await session.diagnosticsOf(file('p.align'), d => rulesOf(d).includes('program-without-sponsor:1'));
    });
});
