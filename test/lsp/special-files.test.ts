/**
 * A workspace whose actuals CSV and `align.config.json` are named pipes
 * (FIFOs): the server publishes its diagnostics, where opening the config
 * blocked the first build (nothing answered) and the CSV the diagnostics of
 * its file. The suite's time limit turns a regression into a failure.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession } from './lsp-session.js';

describe('language server: named pipes as a CSV and as the config', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    let root = '';
    before(async () => {
        root = makeTempDir('lsp-special-files-');
        fs.writeFileSync(path.join(root, 'a.align'),
            'metric M { kind lagging unit count direction up owner "o" cadence monthly source "s" }\nactuals M from "data/x.csv"\n');
        fs.mkdirSync(path.join(root, 'data'));
        for (const pipe of ['data/x.csv', 'align.config.json']) {
            const made = spawnSync('mkfifo', [path.join(root, pipe)]);
            assert.equal(made.status, 0, `mkfifo: ${String(made.stderr)}`);
        }
        ({ session } = await LspSession.start(root));
    });
    after(async () => {
        await session?.stop();
        removeTempDirs();
    });

    it('publishes actuals-invalid for the CSV and config-invalid for the config', async () => {
        const source = await session!.diagnosticsOf(path.join(root, 'a.align'), d => d.some(x => x.code === 'actuals-invalid'));
        assert.ok(source.some(d => d.code === 'actuals-invalid' && String(d.message).includes('file "data/x.csv" is not a regular file but a named pipe, socket or device and is not read')),
            JSON.stringify(source.map(d => d.message)));
        const config = await session!.diagnosticsOf(path.join(root, 'align.config.json'));
        assert.deepEqual(config.map(d => `${String(d.code)} ${String(d.message)}`),
            ['config-invalid align.config.json cannot be read (not a regular file but a named pipe, socket or device); the defaults apply']);
    });
});
