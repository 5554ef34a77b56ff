/**
 * An `.align` file's bytes as Align source text, or why they are not:
 * binary (a NUL byte), saved as UTF-16 (a UTF-16 byte order mark, as a
 * Windows "Unicode" save writes it, or text in UTF-16 without one), or not
 * UTF-8. The one decision for `align check` (cli/workspace/read-source.ts),
 * `align fmt` and the language server
 * (language/align-document-factory.ts), so that all report the same
 * finding. Pure: the browser server uses it too.
 */
import { binarySource, notUtf8Source, utf16Source, type SourceProblem } from './source-problems.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text, and whether it started with a UTF-8 byte order mark (for `align fmt` to keep it), or what keeps it from being Align source. */
export type DecodedSource = { readonly text: string; readonly bom: boolean } | { readonly problem: SourceProblem };

/** The text of a file's bytes as UTF-8, without its leading byte order mark (one: a second is text), or its problem. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: utf16Source() };
    const nul = bytes.indexOf(0);
    // UTF-16 text of Latin letters has a NUL in every other byte, and is no binary file.
    if (nul >= 0) return { problem: looksLikeUtf16(bytes) ? utf16Source() : binarySource(lineAt(bytes, nul)) };
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        const at = firstInvalidUtf8(bytes);
        return { problem: notUtf8Source(bytes[at]!, lineAt(bytes, at)) };
    }
    // The decoder has dropped one leading byte order mark (ignoreBOM false): a second one is text, kept.
    return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/** How many UTF-16 code units at the start of a file `looksLikeUtf16` reads. */
const UTF16_SAMPLE_UNITS = 256;

/**
 * Whether bytes without a byte order mark are UTF-16 text (little- or
 * big-endian), as `iconv -t UTF-16LE` writes it: an even number of bytes,
 * at least 4 code units, of which at least three in four of the first 256
 * have a high byte of 0, and each of those is a Latin-1 character of text
 * (not U+0000, nor a control character but tab, line feed and carriage
 * return). Conservative: a binary file with NUL bytes (an image, an
 * executable, a table of numbers) has a code unit 0000 or a control
 * character among its first, and stays binary.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
    if (bytes.length % 2 !== 0 || bytes.length < 8) return false;
    return isLatinUtf16(bytes, 1) || isLatinUtf16(bytes, 0);
}

/** Whether at least three in four of the first code units have their high byte (at `high`: 1 little-endian, 0 big-endian) 0, each of those a character of text. */
function isLatinUtf16(bytes: Uint8Array, high: number): boolean {
    const units = Math.min(bytes.length / 2, UTF16_SAMPLE_UNITS);
    let latin = 0;
    for (let unit = 0; unit < units; unit++) {
        if (bytes[2 * unit + high] !== 0) continue;
        const low = bytes[2 * unit + 1 - high]!;
        const text = low < 0x20 ? low === 0x09 || low === 0x0a || low === 0x0d : low < 0x7f || low >= 0xa0;
        if (!text) return false;
        latin++;
    }
    return latin * 4 >= units * 3;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (the decoder's rules: no overlong forms, no surrogates, at most U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length;) {
        const lead = bytes[i]!;
        const more = lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
        if (more < 0) return i;
        const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
        for (let k = 1; k <= more; k++) {
            const next = bytes[i + k];
            if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
        }
        i += more + 1;
    }
    return bytes.length - 1;
}

/** The 1-based line of a byte offset (lines end at `\n`). */
function lineAt(bytes: Uint8Array, offset: number): number {
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    return line;
}
