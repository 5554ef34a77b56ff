/**
 * Keeps a keyed list of SVG markup in the DOM, spread over "tiles": small
 * `<svg>` elements stacked on one another. The browser lays out and paints
 * each tile on its own, so adding or changing a few items costs a few tiles,
 * not the whole drawing.
 *
 * A tile is as large as what it holds (`bounds`, plus a margin) inside a
 * box with `content-visibility: auto`: the browser skips styling, laying
 * out and painting the tiles out of view, which is most of a large drawing.
 *
 * Items keep document order (the keyboard order) across tiles. A pass
 * (`begin`, `add`... `end`) keeps unchanged elements, replaces changed ones,
 * parses new ones in batches and removes stale ones; it can be spread over
 * frames, and an interrupted pass is finished by the next one.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room around a tile's items for what is drawn past their boxes (strokes, shadows, the focus ring). */
const MARGIN = 16;

/** An item's box in the drawing's coordinates. */
export interface Bounds {
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
}

export class TiledLayer<T extends object> {
    private readonly tiles: SVGSVGElement[] = [];
    private readonly entries = new Map<string, { el: Element; markup: string; data: T }>();
    private readonly keyOf = new WeakMap<Element, string>();
    private wanted = new Set<string>();
    private tile = 0;
    private cursor: ChildNode | null = null;
    private pending: Array<{ key: string; markup: string; data: T }> = [];
    /** Tiles whose items changed since their box was last set. */
    private readonly moved = new Set<SVGSVGElement>();
    /** Each item's bounds, computed once per item (a layout makes new items). */
    private readonly boundsOf = new WeakMap<object, Bounds>();
    /** DOM changes since the pass began (insertions, moves, removals). */
    changes = 0;

    constructor(
        private readonly container: HTMLElement,
        private readonly tileClass: string,
        private readonly tileSize: number,
        /** Called for each element created from markup. */
        private readonly created: (el: Element, data: T) => void,
        /** Where an item is drawn. */
        private readonly bounds: (data: T) => Bounds
    ) { }

    /** Starts a pass over the list with these keys. */
    begin(keys: Set<string>): void {
        this.wanted = keys;
        this.pending = [];
        this.changes = 0;
        this.tile = 0;
        this.cursor = this.tiles[0]?.firstChild ?? null;
        this.skipStale();
    }

    /** The next item of the list, in order. */
    add(key: string, markup: string, data: T): void {
        const entry = this.entries.get(key);
        if (entry && entry.markup === markup) {
            this.parsePending();
            if (entry.el === this.cursor) {
                this.cursor = this.cursor.nextSibling;
                this.skipStale();
            } else {
                this.insert(entry.el);
                this.changes++;
            }
            entry.data = data;
            return;
        }
        if (entry) this.drop(key, entry.el);
        this.pending.push({ key, markup, data });
    }

    /** Parses and inserts the new items collected so far, and sizes the tiles that changed. */
    flush(): void {
        this.parsePending();
        this.place();
    }

    /** Parses and inserts the new items collected so far, in one go per tile. */
    private parsePending(): void {
        while (this.pending.length > 0) {
            const tile = this.currentTile();
            const room = this.cursor ? this.pending.length : Math.max(1, this.tileSize - tile.childElementCount);
            const batch = this.pending.splice(0, room);
            const range = document.createRange();
            range.selectNodeContents(tile);
            const fragment = range.createContextualFragment(batch.map(p => p.markup).join(''));
            const created = Array.from(fragment.children);
            tile.insertBefore(fragment, this.cursor);
            this.moved.add(tile);
            created.forEach((el, i) => {
                const { key, markup, data } = batch[i]!;
                this.entries.set(key, { el, markup, data });
                this.keyOf.set(el, key);
                this.created(el, data);
            });
            this.changes += created.length;
        }
    }

    /** Ends the pass: removes what the list no longer holds, and empty tiles. */
    end(): void {
        this.flush();
        for (const [key, entry] of this.entries) if (!this.wanted.has(key)) this.drop(key, entry.el);
        for (let i = this.tiles.length - 1; i >= 0; i--) {
            if (this.tiles[i]!.childElementCount > 0) continue;
            this.moved.delete(this.tiles[i]!);
            this.tiles[i]!.parentElement!.remove();
            this.tiles.splice(i, 1);
        }
        this.place();
    }

