/** A pull that failed: its message is the cause, one line, with no secret in it. */
export class PullError extends Error {
    override readonly name = 'PullError';
}

/** The message of an error, first line only (drivers add detail on further lines). */
export function firstLine(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split(/\r?\n/)[0]!.trim();
}
