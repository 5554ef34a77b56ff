import type { AstNode, CstNode } from 'langium';
import { AstUtils, CstUtils, DefaultReferences } from 'langium';
import { isProgram } from '../generated/ast.js';

/**
 * Langium's references, where the first segment of a qualified reference
 * (`ChurnPilot` in `kpi ChurnPilot.RepeatContactRate`) names the program,
 * not the member: go to definition, hover, highlights and find references
 * there lead to the program, as rename does. A comment inside a qualified
 * reference (`ChurnPilot./* c *\/RepeatContactRate`) names nothing: Langium
 * found the reference's target from it, where rename offers nothing.
 */
export class AlignReferences extends DefaultReferences {
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        if (sourceCstNode.hidden) return [];
        const found = super.findDeclarations(sourceCstNode);
        const program = found.length === 1 ? found[0]!.$container : undefined;
        if (!isProgram(program)) return found;
        const leaves = referenceNameLeaves(sourceCstNode);
        return leaves.length > 1 && leaves[0] === sourceCstNode ? [program] : found;
    }
}

/** The name tokens (no dots, no comments) of the whole reference a leaf belongs to; none when the leaf is in no reference. */
export function referenceNameLeaves(leaf: CstNode): CstNode[] {
    for (const info of AstUtils.streamReferences(leaf.astNode)) {
        const cst = info.reference.$refNode;
        if (cst && cst.offset <= leaf.offset && leaf.end <= cst.end) {
            return CstUtils.flattenCst(cst).filter(l => !l.hidden && l.text !== '.').toArray();
        }
    }
    return [];
}
