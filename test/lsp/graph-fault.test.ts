/**
 * A fault in the impact graph's build (a bug in Align, not in the files):
 * every document still gets its diagnostics, the syntax errors and the rules
 * that read the document alone, plus one `internal-error` at its start that
 * says the rules reading the graph did not run. Before, nothing was
 * published at all and the editor showed the files as clean. Hover, code
 * lens and quick fixes answer without the graph. Once a build
 * succeeds (after the next edit), every document shows the graph's findings
 * again. The fault is test/cli/fault/graph-build.cjs, preloaded into the
 * built server while its marker file exists.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ImpactGraphRequest, type ImpactGraphResult } from '../../language/protocol.js';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, SERVER, uriOf } from './lsp-session.js';

const FAULT = path.resolve(path.dirname(SERVER), '../test/cli/fault/graph-build.cjs');
/** A program without a sponsor (`program-without-sponsor`: read from the document alone) that serves nothing (`program-without-outcome`: from the graph). */
const PROGRAM = 'program P "p" {\n  owner "o"\n}\n';
/** A skill no behavior names (`skill-enables-nothing`: from the graph). */
const SKILL = 'skill T "t" { }\n';

const rules = (list: readonly Diagnostic[]) => list.map(d => String(d.code)).sort();
const errorsLogged = (session: LspSession) => session.notifications
    .filter(n => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1).map(n => (n.params as { message: string }).message);
const faultOf = (list: readonly Diagnostic[]) => list.find(d => d.code === 'internal-error');

describe('language server: the impact graph cannot be built', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    after(async () => {
        await session?.stop();
        removeTempDirs();
    });

    it('publishes each document\'s other findings and one internal-error; after the next edit, the graph\'s findings again', async () => {
        const root = makeTempDir('lsp-graph-fault-');
        const marker = path.join(root, 'fault-on');
        fs.writeFileSync(marker, '');
        const program = path.join(root, 'p.align');
        const skill = path.join(root, 'q.align');
        fs.writeFileSync(program, PROGRAM);
        fs.writeFileSync(skill, SKILL);
        // The server takes the variable at its spawn.
        process.env['ALIGN_TEST_GRAPH_FAULT'] = marker;
        try {
            session = (await LspSession.start(root, {}, undefined, { file: process.execPath, args: ['--require', FAULT, SERVER] })).session;
        } finally {
            delete process.env['ALIGN_TEST_GRAPH_FAULT'];
        }
        await session.open(program);

        const programFaulted = await session.diagnosticsOf(program, d => d.length > 0);
        assert.deepEqual(rules(programFaulted), ['internal-error', 'program-without-review', 'program-without-sponsor']);
        const fault = faultOf(programFaulted)!;
        assert.match(String(fault.message), /^The impact graph could not be built: TypeError: fault injected in the impact graph's build\. This is a bug in Align, not in the file: please report it\. The rules that read the graph did not run; the other rules ran\.$/);
        assert.deepEqual(fault.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        assert.equal(fault.severity, 1);
        assert.deepEqual(rules(await session.diagnosticsOf(skill, d => d.length > 0)), ['internal-error']);
        // The features that read the graph answer without it (no error, which the editor would pop up at every hover).
        const uri = uriOf(program);
        const onName = { textDocument: { uri }, position: { line: 0, character: 8 } };
        assert.equal(await session.request('textDocument/hover', onName), null);
        assert.deepEqual(await session.request('textDocument/codeLens', { textDocument: { uri } }), []);
        const sponsor = programFaulted.filter(d => d.code === 'program-without-sponsor');
        const actions = await session.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: sponsor[0]!.range, context: { diagnostics: sponsor } });
        assert.deepEqual(actions.map(a => a.title), ['Disable program-without-sponsor for this line']);
        // The preview's graph cannot be answered: an InternalError that says why (the preview shows it), not a generic failure.
        await assert.rejects(session.request(ImpactGraphRequest.method, {}), (error: { code?: number; message?: string }) => {
            assert.equal(error.code, -32603);
            assert.equal(error.message, 'The impact graph could not be built: TypeError: fault injected in the impact graph\'s build.');
            return true;
        });
        // Logged once with its stack, for both documents; the build itself did not fail.
        assert.deepEqual(errorsLogged(session).map(m => m.split('\n')[0]), ['Align: the impact graph could not be built, so the rules that read it did not run: TypeError: fault injected in the impact graph\'s build']);

        fs.rmSync(marker);
        await session.change(program, PROGRAM.replace('"p"', '"renamed"'));
        const programAfter = await session.diagnosticsOf(program, d => !faultOf(d));
        assert.deepEqual(rules(programAfter), ['program-without-leading', 'program-without-outcome', 'program-without-review', 'program-without-sponsor']);
        // The other file was not edited: it is published again because its fault is gone.
        assert.deepEqual(rules(await session.diagnosticsOf(skill, d => !faultOf(d))), ['skill-enables-nothing']);
        const graph = await session.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        const hover = await session.request<{ contents: { value: string } }>('textDocument/hover', onName);
        assert.match(hover.contents.value, /^\*\*program\*\* `P` — renamed/);
        assert.equal(errorsLogged(session).length, 1, 'nothing more logged');
        assert.deepEqual(graph.graph.nodes.map(n => `${n.name} ${n.title}`).sort(), ['P renamed', 'T t']);
    });
});
