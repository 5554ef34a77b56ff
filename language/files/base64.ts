/**
 * Bytes to and from base64, with the `btoa`/`atob` that every host has
 * (Node, the browser, the web worker): the one codec of the web client's
 * files (mirrored-file.ts) and of the preview's PNG export
 * (client/commands/export-graph.ts). Pure.
 */

/** Characters per `String.fromCharCode` call: well under the engines' limit on arguments. */
const CHUNK = 0x8000;

/** The base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
    return btoa(binary);
}

/** The bytes of base64 text; `atob`'s DOMException when it is not base64. */
export function fromBase64(base64: string): Uint8Array {
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}
