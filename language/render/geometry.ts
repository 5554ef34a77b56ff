/** Edge geometry: one cubic curve per edge, from box side to box side. */

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A horizontal-tangent cubic from (x1, y1) to (x2, y2), without the move to its start. */
function curve(x1: number, y1: number, x2: number, y2: number): string {
    const dx = Math.max(20, (x2 - x1) / 2);
    return `C${round(x1 + dx)} ${round(y1)} ${round(x2 - dx)} ${round(y2)} ${round(x2)} ${round(y2)}`;
}

/**
 * A cubic from the right side of `from` to the left side of `to` (the chain
 * runs left to right); within one column (a metric driving another), a loop
 * out to the right; backwards, from the left side out and into the right.
 * `via` are the bends the edge passes through in the columns between its
 * ends: the path runs straight across each.
 */
export function edgePath(from: Box, to: Box, via: readonly Box[] = []): string {
    const y1 = from.y + from.height / 2;
    const y2 = to.y + to.height / 2;
    if (to.x > from.x + from.width) {
        let x = from.x + from.width;
        let y = y1;
        let d = `M${round(x)} ${round(y)}`;
        for (const bend of via) {
            const yb = bend.y + bend.height / 2;
            d += curve(x, y, bend.x, yb) + `H${round(bend.x + bend.width)}`;
            x = bend.x + bend.width;
            y = yb;
        }
        return d + curve(x, y, to.x - 1, y2);
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
