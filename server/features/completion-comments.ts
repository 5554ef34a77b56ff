import type { CstNode } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';

/**
 * Whether an offset is inside a comment (`// ...` up to the end of its line,
 * `/* ... *\/` between its delimiters): completion offers nothing there.
 */
export function inComment(root: CstNode, offset: number): boolean {
    const at = CstUtils.findLeafNodeAtOffset(root, offset);
    if (at) return isComment(at) && at.offset < offset;
    // At the end of a line comment (not in the CST's leaf at the offset, which ends there).
    const before = CstUtils.findLeafNodeBeforeOffset(root, offset);
    return before !== undefined && before.end === offset && isComment(before) && !before.text.startsWith('/*');
}

function isComment(node: CstNode): boolean {
    return isLeafCstNode(node) && node.hidden;
}
