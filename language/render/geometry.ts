/** Edge geometry: one cubic curve per edge, from box side to box side. */

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * A cubic from the right side of `from` to the left side of `to` (the chain
 * runs left to right); within one column (a metric driving another), a loop
 * out to the right; backwards, from the left side out and into the right.
 */
export function edgePath(from: Box, to: Box): string {
    const y1 = from.y + from.height / 2;
    const y2 = to.y + to.height / 2;
    if (to.x > from.x + from.width) {
        const x1 = from.x + from.width;
        const x2 = to.x - 1;
        const dx = Math.max(30, (x2 - x1) / 2);
        return `M${round(x1)} ${round(y1)}C${round(x1 + dx)} ${round(y1)} ${round(x2 - dx)} ${round(y2)} ${round(x2)} ${round(y2)}`;
    }
    if (to.x === from.x) {
        const x = from.x + from.width;
        const bulge = Math.min(70, 28 + Math.abs(y2 - y1) * 0.15);
        return `M${round(x)} ${round(y1)}C${round(x + bulge)} ${round(y1)} ${round(x + bulge)} ${round(y2)} ${round(x + 1)} ${round(y2)}`;
    }
    const x1 = from.x;
    const x2 = to.x + to.width + 1;
    return `M${round(x1)} ${round(y1)}C${round(x1 - 60)} ${round(y1)} ${round(x2 + 60)} ${round(y2)} ${round(x2)} ${round(y2)}`;
}
