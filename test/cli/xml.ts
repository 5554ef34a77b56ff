/**
 * A small, strict XML 1.0 reader for the JUnit test: enough to prove a
 * report well-formed (one root, matched tags, quoted and unique attributes,
 * known entities, no stray `<` or `&`) and to read its elements. No DTDs.
 */

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

const NAME = '[A-Za-z_:][-A-Za-z0-9._:]*';
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: number): string {
    if (/[<]/.test(text)) throw new Error(`stray '<' near offset ${where}`);
    return text.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
        if (entity === undefined) throw new Error(`stray '&' near offset ${where}`);
        if (entity in PREDEFINED) return PREDEFINED[entity]!;
        const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(entity);
        if (!m) throw new Error(`unknown entity &${entity}; near offset ${where}`);
        const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        if (!isXmlChar(code)) throw new Error(`character reference &${entity}; is not an XML character`);
        return String.fromCodePoint(code);
    });
}

function isXmlChar(code: number): boolean {
    return code === 0x9 || code === 0xA || code === 0xD || (code >= 0x20 && code <= 0xD7FF)
        || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

/** Parses a document; throws on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
    for (const ch of xml) {
        if (!isXmlChar(ch.codePointAt(0)!)) throw new Error(`character U+${ch.codePointAt(0)!.toString(16)} is not allowed in XML`);
    }
    let i = 0;
    const decl = /^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][-A-Za-z0-9._]*")?(\s+standalone="(yes|no)")?\s*\?>/.exec(xml);
    if (decl) i = decl[0].length;
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    const tagRe = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
    const attrRe = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
    while (i < xml.length) {
        const lt = xml.indexOf('<', i);
        const text = xml.slice(i, lt < 0 ? xml.length : lt);
        if (stack.length > 0) stack.at(-1)!.text += decode(text, i);
        else if (text.trim() !== '') throw new Error(`text outside the root element near offset ${i}`);
        if (lt < 0) break;
        if (xml.startsWith('<!--', lt)) {
            const end = xml.indexOf('-->', lt + 4);
            if (end < 0) throw new Error('unterminated comment');
            i = end + 3;
            continue;
        }
        if (xml.startsWith('<![CDATA[', lt)) {
            if (stack.length === 0) throw new Error('CDATA outside the root element');
            const end = xml.indexOf(']]>', lt);
            if (end < 0) throw new Error('unterminated CDATA');
            stack.at(-1)!.text += xml.slice(lt + 9, end);
            i = end + 3;
            continue;
        }
        tagRe.lastIndex = lt;
        const m = tagRe.exec(xml);
        if (!m) throw new Error(`malformed tag near offset ${lt}: ${xml.slice(lt, lt + 60)}`);
        const [whole, closing, name, attrText, selfClosing] = m;
        i = lt + whole.length;
        if (closing) {
            if (attrText || selfClosing) throw new Error(`malformed end tag </${name}>`);
            const open = stack.pop();
            if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
            continue;
        }
        const attributes: Record<string, string> = {};
        for (const a of attrText!.matchAll(attrRe)) {
            if (a[1]! in attributes) throw new Error(`attribute ${a[1]} given twice on <${name}>`);
            attributes[a[1]!] = decode(a[2] ?? a[3] ?? '', lt);
        }
        const element: XmlElement = { name: name!, attributes, children: [], text: '' };
        if (stack.length > 0) stack.at(-1)!.children.push(element);
        else if (root) throw new Error('more than one root element');
        else root = element;
        if (!selfClosing) stack.push(element);
    }
    if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
    if (!root) throw new Error('no root element');
    return root;
}

/** Every element named `name` in the tree, depth first. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
    const found: XmlElement[] = [];
    const visit = (e: XmlElement): void => {
        if (e.name === name) found.push(e);
        e.children.forEach(visit);
    };
    visit(root);
    return found;
}

/** Every element for which `test` holds, the root included, depth first. */
export function elementsWhere(root: XmlElement, test: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
    if (test(root)) out.push(root);
    for (const child of root.children) elementsWhere(child, test, out);
    return out;
}

/** True when the element's `class` lists `cls`. */
export const hasClass = (e: XmlElement, cls: string): boolean => (e.attributes['class'] ?? '').split(' ').includes(cls);
