/**
 * The content of a workspace file as the web client sends it to the web
 * worker server (`MirroredFile`, language/protocol.ts): the text of UTF-8
 * bytes, else the bytes in base64, so that the server has the file's own
 * bytes and reports a file that is not UTF-8, or is saved as UTF-16, as the
 * desktop server and `align check` do (decode-source.ts) rather than the
 * text a loose decoder makes of it (U+FFFD for each bad byte). Pure: the
 * web client and the browser server use it.
 */
import type { MirroredFile } from '../protocol.js';
import { fromBase64, toBase64 } from './base64.js';

/** Strict, and a leading byte order mark kept: as Node's `readFile(file, 'utf-8')` gives the text of UTF-8 bytes. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** As Node's `readFile(file, 'utf-8')` reads any bytes: U+FFFD for each invalid sequence. */
const looseUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** `uri`'s file with these bytes: its text when they are UTF-8, else the bytes in base64. */
export function mirroredFile(uri: string, bytes: Uint8Array): MirroredFile {
    try {
        return { uri, text: strictUtf8.decode(bytes) };
    } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        return { uri, base64: toBase64(bytes) };
    }
}

/** The content of a file sent: its text, or its bytes when they are not UTF-8. */
export function mirroredContent(file: MirroredFile): string | Uint8Array {
    return file.text ?? fromBase64(file.base64);
}

/** Whether two files sent have the same content. */
export function sameContent(a: MirroredFile, b: MirroredFile): boolean {
    return a.text === b.text && a.base64 === b.base64;
}

/** The text of a file's content as Node's `readFile(file, 'utf-8')` gives it (bytes that are not UTF-8 read as U+FFFD). */
export function contentText(content: string | Uint8Array): string {
    return typeof content === 'string' ? content : looseUtf8.decode(content);
}

/** The bytes of a file's content: UTF-8 text encoded again (the same bytes), or the bytes themselves. */
export function contentBytes(content: string | Uint8Array): Uint8Array {
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}
