import * as assert from 'node:assert/strict';
import { HeaderLines } from '../../server/header-lines.js';

/** Feeds `chunks` to a fresh HeaderLines; what the first report says, or undefined. */
function firstReport(chunks: readonly string[]): string | undefined {
    const lines = new HeaderLines();
    for (const chunk of chunks) {
        const line = lines.read(Buffer.from(chunk, 'utf-8'));
        if (line !== undefined) return line;
    }
    return undefined;
}

/** A frame as the base protocol wants it: `Content-Length` in bytes, CRLF after each header line and after the header. */
const frame = (body: string, extra = '') => `Content-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

/** Every way to cut `text` in two chunks (a header or body split across reads, as a pipe delivers them). */
const cuts = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);

describe('HeaderLines (server/header-lines.ts): header lines that end with LF alone', () => {
    it('reports nothing for well-formed frames, however the stream cuts them; bodies with LF and non-ASCII text are skipped by length', () => {
        const stream = frame('{"a":"générale\\n"}\n') + frame('{"b":1}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n') + frame('{}');
        for (const chunks of cuts(stream)) assert.equal(firstReport(chunks), undefined, JSON.stringify(chunks));
    });

    it('reports the header line an LF alone ends, wherever the stream is cut', () => {
        const stream = `${frame('{}')}Content-Length: 2\n\n{}`;
        for (const chunks of cuts(stream)) assert.equal(firstReport(chunks), 'Content-Length: 2', JSON.stringify(chunks));
    });

    it('reports an empty line that ends with LF alone after CRLF header lines', () => {
        assert.equal(firstReport(['Content-Length: 2\r\n\n{}']), '');
    });

    it('leaves to the reader frames it cannot cut: no Content-Length, or the rest of a body read as a header', () => {
        assert.equal(firstReport(['Content-Type: x\r\n\r\n{"a":\n1}']), undefined);
        assert.equal(firstReport(['Content-Length: 3\r\n\r\n{\n  "a": 1\n}']), undefined);
    });
});
