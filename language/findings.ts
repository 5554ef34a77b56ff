/**
 * The one mapping from a diagnostic to its rule id and to a finding, for
 * every side: the validator, the server's code actions, the CLI, the
 * preview host (on `vscode.Diagnostic`s) and the tests. Pure: no langium,
 * no vscode, so that the client bundle may use it too.
 */
import { isRuleId, type Finding, type FindingSeverity, type RuleId } from './rules.js';

/** What says a diagnostic's rule: an LSP `Diagnostic` or a `vscode.Diagnostic` (whose code may carry a link). */
export interface CodedDiagnostic {
    readonly code?: string | number | { readonly value: string | number };
    readonly data?: unknown;
}

/** A diagnostic as the CLI and the tests turn it into a finding: an LSP `Diagnostic`. */
export interface FindingDiagnostic extends CodedDiagnostic {
    readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
    readonly severity?: number;
    readonly message: string | { readonly value: string };
}

/** Langium's codes for lexer and parser errors (`DocumentValidator.LexingError`...): the `syntax` rule. */
const SYNTAX_CODES: ReadonlySet<unknown> = new Set(['lexing-error', 'lexing-warning', 'lexing-info', 'lexing-hint', 'parsing-error']);
/** Langium's code for a reference that does not resolve (`DocumentValidator.LinkingError`). */
const LINKING_CODE = 'linking-error';

/**
 * The rule id of a diagnostic: `data.code` (set by Langium and by the rules)
 * or else `code`. Lexing and parsing errors are `syntax`, linking errors
 * `unresolved-reference`; a diagnostic without a known code reports a fault
 * of Align itself (Langium's report of a check that threw): `internal-error`.
 */
export function ruleIdOf(diagnostic: CodedDiagnostic): RuleId {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const raw = data?.code ?? diagnostic.code;
    const code = typeof raw === 'object' && raw !== null && 'value' in raw ? raw.value : raw;
    if (code === LINKING_CODE) return 'unresolved-reference';
    if (SYNTAX_CODES.has(code)) return 'syntax';
    return typeof code === 'string' && isRuleId(code) ? code : 'internal-error';
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Pick<FindingDiagnostic, 'message'>): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The severity name of an LSP severity (1 error, 2 warning, 3 information, 4 hint). */
export function severityName(severity: number | undefined): FindingSeverity {
    return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'info';
}

/** LSP numbering of a severity name. */
export function severityNumber(severity: FindingSeverity): 1 | 2 | 3 {
    return severity === 'error' ? 1 : severity === 'warning' ? 2 : 3;
}

/** A diagnostic of `file` (a path as tools print it) as a finding: 1-based lines and columns, rule id, plain message. */
export function toFinding(file: string, diagnostic: FindingDiagnostic): Finding {
    const { start, end } = diagnostic.range;
    return {
        file,
        line: start.line + 1, column: start.character + 1,
        endLine: end.line + 1, endColumn: end.character + 1,
        severity: severityName(diagnostic.severity), rule: ruleIdOf(diagnostic), message: messageText(diagnostic),
        ...withIdentity(identityOfDiagnostic(diagnostic))
    };
}

function withIdentity(identity: FindingIdentity | undefined): { identity?: FindingIdentity } {
    return identity ? { identity } : {};
}

/** Where in the model a finding is: what identifies it besides its rule (language/identity). */
export interface FindingIdentity {
    /** Model path of the element (`DiscoveryBootcamp.KnowTheProduct`); absent for a finding outside every declaration. */
    readonly element?: string;
    /** What in the element the finding is about (language/identity/message-key.ts); often empty. */
    readonly key: string;
}

/** The identity the validator stamped on a diagnostic (`data.identity`), if any. */
export function identityOfDiagnostic(diagnostic: { data?: unknown }): FindingIdentity | undefined {
    const identity = (diagnostic.data as { identity?: unknown } | undefined)?.identity;
    if (typeof identity !== 'object' || identity === null) return undefined;
    const { element, key } = identity as { element?: unknown; key?: unknown };
    if (typeof key !== 'string' || (element !== undefined && typeof element !== 'string')) return undefined;
    return element === undefined ? { key } : { element, key };
}
