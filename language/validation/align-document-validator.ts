import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-jsonrpc';
import { messageText, ruleIdOf } from '../findings.js';
import { identityAt } from '../identity/finding-identity.js';
import { ruleDocUrl } from '../rules.js';
import { INTERNAL_ERROR } from './internal-error.js';
import { isSuppressed, suppressedLines } from './suppressions.js';

/**
 * Gives every diagnostic its rule id as `code` and its identity as
 * `data.identity` (language/identity), and drops the findings that an
 * `align-disable-next-line` comment suppresses (never an `internal-error`).
 */
export class AlignDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const suppressions = suppressedLines(document.textDocument.getText());
        const root = document.parseResult.value;
        return diagnostics
            .filter(d => ruleIdOf(d) === INTERNAL_ERROR || !isSuppressed(suppressions, d.range.start.line, ruleIdOf(d)))
            .map(d => {
                const code = ruleIdOf(d);
                const identity = identityAt(root, document.textDocument.offsetAt(d.range.start), code, { message: messageText(d), data: d.data });
                return { ...d, code, codeDescription: { href: ruleDocUrl(code) }, source: 'align', data: { ...(d.data as object | undefined), identity } };
            });
    }
}
