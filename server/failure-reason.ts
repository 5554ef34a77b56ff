/** A short reason for a failure: its code (`ECONNREFUSED`), else the first line of its message. */
export function reason(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : firstLine(error);
}

/** The first line of a failure's message, without its stack. */
export function firstLine(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0]!;
}
