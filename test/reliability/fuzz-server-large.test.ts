/**
 * The language server's incremental analysis on a large workspace: the
 * benchmark's generated workspace (10,000 elements in 100 files, CSV actuals
 * included) is served by the BUILT server; each sequence opens a few files
 * and sends random edits (incremental range changes, mostly without waiting
 * for diagnostics). Afterwards the diagnostics last published for every one
 * of the 100 files must equal a fresh in-memory build of the final texts
 * (same `line:rule` keys), and stay so once the server is quiet. Seeded:
 * see helpers/fuzz-config.ts (the workspace itself is generated with a
 * fixed seed).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { diff, rangeOf } from './helpers/lsp-edits.js';
import { keysOf, loggedProblems, LspSession, requireServerBundle, tempFolder, untilKeys, untilQuiet, uriOf } from './helpers/server.js';
import { applyEdit, editArb, type Edit } from './helpers/vocabulary.js';

/** Files opened in each sequence (indexes into the sorted `.align` files: catalog and programs). */
const OPENED = [0, 1, 37, 50, 99];

type Step = { file: number; edit: Edit; wait: boolean };

const stepArb: fc.Arbitrary<Step> = fc.record({ file: fc.nat({ max: OPENED.length - 1 }), edit: editArb(1), wait: fc.boolean() });

/** Every file of a folder (`.align` and CSV), by path relative to it. */
function filesOf(dir: string): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String).filter(f => /\.(align|csv)$/.test(f)).sort()
        .map(f => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'utf-8')]));
}

/** `line:rule` keys of every `.align` file of a fresh in-memory build. */
async function freshKeys(files: Record<string, string>): Promise<Record<string, string[]>> {
    const { findings } = await checkWorkspace(files);
    const keys: Record<string, string[]> = {};
    for (const name of Object.keys(files).filter(n => n.endsWith('.align'))) keys[name] = [];
    for (const f of findings) keys[f.file]!.push(`${f.line}:${f.rule}`);
    for (const name of Object.keys(keys)) keys[name]!.sort();
    return keys;
}

describe('reliability: the language server on a 10,000-element workspace, edits against a fresh build', function () {
    this.timeout(Math.max(900_000, runsOf(6) * 120_000));
    let root: string;
    let session: LspSession;
    let disk: Record<string, string>;
    let diskKeys: Record<string, string[]>;
    let names: string[];

    before(async () => {
        announceSeed();
        requireServerBundle();
        root = tempFolder('align-rel-large-');
        generateWorkspace({ elements: 10_000, files: 100, dir: root });
        disk = filesOf(root);
        names = Object.keys(disk).filter(n => n.endsWith('.align'));
        assert.equal(names.length, 100);
        diskKeys = await freshKeys(disk);
        ({ session } = await LspSession.start(root));
        for (const name of names) await untilKeys(session, path.join(root, name), diskKeys[name]!, 120_000);
    });
    after(async () => {
        await session?.stop();
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it('ends every sequence with the diagnostics of a fresh build of the final texts, in all 100 files', async () => {
        const figures = { sequences: 0, edits: 0, changedFiles: 0 };
        let version = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 15 }), async steps => {
                figures.sequences++;
                const texts: Record<string, string> = {};
                for (const i of OPENED) {
                    const name = names[i]!;
                    texts[name] = disk[name]!;
                    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path.join(root, name)), languageId: 'align', version: ++version, text: texts[name] } });
                }
                for (const step of steps) {
                    const name = names[OPENED[step.file]!]!;
                    const before = texts[name]!;
                    const after = applyEdit(before, { ...step.edit, file: 0 });
                    texts[name] = after;
                    const change = diff(before, after);
                    const uri = uriOf(path.join(root, name));
                    figures.edits++;
                    await session.connection.sendNotification('textDocument/didChange', {
                        textDocument: { uri, version: ++version }, contentChanges: [{ range: rangeOf(before, change.start, change.end), text: change.text }]
                    });
                    if (step.wait) await session.diagnosticsOf(path.join(root, name), () => true).catch(() => undefined);
                }
                const expected = await freshKeys({ ...disk, ...texts });
                figures.changedFiles += names.filter(n => expected[n]!.join() !== diskKeys[n]!.join()).length;
                for (const name of names) await untilKeys(session, path.join(root, name), expected[name]!, 60_000);
                await untilQuiet(session, 300);
                for (const name of names) {
                    assert.deepEqual(keysOf(session.diagnostics.get(uriOf(path.join(root, name))) ?? []), expected[name], `${name} after the server went quiet`);
                }
                assert.deepEqual(loggedProblems(session), [], 'the server logged no error');
                // Back to the files on disk for the next sequence.
                for (const name of Object.keys(texts)) await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path.join(root, name)) } });
                for (const name of names) await untilKeys(session, path.join(root, name), diskKeys[name]!, 60_000);
            }),
            fuzzParameters(6, { endOnFailure: true }),
        );
        report(`large workspace: ${figures.sequences} sequences, ${figures.edits} edits; ${figures.changedFiles} file states whose findings differed from the files on disk, all equal to a fresh build`);
    });
});
