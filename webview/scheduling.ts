/**
 * Yielding the main thread between parts of long work (layout steps,
 * drawing slices), so that no task is long and the browser renders and
 * handles input between them.
 */

/** Resolves after the next frame has been rendered. */
export const afterNextPaint = (): Promise<void> => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Resolves in a task of its own, at once: unlike `setTimeout(0)` it is not
 * held back 4 ms after a few nested calls, and unlike `afterNextPaint` it
 * does not wait for a frame (the browser still renders between tasks when
 * a frame is due).
 */
export function nextTask(): Promise<void> {
    return new Promise(resolve => {
        waiting.push(resolve);
        channel.port2.postMessage(undefined);
    });
}
