import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import { TextEdit } from 'vscode-languageserver';
import { isMetric, isProgram } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';
import { isoDay } from '../../language/dates.js';
import { programWindow } from '../../language/graph/program-window.js';
import type { DeclarationFix } from './code-action-attributes.js';

/**
 * The fix of `deadline-outside-window`: the deadline becomes the last day
 * of the program's window (not preferred: widening the window is the other
 * way out, and the author's call).
 */
export function deadlineAtWindowEnd(node: AstNode): DeclarationFix | undefined {
    if (!isMetric(node) || !isProgram(node.$container)) return undefined;
    const window = programWindow(node.$container);
    const target = attribute(node, 'Target');
    const range = target?.$cstNode ? GrammarUtils.findNodeForProperty(target.$cstNode, 'deadline')?.range : undefined;
    if (!window || !range) return undefined;
    const end = isoDay(window.end);
    return { title: `Move the deadline to ${end}, the end of the program's window`, edit: TextEdit.replace(range, end), preferred: false };
}
