import { EmptyFileSystem, type LangiumCoreServices } from 'langium';
import { createAlignServices } from '../align-module.js';
import { BOM, withoutBom } from '../byte-order-mark.js';
import { HOST_WITHOUT_LINKS } from '../host.js';
import { changedMeaning, parsedOriginal, syntaxError } from './check-meaning.js';
import { buildLayout, LayoutError } from './layout.js';
import { printLayout } from './print-layout.js';
import { keepSuppressedBlocksOnOneLine } from './suppressed-lines.js';

/**
 * The canonical formatter of `.align` files: text in, text out, for
 * `align fmt` and the language server. Canonical layout:
 *
 * - one declaration or attribute per line; a block opens with `{` on the
 *   declaration line and closes with `}` on its own line; an empty block is
 *   written `{}`; a declaration without a block stays without one;
 * - one indentation level (two spaces, or per the options) per block;
 * - single spaces between tokens, none before `,` `:` `.` nor after `.`
 *   (`a, b` lists, `2026-01: 12%` rows, `Program.Name`);
 * - one blank line between declarations, except that a declaration that
 *   directly followed one of the same kind without a blank line stays
 *   grouped with it (`skill A` / `skill B`), at the top level and in programs;
 * - in a program, its attributes first (in source order), a blank line, then
 *   its members (in source order); attributes are never reordered among
 *   themselves and follow each other without blank lines;
 * - comments kept: comments on their own lines stay above the declaration,
 *   attribute or closing brace they precede (block comments re-indented as a
 *   whole), comments after a token stay at the end of its line (one space
 *   before them; the further lines of a block comment there keep their
 *   indentation relative to its start, as a doc comment's reading keeps it);
 *   a blank line before or after a comment is kept (at most one);
 * - a doc comment (`/** ... *\/`) documents what follows it, and keeps doing
 *   so: at the end of a line in a program whose next item moves (attributes
 *   first), it goes on its own line before the item or `}` it preceded; last
 *   before a `{` on the next line, it stays before the brace, which joins it
 *   on the header line (after the brace it would document the first member);
 * - a byte order mark (U+FEFF) at the start of the text stays there;
 * - no trailing whitespace; every line break, a lone `\r` in the middle of
 *   the file included (it ends a line for Langium and `align check`), is
 *   written as the file's first line break is: `\r\n`, `\n`, or a lone `\r`
 *   as old Mac files have; the file ends with one line break;
 * - a line after an `// align-disable-next-line` comment keeps its text: a
 *   block written on it whole stays on one line; any other change to it
 *   (which would show or hide findings) is refused (suppressed-lines.ts).
 *
 * The result is idempotent and parses to the same AST with the same
 * comments and doc comments; this is checked on every call, and a text with
 * syntax errors is refused, so the formatter never loses text.
 */

/** Indentation options (LSP `FormattingOptions` fit). */
export interface FormatOptions {
    /** Spaces per indentation level; 2 when left out. */
    tabSize?: number;
    /** Indent with spaces (default) or with one tab per level. */
    insertSpaces?: boolean;
}

/** The formatted text, or why the text was not formatted. */
export type FormatResult = { text: string; changed: boolean } | { error: string };

let defaultServices: LangiumCoreServices | undefined;

/** The Align services the formatter uses when none are given (created on first use). */
export function formatterServices(): LangiumCoreServices {
    defaultServices ??= createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
    return defaultServices;
}

/** Formats an Align file with a parser of its own. */
export function formatAlign(text: string, options: FormatOptions = {}): FormatResult {
    return formatAlignWith(formatterServices(), text, options);
}

/** Formats an Align file with the parser and lexer of `services` (the language server passes its own). */
export function formatAlignWith(services: LangiumCoreServices, text: string, options: FormatOptions = {}): FormatResult {
    // Every line break is one line, whatever its kind: `\r\n`, `\n`, and a lone
    // `\r` anywhere in the file (Langium's line index and the lexer count it, so
    // `align check` puts what follows it on the next line). The layout reads
    // the text with `\n` only; each line keeps its number. The result writes
    // every line break as the file's line break, which is its first one (so a
    // lone CR in the middle of an `\n` or `\r\n` file becomes `\n` or `\r\n`,
    // and a file whose first line break is a lone CR is written with `\r`).
    // A UTF-8 byte order mark (U+FEFF first, as an editor that keeps it sends
    // the text) stays where it is: the lexer would take it for white space,
    // which the layout drops.
    const body = withoutBom(text);
    const bom = body.length < text.length ? BOM : '';
    const eol = firstLineBreak(body);
    const result = formatLinesWith(services, body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body, options);
    if ('error' in result) return result;
    const formatted = bom + (eol === '\n' ? result.text : result.text.replace(/\n/g, eol));
    return { text: formatted, changed: formatted !== text };
}

/** The first line break of a text (`\n` when it has none). */
function firstLineBreak(text: string): string {
    const first = /\r\n?|\n/.exec(text);
    return first ? first[0] : '\n';
}

/**
 * Formats a text whose line breaks are all `\n`; the result too has `\n`
 * only. Its meaning is checked on these texts (the kind of a line break is
 * layout): a lone `\r` inside a block comment is a line break there too,
 * re-indented as one, and so it is for the reading of a doc comment
 * (`docComment` in graph/collect-nodes.ts; Langium's splits at `\n` only).
 */
function formatLinesWith(services: LangiumCoreServices, text: string, options: FormatOptions): FormatResult {
    const parsed = services.parser.LangiumParser.parse(text);
    const syntax = syntaxError(parsed);
    if (syntax) return { error: `Not formatted: the file has a syntax error (${syntax}).` };
    const lexed = services.parser.Lexer.tokenize(text);
    const tabSize = options.tabSize !== undefined && options.tabSize > 0 ? Math.floor(options.tabSize) : 2;
    const style = { indent: options.insertSpaces === false ? '\t' : ' '.repeat(tabSize), eol: '\n' };
    let formatted: string;
    try {
        const layout = buildLayout(text, parsed.value, lexed.hidden, lexed.tokens.length);
        keepSuppressedBlocksOnOneLine(layout, text);
        formatted = printLayout(layout, style);
    } catch (e) {
        if (e instanceof LayoutError) return { error: `Not formatted: unexpected structure (${e.message}).` };
        throw e;
    }
    const loss = changedMeaning(services, parsedOriginal(services, text, parsed.value, lexed), formatted);
    if (loss?.suppression) return { error: `Not formatted: ${loss.reason}. Put the comment right above the line it is meant for, with nothing else on that line that it should not hide.` };
    if (loss) return { error: `Not formatted: the formatter would change the file's meaning (${loss.reason}); please report this.` };
    return { text: formatted, changed: formatted !== text };
}
