import type { LangiumDocuments, ReferenceDescription, References, URI } from 'langium';
import { CstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Program } from '../../language/generated/ast.js';

/** Where a reference names something: a file and a range. */
export interface NamedAt {
    readonly uri: string;
    readonly range: Range;
}

/**
 * Where a program is named outside its declaration: the first segment of
 * every qualified reference to one of its members (`ChurnPilot` in
 * `ChurnPilot.RepeatContactRate`). Langium's references name the member
 * only; find references, highlights and rename of a program read these.
 * `documentUri` keeps those of one file.
 */
export function programSegments(references: References, documents: LangiumDocuments, program: Program, documentUri?: URI): NamedAt[] {
    const result: NamedAt[] = [];
    for (const member of program.members) {
        for (const ref of references.findReferences(member, { includeDeclaration: false, documentUri })) {
            const range = segmentRange(documents, ref, 'first');
            if (range) result.push({ uri: ref.sourceUri.toString(), range });
        }
    }
    return result;
}

/** The range of the first or last name segment of a reference (the whole text if it has one segment; no first segment then). */
export function segmentRange(documents: LangiumDocuments, ref: ReferenceDescription, which: 'first' | 'last'): Range | undefined {
    const doc = documents.getDocument(ref.sourceUri);
    const root = doc?.parseResult.value.$cstNode;
    if (!root) return which === 'last' ? ref.segment.range : undefined;
    const first = CstUtils.findLeafNodeAtOffset(root, ref.segment.offset);
    const last = CstUtils.findLeafNodeAtOffset(root, ref.segment.end - 1);
    if (!first || !last) return which === 'last' ? ref.segment.range : undefined;
    if (which === 'last') return last.range;
    return first !== last ? first.range : undefined;
}
