/**
 * The language server's incremental analysis on a large workspace: the
 * benchmark's generated workspace (10,000 elements in 100 files, CSV actuals
 * included) is served by the BUILT server; each sequence opens a few files
 * and sends random edits (incremental range changes, mostly without waiting
 * for diagnostics): span edits from the fuzz vocabulary, and renames of one
 * use of a name the workspace declares (to another declared name, or a new
 * one), so that references across files break, retarget and duplicate.
 * Afterwards the diagnostics last published for every one of the 100 files
 * must equal a fresh in-memory build of the final texts (place, rule and
 * message), and stay so once the server is quiet. Seeded: see
 * helpers/fuzz-config.ts (the workspace itself is generated with a fixed
 * seed).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { messageText, type FindingDiagnostic } from '../../language/findings.js';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { diff, rangeOf } from './helpers/lsp-edits.js';
import { loggedProblems, LspSession, requireServerBundle, untilKeys, untilQuiet, uriOf } from './helpers/server.js';
import { makeTempDir } from '../temp-dirs.js';
import { applyEdit, editArb, type Edit } from './helpers/vocabulary.js';

/** Files opened in each sequence (indexes into the sorted `.align` files: catalog and programs). */
const OPENED = [0, 1, 37, 50, 99];

/** A rename of one use (the `occurrence`-th) of a declared name in the file, to another declared name (itself: a new name). */
type Rename = { kind: 'rename'; from: number; to: number; occurrence: number };
type Step = { file: number; edit: Edit | Rename; wait: boolean };

const renameArb: fc.Arbitrary<Rename> = fc.record({
    kind: fc.constant('rename' as const), from: fc.nat(), to: fc.nat(), occurrence: fc.nat({ max: 5 })
});

const stepArb: fc.Arbitrary<Step> = fc.record({
    file: fc.nat({ max: OPENED.length - 1 }),
    edit: fc.oneof({ arbitrary: editArb(1), weight: 2 }, { arbitrary: renameArb, weight: 1 }),
    wait: fc.boolean()
});

/** The names the workspace declares (top level and program members). */
function declaredNames(texts: readonly string[]): string[] {
    const names = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(/^[ \t]*(?:program|outcome|metric|skill|behavior|objective|toolkit)[ \t]+([A-Za-z_]\w*)/gm)) names.add(m[1]!);
    return [...names].sort();
}

/** The text after a step: a span edit, or a rename of one use of a declared name (unchanged when the file uses none). */
function applyStep(text: string, edit: Edit | Rename, names: readonly string[]): string {
    if (edit.kind !== 'rename') return applyEdit(text, { ...edit, file: 0 });
    const word = (name: string, flags = '') => new RegExp(`\\b${name}\\b`, flags);
    const used = names.filter(n => word(n).test(text));
    if (used.length === 0) return text;
    const from = used[edit.from % used.length]!;
    const target = names[edit.to % names.length]!;
    const to = target === from ? `${from}Renamed` : target;
    const uses = [...text.matchAll(word(from, 'g'))];
    const at = uses[edit.occurrence % uses.length]!.index;
    return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Every file of a folder (`.align` and CSV), by path relative to it. */
function filesOf(dir: string): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String).filter(f => /\.(align|csv)$/.test(f)).sort()
        .map(f => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'utf-8')]));
}

/** `line:rule` keys of every `.align` file of a fresh in-memory build; with `full`, `line:column rule message`. */
async function freshKeys(files: Record<string, string>, full = false): Promise<Record<string, string[]>> {
    const { findings } = await checkWorkspace(files);
    const keys: Record<string, string[]> = {};
    for (const name of Object.keys(files).filter(n => n.endsWith('.align'))) keys[name] = [];
    for (const f of findings) keys[f.file]!.push(full ? `${f.line}:${f.column} ${f.rule} ${f.message}` : `${f.line}:${f.rule}`);
    for (const name of Object.keys(keys)) keys[name]!.sort();
    return keys;
}

/** Published diagnostics as `line:column rule message` (1-based, as findings are). */
function fullKeysOf(diagnostics: readonly FindingDiagnostic[]): string[] {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${messageText(d)}`).sort();
}

describe('reliability: the language server on a 10,000-element workspace, edits against a fresh build', function () {
    this.timeout(Math.max(900_000, runsOf(6) * 120_000));
    let root: string;
    let session: LspSession;
    let disk: Record<string, string>;
    let diskKeys: Record<string, string[]>;
    let names: string[];
    let declared: string[];

    before(async () => {
        announceSeed();
        requireServerBundle();
        root = makeTempDir('align-rel-large-');
        generateWorkspace({ elements: 10_000, files: 100, dir: root });
        disk = filesOf(root);
        names = Object.keys(disk).filter(n => n.endsWith('.align'));
        assert.equal(names.length, 100);
        declared = declaredNames(names.map(n => disk[n]!));
        assert.ok(declared.length > 1000, `the workspace declares many names (${declared.length})`);
        diskKeys = await freshKeys(disk);
        ({ session } = await LspSession.start(root));
        for (const name of names) await untilKeys(session, path.join(root, name), diskKeys[name]!, 120_000);
    });
    after(async () => {
        await session?.stop();
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it('ends every sequence with the diagnostics of a fresh build of the final texts, in all 100 files', async () => {
        const figures = { sequences: 0, edits: 0, renames: 0, changedFiles: 0 };
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
                    const after = applyStep(before, step.edit, declared);
                    if (step.edit.kind === 'rename') figures.renames++;
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
                const expectedFull = await freshKeys({ ...disk, ...texts }, true);
                figures.changedFiles += names.filter(n => expected[n]!.join() !== diskKeys[n]!.join()).length;
                for (const name of names) await untilKeys(session, path.join(root, name), expected[name]!, 60_000);
                await untilQuiet(session, 300);
                for (const name of names) {
                    assert.deepEqual(fullKeysOf(session.diagnostics.get(uriOf(path.join(root, name))) ?? []), expectedFull[name], `${name} after the server went quiet`);
                }
                assert.deepEqual(loggedProblems(session), [], 'the server logged no error');
                // Back to the files on disk for the next sequence.
                for (const name of Object.keys(texts)) await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path.join(root, name)) } });
                for (const name of names) await untilKeys(session, path.join(root, name), diskKeys[name]!, 60_000);
            }),
            fuzzParameters(6, { endOnFailure: true }),
        );
        report(`large workspace: ${figures.sequences} sequences, ${figures.edits} edits (${figures.renames} renames); ${figures.changedFiles} file states whose findings differed from the files on disk, all equal to a fresh build`);
    });
});
