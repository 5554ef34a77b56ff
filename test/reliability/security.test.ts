/**
 * Security: the files the language reads are confined to the workspace.
 * An actuals CSV path that leaves the workspace (`../x.csv`, an absolute
 * path, a symbolic link inside the workspace to a file or folder outside
 * it) is refused with an `actuals-invalid` diagnostic that says why, and
 * the file is not read (its text never reaches a message). In an untrusted
 * workspace no CSV file is read at all. Checked in memory (the graph
 * service), through the built CLI and through the built server.
 *
 * And the built bundles contain no `eval(` or `new Function(` (or a
 * `Function("...")` call) coming from our own sources; third-party hits
 * are located through the source maps and listed in docs/reliability.md.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { URI } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS, type AlignHost } from '../../language/host.js';
import { messageText, ruleIdOf } from '../../language/findings.js';
import { parseFindings, requireBundle, runCli } from '../cli/run-cli.js';
import { report } from './helpers/fuzz-config.js';
import { LspSession, requireServerBundle } from './helpers/server.js';
import { makeTempDir } from '../temp-dirs.js';
import { MemoryFileSystem } from '../unit/helpers/memory-file-system.js';
import { REPO_ROOT } from './helpers/vocabulary.js';

const SECRET = 'period,value\n2026-01,TOPSECRET\n';

/** One metric with an actuals block per CSV path; M<i> reads paths[i]. */
function actualsSource(paths: readonly string[]): string {
    return paths.map((p, i) => `metric M${i} "Metric ${i}" {\n  kind leading\n  baseline 1\n  target 2 by 2026-12-31\n}\nactuals M${i} from "${p}"\n`).join('');
}

