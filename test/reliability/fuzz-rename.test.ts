/**
 * Fuzzing rename, find references and go to definition on random
 * grammatical workspaces (helpers/models.ts), decorated with documentation
 * comments and suppression comments that name the declarations, and with
 * qualified references written with spaces or a comment around the dot:
 *
 * 1. a rename to a fresh valid name (on the name, or on a reference) edits
 *    exactly the name tokens whose go to definition lands on the target,
 *    never a comment; after it the findings are those before (shifted by
 *    the edit; messages may name the target by its new name), every
 *    reference lands where it landed, and the target's references are the
 *    old ones, shifted;
 * 2. find references from a declaration lists exactly the places whose go
 *    to definition lands on it (one per reference; a qualified reference to
 *    a member is listed whole, its first segment naming the program);
 * 3. a new name that is taken in the scope, a keyword that cannot be a name
 *    or no identifier is refused with the reason (docs/editors.md); a
 *    keyword that can be a name is renamed to as any fresh name.
 *
 * In process through the services the server uses (AlignLspModule), and
 * once over JSON-RPC to the built server with a catalog folder, which
 * rename refuses to edit. Seeded: see helpers/fuzz-config.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentHighlightKind, ResponseError } from 'vscode-languageserver';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { announceSeed, FUZZ_SEED, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { workspaceArb } from './helpers/models.js';
import { KEYWORDS } from './helpers/vocabulary.js';
import {
    applyOffsetEdits, buildEditorWorkspace, declarationsOf, definitionAt, foundIn, offsetEditsOf, overlapProblem, referencesAt,
    referenceTokensOf, sameButNames, shiftOffset, uriOfName, type Declaration, type EditorWorkspace, type Found, type OffsetEdit,
} from './helpers/rename-check.js';
import { seededRandom } from '../unit/helpers/seeded-random.js';
import { keysOf, LspSession, requireServerBundle, untilKeys, uriOf } from './helpers/server.js';
import { makeTempDir } from '../temp-dirs.js';
import { isProgram } from '../../language/generated/ast.js';

/** New names that are no identifier. */
const INVALID = ['', ' ', 'two words', 'a-b', 'P0.A', '1st', '9', 'é', 'Nps😀', 'a\nb', '"A"', 'A;'];
/** An identifier. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DECLARATION = /^([ \t]*)(program|outcome|metric|skill|behavior|objective|toolkit) ([A-Za-z_]\w*)/;

/**
 * The files with comments that name declarations (a documentation comment,
 * a block comment, a suppression comment before some declarations; a line
 * comment after some) and some qualified references written `P0 . A` or
 * `P0./* c *\/A`: rename must leave comments alone and find every reference.
 */
function decorate(files: Readonly<Record<string, string>>, seed: number): Record<string, string> {
    const random = seededRandom(seed);
    const result: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
        if (!name.endsWith('.align')) { result[name] = text; continue; }
        const lines: string[] = [];
        for (const line of text.split('\n')) {
            const m = DECLARATION.exec(line);
            if (m) {
                const [, indent, , declared] = m;
                const pick = random(6);
                if (pick === 0) lines.push(`${indent}/** About ${declared}: see P0.${declared} and ${declared}. */`);
                else if (pick === 1) lines.push(`${indent}// align-disable-next-line duplicate-name, unresolved-reference`);
                else if (pick === 2) lines.push(`${indent}/* ${declared} */`);
                if (random(5) === 0) { lines.push(`${line} // ${declared}`); continue; }
            }
            lines.push(line.replace(/\b(P[0-2])\.([A-Za-z_]\w*)/g, (whole, program: string, member: string) => {
                const style = random(7);
                return style === 0 ? `${program} . ${member}` : style === 1 ? `${program}./* ${member} */${member}`
                    : style === 2 ? `${program} /* é 😀 */ .\n      ${member}` : whole;
            }).replace(/\b(by|drives|moves|kpi|for|serves) (?=[A-Za-z_])/g, (whole, word: string) => (random(6) === 0 ? `${word} /* 😀 */ ` : whole)));
        }
        // Some files with CRLF line ends, some with a byte order mark.
        const joined = lines.join(random(4) === 0 ? '\r\n' : '\n');
        result[name] = random(6) === 0 ? `\ufeff${joined}` : joined;
    }
    return result;
}

