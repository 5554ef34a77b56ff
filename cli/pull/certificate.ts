/**
 * What a failed TLS connection means to the person running `align pull`,
 * from the code Node gives it: the same for an LRS (xAPI over https) and a
 * PostgreSQL server (`sslmode`). None of these gets better by trying again.
 */

/** Codes of a certificate that does not lead to a trusted authority: an organisation's own CA, most often. */
const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED']);

export type TlsProblem =
    /** The certificate is not signed by an authority Node trusts. */
    | 'untrusted'
    /** The certificate names other hosts than the one connected to. */
    | 'other-host'
    /** The server answered the TLS handshake with something else (plain HTTP). */
    | 'no-tls'
    /** Another refusal of the certificate (expired, not yet valid, revoked) or of the handshake. */
    | 'other';

/** The TLS problem `code` (an error's `code`) stands for; undefined when it is not one. */
export function tlsProblem(code: string | undefined): TlsProblem | undefined {
    if (code === undefined) return undefined;
    if (UNTRUSTED.has(code)) return 'untrusted';
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'other-host';
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') return 'no-tls';
    return /^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code) ? 'other' : undefined;
}
