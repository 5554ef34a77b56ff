import type { Lexer } from 'langium';
import { CompletionTriggerKind, type CompletionParams } from 'vscode-languageserver';

/**
 * The one character that opens completion by itself: a space, answered only
 * where a reference comes next (`moves `, `measured by `, `enabled by `,
 * `kpi `, `for `, `actuals `, `moves A, `); elsewhere the answer is empty, so
 * typing a space between words never pops a list up.
 */
export const REFERENCE_TRIGGER = ' ';

/** Whether the editor asked on its own because the user typed the trigger space. */
export function triggeredBySpace(params: CompletionParams): boolean {
    return params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === REFERENCE_TRIGGER;
}

/**
 * Whether `text` (everything before the typed space) ends with a keyword or a
 * comma: not in a comment or a string, not after a name or a number, not
 * after a second space.
 */
export function endsWithKeywordOrComma(lexer: Lexer, text: string): boolean {
    const { tokens } = lexer.tokenize(text);
    const last = tokens[tokens.length - 1];
    // chevrotain's `endOffset` is inclusive; a comment after the token (a hidden token) ends later.
    if (!last || last.endOffset !== text.length - 1) return false;
    // Keyword token types are named by their text; terminals by their rule (`ID`, `STRING`, `NUMBER`).
    return last.image === ',' || (last.tokenType.name === last.image && /^[a-z]/.test(last.image));
}
