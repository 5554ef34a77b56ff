/**
 * WCAG 1.4.11 (non-text contrast) of impact-chain drawings, for in-page use
 * by the preview's and the report's tests.
 */
import { COLOUR_HELPERS } from './colour.js';

/**
 * In-page, over every `.align-graph` of the page: the lowest ratio of each
 * kind of graphic, keyed by what it is and the node's kind (the border on the
 * page and on the box's own fill; the kind's icon and side bar on the box). A string: the test runner's transpiler adds nothing to it.
 */
export const GRAPHIC_CONTRASTS = `(() => {
    ${COLOUR_HELPERS}
    const out = {};
    const low = (key, r) => { out[key] = Math.min(out[key] ?? Infinity, r); };
    for (const svg of document.querySelectorAll('.align-graph')) {
        const under = svg.querySelector('.background');
        let page = [255, 255, 255];
        for (const e of [document.body, under]) if (e) page = blend(rgba(getComputedStyle(e)[e === under ? 'fill' : 'backgroundColor']), page);
        for (const node of svg.querySelectorAll('g.node')) {
            const kind = [...node.classList].find(c => c.startsWith('kind-')) || 'kind-?';
            const states = ['unlinked', 'from-catalog', 'highlight', 'match', 'cursor'].filter(s => node.classList.contains(s));
            const box = node.querySelector('.node-box');
            if (!box) continue;
            const boxStyle = getComputedStyle(box);
            const fill = blend(rgba(boxStyle.fill), page);
            const border = rgba(boxStyle.stroke);
            const key = ['border', ...states].join(' ');
            low(key + ' on the page', ratio(blend(border, page), page));
            low(key + ' on the box', ratio(blend(border, fill), fill));
            for (const shape of node.querySelectorAll('.node-icon > *, .node-accent')) {
                if (shape.closest('.toolkit-icon')) continue;
                const style = getComputedStyle(shape);
                const paint = shape.classList.contains('solid') || shape.classList.contains('node-accent') ? style.fill : style.stroke;
                low((shape.classList.contains('node-accent') ? 'side bar ' : 'icon ') + kind, ratio(blend(rgba(paint), fill), fill));
            }
        }
    }
    return out;
})()`;
