import * as assert from 'node:assert/strict';
import { fromBase64, toBase64 } from '../../language/files/base64.js';

// The one base64 codec of the web client's files (language/files/mirrored-file.ts)
// and of the preview's PNG export (client/commands/export-graph.ts): Node's Buffer is the reference.

describe('base64', () => {
    it('encodes and decodes every byte value as Node does, in a run longer than one chunk of characters', () => {
        const bytes = Buffer.from(Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256));
        const base64 = toBase64(bytes);
        assert.equal(base64, bytes.toString('base64'));
        assert.deepEqual(Buffer.from(fromBase64(base64)), bytes);
    });

    it('decodes padding and the empty text; refuses what is not base64', () => {
        assert.deepEqual([...fromBase64('iVBORw0KGgo=')], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
        assert.deepEqual([...fromBase64('')], []);
        assert.equal(toBase64(new Uint8Array()), '');
        assert.throws(() => fromBase64('not base64!'), /InvalidCharacterError|invalid/i);
    });
});