/**
 * The run's parameters, with a time limit: shrinking a failing workspace
 * builds it again and again, and a failure must be reported, not run out
 * of memory (each build keeps some). Interrupted, the failure is reported
 * with the smallest case found so far.
 */
const parameters = (runs: number) => fuzzParameters<unknown>(runs, { interruptAfterTimeLimit: Math.max(300_000, runsOf(runs) * 3000) });

const decoratedWorkspaceArb = fc.tuple(workspaceArb, fc.nat()).map(([files, seed]) => decorate(files, seed));

/** Where a declaration's name is: `file@offset`, as definitionAt gives. */
const placeOfDeclaration = (d: Declaration): string => `${d.file}@${d.start}`;

/** Go to definition from every reference token: token place (`file@offset`) to where it lands. */
async function definitionsOf(ws: EditorWorkspace): Promise<Map<string, { file: string; start: number; end: number; lands: string | undefined }>> {
    const result = new Map<string, { file: string; start: number; end: number; lands: string | undefined }>();
    for (const token of referenceTokensOf(ws)) {
        const lands = await definitionAt(ws, token.file, token.start);
        assert.ok(lands.length <= 1, `${token.file}@${token.start} (${token.written}): go to definition lands on ${lands.length} places`);
        if (token.resolved) assert.equal(lands.length, 1, `${token.file}@${token.start}: the reference '${token.written}' resolves, go to definition lands nowhere`);
        result.set(`${token.file}@${token.start}`, { ...token, lands: lands[0] });
    }
    return result;
}

/**
 * Declarations no other one shares a name with in its scope (the globals
 * and programs; a program's members, its program's name declared once).
 * Read from the model, not from `duplicate-name`, which a suppression comment may hide.
 */
function cleanDeclarations(ws: EditorWorkspace): Declaration[] {
    const declarations = declarationsOf(ws);
    const scopeOf = (d: Declaration): string => (isProgram(d.node.$container) ? `${d.node.$container.name}.` : '');
    const count = new Map<string, number>();
    for (const d of declarations) count.set(scopeOf(d) + d.node.name, (count.get(scopeOf(d) + d.node.name) ?? 0) + 1);
    return declarations.filter(d => count.get(scopeOf(d) + d.node.name) === 1 && (scopeOf(d) === '' || count.get(scopeOf(d).slice(0, -1)) === 1));
}

/**
 * The workspace with every declaration that shares its name in its scope
 * but the first renamed `Name_dupN` (nothing refers to it then), so that
 * most declarations can be renamed and their findings compared; built.
 */
async function withUniqueNames(files: Readonly<Record<string, string>>): Promise<EditorWorkspace> {
    let ws = await buildEditorWorkspace(files);
    for (let round = 0; round < 3; round++) {
        const clean = new Set(cleanDeclarations(ws).map(d => d.node));
        const declarations = declarationsOf(ws);
        const seen = new Set<string>();
        const edits = new Map<string, OffsetEdit[]>();
        declarations.forEach((d, i) => {
            // Programs first: their members' scope is their name.
            if (round === 0 && !isProgram(d.node) && isProgram(d.node.$container)) return;
            const key = `${isProgram(d.node.$container) ? `${d.node.$container.name}.` : ''}${d.node.name}`;
            if (!clean.has(d.node) && seen.has(key)) (edits.get(d.file) ?? edits.set(d.file, []).get(d.file)!).push({ start: d.start, end: d.end, text: `${d.node.name}_dup${i}` });
            seen.add(key);
        });
        if (edits.size === 0) return ws;
        const next: Record<string, string> = { ...ws.files };
        for (const [f, list] of edits) next[f] = applyOffsetEdits(next[f]!, list);
        ws = await buildEditorWorkspace(next);
    }
    return ws;
}

