/** Time-out of a connection or request of a pull, in ms: `ALIGN_PULL_TIMEOUT` seconds, 30 by default. */
export function timeoutMs(): number {
    const seconds = Number(process.env['ALIGN_PULL_TIMEOUT'] ?? '30');
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}
