import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import { TextEdit, type Diagnostic } from 'vscode-languageserver';
import { referenceLists, repeatsInList, writtenName } from '../../language/reference-lists.js';
import type { DeclarationFix } from './code-action-attributes.js';

/**
 * The fix of a reference written again in its comma list (the `syntax`
 * error on the second `M` of `moves M, M`): removes it with the comma
 * before it (`moves M`).
 */
export function removeRepeatedReference(document: LangiumDocument, node: AstNode, diagnostic: Diagnostic): DeclarationFix | undefined {
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    for (const { refs } of referenceLists(node)) {
        const repeats = repeatsInList(refs);
        const ref = refs.find((r, i) => repeats[i] && r.$refNode?.offset === offset);
        const cst = ref?.$refNode;
        const comma = cst && CstUtils.getPreviousNode(cst, false);
        if (!ref || !cst || !comma) continue;
        return { title: `Remove the repeated \`${writtenName(ref)}\``, edit: TextEdit.del(rangeOf(document, comma.offset, cst.end)) };
    }
    return undefined;
}

function rangeOf(document: LangiumDocument, start: number, end: number): TextEdit['range'] {
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}
