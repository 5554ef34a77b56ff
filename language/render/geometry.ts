/** Edge geometry: one cubic curve per edge, from box side to box side, left to right or top to bottom; and reading such a path back. */
import type { Direction } from './columns.js';

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A box along the chain's axis: where it starts and ends on the main axis, its centre on the cross axis. */
interface Span { start: number; end: number; center: number; }

function span(box: Box, direction: Direction): Span {
    return direction === 'right'
        ? { start: box.x, end: box.x + box.width, center: box.y + box.height / 2 }
        : { start: box.y, end: box.y + box.height, center: box.x + box.width / 2 };
}

/** Writes path commands in (main, cross) coordinates, as (x, y) for the direction. */
class PathWriter {
    private d = '';
    constructor(private readonly direction: Direction) { }

    private point(main: number, cross: number): string {
        return this.direction === 'right' ? `${round(main)} ${round(cross)}` : `${round(cross)} ${round(main)}`;
    }

    move(main: number, cross: number): this {
        this.d += `M${this.point(main, cross)}`;
        return this;
    }

    cubic(m1: number, c1: number, m2: number, c2: number, m: number, c: number): this {
        this.d += `C${this.point(m1, c1)} ${this.point(m2, c2)} ${this.point(m, c)}`;
        return this;
    }

    /** A cubic whose tangents run along the main axis, from (m1, c1) to (m2, c2). */
    along(m1: number, c1: number, m2: number, c2: number): this {
        const dm = Math.max(20, (m2 - m1) / 2);
        return this.cubic(m1 + dm, c1, m2 - dm, c2, m2, c2);
    }

    /** Straight along the main axis to `main`. */
    straight(main: number): this {
        this.d += `${this.direction === 'right' ? 'H' : 'V'}${round(main)}`;
        return this;
    }

    toString(): string {
        return this.d;
    }
}

export interface Point {
    readonly x: number;
    readonly y: number;
}

/** Numbers each command PathWriter writes takes. */
const ARITY: Readonly<Record<string, number>> = { M: 2, L: 2, H: 1, V: 1, C: 6 };

/**
 * Reads a path that PathWriter wrote (absolute M, L, H, V and C), one entry
 * per command: the points it draws through, from the pen's position before
 * it to where it leaves the pen. M: [to]; L, H, V: [from, to]; C: [from,
 * control 1, control 2, to]. Undefined for any other command or a wrong
 * count of numbers.
 */
export function readPath(d: string): Point[][] | undefined {
    const segments: Point[][] = [];
    let at: Point = { x: 0, y: 0 };
    // Commands are letters other than e and E, which belong to numbers (1e-7).
    for (const [, command, args] of d.matchAll(/([A-DF-Za-df-z])([^A-DF-Za-df-z]*)/g)) {
        const n = args!.trim().split(/[\s,]+/).filter(Boolean).map(Number);
        if (n.length !== ARITY[command!] || n.some(v => !Number.isFinite(v))) return undefined;
        const points: Point[] = command === 'H' ? [{ x: n[0]!, y: at.y }]
            : command === 'V' ? [{ x: at.x, y: n[0]! }]
            : [0, 2, 4].slice(0, n.length / 2).map(i => ({ x: n[i]!, y: n[i + 1]! }));
        segments.push(command === 'M' ? points : [at, ...points]);
        at = points[points.length - 1]!;
    }
    return segments;
}

/**
 * A cubic from the end side of `from` to the start side of `to` (right: the
 * right side to the left side; down: the bottom to the top). Within one
 * layer (a metric driving another), a loop out past the boxes; backwards,
 * out of the start side and into the end side. `via` are the bends the edge
 * passes through in the layers between its ends: the path runs straight
 * across each.
 */
export function edgePath(from: Box, to: Box, via: readonly Box[] = [], direction: Direction = 'right'): string {
    const a = span(from, direction);
    const b = span(to, direction);
    const path = new PathWriter(direction);
    if (b.start > a.end) {
        let main = a.end;
        let cross = a.center;
        path.move(main, cross);
        for (const bend of via.map(v => span(v, direction))) {
            path.along(main, cross, bend.start, bend.center).straight(bend.end);
            main = bend.end;
            cross = bend.center;
        }
        return path.along(main, cross, b.start - 1, b.center).toString();
    }
    if (b.start === a.start) {
        const bulge = Math.min(70, 28 + Math.abs(b.center - a.center) * 0.15);
        return path.move(a.end, a.center).cubic(Math.max(a.end, b.end) + bulge, a.center, Math.max(a.end, b.end) + bulge, b.center, b.end + 1, b.center).toString();
    }
    return path.move(a.start, a.center).cubic(a.start - 60, a.center, b.end + 60, b.center, b.end + 1, b.center).toString();
}