/** Names used anywhere in the workspace's files (words), so that a fresh name is none of them. */
function wordsOf(files: Readonly<Record<string, string>>): Set<string> {
    return new Set(Object.values(files).flatMap(text => text.match(/[A-Za-z_]\w*/g) ?? []));
}

function freshName(files: Readonly<Record<string, string>>, random: (n: number) => number): string {
    const words = wordsOf(files);
    const stems = ['Renamed', 'N', '_x', 'Churn_2', 'zz'];
    for (let i = random(50); ; i++) {
        const name = `${stems[random(stems.length)]}${i}`;
        if (!words.has(name)) return name;
    }
}

const describeEdits = (edits: ReadonlyMap<string, readonly OffsetEdit[]>): string =>
    [...edits].map(([file, list]) => `${file}: ${list.map(e => `${e.start}-${e.end}=${e.text}`).join(' ')}`).join('; ');

interface RenameFigures { prepared: number; renames: number; edits: number; refusals: number; keywordRenames: number; declarations: number; tokens: number }

/**
 * Renames `target` to `newName` at `offset` of `file` and checks property 1.
 * Throws with the workspace, the target and what differs.
 */
async function checkRename(ws: EditorWorkspace, before: Map<string, { file: string; start: number; end: number; lands: string | undefined }>,
    target: Declaration, file: string, offset: number, newName: string, figures: RenameFigures): Promise<void> {
    const context = `renaming ${target.node.$type} ${target.label} (${target.file}@${target.start}) to '${newName}' at ${file}@${offset}`;
    const document = ws.documents.get(file)!;
    const edit: WorkspaceEdit | undefined = await ws.services.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), newName,
    });
    assert.ok(edit, `${context}: no edit`);
    const edits = offsetEditsOf(ws, edit);
    figures.renames++;
    // The edit replaces exactly the declaration's name and every name token whose go to definition lands on it.
    const edited = [...edits].flatMap(([f, list]) => list.map(e => `${f}@${e.start}-${e.end}`)).sort();
    const expected = [`${target.file}@${target.start}-${target.end}`,
        ...[...before.values()].filter(t => t.lands === placeOfDeclaration(target)).map(t => `${t.file}@${t.start}-${t.end}`)].sort();
    assert.deepEqual(edited, expected, `${context}: the edit (${describeEdits(edits)}) is not the name and the tokens that go to definition takes to it`);
    for (const [f, list] of edits) {
        assert.equal(overlapProblem(list), undefined, `${context}: ${f}`);
        for (const e of list) assert.equal(e.text, newName, `${context}: ${f}@${e.start}`);
        figures.edits += list.length;
    }

    const files: Record<string, string> = { ...ws.files };
    for (const [f, list] of edits) files[f] = applyOffsetEdits(files[f]!, list);
    const after = await buildEditorWorkspace(files);
    const shift = (f: string, o: number) => shiftOffset(edits.get(f) ?? [], o);
    const shiftPlace = (place: string) => {
        const at = place.lastIndexOf('@');
        return `${place.slice(0, at)}@${shift(place.slice(0, at), Number(place.slice(at + 1)))}`;
    };

    // The same findings, shifted; messages may name the target by its new name.
    const show = (f: Found) => `${f.file}@${f.start}-${f.end} ${f.rule}: ${f.message}`;
    const afterFound = foundIn(after);
    const unmatched = [...afterFound];
    const missing: string[] = [];
    for (const f of foundIn(ws)) {
        const start = shift(f.file, f.start);
        const end = shift(f.file, f.end);
        const i = unmatched.findIndex(g => g.file === f.file && g.start === start && g.end === end && g.rule === f.rule && g.severity === f.severity
            && sameButNames(f.message, g.message, target.node.name, newName));
        if (i < 0) missing.push(show(f));
        else unmatched.splice(i, 1);
    }
    assert.ok(missing.length === 0 && unmatched.length === 0,
        `${context}: the findings changed.\nBefore, not after:\n${missing.join('\n')}\nAfter, not before:\n${unmatched.map(show).join('\n')}`);

    // Every reference lands where it landed (the unresolved ones nowhere).
    const landsAfter = await definitionsOf(after);
    for (const token of before.values()) {
        const now = landsAfter.get(`${token.file}@${shift(token.file, token.start)}`);
        assert.ok(now, `${context}: the reference token at ${token.file}@${token.start} is gone`);
        assert.equal(now.lands, token.lands === undefined ? undefined : shiftPlace(token.lands), `${context}: the reference at ${token.file}@${token.start} lands elsewhere`);
    }
    assert.equal(landsAfter.size, before.size, `${context}: the number of reference tokens changed`);

    // Find references of the renamed declaration: the old ones, shifted.
    const old = (await referencesAt(ws, target.file, target.start)).map(r => `${r.file}@${shift(r.file, r.start)}-${shift(r.file, r.end)}`).sort();
    const now = (await referencesAt(after, target.file, shift(target.file, target.start))).map(r => `${r.file}@${r.start}-${r.end}`).sort();
    assert.deepEqual(now, old, `${context}: find references after the rename`);
}

