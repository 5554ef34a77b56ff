import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-jsonrpc';
import { ruleDocUrl } from '../rules.js';
import { INTERNAL_ERROR } from './internal-error.js';
import { isSuppressed, suppressedLines } from './suppressions.js';

const SYNTAX_CODES: ReadonlySet<unknown> = new Set([
    DocumentValidator.LexingError, DocumentValidator.LexingWarning, DocumentValidator.LexingInfo, DocumentValidator.LexingHint,
    DocumentValidator.ParsingError
]);

/**
 * The rule id a diagnostic reports under in machine output: `syntax` for
 * lexing and parsing errors, `unresolved-reference` for linking errors,
 * `internal-error` for a diagnostic without a code (Langium's report of a
 * check that threw outside the rules' own guard).
 */
export function ruleIdOf(diagnostic: Diagnostic): string {
    const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
    if (code === DocumentValidator.LinkingError) return 'unresolved-reference';
    if (SYNTAX_CODES.has(code)) return 'syntax';
    if (code === undefined) return INTERNAL_ERROR;
    return String(code);
}

/**
 * Gives every diagnostic its rule id as `code` and drops the findings that an
 * `align-disable-next-line` comment suppresses (never an `internal-error`).
 */
export class AlignDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const suppressions = suppressedLines(document.textDocument.getText());
        return diagnostics
            .map(d => ({ ...d, code: ruleIdOf(d), codeDescription: { href: ruleDocUrl(ruleIdOf(d)) }, source: 'align' }))
            .filter(d => d.code === INTERNAL_ERROR || !isSuppressed(suppressions, d.range.start.line, d.code));
    }
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
