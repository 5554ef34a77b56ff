import type { AstNode } from 'langium';
import { TextEdit } from 'vscode-languageserver';
import { isProgram } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';
import type { DeclarationFix } from './code-action-attributes.js';

/**
 * The fix of `pilot-too-long`: the pilot's length becomes the longest one
 * allowed (`maxPilotDays`), in weeks when it was written in weeks and the
 * limit is whole weeks, else in days; its start stays.
 */
export function shortenPilot(node: AstNode, maxPilotDays: number): DeclarationFix | undefined {
    if (!isProgram(node)) return undefined;
    const duration = attribute(node, 'Pilot')?.duration;
    const range = duration?.$cstNode?.range;
    if (!duration || !range) return undefined;
    const length = duration.unit === 'weeks' && maxPilotDays % 7 === 0 ? `${maxPilotDays / 7} weeks` : `${maxPilotDays} days`;
    return { title: `Shorten the pilot to ${length}`, edit: TextEdit.replace(range, length) };
}