/** Property 2: find references from each declaration == the places whose go to definition lands on it. */
async function checkReferencesMatchDefinitions(ws: EditorWorkspace, lands: Map<string, { file: string; start: number; end: number; lands: string | undefined }>): Promise<number> {
    const declarations = declarationsOf(ws);
    for (const d of declarations) {
        const place = placeOfDeclaration(d);
        const landing = [{ file: d.file, start: d.start, end: d.end }, ...[...lands.values()].filter(t => t.lands === place)];
        // Go to definition on the declaration's own name lands on it.
        assert.deepEqual(await definitionAt(ws, d.file, d.start), [place], `go to definition on the name of ${d.label} (${place})`);
        const listed = await referencesAt(ws, d.file, d.start);
        const show = () => `find references of ${d.node.$type} ${d.label} (${place}) lists ${listed.map(r => `${r.file}@${r.start}-${r.end}`).join(' ')}; `
            + `go to definition lands on it from ${landing.map(t => `${t.file}@${t.start}-${t.end}`).join(' ')}`;
        for (const r of listed) {
            const inside = landing.filter(t => t.file === r.file && r.start <= t.start && t.end <= r.end);
            assert.equal(inside.length, 1, show());
        }
        for (const t of landing) {
            const holding = listed.filter(r => t.file === r.file && r.start <= t.start && t.end <= r.end);
            assert.equal(holding.length, 1, show());
        }
        // Without the declaration: the same but its name.
        const span = (r: { file: string; start: number; end: number }) => `${r.file}@${r.start}-${r.end}`;
        assert.deepEqual((await referencesAt(ws, d.file, d.start, false)).map(span).sort(), listed.map(span).filter(r => r !== span(d)).sort(), `${show()}; without the declaration`);
        // Highlights in each file that names it, from one of its places there: its name (written) and the tokens that go to it (read).
        for (const file of new Set(landing.map(t => t.file))) {
            const from = landing.find(t => t.file === file)!;
            const expected = landing.filter(t => t.file === file).map(t => `${t.start}-${t.end}:${t === landing[0] ? 'write' : 'read'}`).sort();
            assert.deepEqual(await highlightsAt(ws, file, from.start), expected, `highlights in ${file} from ${from.start}, of ${d.node.$type} ${d.label} (${place})`);
        }
    }
    return declarations.length;
}

/** Document highlights at an offset: `start-end:read|write`, sorted. */
async function highlightsAt(ws: EditorWorkspace, file: string, offset: number): Promise<string[]> {
    const document = ws.documents.get(file)!;
    const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
    }) ?? [];
    return highlights.map(h => `${document.textDocument.offsetAt(h.range.start)}-${document.textDocument.offsetAt(h.range.end)}:${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`).sort();
}

