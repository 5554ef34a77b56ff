/**
 * Brings one chain into line across the layers, keeping every layer's
 * order: in each layer the chain's boxes (and the bends of its edges) go
 * side by side around one axis, and the other boxes move aside as little as
 * the order and the gaps allow (a weighted isotonic fit per layer). Used
 * where the pane is too narrow to show a chain spread over the drawing at a
 * readable size; the layout stays the same otherwise.
 */
import type { PlaceInput } from './place.js';
import { isotonic } from './place.js';

/** A chain's boxes weigh this much more than others: they reach their place, the others give way. */
const CHAIN_WEIGHT = 1e4;

/**
 * Centres with the chain lined up on `axis` (a centre across the layers, as
 * `center` holds). `inChain(v)` tells the chain's vertices.
 */
export function alignChain(input: PlaceInput, center: Float64Array, inChain: (v: number) => boolean, axis: number): Float64Array {
    const { cols, height: size, gap } = input;
    const out = Float64Array.from(center);
    for (const col of cols) {
        const members = col.filter(inChain);
        if (members.length === 0) continue;
        const extent = members.reduce((sum, v) => sum + size[v]!, 0) + gap * (members.length - 1);
        const wanted = new Map<number, number>();
        let at = axis - extent / 2;
        for (const v of members) {
            wanted.set(v, at + size[v]! / 2);
            at += size[v]! + gap;
        }
        const offset = new Float64Array(col.length);
        const target = new Float64Array(col.length);
        const weight = new Float64Array(col.length);
        col.forEach((v, i) => {
            if (i > 0) offset[i] = offset[i - 1]! + size[col[i - 1]!]! / 2 + gap + size[v]! / 2;
            target[i] = (wanted.get(v) ?? center[v]!) - offset[i]!;
            weight[i] = wanted.has(v) ? CHAIN_WEIGHT : 1;
        });
        const z = isotonic(target, weight);
        col.forEach((v, i) => { out[v] = z[i]! + offset[i]!; });
    }
    let low = Infinity;
    cols.forEach(col => { if (col.length > 0) low = Math.min(low, out[col[0]!]! - size[col[0]!]! / 2); });
    if (Number.isFinite(low) && low < 0) for (let v = 0; v < out.length; v++) out[v] = out[v]! - low;
    return out;
}
