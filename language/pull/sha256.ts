/**
 * SHA-256 of bytes as lowercase hex, with the Web Crypto API that Node and
 * browsers share: the same digest in `align pull`, `align check` and the editor.
 */
export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}
