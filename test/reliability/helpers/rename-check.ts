/**
 * What the rename fuzzer (fuzz-rename.test.ts) reads of a workspace built
 * in memory with the language server's editor features (AlignLspModule):
 * its declarations, the name tokens of its references, where go to
 * definition lands from each, its findings; and how a WorkspaceEdit moves
 * offsets, to compare a workspace before a rename with the one after.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, isReference, URI } from 'langium';
import type { Location, LocationLink, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createAlignServices, type AlignServices } from '../../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../../language/host.js';
import { messageText, ruleIdOf } from '../../../language/findings.js';
import { isModel, isProgram } from '../../../language/generated/ast.js';
import { AlignLspModule } from '../../../server/align-lsp-module.js';
import { MemoryFileSystem } from '../../unit/helpers/memory-file-system.js';
import { TEST_ROOT } from '../../unit/helpers/check-workspace.js';

/** A workspace built in memory, as the language server builds it, with its editor features. */
export interface EditorWorkspace {
    readonly services: AlignServices;
    readonly files: Readonly<Record<string, string>>;
    /** The `.align` documents by file name (relative to the workspace root). */
    readonly documents: ReadonlyMap<string, LangiumDocument>;
}

export const uriOfName = (name: string): string => URI.file(`/ws/${name}`).toString();
export const nameOfUri = (uri: string): string => URI.parse(uri).path.slice('/ws/'.length);

/** Builds the files (names relative to the workspace root; `.align` ones are documents) with validation. */
export async function buildEditorWorkspace(files: Readonly<Record<string, string>>): Promise<EditorWorkspace> {
    const fileSystem = new MemoryFileSystem(TEST_ROOT, files);
    const services = createAlignServices({ fileSystemProvider: () => fileSystem, host: HOST_WITHOUT_LINKS }, AlignLspModule).Align;
    services.align.Settings.workspaceRoot = TEST_ROOT;
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        if (!name.endsWith('.align')) continue;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uriOfName(name)));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return { services, files, documents };
}

/** A named declaration: its node, file and the offsets of its name. */
export interface Declaration {
    readonly node: AstNode & { name: string };
    readonly file: string;
    readonly start: number;
    readonly end: number;
    /** `P.X` for a member, the name otherwise. */
    readonly label: string;
}

/** Every program, top-level declaration and program member of the workspace, in file order. */
export function declarationsOf(ws: EditorWorkspace): Declaration[] {
    const result: Declaration[] = [];
    const nameProvider = ws.services.references.NameProvider;
    for (const [file, document] of ws.documents) {
        const model = document.parseResult.value;
        if (!isModel(model)) continue;
        const add = (node: AstNode, label: string): void => {
            const nameNode = nameProvider.getNameNode(node);
            const name = nameProvider.getName(node);
            if (nameNode && name !== undefined) result.push({ node: node as Declaration['node'], file, start: nameNode.offset, end: nameNode.end, label });
        };
        for (const element of model.elements) {
            const name = (element as { name?: string }).name;
            if (typeof name !== 'string') continue;
            add(element, name);
            if (isProgram(element)) {
                for (const member of element.members) {
                    const memberName = (member as { name?: string }).name;
                    if (typeof memberName === 'string') add(member, `${name}.${memberName}`);
                }
            }
        }
    }
    return result;
}

/** One name token of a reference (`P0` and `A` in `P0.A`): file and offsets. */
export interface ReferenceToken {
    readonly file: string;
    readonly start: number;
    readonly end: number;
    /** The whole reference's text, as written. */
    readonly written: string;
    readonly resolved: boolean;
}

/** Every name token of every reference of the workspace. */
export function referenceTokensOf(ws: EditorWorkspace): ReferenceToken[] {
    const tokens: ReferenceToken[] = [];
    for (const [file, document] of ws.documents) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                const cst = info.reference.$refNode;
                if (!cst) continue;
                const resolved = isReference(info.reference) ? info.reference.ref !== undefined : info.reference.items.length > 0;
                for (const leaf of CstUtils.flattenCst(cst)) {
                    if (leaf.hidden || leaf.text === '.') continue;
                    tokens.push({ file, start: leaf.offset, end: leaf.end, written: cst.text, resolved });
                }
            }
        }
    }
    return tokens;
}

/** Where a location lands, as `file@offset` of its start. */
export function placeOf(ws: EditorWorkspace, uri: string, range: Range): string {
    const document = ws.documents.get(nameOfUri(uri));
    return `${nameOfUri(uri)}@${document ? document.textDocument.offsetAt(range.start) : `${range.start.line}:${range.start.character}`}`;
}

