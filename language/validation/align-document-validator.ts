import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-jsonrpc';
import { ruleIdOf } from '../findings.js';
import { ruleDocUrl } from '../rules.js';
import { INTERNAL_ERROR } from './internal-error.js';
import { isSuppressed, suppressedLines } from './suppressions.js';

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
