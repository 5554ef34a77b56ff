/** A source of random bytes: node's `crypto.randomBytes` on the desktop, `crypto.getRandomValues` on the web. */
export type RandomBytes = (size: number) => Uint8Array;

/** The web crypto source, present in browsers and in Node 20. */
export const webRandomBytes: RandomBytes = size => globalThis.crypto.getRandomValues(new Uint8Array(size));

/** A fresh nonce for the webview's Content-Security-Policy: 16 random bytes, base64. */
export function createNonce(randomBytes: RandomBytes): string {
    return btoa(String.fromCharCode(...randomBytes(16)));
}
