/**
 * What resolveConfig tells the language server to watch
 * (language/config/extends.ts): the config files of the `extends` chain,
 * whatever their names, and the paths `catalogs` and `templates` name where
 * nothing is yet. server/align-update-handler.ts reads the configuration
 * again when one of them changes or is created.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { resolveConfig, type ResolvedConfig } from '../../language/config/extends.js';

describe('align.config.json: the config files in force and the paths still missing', () => {
    const dirs: string[] = [];
    after(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

    async function resolved(files: Record<string, string>): Promise<{ dir: string; config: ResolvedConfig }> {
        const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'align-config-files-')));
        dirs.push(dir);
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        const file = path.join(dir, 'align.config.json');
        return { dir, config: await resolveConfig(new NodeFileSystemProvider(), URI.file(file), fs.readFileSync(file, 'utf-8')) };
    }

    const relative = (dir: string, uris: readonly URI[]) => uris.map(uri => path.relative(dir, uri.fsPath)).sort();

    it('lists every file of the extends chain, whatever its name, and a folder\'s align.config.json', async () => {
        const { dir, config } = await resolved({
            'align.config.json': '{ "extends": "./std/base.jsonc" }\n',
            'std/base.jsonc': '// comments\n{ "extends": "./config" }\n',
            'std/config': '{ "extends": "../shared" }\n',
            'shared/align.config.json': '{ "rules": { "program-without-sponsor": "off" } }\n'
        });
        assert.deepEqual(config.problems, []);
        assert.deepEqual(relative(dir, config.files), ['align.config.json', 'shared/align.config.json', 'std/base.jsonc', 'std/config']);
        assert.deepEqual(config.unresolved, []);
    });

    it('lists an extended file named by path that is missing', async () => {
        const { dir, config } = await resolved({ 'align.config.json': '{ "extends": "./std/base.jsonc" }\n' });
        assert.deepEqual(relative(dir, config.files), ['align.config.json', 'std/base.jsonc']);
    });

    it('lists the catalog and templates paths that name nothing yet, through extends too, but no package', async () => {
        const { dir, config } = await resolved({
            'align.config.json': '{ "extends": "./std/base.jsonc", "catalogs": ["./kpis/people.align", "./found", "@acme/not-installed"] }\n',
            'std/base.jsonc': '{ "templates": "./tpl" }\n',
            'found/m.align': 'metric M "M" {\n  kind lagging\n}\n'
        });
        assert.deepEqual(relative(dir, config.unresolved), ['kpis/people.align', 'std/tpl']);
        assert.deepEqual(relative(dir, config.catalogs.map(source => source.uri)), ['found']);
    });
});
