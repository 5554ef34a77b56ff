import type { AstNode, ValidationAcceptor } from 'langium';
import type { RuleId } from '../rules.js';

/** The rule id of a finding that reports a fault in Align itself, never in the checked text. */
export const INTERNAL_ERROR = 'internal-error' satisfies RuleId;

/**
 * Reports a check that threw as an `internal-error` finding on the node it
 * was checking, naming the rules the check implements, and logs the stack
 * (the CLI prints one line of it, the server's log all of it). It is
 * always an error, and no suppression comment hides it.
 */
export function reportInternalError(rules: readonly RuleId[], node: AstNode, error: unknown, accept: ValidationAcceptor): void {
    console.error(`Align: the check of ${rules.join(', ')} failed on ${node.$type}:`, error);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const name = 'name' in node && typeof node.name === 'string' ? ` '${node.name}'` : '';
    const subject = rules.length === 1 ? `Rule ${rules[0]}` : `Rules ${rules.join(', ')}`;
    accept('error', `${subject} failed on ${node.$type.toLowerCase()}${name}: ${detail}. This is a bug in Align, not in the file: please report it. The other rules ran.`,
        { node, code: INTERNAL_ERROR, data: { code: INTERNAL_ERROR } });
}