/** Where go to definition at an offset of a file lands (`file@offset` of the target's name), or undefined. */
export async function definitionAt(ws: EditorWorkspace, file: string, offset: number): Promise<string[]> {
    const document = ws.documents.get(file)!;
    const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
    }) as LocationLink[] | undefined;
    return (links ?? []).map(l => placeOf(ws, l.targetUri, l.targetSelectionRange));
}

/** Find references at an offset of a file (the declaration included unless told): file and offsets of each. */
export async function referencesAt(ws: EditorWorkspace, file: string, offset: number, includeDeclaration = true): Promise<Array<{ file: string; start: number; end: number }>> {
    const document = ws.documents.get(file)!;
    const locations: Location[] = await ws.services.lsp.ReferencesProvider!.findReferences(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), context: { includeDeclaration },
    });
    return locations.map(l => {
        const target = ws.documents.get(nameOfUri(l.uri))!;
        return { file: nameOfUri(l.uri), start: target.textDocument.offsetAt(l.range.start), end: target.textDocument.offsetAt(l.range.end) };
    });
}

/** A text edit in offsets. */
export interface OffsetEdit { readonly start: number; readonly end: number; readonly text: string }

/** The edits of a WorkspaceEdit (`changes` only, as Align's rename gives), in offsets, per file, sorted. */
export function offsetEditsOf(ws: EditorWorkspace, edit: WorkspaceEdit): Map<string, OffsetEdit[]> {
    const result = new Map<string, OffsetEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const file = nameOfUri(uri);
        const document = ws.documents.get(file);
        if (!document) throw new Error(`the rename edits ${uri}, which is no document of the workspace`);
        const list = (edits as TextEdit[]).map(e => ({ start: document.textDocument.offsetAt(e.range.start), end: document.textDocument.offsetAt(e.range.end), text: e.newText }));
        result.set(file, list.sort((a, b) => a.start - b.start || a.end - b.end));
    }
    return result;
}

/** Why edits of one file cannot be applied as a client applies them (overlapping or repeated), or undefined. */
export function overlapProblem(edits: readonly OffsetEdit[]): string | undefined {
    for (let i = 1; i < edits.length; i++) {
        if (edits[i]!.start < edits[i - 1]!.end || (edits[i]!.start === edits[i - 1]!.start && edits[i]!.end === edits[i - 1]!.end)) {
            return `edits ${JSON.stringify(edits[i - 1])} and ${JSON.stringify(edits[i])} overlap`;
        }
    }
    return undefined;
}

/** A text with sorted, non-overlapping edits applied. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
    let result = '';
    let at = 0;
    for (const e of edits) {
        result += text.slice(at, e.start) + e.text;
        at = e.end;
    }
    return result + text.slice(at);
}

/** Where an offset of the text before the edits is after them (an offset at the end of an edited span moves to the end of its new text). */
export function shiftOffset(edits: readonly OffsetEdit[], offset: number): number {
    let delta = 0;
    for (const e of edits) {
        if (e.end <= offset && !(e.start === e.end && e.start === offset)) delta += e.text.length - (e.end - e.start);
        else if (e.start < offset) return e.start + delta + e.text.length;
    }
    return offset + delta;
}

/** One finding of a built workspace: its place in offsets, rule, severity and message. */
export interface Found {
    readonly file: string;
    readonly start: number;
    readonly end: number;
    readonly rule: string;
    readonly severity: number | undefined;
    readonly message: string;
}

/** Every finding of the workspace's `.align` files. */
export function foundIn(ws: EditorWorkspace): Found[] {
    const found: Found[] = [];
    for (const [file, document] of ws.documents) {
        for (const d of document.diagnostics ?? []) {
            found.push({
                file, start: document.textDocument.offsetAt(d.range.start), end: document.textDocument.offsetAt(d.range.end),
                rule: ruleIdOf(d), severity: d.severity, message: messageText(d),
            });
        }
    }
    return found;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `after` is `before` with some of the whole-word occurrences of
 * `oldName` written `newName` (a message names the renamed declaration
 * under its new name; the same word may mean something else elsewhere in it).
 */
export function sameButNames(before: string, after: string, oldName: string, newName: string): boolean {
    if (before === after) return true;
    const parts = before.split(new RegExp(`(?<![A-Za-z0-9_])${escape(oldName)}(?![A-Za-z0-9_])`));
    return new RegExp(`^${parts.map(escape).join(`(?:${escape(oldName)}|${escape(newName)})`)}$`).test(after);
}