/**
 * Rename is offered (prepareRename gives a range) exactly where go to
 * definition lands somewhere, on the name token under the cursor, and the
 * rename there edits that token. At random offsets of every file.
 */
async function checkPrepareRename(ws: EditorWorkspace, random: (n: number) => number, count: number): Promise<number> {
    let offered = 0;
    for (const [file, document] of ws.documents) {
        const text = document.textDocument.getText();
        const words = [...text.matchAll(/[A-Za-z_]\w*/g)];
        for (let i = 0; i < count; i++) {
            // Half on a word (either end included), half anywhere.
            const word = words.length > 0 && random(2) === 0 ? words[random(words.length)]! : undefined;
            const drawn = word ? word.index + random(word[0].length + 1) : random(text.length + 1);
            // An offset inside `\r\n` is no position: the end of its line.
            const position = document.textDocument.positionAt(drawn);
            const offset = document.textDocument.offsetAt(position);
            const range = await ws.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position });
            const lands = await definitionAt(ws, file, offset);
            const context = `${file}@${offset} (${JSON.stringify(text.slice(Math.max(0, offset - 12), offset))}|${JSON.stringify(text.slice(offset, offset + 12))})`;
            assert.equal(range !== undefined && range !== null, lands.length > 0, `${context}: prepareRename gives ${JSON.stringify(range)}, go to definition lands on ${lands.join(' ') || 'nothing'}`);
            if (!range || !('start' in range)) continue;
            offered++;
            const [start, end] = [document.textDocument.offsetAt(range.start), document.textDocument.offsetAt(range.end)];
            assert.ok(start <= offset && offset <= end && NAME.test(text.slice(start, end)), `${context}: prepareRename gives ${start}-${end} '${text.slice(start, end)}'`);
            const edit = await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName: 'Zz_prepared' });
            assert.ok(offsetEditsOf(ws, edit!).get(file)?.some(e => e.start === start && e.end === end), `${context}: the rename there does not edit ${start}-${end}`);
        }
    }
    return offered;
}


