/**
 * Align source saved in an encoding other than UTF-8, as the desktop server
 * (test/lsp/binary-file.test.ts) and `align check` (test/cli/bad-input.test.ts)
 * meet it on disk, with the finding they report for it. No Node API: the
 * VS Code for the Web suite uses it too.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);

/** `program P "café" {}` saved as Latin-1: é is the byte 0xe9 on line 2, not UTF-8 (scripts/vscode-test-web.mjs writes the same bytes). */
export const LATIN1 = new Uint8Array([...utf8('// café\nprogram P "caf'), 0xe9, ...utf8('" {}\n')]);
export const LATIN1_FINDING = 'This file is not UTF-8 text (byte 0xe9 on line 2): save it as UTF-8.';

/** UTF-16 little-endian without a byte order mark, with a letter beyond ASCII (é: the bytes e9 00, not UTF-8). */
export const UTF16LE_NO_BOM = new Uint8Array([...'// caf\u00e9\nskill T "t"\n'].flatMap(c => [c.charCodeAt(0), 0]));
export const UTF16_FINDING = 'This file is saved as UTF-16, not UTF-8: save it as UTF-8.';
