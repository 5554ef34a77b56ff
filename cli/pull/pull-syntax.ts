import type { LangiumDocument } from 'langium';
import type { Actuals } from '../../language/generated/ast.js';
import { messageText, ruleIdOf } from '../../language/findings.js';
import { relativePath } from '../shown-path.js';

/**
 * Why a pulled actuals block must not run, or undefined when it may: a
 * syntax error within the block (the parser left out what it could not
 * read, such as `on env PGURL` without quotes, and the pull would run on
 * what is left: another database, no filter). Said as `file:line:column`
 * and the error, so that it can be fixed first.
 */
export function pullSyntaxError(document: LangiumDocument, actuals: Actuals): string | undefined {
    const cst = actuals.$cstNode;
    const text = document.textDocument;
    const [start, end] = cst ? [cst.offset, cst.end] : [0, text.getText().length];
    const error = (document.diagnostics ?? []).find(d => d.severity === 1 && ruleIdOf(d) === 'syntax'
        && text.offsetAt(d.range.start) <= end && text.offsetAt(d.range.end) >= start);
    if (!error) return undefined;
    const where = `${relativePath(document.uri.fsPath)}:${error.range.start.line + 1}:${error.range.start.character + 1}`;
    const message = messageText(error).split(/\r?\n/)[0]!.trim().replace(/\.$/, '');
    return `${where}: the pull block has a syntax error (${message}): fix it first (\`align check\` shows it); nothing was run`;
}

/** The pull of a block as written, for messages when it cannot be read in full: `sql "q.sql" on env PGURL`. */
export function writtenPull(document: LangiumDocument, actuals: Actuals): string {
    const offset = actuals.pull?.$cstNode?.offset;
    if (offset === undefined) return 'pull';
    const line = document.textDocument.getText().slice(offset).split(/\r?\n/)[0]!;
    const shown = line.replace(/^pull\s+/, '').replace(/[\s{}]+$/, '').replace(/\s+/g, ' ');
    return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown || 'pull';
}