    /**
     * Outside a pass: puts new markup in place of an item's element (same
     * tile, same place), keeping the keyboard focus on it. False when the
     * list has no such item.
     */
    replace(key: string, markup: string, data: T): boolean {
        const entry = this.entries.get(key);
        if (!entry) return false;
        entry.data = data;
        if (entry.markup === markup) return true;
        const range = document.createRange();
        range.selectNodeContents(entry.el.parentNode!);
        const el = range.createContextualFragment(markup).firstElementChild!;
        const focused = document.activeElement === entry.el;
        entry.el.replaceWith(el);
        this.keyOf.set(el, key);
        this.entries.set(key, { el, markup, data });
        this.created(el, data);
        this.moved.add(el.parentNode as SVGSVGElement);
        this.place();
        if (focused) (el as HTMLElement | SVGElement).focus();
        return true;
    }

    element(key: string): Element | undefined {
        return this.entries.get(key)?.el;
    }

    *all(): IterableIterator<[string, Element, T]> {
        for (const [key, entry] of this.entries) yield [key, entry.el, entry.data];
    }

    /**
     * Sizes the tiles whose items changed to what they hold: the box (with
     * `content-visibility: auto`) at the items' bounds, the tile's viewBox
     * on the same part of the drawing.
     */
    private place(): void {
        for (const tile of this.moved) {
            let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
            for (const el of tile.children) {
                const key = this.keyOf.get(el);
                const entry = key === undefined ? undefined : this.entries.get(key);
                if (!entry) continue;
                let b = this.boundsOf.get(entry.data);
                if (!b) this.boundsOf.set(entry.data, b = this.bounds(entry.data));
                x0 = Math.min(x0, b.x0); y0 = Math.min(y0, b.y0); x1 = Math.max(x1, b.x1); y1 = Math.max(y1, b.y1);
            }
            if (x0 === Infinity) continue;
            const x = Math.floor(x0 - MARGIN), y = Math.floor(y0 - MARGIN);
            const width = Math.ceil(x1 + MARGIN) - x, height = Math.ceil(y1 + MARGIN) - y;
            // Through the CSSOM: the webview's CSP forbids style attributes in markup.
            const box = tile.parentElement!.style;
            box.left = `${x}px`;
            box.top = `${y}px`;
            box.width = `${width}px`;
            box.height = `${height}px`;
            const viewBox = `${x} ${y} ${width} ${height}`;
            if (tile.getAttribute('viewBox') !== viewBox) {
                tile.setAttribute('viewBox', viewBox);
                tile.setAttribute('width', String(width));
                tile.setAttribute('height', String(height));
            }
        }
        this.moved.clear();
    }

    /** The tile the cursor is in; a new one at the end when the last is full. */
    private currentTile(): SVGSVGElement {
        let tile = this.tiles[this.tile];
        if (!tile || (!this.cursor && tile.childElementCount >= this.tileSize && this.tile === this.tiles.length - 1)) {
            const box = document.createElement('div');
            box.className = 'tile-box';
            tile = document.createElementNS(SVG_NS, 'svg');
            tile.setAttribute('class', this.tileClass);
            box.append(tile);
            this.container.append(box);
            this.tiles.push(tile);
            this.tile = this.tiles.length - 1;
            this.cursor = null;
        }
        return tile;
    }

    private insert(el: Element): void {
        if (el.parentNode) this.moved.add(el.parentNode as SVGSVGElement);
        const tile = this.currentTile();
        tile.insertBefore(el, this.cursor);
        this.moved.add(tile);
    }

    private drop(key: string, el: Element): void {
        if (el === this.cursor) this.cursor = el.nextSibling;
        if (el.parentNode) this.moved.add(el.parentNode as SVGSVGElement);
        el.remove();
        this.entries.delete(key);
        this.changes++;
        this.skipStale();
    }

    /** Moves the cursor past elements no longer wanted (removing them) and on to the next tile at a tile's end. */
    private skipStale(): void {
        for (;;) {
            while (this.cursor) {
                const key = this.cursor instanceof Element ? this.keyOf.get(this.cursor) : undefined;
                if (key !== undefined && this.wanted.has(key)) return;
                const stale = this.cursor;
                this.cursor = stale.nextSibling;
                if (stale.parentNode) this.moved.add(stale.parentNode as SVGSVGElement);
                stale.remove();
                if (key !== undefined) this.entries.delete(key);
                this.changes++;
            }
            const next = this.tiles[this.tile + 1];
            if (!next || this.pending.length > 0) return;
            this.tile++;
            this.cursor = next.firstChild;
        }
    }
}