describe('reliability: fuzzing rename, find references and go to definition', function () {
    this.timeout(Math.max(600_000, runsOf(40) * 5000));
    const figures: RenameFigures = { prepared: 0, renames: 0, edits: 0, refusals: 0, keywordRenames: 0, declarations: 0, tokens: 0 };

    before(async () => {
        announceSeed();
        // Warm up: the first build compiles the parser.
        await buildEditorWorkspace({ 'w.align': 'metric A {\n  kind lagging\n}\n' });
    });

    it('the checker itself: offsets shift through edits, messages match but for the renamed name', () => {
        const edits = [{ start: 2, end: 4, text: 'xyz' }, { start: 10, end: 11, text: '' }];
        assert.deepEqual([0, 2, 3, 4, 5, 10, 11, 12].map(o => shiftOffset(edits, o)), [0, 2, 5, 5, 6, 11, 11, 12]);
        assert.equal(applyOffsetEdits('0123456789ab', edits), '01xyz456789b');
        assert.ok(sameButNames('\'A\' is measured by A and Ab', '\'N\' is measured by A and Ab', 'A', 'N'));
        assert.ok(!sameButNames('\'A\' is measured by A', '\'N\' is measured by B', 'A', 'N'));
        assert.ok(!sameButNames('\'A\' is measured by Ab', '\'A\' is measured by Nb', 'A', 'N'));
        assert.match(overlapProblem([{ start: 1, end: 3, text: 'a' }, { start: 2, end: 4, text: 'b' }])!, /overlap/);
        assert.equal(decorate({ 'f.align': 'metric A\n' }, 1)['f.align']!.split('\n').filter(l => /metric A/.test(l)).length, 1);
    });

    it('find references from a declaration lists exactly the places whose go to definition lands on it; highlights and rename agree', async () => {
        await fc.assert(
            fc.asyncProperty(decoratedWorkspaceArb, fc.nat(), async (files, seed) => {
                const ws = await buildEditorWorkspace(files);
                const lands = await definitionsOf(ws);
                figures.tokens += lands.size;
                figures.declarations += await checkReferencesMatchDefinitions(ws, lands);
                figures.prepared += await checkPrepareRename(ws, seededRandom(seed), 12);
            }),
            parameters(30),
        );
        report(`find references vs go to definition: ${figures.declarations} declarations, ${figures.tokens} reference tokens; rename offered at ${figures.prepared} random places`);
    });

    it('a rename to a fresh name edits the name and its references only, and keeps findings, references and meaning', async () => {
        await fc.assert(
            fc.asyncProperty(decoratedWorkspaceArb, fc.nat(), async (files, seed) => {
                const random = seededRandom(seed);
                const ws = await withUniqueNames(files);
                const lands = await definitionsOf(ws);
                const clean = cleanDeclarations(ws);
                const referenced = clean.filter(d => [...lands.values()].some(t => t.lands === placeOfDeclaration(d)));
                for (let i = 0; i < Math.min(3, clean.length); i++) {
                    // Mostly a declaration something refers to.
                    const among = referenced.length > 0 && random(4) > 0 ? referenced : clean;
                    const target = among[random(among.length)]!;
                    // On its name, or on a reference whose go to definition lands on it.
                    const from = [{ file: target.file, start: target.start, end: target.end }, ...[...lands.values()].filter(t => t.lands === placeOfDeclaration(target))];
                    const at = from[random(from.length)]!;
                    await checkRename(ws, lands, target, at.file, at.start + random(at.end - at.start + 1), freshName(ws.files, random), figures);
                }
            }),
            parameters(30),
        );
        report(`renames to a fresh name: ${figures.renames} renames, ${figures.edits} edits checked`);
    });

    it('refuses a taken name, a keyword that cannot be a name and an invalid identifier, with the reason; renames to a keyword that can be a name', async () => {
        const refused = async (ws: EditorWorkspace, d: Declaration, newName: string): Promise<string | undefined> => {
            const document = ws.documents.get(d.file)!;
            try {
                await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(d.start), newName });
                return undefined;
            } catch (error) {
                if (!(error instanceof ResponseError)) throw error;
                figures.refusals++;
                return error.message;
            }
        };
        const nameLike = KEYWORDS.filter(k => NAME.test(k));
        await fc.assert(
            fc.asyncProperty(decoratedWorkspaceArb, fc.nat(), async (files, seed) => {
                const random = seededRandom(seed);
                const ws = random(2) === 0 ? await buildEditorWorkspace(files) : await withUniqueNames(files);
                const declarations = declarationsOf(ws);
                if (declarations.length === 0) return;
                const d = declarations[random(declarations.length)]!;
                const program = declarations.find(p => p.node === d.node.$container);
                // Taken: a sibling member's name, or another global's or program's name.
                const siblings = declarations.filter(o => o !== d && o.node.$container === d.node.$container && o.node.name !== d.node.name);
                if (siblings.length > 0) {
                    const taken = siblings[random(siblings.length)]!.node.name;
                    const message = await refused(ws, d, taken);
                    assert.match(message ?? 'accepted', /is already the name of/, `renaming ${d.label} to the taken '${taken}'`);
                    assert.ok(message!.includes(program ? `${program.node.name}.${taken}` : `${taken} (`), `the refusal names the taken declaration: ${message}`);
                }
                const invalid = INVALID[random(INVALID.length)]!;
                assert.match(await refused(ws, d, invalid) ?? 'accepted', /is not a valid Align name: use a letter or _ followed by letters, digits and _/, `renaming ${d.label} to ${JSON.stringify(invalid)}`);

                const keyword = nameLike[random(nameLike.length)]!;
                const message = await refused(ws, d, keyword);
                if (message !== undefined) {
                    assert.match(message, /is a keyword of Align and cannot be a name|is already the name of|would change what/, `renaming ${d.label} to the keyword '${keyword}'`);
                    return;
                }
                // Accepted: the keyword is a name; where nothing else is written so, it renames as a fresh name does.
                const clean = cleanDeclarations(ws).some(c => c.node === d.node);
                const written = new Set([...declarationsOf(ws).map(o => o.node.name), ...referenceTokensOf(ws).flatMap(t => t.written.match(/[A-Za-z_]\w*/g) ?? [])]);
                if (!clean || written.has(keyword)) return;
                figures.keywordRenames++;
                await checkRename(ws, await definitionsOf(ws), d, d.file, d.start, keyword, figures);
            }),
            parameters(30),
        );
        report(`refusals: ${figures.refusals} refused, ${figures.keywordRenames} renames to a keyword that can be a name`);
    });

    it('a rename to a name the workspace already uses is refused, or changes nothing but the name', async () => {
        let accepted = 0;
        let refusedCount = 0;
        await fc.assert(
            fc.asyncProperty(decoratedWorkspaceArb, fc.nat(), async (files, seed) => {
                const random = seededRandom(seed);
                const ws = await withUniqueNames(files);
                const clean = cleanDeclarations(ws);
                if (clean.length === 0) return;
                const d = clean[random(clean.length)]!;
                // A new name that an unresolved reference is written with makes it resolve (the docs do not refuse it): not these.
                const words = (resolved: boolean) => referenceTokensOf(ws).filter(t => t.resolved === resolved).flatMap(t => t.written.match(/[A-Za-z_]\w*/g) ?? []);
                const unresolved = new Set(words(false));
                const used = [...new Set([...declarationsOf(ws).map(o => o.node.name), ...words(true)])]
                    .filter(n => n !== d.node.name && !unresolved.has(n)).sort();
                if (used.length === 0) return;
                const newName = used[random(used.length)]!;
                const document = ws.documents.get(d.file)!;
                try {
                    await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(d.start), newName });
                } catch (error) {
                    if (!(error instanceof ResponseError)) throw error;
                    assert.match(error.message, /is already the name of|would change what|is a keyword of Align/, `renaming ${d.label} to '${newName}'`);
                    refusedCount++;
                    return;
                }
                accepted++;
                await checkRename(ws, await definitionsOf(ws), d, d.file, d.start, newName, figures);
            }),
            parameters(40),
        );
        report(`renames to a name in use: ${refusedCount} refused, ${accepted} accepted and checked`);
    });

    describe('over JSON-RPC, the built server, with a catalog folder named by an extended configuration', function () {
        let root: string;
        let session: LspSession;
        /** One generated workspace (the run's seed), a file the catalog refers to, and the catalog. */
        const files = decorate(fc.sample(workspaceArb, { seed: FUZZ_SEED, numRuns: 8 }).sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0]!, FUZZ_SEED);
        files['anchor.align'] = 'metric Anchor "Anchor" {\n  kind lagging\n}\n\nprogram Host "Host" {\n  metric Inner "Inner" {\n    kind leading\n    drives Anchor\n  }\n}\n';
        /** The catalog comes through `extends`: named relative to the extended file (docs/standards.md). */
        const CATALOG = 'standards/catalog/rates.align';
        const catalogText = 'metric LibRate "Lib rate" {\n  kind leading\n  drives Anchor, Host.Inner\n}\n';
        const aligns = Object.keys(files).filter(f => f.endsWith('.align')).sort();

        before(async () => {
            requireServerBundle();
            root = makeTempDir('align-rel-rename-');
            for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
            fs.mkdirSync(path.join(root, 'standards/catalog'), { recursive: true });
            fs.writeFileSync(path.join(root, CATALOG), catalogText);
            fs.writeFileSync(path.join(root, 'standards/align.config.json'), JSON.stringify({ catalogs: ['./catalog'] }));
            fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ extends: './standards/align.config.json' }));
            ({ session } = await LspSession.start(root));
            for (const f of aligns) await session.diagnosticsOf(path.join(root, f));
        });
        after(async () => {
            await session?.stop();
            if (root) fs.rmSync(root, { recursive: true, force: true });
        });

        const rename = (file: string, position: { line: number; character: number }, newName: string) =>
            session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(path.join(root, file)) }, position, newName });

        it('renames as the services do in process, never in the catalog, and the server ends with the diagnostics of a fresh build', async () => {
            const ws = await buildEditorWorkspace(files);
            const random = seededRandom(FUZZ_SEED);
            const clean = cleanDeclarations(ws).filter(d => d.file !== 'anchor.align');
            assert.ok(clean.length > 0, `the generated workspace declares something: ${JSON.stringify(files)}`);
            const target = clean[random(clean.length)]!;
            const newName = freshName(files, random);
            const document = ws.documents.get(target.file)!;
            const position = document.textDocument.positionAt(target.start);
            const expected = offsetEditsOf(ws, (await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: uriOfName(target.file) }, position, newName }))!);
            const edit = await rename(target.file, position, newName);
            const got = Object.entries(edit.changes ?? {}).map(([uri, list]) => [path.relative(root, new URL(uri).pathname), list.map(e => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`).sort()] as const).sort();
            const want = [...expected].map(([f, list]) => [f, list.map(e => {
                const d = ws.documents.get(f)!.textDocument;
                const s = d.positionAt(e.start);
                const t = d.positionAt(e.end);
                return `${s.line}:${s.character}-${t.line}:${t.character}=${e.text}`;
            }).sort()] as const).sort();
            assert.deepEqual(got, want, `renaming ${target.label} (${target.file}@${target.start}) to ${newName} over JSON-RPC`);

            // The server then publishes the diagnostics it published before (a rename moves no line).
            const before = new Map(aligns.map(f => [f, keysOf(session.diagnostics.get(uriOf(path.join(root, f))) ?? [])]));
            for (const [f, list] of expected) {
                await session.open(path.join(root, f), files[f]);
                await session.change(path.join(root, f), applyOffsetEdits(files[f]!, list));
            }
            for (const f of aligns) await untilKeys(session, path.join(root, f), before.get(f)!);
        });

        it('refuses the catalog\'s declaration and the workspace declarations the catalog refers to, naming the catalog; finds the catalog\'s references', async () => {
            const referrers = /cannot be renamed: catalog \.\/catalog \(standards\/catalog\/rates\.align\) refers to it, and the workspace does not edit catalogs/;
            await assert.rejects(rename(CATALOG, { line: 0, character: 8 }, 'LibRate2'), /'LibRate' is declared in catalog \.\/catalog, which the workspace does not edit\. Rename it in standards\/catalog\/rates\.align/);
            await assert.rejects(rename('anchor.align', { line: 0, character: 8 }, 'Anchor2'), referrers);
            // From the catalog's reference to it too.
            await assert.rejects(rename(CATALOG, { line: 2, character: 10 }, 'Anchor2'), referrers);
            await assert.rejects(rename('anchor.align', { line: 5, character: 11 }, 'Inner2'), referrers);
            // The program whose member the catalog names: renaming it would break `Host.Inner` in the catalog too.
            await assert.rejects(rename('anchor.align', { line: 4, character: 9 }, 'Host2'), referrers);
            const references = await session.request<Array<{ uri: string; range: { start: { line: number; character: number } } }>>('textDocument/references',
                { textDocument: { uri: uriOf(path.join(root, 'anchor.align')) }, position: { line: 4, character: 9 }, context: { includeDeclaration: true } });
            assert.deepEqual(references.map(r => `${path.relative(root, new URL(r.uri).pathname)}:${r.range.start.line}:${r.range.start.character}`).sort(),
                ['anchor.align:4:8', `${CATALOG}:2:17`]);
        });
    });
});
