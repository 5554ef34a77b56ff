import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ruleIdOf } from '../../language/findings.js';
import type { RuleId } from '../../language/rules.js';
import { isSuppressed, NEVER_SUPPRESSED, suppressedLines } from '../../language/validation/suppressions.js';
import { emptyAt, lineBreakOf, lineIndent, lineText } from './code-action-edits.js';

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
        const edit = suppressions.has(line) ? addToComment(document, line - 1, rule) : insertComment(document, line, rule);
        const title = `Disable ${rule} for this line`;
        return { title, kind: CodeActionKind.QuickFix, diagnostics: covered, isPreferred: false, edit: { changes: { [document.uri.toString()]: [edit] } } };
    });
}

/** `// align-disable-next-line <rule>` on a new line above `line`, indented like it, in the document's line breaks. */
function insertComment(document: LangiumDocument, line: number, rule: RuleId): TextEdit {
    return { range: emptyAt({ line, character: 0 }), newText: `${lineIndent(document, line)}// ${DIRECTIVE} ${rule}${lineBreakOf(document)}` };
}

/**
 * Appends `rule` to the ids of the comment on `line` (`a, b` becomes
 * `a, b, <rule>`): a second comment would push this one off the line it
 * covers. The comment runs to the end of its line.
 */
function addToComment(document: LangiumDocument, line: number, rule: RuleId): TextEdit {
    const text = lineText(document, line).trimEnd();
    const separator = text.endsWith(',') ? ' ' : ', ';
    return { range: emptyAt({ line, character: text.length }), newText: `${separator}${rule}` };
}
