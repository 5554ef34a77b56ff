import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { LAYERS, layerViolations } from './helpers/layers.js';
import { REPO_ROOT } from './helpers/textmate-grammar.js';

/** Every `.ts` file of the layers, by repository-relative path. */
function repositorySources(): Map<string, string> {
    const sources = new Map<string, string>();
    for (const layer of LAYERS) {
        for (const entry of fs.readdirSync(path.join(REPO_ROOT, layer), { recursive: true, withFileTypes: true })) {
            if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
            const file = path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
            sources.set(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf-8'));
        }
    }
    return sources;
}

/** Type errors of one in-memory file compiled with a tsconfig's options (and no other file). */
function compileWith(tsconfig: string, text: string, probe = 'language/probe.ts'): string[] {
    const { options } = parsedConfig(tsconfig);
    const file = path.join(REPO_ROOT, probe);
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => name === file ? ts.createSourceFile(name, text, version) : read(name, version);
    const program = ts.createProgram([file], options, host);
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** A tsconfig of the repository as the compiler reads it (its options and files). */
function parsedConfig(tsconfig: string): ts.ParsedCommandLine {
    const { config } = ts.readConfigFile(path.join(REPO_ROOT, tsconfig), ts.sys.readFile);
    return ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
}

/** The folder rules of product.md, enforced on every test run. */
describe('layers', () => {
    it('the sources break no folder rule', () => {
        const sources = repositorySources();
        assert.ok(sources.size > 100 && sources.has('language/rules.ts') && sources.has('client/activate.ts'), 'the sources were read');
        assert.deepEqual(layerViolations(sources), []);
    });

    it('finds each kind of break', () => {
        const sources = new Map(Object.entries({
            'language/a.ts': "import * as fs from 'node:fs';\nimport { x } from '../server/b.js';\nimport { y } from 'left-pad';\nimport 'vscode';",
            'language/pure.ts': "import type { AstNode } from 'langium';\nexport const pure = 1;",
            'language/heavy.ts': "import { URI } from 'langium';\nexport const heavy = URI;",
            'language/via.ts': "export { heavy } from './heavy.js';",
            'language/render/index.ts': "export * from './svg.js';",
            'server/b.ts': "import * as vscode from 'vscode';\nimport { cli } from '../cli/c.js';",
            'cli/c.ts': "import { svg } from '../language/render/svg.js';\nimport { layout } from '../language/render/index.js';",
            'client/d.ts': "import * as vscode from 'vscode';\nimport { via } from '../language/via.js';\nimport { pure } from '../language/pure.js';\nimport type { Heavy } from '../language/heavy.js';\nimport { b } from '../server/b.js';",
            'webview/e.ts': "import * as path from 'node:path';\nimport { type Heavy } from '../language/heavy.js';\nimport type { Layout } from '../language/heavy.js';\nimport { protocol } from '../webview/p.js';"
        }));
        assert.deepEqual(layerViolations(sources), [
            'language/a.ts:1: language/ may not import the node module node:fs: inject it as a service',
            'language/a.ts:2: language/ may not import server/b.ts',
            'language/a.ts:3: language/ may not import left-pad (langium only)',
            'language/a.ts:4: language/ may not import vscode (client/ only)',
            'server/b.ts:1: server/ may not import vscode (client/ only)',
            'server/b.ts:2: server/ may not import cli/c.ts',
            'cli/c.ts:1: import language/render through its index, not language/render/svg.ts',
            'client/d.ts:2: client/ loads language/via.ts, which loads language/heavy.ts -> langium: import types only, or move the code out of that module',
            'client/d.ts:5: client/ may not import server/b.ts',
            'webview/e.ts:1: webview/ runs in the browser: no node:path',
            // `import { type X }` still loads the module (verbatimModuleSyntax); `import type` does not.
            'webview/e.ts:2: webview/ loads language/heavy.ts, which loads langium: import types only, or move the code out of that module'
        ]);
    });

    it('language/ compiles without DOM types (tsconfig.language.json)', () => {
        assert.deepEqual(compileWith('tsconfig.language.json', 'export const ok: number = [1, 2].length;'), []);
        const errors = compileWith('tsconfig.language.json', 'export const title = document.title;\nexport const el: HTMLElement | undefined = undefined;');
        assert.equal(errors.length, 2, errors.join('\n'));
        assert.match(errors[0]!, /Cannot find name 'document'/);
        assert.match(errors[1]!, /Cannot find name 'HTMLElement'/);
        assert.equal(compileWith('tsconfig.json', 'export const title = document.title;').length, 0, 'the other layers have the DOM');
    });

    it('the scripts are type-checked too (tsconfig.scripts.json): a name used but never imported fails npm run typecheck', () => {
        const checked = new Set(parsedConfig('tsconfig.scripts.json').fileNames.map(file => path.relative(REPO_ROOT, file)));
        const scripts = fs.readdirSync(path.join(REPO_ROOT, 'scripts')).filter(name => name.endsWith('.mjs')).map(name => `scripts/${name}`);
        assert.ok(scripts.length > 5, 'the scripts were listed');
        assert.deepEqual(scripts.filter(script => !checked.has(script)), [], 'scripts the type check leaves out');
        const probe = "import { existsSync } from 'node:fs';\nexport const gone = existsSync('x') && rmSync('x');\n";
        const errors = compileWith('tsconfig.scripts.json', probe, 'scripts/probe.mjs');
        assert.equal(errors.length, 1, errors.join('\n'));
        assert.match(errors[0]!, /Cannot find name 'rmSync'/);
        assert.deepEqual(compileWith('tsconfig.scripts.json', probe.replace('{ existsSync }', '{ existsSync, rmSync }'), 'scripts/probe.mjs'), []);
    });
});
