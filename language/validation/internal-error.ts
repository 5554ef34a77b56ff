import type { AstNode, ValidationAcceptor } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
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
    const name = 'name' in node && typeof node.name === 'string' ? ` '${node.name}'` : '';
    const subject = rules.length === 1 ? `Rule ${rules[0]}` : `Rules ${rules.join(', ')}`;
    accept('error', `${subject} failed on ${node.$type.toLowerCase()}${name}: ${errorText(error)}. ${BUG} The other rules ran.`,
        { node, code: INTERNAL_ERROR, data: { code: INTERNAL_ERROR } });
}

/**
 * The `internal-error` a document gets when the impact graph could not be
 * built: the workspace rules, which read it, did not run; the rules that
 * read the document alone did. At the start of the document: no
 * declaration is at fault.
 */
export function graphFaultFinding(error: unknown): Diagnostic {
    const start = { line: 0, character: 0 };
    return {
        severity: DiagnosticSeverity.Error, range: { start, end: start }, code: INTERNAL_ERROR, data: { code: INTERNAL_ERROR },
        message: `${graphFaultMessage(error)} ${BUG} The rules that read the graph did not run; the other rules ran.`
    };
}

/** `The impact graph could not be built: TypeError: ...`: the finding's first sentence, and the error of a request that needs the graph. */
export function graphFaultMessage(error: unknown): string {
    return `The impact graph could not be built: ${errorText(error)}.`;
}

const BUG = 'This is a bug in Align, not in the file: please report it.';

function errorText(error: unknown): string {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A check and the rule ids it reports: an `internal-error` names them when the check throws. */
export type GuardedCheck<N extends AstNode, C> = readonly [(node: N, context: C) => void, ...RuleId[]];

/**
 * Runs each check on the node; one that throws is reported as
 * `internal-error` (above) and the others still run. Entries are read by
 * index: a rest pattern would make an array per node and check, `for...of`
 * an object per step.
 */
export function runGuarded<N extends AstNode, C>(entries: ReadonlyArray<GuardedCheck<N, C>>, node: N, context: C, accept: ValidationAcceptor): void {
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        try {
            entry[0](node, context);
        } catch (error) {
            reportInternalError(entry.slice(1) as RuleId[], node, error, accept);
        }
    }
}
