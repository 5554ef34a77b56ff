/**
 * SHA-256 of bytes as lowercase hex, with the Web Crypto API that Node and
 * browsers share: the same digest in `align pull`, `align check` and the editor.
 */
export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of a text file (a snapshot, a query file) with its CRLF line
 * endings read as LF: a checkout with `core.autocrlf=true` has the same
 * hash as the committed file. The hash `align pull` records and the one
 * `align check` compares it with.
 */
export function textSha256Hex(bytes: Uint8Array | string): Promise<string> {
    return sha256Hex(withLf(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes));
}

/** The bytes with every CR that precedes an LF left out. */
function withLf(bytes: Uint8Array): Uint8Array {
    const CR = 0x0d;
    const LF = 0x0a;
    if (!bytes.includes(CR)) return bytes;
    const out = new Uint8Array(bytes.length);
    let length = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === CR && bytes[i + 1] === LF) continue;
        out[length++] = bytes[i]!;
    }
    return out.subarray(0, length);
}
