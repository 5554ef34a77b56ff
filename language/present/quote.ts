/** `text` as a message quotes it: whole, or its first `max` characters and `…` (never half a surrogate pair). */
export function shortened(text: string, max: number): string {
    if (text.length <= max + 1) return text;
    const cut = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
    return `${text.slice(0, cut)}…`;
}
