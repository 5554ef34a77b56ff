import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ruleIdOf } from '../../language/findings.js';
import type { RuleId } from '../../language/rules.js';
import { blockCommentEndAround, isSuppressed, NEVER_SUPPRESSED, suppressedLines, suppressionIdsEnd } from '../../language/validation/suppressions.js';
import { emptyAt, lineBreakOf, lineIndent } from './code-action-edits.js';

/** The comment that suppresses findings on the line after it (language/validation/suppressions.ts). */
const DIRECTIVE = 'align-disable-next-line';

/**
 * Rules not to disable by a comment: those no comment hides (syntax errors,
 * faults of Align itself) and problems of align.config.json (JSON, no such
 * comments).
 */
const NOT_SUPPRESSIBLE: ReadonlySet<string> = new Set([...NEVER_SUPPRESSED, 'config-invalid']);

/**
 * ESLint-style `Disable <rule> for this line`, one per rule id and line
 * among the diagnostics: adds the id to the `align-disable-next-line`
 * comment on the line above, or inserts one there. Only for `.align`
 * files, never preferred.
 */
export function suppressActions(document: LangiumDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
    if (!document.uri.path.endsWith('.align')) return [];
    const suppressions = suppressedLines(document.textDocument.getText());
    const byKey = new Map<string, { rule: RuleId; line: number; diagnostics: Diagnostic[] }>();
    for (const diagnostic of diagnostics) {
        if (diagnostic.code === undefined) continue;
        const rule = ruleIdOf(diagnostic);
        const line = diagnostic.range.start.line;
        if (NOT_SUPPRESSIBLE.has(rule) || isSuppressed(suppressions, line, rule)) continue;
        const key = `${line}:${rule}`;
        const entry = byKey.get(key) ?? { rule, line, diagnostics: [] };
        entry.diagnostics.push(diagnostic);
        byKey.set(key, entry);
    }
    return [...byKey.values()].map(({ rule, line, diagnostics: covered }) => {
        const edit = suppressions.has(line) ? addToComment(document, line, rule) : insertComment(document, line, rule);
        const title = `Disable ${rule} for this line`;
        return { title, kind: CodeActionKind.QuickFix, diagnostics: covered, isPreferred: false, edit: { changes: { [document.uri.toString()]: [edit] } } };
    });
}

/**
 * `// align-disable-next-line <rule>` on a new line above `line`, indented
 * like it, in the document's line breaks. When the line starts inside a
 * `/* ... *\/` comment (the finding follows its end), a comment above it
 * would be comment text: the line is broken after the block comment instead,
 * with the suppression comment between.
 */
function insertComment(document: LangiumDocument, line: number, rule: RuleId): TextEdit {
    const text = document.textDocument.getText();
    const comment = `// ${DIRECTIVE} ${rule}`;
    const blockEnd = blockCommentEndAround(text, document.textDocument.offsetAt({ line, character: 0 }));
    if (blockEnd !== undefined) {
        const codeStart = blockEnd + /^[^\S\r\n]*/.exec(text.slice(blockEnd))![0].length;
        const range = { start: document.textDocument.positionAt(blockEnd), end: document.textDocument.positionAt(codeStart) };
        return { range, newText: `${lineBreakOf(document)}${comment}${lineBreakOf(document)}` };
    }
    return { range: emptyAt({ line, character: 0 }), newText: `${lineIndent(document, line)}${comment}${lineBreakOf(document)}` };
}

/**
 * Adds `rule` to the ids of the comment that covers `line` (`a, b` becomes
 * `a, b, <rule>`, before a `-- why`): a second comment would push this one
 * off the line it covers.
 */
function addToComment(document: LangiumDocument, line: number, rule: RuleId): TextEdit {
    const text = document.textDocument.getText();
    const end = suppressionIdsEnd(text, line)!; // the comment has ids: one without suppresses every rule
    const comma = /^[^\S\r\n]*,/.exec(text.slice(end))?.[0]; // `a,` takes ` <rule>` after its comma
    return comma ? { range: emptyAt(document.textDocument.positionAt(end + comma.length)), newText: ` ${rule}` }
        : { range: emptyAt(document.textDocument.positionAt(end)), newText: `, ${rule}` };
}
