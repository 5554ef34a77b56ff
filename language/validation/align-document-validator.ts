import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-jsonrpc';
import { ruleDocUrl } from '../rules.js';
import { isSuppressed, suppressedLines } from './suppressions.js';

/** The rule id a diagnostic reports under in machine output. */
export function ruleIdOf(diagnostic: Diagnostic): string {
    const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
    if (code === DocumentValidator.LinkingError) return 'unresolved-reference';
    if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError || code === undefined) return 'syntax';
    return String(code);
}

/**
 * Gives every diagnostic its rule id as `code` (`syntax` for lexing and
 * parsing errors, `unresolved-reference` for linking errors) and drops the
 * findings that an `align-disable-next-line` comment suppresses.
 */
export class AlignDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const suppressions = suppressedLines(document.textDocument.getText());
        return diagnostics
            .map(d => ({ ...d, code: ruleIdOf(d), codeDescription: { href: ruleDocUrl(ruleIdOf(d)) }, source: 'align' }))
            .filter(d => !isSuppressed(suppressions, d.range.start.line, d.code));
    }
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
