/**
 * The CLI's file walk (cli/workspace/find-files.ts) skips the templates
 * folder each walked folder's `align.config.json` names, `extends`
 * followed by the language's resolver (language/config/extends.ts, through
 * cli/workspace/templates-of.ts): there is no second reader of the chain.
 * Loading a workspace reads each file of its config's chain once: the walk
 * takes the root folder's templates from the configuration just resolved.
 */
import * as assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { findAlignFilesPerPath } from '../../cli/workspace/find-files.js';
import { loadWorkspace } from '../../cli/workspace/load-workspace.js';
import { templatesResolver } from '../../cli/workspace/templates-of.js';
import type { FileSystemProvider, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';

/** A template: placeholders. */
const TEMPLATE = 'program ${name} "${title}" {\n}\n';
const PROGRAM = 'metric Churn "Churn" { kind lagging unit "%" }\n';

describe('the CLI file walk and the templates folders of config files', () => {
    const dirs: string[] = [];
    after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

    function workspace(files: Record<string, string>): string {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'align-walk-templates-'));
        dirs.push(dir);
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }

    const relative = (dir: string, files: readonly string[]) => files.map(file => path.relative(dir, file).split(path.sep).join('/'));

    it('skips the templates folder that a walked folder\'s config names through extends (a package, a file), the extending file\'s own winning', async () => {
        const dir = workspace({
            'teams/a/align.config.json': '{ "extends": "@acme/standards" }',
            'teams/a/tpl/one.align': TEMPLATE,
            'teams/a/program.align': PROGRAM,
            'teams/b/align.config.json': '{ "extends": "./base.json", "templates": "./mine" }',
            'teams/b/base.json': '{ "templates": "./tpl" }',
            'teams/b/tpl/old.align': PROGRAM,
            'teams/b/mine/two.align': TEMPLATE,
            'node_modules/@acme/standards/align.config.json': '{ "templates": "../../../teams/a/tpl" }'
        });
        const [found] = await findAlignFilesPerPath([dir], templatesResolver());
        assert.deepEqual(relative(dir, found!.files), ['teams/a/program.align', 'teams/b/tpl/old.align']);
        assert.deepEqual(relative(dir, found!.skippedTemplates), ['teams/a/tpl', 'teams/b/mine']);
    });

    it('asks for the templates of the folders that have a config file only, once each', async () => {
        const dir = workspace({
            'align.config.json': '{ "templates": "./tpl" }',
            'tpl/one.align': TEMPLATE,
            'programs/a.align': PROGRAM,
            'programs/nested/b.align': PROGRAM
        });
        const asked: string[] = [];
        const resolve = templatesResolver();
        const [found] = await findAlignFilesPerPath([dir], folder => { asked.push(folder); return resolve(folder); });
        assert.deepEqual(relative(dir, found!.files), ['programs/a.align', 'programs/nested/b.align']);
        assert.deepEqual(asked, [dir]);
    });

    it('loading a workspace reads each file of its config\'s extends chain once', async () => {
        const dir = workspace({
            'align.config.json': '{ "extends": "./standards/base.json" }',
            'standards/base.json': '{ "extends": "@acme/standards" }',
            'node_modules/@acme/standards/align.config.json': '{ "templates": "../../../standards/templates" }',
            'standards/templates/one.align': TEMPLATE,
            'programs/a.align': PROGRAM
        });
        const reads = new Map<string, number>();
        const count = (file: unknown) => {
            const name = path.relative(dir, String(file)).split(path.sep).join('/');
            if (name.endsWith('.json')) reads.set(name, (reads.get(name) ?? 0) + 1);
        };
        const readFileSync = fs.readFileSync;
        const readFile = fs.promises.readFile;
        fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => { count(file); return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest); }) as typeof fs.readFileSync;
        fs.promises.readFile = ((file: fs.PathLike, ...rest: unknown[]) => { count(file); return (readFile as (...args: unknown[]) => unknown)(file, ...rest); }) as typeof fs.promises.readFile;
        syncBuiltinESMExports();
        let loaded;
        try {
            loaded = await loadWorkspace({ paths: [dir] });
        } finally {
            fs.readFileSync = readFileSync;
            fs.promises.readFile = readFile;
            syncBuiltinESMExports();
        }
        assert.deepEqual(relative(dir, loaded.documents.map(d => d.uri.fsPath)), ['programs/a.align']);
        assert.deepEqual(Object.fromEntries(reads), {
            'align.config.json': 1,
            'standards/base.json': 1,
            'node_modules/@acme/standards/align.config.json': 1
        });
    });

    it('a chain it cannot look into (EACCES) leaves the walked config\'s own templates folder, and the walk goes on', async () => {
        const dir = workspace({
            'teams/a/align.config.json': '{ "extends": "@acme/locked", "templates": "./tpl" }',
            'teams/a/tpl/one.align': TEMPLATE,
            'teams/a/program.align': PROGRAM
        });
        const disk = NodeFileSystem.fileSystemProvider();
        const locked: FileSystemProvider = Object.assign(Object.create(disk) as FileSystemProvider, {
            stat: async (uri: URI) => {
                if (uri.fsPath.includes('node_modules')) throw Object.assign(new Error(`EACCES: permission denied, stat '${uri.fsPath}'`), { code: 'EACCES' });
                return disk.stat(uri);
            }
        });
        const [found] = await findAlignFilesPerPath([dir], templatesResolver(locked));
        assert.deepEqual(relative(dir, found!.files), ['teams/a/program.align']);
        assert.deepEqual(relative(dir, found!.skippedTemplates), ['teams/a/tpl']);
    });
});
