import { EmptyFileSystem, type LangiumCoreServices } from 'langium';
import { createAlignServices } from '../align-module.js';
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
 *   before them); a blank line before or after a comment is kept (at most one);
 * - no trailing whitespace; the file ends with one line break, of the kind
 *   its first line break is (`\r\n`, `\n`, or a lone `\r` as old Mac files
 *   have: such a file is formatted with `\n` and written back with `\r`);
 * - a line after an `// align-disable-next-line` comment keeps its text: a
 *   block written on it whole stays on one line; any other change to it
 *   (which would show or hide findings) is refused (suppressed-lines.ts).
 *
 * The result is idempotent and parses to the same AST with the same
 * comments; this is checked on every call, and a text with syntax errors is
 * refused, so the formatter never loses text.
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
    if (/^[^\r\n]*\r(?!\n)/.test(text)) {
        // Lone CRs: the layout counts `\n`s; every line keeps its number.
        const result = formatLinesWith(services, text.replace(/\r\n?/g, '\n'), options);
        if ('error' in result) return result;
        const formatted = result.text.replace(/\n/g, '\r');
        return { text: formatted, changed: formatted !== text };
    }
    return formatLinesWith(services, text, options);
}

/** Formats a text whose line breaks are `\n` or `\r\n`. */
function formatLinesWith(services: LangiumCoreServices, text: string, options: FormatOptions): FormatResult {
    const parsed = services.parser.LangiumParser.parse(text);
    const syntax = syntaxError(parsed);
    if (syntax) return { error: `Not formatted: the file has a syntax error (${syntax}).` };
    const lexed = services.parser.Lexer.tokenize(text);
    const tabSize = options.tabSize !== undefined && options.tabSize > 0 ? Math.floor(options.tabSize) : 2;
    const style = {
        indent: options.insertSpaces === false ? '\t' : ' '.repeat(tabSize),
        eol: /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n'
    };
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
