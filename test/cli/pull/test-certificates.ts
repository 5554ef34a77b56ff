import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The self-signed test certificates of ./tls (its README): `loopback` for 127.0.0.1 and localhost, `other-host` for lrs.example.test. */
export type TestCertificate = 'loopback' | 'other-host';

const TLS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls');

/** The certificate's file (PEM): what NODE_EXTRA_CA_CERTS or sslrootcert names to trust it. */
export function certificateFile(name: TestCertificate): string {
    return path.join(TLS, `${name}.pem`);
}

/** The key and certificate a test server serves TLS with. */
export function serverCertificate(name: TestCertificate): { key: Buffer; cert: Buffer } {
    return { key: fs.readFileSync(path.join(TLS, `${name}.key`)), cert: fs.readFileSync(certificateFile(name)) };
}
