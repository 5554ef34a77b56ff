/**
 * What each page of a printed (tagged) PDF holds, read with PDF.js: its text
 * in reading order, and the figures whose content lies on it, by their
 * alternative text. Chromium tags `role="img"` SVGs as Figure with /Alt; a
 * figure cut across two pages is tagged on both.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
    /** 1-based page number. */
    number: number;
    /** The page's text items, in content order, trimmed, empty ones left out (and its page number, `label`). */
    texts: string[];
    /** The printed size, in pt, of each of `texts`. */
    sizes: number[];
    /** The page number printed in the page's margin (`2 / 27`), if any. */
    label?: string;
    /** Alternative texts of the figures on the page. */
    figures: string[];
}

interface StructNode { role?: string; alt?: string; children?: StructNode[]; }

function figuresOf(node: StructNode | null | undefined, out: string[] = []): string[] {
    if (!node) return out;
    if (node.role === 'Figure' && node.alt) out.push(node.alt);
    for (const child of node.children ?? []) figuresOf(child, out);
    return out;
}

/** The pages of a PDF. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
    const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
    try {
        const pages: PdfPage[] = [];
        for (let number = 1; number <= doc.numPages; number++) {
            const page = await doc.getPage(number);
            const content = await page.getTextContent();
            const items = content.items.flatMap(item => 'str' in item && item.str.trim() !== '' ? [{ text: item.str.trim(), size: Math.hypot(item.transform[2], item.transform[3]) }] : []);
            const label = items.find(item => /^\d+ \/ \d+$/.test(item.text));
            const rest = items.filter(item => item !== label);
            const tree = await page.getStructTree() as StructNode | null;
            pages.push({ number, texts: rest.map(item => item.text), sizes: rest.map(item => item.size), label: label?.text, figures: figuresOf(tree) });
        }
        return pages;
    } finally {
        await doc.destroy();
    }
}
