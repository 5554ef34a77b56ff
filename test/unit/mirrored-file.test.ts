import * as assert from 'node:assert/strict';
import { URI } from 'langium';
import { decodeSource } from '../../language/files/decode-source.js';
import { mirroredFile, sameContent } from '../../language/files/mirrored-file.js';
import { sourceProblemMessage } from '../../language/files/source-problems.js';
import { BrowserFileSystem } from '../../server/browser-file-system.js';
import { LATIN1, LATIN1_FINDING, UTF16_FINDING, UTF16LE_NO_BOM } from './helpers/encoded-sources.js';

// The web client sends each workspace file to the web worker server as
// language/files/mirrored-file.ts makes it (client/web/workspace-mirror.ts),
// and the server keeps it in a BrowserFileSystem: the server must read the
// bytes the desktop server reads from disk, and so judge them the same.

const ROOT = 'vscode-test-web://mount';

/** The web server's file system holding one file with these bytes, sent as the client sends it. */
function served(bytes: Uint8Array): { fs: BrowserFileSystem; uri: URI } {
    const fs = new BrowserFileSystem();
    const uri = URI.parse(`${ROOT}/file.align`);
    fs.setAll([mirroredFile(uri.toString(), bytes)]);
    return { fs, uri };
}

/** The finding of a file's bytes as the document factory decides it (language/align-document-factory.ts), or its text. */
function judged(bytes: Uint8Array): string {
    const decoded = decodeSource(bytes);
    return 'problem' in decoded ? sourceProblemMessage(decoded.problem) : decoded.text;
}

describe('workspace files sent to the web worker server', () => {
    it('a UTF-8 file goes as its text, a byte order mark kept as the desktop server reads it', () => {
        const bytes = Buffer.from('\uFEFFskill S "Sé"\n');
        assert.deepEqual(mirroredFile(`${ROOT}/s.align`, bytes), { uri: `${ROOT}/s.align`, text: bytes.toString('utf-8') });
        const { fs, uri } = served(bytes);
        assert.equal(fs.readFileSync(uri), '\uFEFFskill S "Sé"\n');
        assert.deepEqual(Buffer.from(fs.readBinarySync(uri)), bytes);
    });

    it('a Latin-1 file goes as its bytes: the server reports it not UTF-8, as the desktop server does', async () => {
        const file = mirroredFile(`${ROOT}/latin.align`, LATIN1);
        assert.equal(file.text, undefined, 'not sent as text');
        const { fs, uri } = served(LATIN1);
        assert.deepEqual(Buffer.from(await fs.readBinary(uri)), Buffer.from(LATIN1));
        assert.equal(judged(await fs.readBinary(uri)), LATIN1_FINDING);
        // Its text is what the desktop server's readFile gives (U+FFFD for the byte), for readers of text.
        assert.equal(await fs.readFile(uri), Buffer.from(LATIN1).toString('utf-8'));
        // A larger file comes through whole, every byte value in it.
        const large = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
        assert.deepEqual(Buffer.from(served(large).fs.readBinarySync(uri)), large);
    });

    it('a UTF-16 file without a byte order mark: the server reports it saved as UTF-16, as the desktop server does', async () => {
        const { fs, uri } = served(UTF16LE_NO_BOM);
        assert.deepEqual(Buffer.from(await fs.readBinary(uri)), Buffer.from(UTF16LE_NO_BOM));
        assert.equal(judged(await fs.readBinary(uri)), UTF16_FINDING);
    });

    it('a change from bytes to text replaces the content; the same content compares equal', async () => {
        const { fs, uri } = served(LATIN1);
        const text = mirroredFile(uri.toString(), Buffer.from('skill S "S"\n'));
        fs.apply({ changed: [text], deleted: [] });
        assert.equal(judged(await fs.readBinary(uri)), 'skill S "S"\n');
        assert.ok(sameContent(mirroredFile('a', LATIN1), mirroredFile('a', Buffer.from(LATIN1))));
        assert.ok(!sameContent(mirroredFile('a', LATIN1), text));
    });
});