/** Builds `/ws/main.align` over a file system that records every read, with the host given (default: no symbolic links, reads allowed). */
async function buildInMemory(paths: readonly string[], files: Record<string, string>, host: AlignHost = HOST_WITHOUT_LINKS) {
    // Keyed by absolute path: the files outside the workspace are there too.
    const fileSystem = new MemoryFileSystem(URI.file('/'), Object.fromEntries(Object.entries(files).map(([p, text]) => [p.slice(1), text])));
    const services = createAlignServices({ fileSystemProvider: () => fileSystem, host }).Align;
    services.align.Settings.workspaceRoot = URI.file('/ws');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(actualsSource(paths), URI.file('/ws/main.align'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const invalid = new Map<number, string>();
    for (const d of document.diagnostics ?? []) {
        if (ruleIdOf(d) !== 'actuals-invalid') continue;
        const metric = Number(/Actuals of 'M(\d+)'/.exec(messageText(d))?.[1]);
        invalid.set(metric, messageText(d));
    }
    return { invalid, reads: fileSystem.reads, all: (document.diagnostics ?? []).map(messageText) };
}

const OUTSIDE = /is outside the workspace folder and is not read/;
const THROUGH_LINK = /leads, through a symbolic link, outside the workspace folder and is not read/;

describe('reliability: security', function () {
    this.timeout(60_000);

    describe('CSV paths, in memory (the graph service)', () => {
        const files = {
            '/ws/data/ok.csv': 'period,value\n2026-01,1\n',
            '/x.csv': SECRET, '/etc/passwd': SECRET, '/wsx/x.csv': SECRET, '/secret/x.csv': SECRET,
            '/ws/data/link.csv': SECRET, '/ws/data/inner-link.csv': 'period,value\n2026-01,1\n',
        };

        it('refuses ../x.csv, absolute paths, paths that climb out and sibling folders sharing a prefix, and never reads them', async () => {
            const refused = ['../x.csv', '/etc/passwd', 'data/../../x.csv', '../wsx/x.csv', '//etc/passwd'];
            const { invalid, reads, all } = await buildInMemory([...refused, 'data/ok.csv', 'data/./ok.csv'], files);
            refused.forEach((p, i) => assert.match(invalid.get(i) ?? '', OUTSIDE, `${p}: ${invalid.get(i)}`));
            assert.equal(invalid.get(refused.length), undefined, 'data/ok.csv is read');
            assert.equal(invalid.get(refused.length + 1), undefined, 'data/./ok.csv is read');
            assert.deepEqual([...new Set(reads)].sort(), ['/ws/data/ok.csv'], 'only the file inside the workspace was read');
            assert.ok(!all.some(m => m.includes('TOPSECRET')), 'no message shows a refused file');
        });

        it('refuses a symbolic link inside the workspace to a file outside it (realPath hook), reads one that stays inside', async () => {
            const links: Record<string, string> = { '/ws/data/link.csv': '/secret/x.csv', '/ws/data/inner-link.csv': '/ws/data/ok.csv', '/ws/linked': '/secret' };
            const realPath = async (uri: URI): Promise<URI> => {
                for (const [link, target] of Object.entries(links)) {
                    if (uri.path === link || uri.path.startsWith(`${link}/`)) return URI.file(target + uri.path.slice(link.length));
                }
                if (!(uri.path in files) && uri.path !== '/ws') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
                return uri;
            };
            const { invalid, reads } = await buildInMemory(['data/link.csv', 'linked/x.csv', 'data/inner-link.csv', 'data/missing.csv'], files, { ...HOST_WITHOUT_LINKS, realPath });
            assert.match(invalid.get(0) ?? '', THROUGH_LINK);
            assert.match(invalid.get(1) ?? '', THROUGH_LINK, 'a linked folder');
            assert.equal(invalid.get(2), undefined, 'a link that stays inside is read');
            assert.match(invalid.get(3) ?? '', /is missing/);
            assert.deepEqual([...new Set(reads)].sort(), ['/ws/data/ok.csv'], 'the link target inside is read, by its real path; nothing outside');
        });

        it('accepts files of a workspace folder that is itself a symbolic link', async () => {
            const realPath = async (uri: URI) => URI.file(uri.path.replace(/^\/ws(?=\/|$)/, '/real/ws'));
            const { invalid, reads } = await buildInMemory(['data/ok.csv'], { '/real/ws/data/ok.csv': 'period,value\n2026-01,1\n' }, { ...HOST_WITHOUT_LINKS, realPath });
            assert.deepEqual([...invalid.values()], []);
            assert.deepEqual(reads, ['/real/ws/data/ok.csv']);
        });

        it('reads no CSV file at all in an untrusted workspace (the host allows no file reads), and says why', async () => {
            const { invalid, reads } = await buildInMemory(['data/ok.csv', '../x.csv'], files, { ...HOST_WITHOUT_LINKS, fileReadsAllowed: () => false });
            for (const i of [0, 1]) assert.match(invalid.get(i) ?? '', /was not read: CSV files are not read in an untrusted workspace/);
            assert.deepEqual(reads, []);
        });
    });

    describe('CSV paths, on disk', () => {
        let base: string;
        let ws: string;
        const outsideFile = () => path.join(base, 'outside.csv');
        // M0..M4 must be refused, M5 and M6 read.
        const paths = () => ['../outside.csv', outsideFile(), '/etc/passwd', 'data/link.csv', 'linked/x.csv', 'data/inner-link.csv', 'data/ok.csv'];
        const expectRefused = (invalid: Map<number, string>) => {
            assert.match(invalid.get(0) ?? '', OUTSIDE, '../outside.csv');
            assert.match(invalid.get(1) ?? '', OUTSIDE, 'an absolute path outside');
            assert.match(invalid.get(2) ?? '', OUTSIDE, '/etc/passwd');
            assert.match(invalid.get(3) ?? '', THROUGH_LINK, 'a link to a file outside');
            assert.match(invalid.get(4) ?? '', THROUGH_LINK, 'a link to a folder outside');
            assert.equal(invalid.get(5), undefined, `a link inside is read: ${invalid.get(5)}`);
            assert.equal(invalid.get(6), undefined, `a plain file is read: ${invalid.get(6)}`);
        };

        before(() => {
            base = makeTempDir('align-rel-security-');
            ws = path.join(base, 'ws');
            fs.mkdirSync(path.join(ws, 'data'), { recursive: true });
            fs.mkdirSync(path.join(base, 'secret'));
            fs.writeFileSync(outsideFile(), SECRET);
            fs.writeFileSync(path.join(base, 'secret/x.csv'), SECRET);
            fs.writeFileSync(path.join(ws, 'data/ok.csv'), 'period,value\n2026-01,1\n');
            fs.symlinkSync(outsideFile(), path.join(ws, 'data/link.csv'));
            fs.symlinkSync(path.join(base, 'secret'), path.join(ws, 'linked'));
            fs.symlinkSync('ok.csv', path.join(ws, 'data/inner-link.csv'));
            fs.writeFileSync(path.join(ws, 'main.align'), actualsSource(paths()));
        });
        after(() => fs.rmSync(base, { recursive: true, force: true }));

        const byMetric = (items: Array<{ rule: string; message: string }>) => new Map(items
            .filter(f => f.rule === 'actuals-invalid')
            .map(f => [Number(/Actuals of 'M(\d+)'/.exec(f.message)?.[1]), f.message] as const));

        it('align check refuses each with actuals-invalid, and prints nothing of the files', () => {
            requireBundle();
            const result = runCli(['check', '.', '--format', 'json'], { cwd: ws });
            assert.equal(result.status, 1, result.stderr);
            const findings = parseFindings(result.stdout);
            expectRefused(byMetric(findings));
            assert.ok(!result.stdout.includes('TOPSECRET') && !result.stdout.includes('root:'), 'no content of a refused file');
        });

        it('the language server refuses each with actuals-invalid', async () => {
            requireServerBundle();
            const { session } = await LspSession.start(ws);
            try {
                const diagnostics = await session.diagnosticsOf(path.join(ws, 'main.align'), d => d.some(x => x.code === 'actuals-invalid'));
                expectRefused(byMetric(diagnostics.map(d => ({ rule: String(d.code), message: String(d.message) }))));
                assert.ok(!JSON.stringify(diagnostics).includes('TOPSECRET'));
            } finally {
                await session.stop();
            }
        });
    });

    describe('an untrusted workspace, on disk', () => {
        it('the language server told `trusted: false` at initialize reads no CSV file', async () => {
            requireServerBundle();
            const ws = makeTempDir('align-rel-untrusted-');
            try {
                fs.mkdirSync(path.join(ws, 'data'));
                fs.writeFileSync(path.join(ws, 'data/ok.csv'), 'period,value\n2026-01,1\n');
                fs.writeFileSync(path.join(ws, 'main.align'), actualsSource(['data/ok.csv']));
                const { session } = await LspSession.start(ws, {}, { trusted: false });
                try {
                    const diagnostics = await session.diagnosticsOf(path.join(ws, 'main.align'), d => d.some(x => x.code === 'actuals-invalid'));
                    assert.match(String(diagnostics.find(d => d.code === 'actuals-invalid')!.message), /not read in an untrusted workspace/);
                } finally {
                    await session.stop();
                }
            } finally {
                fs.rmSync(ws, { recursive: true, force: true });
            }
        });
    });

    describe('the built bundles', () => {
        const BUNDLES = ['out/cli.cjs', 'out/server.cjs', 'out/server-command-line.cjs', 'out/client.cjs', 'out/web/client-browser.cjs', 'out/web/server-browser.js', 'out/webview/main.js'];
        const OURS = /^(language|server|cli|client|webview)\//;
        /** `eval(`, `new Function(`, and the Function constructor called with a string (`Function("return this")`). */
        const DYNAMIC_CODE = /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]/g;

        it('hold no eval( or new Function( from our sources; third-party hits are located by the source maps', () => {
            const present = BUNDLES.filter(b => fs.existsSync(path.join(REPO_ROOT, b)));
            assert.ok(present.includes('out/cli.cjs') && present.includes('out/server.cjs'), `run \`npm run build\` first (found: ${present.join(', ')})`);
            const hits: string[] = [];
            const ours: string[] = [];
            for (const bundle of present) {
                const file = path.join(REPO_ROOT, bundle);
                const mapFile = `${file}.map`;
                assert.ok(fs.existsSync(mapFile), `${bundle} has a source map (a --minify build has none: scan a development build)`);
                const map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf-8')));
                fs.readFileSync(file, 'utf-8').split('\n').forEach((line, index) => {
                    for (const m of line.matchAll(DYNAMIC_CODE)) {
                        const entry = map.findEntry(index, m.index) as { originalSource?: string; originalLine?: number };
                        const source = path.relative(REPO_ROOT, path.resolve(path.dirname(file), entry.originalSource ?? '?')).split(path.sep).join('/');
                        const where = `${bundle}:${index + 1} ${m[0].trim()} from ${source}:${(entry.originalLine ?? 0) + 1}`;
                        hits.push(where);
                        if (OURS.test(source) || !source.startsWith('node_modules/')) ours.push(where);
                    }
                });
            }
            assert.deepEqual(ours, [], 'dynamic code from our sources (or from no known package)');
            const packages = [...new Set(hits.map(h => /from node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(h)?.[1]))].sort();
            report(`bundles scanned: ${present.length}; third-party dynamic code: ${hits.length} hit(s) in ${packages.join(', ') || 'none'}`);
            for (const h of hits) report(`  ${h}`);
        });
    });
});
