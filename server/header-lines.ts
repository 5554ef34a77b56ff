/**
 * The header lines of the frames on a stream, followed as vscode-jsonrpc's
 * reader cuts the frames (a header ends at the first `\r\n\r\n`, its body
 * is `Content-Length` bytes), to tell a header line that ends with LF
 * alone: the reader waits for `\r\n\r\n` and, with LF-only headers (a
 * hand-written client's `Content-Length: 12\n\n{...}`), waited for ever.
 */
export class HeaderLines {
    /** The header read so far, bytes as Latin-1 characters. */
    private header = '';
    private bodyLeft = 0;
    /** Once the reader cannot cut the frames either (no Content-Length), or a lone LF was read: nothing more to follow. */
    private stopped = false;

    /** Reads a chunk of the stream; the header line that this chunk ends with LF alone ('' for an empty line), if any. */
    read(chunk: Uint8Array): string | undefined {
        let offset = 0;
        while (!this.stopped && offset < chunk.length) {
            if (this.bodyLeft > 0) {
                const skipped = Math.min(this.bodyLeft, chunk.length - offset);
                this.bodyLeft -= skipped;
                offset += skipped;
                continue;
            }
            const byte = chunk[offset++]!;
            if (byte === LF && !this.header.endsWith('\r')) return this.lfOnly();
            this.header += String.fromCharCode(byte);
            if (this.header.endsWith('\r\n\r\n')) this.startBody();
        }
        return undefined;
    }

    /**
     * The line a lone LF ends when it is a header line (`Name: value`) or an
     * empty one; otherwise the frames are cut wrongly already (a Content-Length
     * too small leaves the rest of a body to be read as a header), which the
     * reader reports itself.
     */
    private lfOnly(): string | undefined {
        this.stopped = true;
        const end = this.header.lastIndexOf('\r\n');
        const line = end < 0 ? this.header : this.header.slice(end + 2);
        return line === '' || /^[A-Za-z0-9-]+ *:/.test(line) ? line : undefined;
    }

    /** As the reader: header lines split at CRLF, each at its first `:` (one without it is an error), the last length read by `parseInt`. */
    private startBody(): void {
        const lines = this.header.slice(0, -4).split('\r\n');
        this.header = '';
        const field = lines.filter(line => line.slice(0, line.indexOf(':')).toLowerCase() === 'content-length').pop();
        const length = field === undefined ? NaN : parseInt(field.slice(field.indexOf(':') + 1).trim());
        if (isNaN(length) || lines.some(line => !line.includes(':'))) this.stopped = true;
        else this.bodyLeft = length;
    }
}

const LF = 0x0a;
