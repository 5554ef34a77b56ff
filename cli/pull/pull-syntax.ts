import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Actuals, Model } from '../../language/generated/ast.js';
import { messageText, ruleIdOf, type FindingDiagnostic } from '../../language/findings.js';
import { relativePath } from '../shown-path.js';
import { lineEnd } from '../../language/line-starts.js';

/** The tokens of a text as the lexer reads them (comments left out, a string one token): where each starts, and its text. */
export type Tokenize = (text: string) => ReadonlyArray<{ readonly startOffset: number; readonly image: string }>;

/** A stretch of a file with a syntax error that may change or hide a pull block: `align pull` refuses it. */
export interface RefusedPull {
    /** The actuals block the stretch starts with, if any (its `pull` is undefined when the parser dropped it). */
    readonly actuals?: Actuals;
    /** Where the stretch starts: the pulls of a file are listed in this order. */
    readonly offset: number;
    /** Why it must not run: the file, line, column and error. */
    readonly refused: string;
    /** The pull as written, from its `pull` word, for messages (`sql "q.sql" on env PGURL`). */
    readonly label: string;
}

/**
 * The pull blocks of a file that must not run, or be skipped, because of a
 * syntax error. The parser leaves out what it cannot read (`on env PGURL`
 * without quotes, an unquoted `activity`) and the pull would run on what
 * is left: another database, no filter; or it drops the block whole
 * (`pull postgres`, an unquoted `from`, a missing `{`) and the pull would
 * be skipped in silence.
 *
 * The file is cut into stretches, each from the start of a declaration (or
 * an `actuals` block, in a program too) to the start of the next one, or
 * the end of the file: the parser may end a block it cannot read before
 * the text that belongs to it. A stretch with a syntax error is refused
 * when it may hold a pull: it starts with an `actuals` block that has a
 * `pull`, or with an `actuals ... from "file" {` block (those braces hold
 * only a pull), or it holds the word `pull` (outside strings and
 * comments). Other syntax errors (in a `metric`, say) leave the pulls
 * alone. Each refusal names the first error, or the last one before the
 * stretch's first `pull` word when there is one.
 */
export function refusedPulls(document: LangiumDocument, tokenize: Tokenize): RefusedPull[] {
    const textDocument = document.textDocument;
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1 && ruleIdOf(d) === 'syntax')
        .map(diagnostic => ({ diagnostic, offset: textDocument.offsetAt(diagnostic.range.start) }))
        .sort((a, b) => a.offset - b.offset);
    if (errors.length === 0) return [];
    const text = textDocument.getText();
    const model = document.parseResult.value as Model;
    const anchors = model.elements.flatMap((e): AstNode[] => [e, ...e.$type === 'Program' ? e.members : []])
        .flatMap(node => node.$cstNode ? [{ node, offset: node.$cstNode.offset }] : [])
        .sort((a, b) => a.offset - b.offset);
    const pullWords = tokenize(text).filter(t => t.image === 'pull').map(t => t.startOffset);
    const refused: RefusedPull[] = [];
    // Errors, anchors and `pull` words are in text order: one pass over each.
    let nextError = 0;
    let nextPull = 0;
    for (let i = -1; i < anchors.length && nextError < errors.length; i++) {
        const start = i < 0 ? 0 : anchors[i]!.offset;
        const end = anchors[i + 1]?.offset ?? Infinity;
        const within: typeof errors = [];
        while (nextError < errors.length && errors[nextError]!.offset < end) within.push(errors[nextError++]!);
        while (nextPull < pullWords.length && pullWords[nextPull]! < start) nextPull++;
        if (within.length === 0) continue;
        const node = anchors[i]?.node;
        const actuals = node?.$type === 'Actuals' ? node as Actuals : undefined;
        const pullWord = nextPull < pullWords.length && pullWords[nextPull]! < end ? pullWords[nextPull] : undefined;
        const mayHoldPull = actuals?.pull !== undefined || (actuals?.file !== undefined && opensBlock(actuals)) || pullWord !== undefined;
        if (!mayHoldPull) continue;
        const error = (pullWord === undefined ? undefined : within.filter(e => e.offset <= pullWord).pop()) ?? within[0]!;
        refused.push({
            actuals, offset: start, refused: refusal(document, error.diagnostic),
            label: writtenPull(text, actuals?.pull?.$cstNode?.offset ?? pullWord)
        });
    }
    return refused;
}

/** Whether an `actuals` block has its `{`: after `from "file"`, those braces hold only a pull. */
function opensBlock(actuals: Actuals): boolean {
    const cst = actuals.$cstNode;
    return cst !== undefined && CstUtils.flattenCst(cst).some(leaf => leaf.text === '{');
}

/** Why a pull must not run: a syntax error, as `file:line:column` and the error, so that it can be fixed first. */
function refusal(document: LangiumDocument, error: FindingDiagnostic): string {
    const where = `${relativePath(document.uri.fsPath)}:${error.range.start.line + 1}:${error.range.start.character + 1}`;
    const text = messageText(error);
    // Its first line, whichever line end cuts it (`\n`, `\r\n` or a lone `\r`).
    const message = text.slice(0, lineEnd(text, 0)).trim().replace(/\.$/, '');
    return `${where}: the pull block has a syntax error (${message}): fix it first (\`align check\` shows it); nothing was run`;
}

/** The pull of a block as written from its `pull` word to the end of the line, for messages when it cannot be read in full: `sql "q.sql" on env PGURL`. */
export function writtenPull(text: string, offset: number | undefined): string {
    if (offset === undefined) return 'pull';
    const start = text.slice(offset, offset + 200);
    const line = start.slice(0, lineEnd(start, 0));
    const shown = line.replace(/^pull\s+/, '').replace(/[\s{}]+$/, '').replace(/\s+/g, ' ');
    return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown || 'pull';
}
