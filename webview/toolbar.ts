/**
 * The toolbar: the only module that knows the UI toolkit
 * (`@vscode/webview-ui-toolkit`), so a later swap stays in this file.
 * Imports only the components it uses. In a narrow pane it keeps the scope,
 * search and zoom; the direction, the filter and the exports are then in
 * the editor's title bar and its menu (main.css).
 */
import {
    provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDropdown, vsCodeOption, vsCodeTextField,
    type Checkbox, type Dropdown, type TextField
} from '@vscode/webview-ui-toolkit';
import { baseDirection } from '../language/render/index.js';
import type { PickerEntry } from './picker-entries.js';
import type { DirectionChoice, ScopeChoice } from './protocol.js';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());

export interface ToolbarEvents {
    scope(choice: ScopeChoice): void;
    direction(choice: DirectionChoice): void;
    hideLearningMetrics(hidden: boolean): void;
    /** The search text changed (`next`: Enter pressed, go to the next match). */
    search(text: string, next: boolean): void;
    zoom(factor: number): void;
    fit(): void;
    export(format: 'svg' | 'png'): void;
}

const CURSOR = '@cursor';
/** Script time per task spent adding scope options. */
const OPTION_BATCH_MS = 8;
const WHOLE = '@workspace';
const SEARCH_LABEL = 'Search nodes';
/** How long the count of matches must stay the same before a screen reader is told it. */
const ANNOUNCE_DELAY_MS = 700;
const DIRECTIONS: ReadonlyArray<[DirectionChoice, string]> = [['auto', 'Auto direction'], ['right', 'Left to right'], ['down', 'Top to bottom']];

export class Toolbar {
    readonly element: HTMLElement;
    private readonly scope: Dropdown;
    private readonly cursorOption: HTMLElement;
    private readonly directionPicker: Dropdown;
    private readonly hide: Checkbox;
    private readonly searchField: TextField;
    private readonly matches: HTMLElement;
    /** The polite live region that says the count of matches, once per pause in typing. */
    private readonly announcer: HTMLElement;
    private announceTimer: ReturnType<typeof setTimeout> | undefined;
    /** Zoom, Fit and the exports: nothing to act on while no box is drawn (an empty workspace or scope). */
    private readonly onDrawing: HTMLElement[];
    private focusable = '';
    /** The scope to select once the picker is filled. */
    private selected = CURSOR;
    /** The number of the last fill of the picker, and whether batches of it are still to come. */
    private fills = 0;
    private filling = false;
    /** The option highlighted in the open picker when its list last changed. */
    private highlighted: string | undefined;

    constructor(events: ToolbarEvents) {
        this.element = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Impact chain preview' });
        // Its value is one line, cut with an ellipsis in a narrow pane: the tooltip has it whole (showTitle).
        this.scope = el('vscode-dropdown', { class: 'scope', 'aria-label': 'Show' }) as Dropdown;
        this.cursorOption = option(CURSOR, 'Cursor');
        this.cursorOption.setAttribute('title', 'Follow the editor cursor: the program, or the programs and outcomes, of the element under it');
        this.scope.append(this.cursorOption, option(WHOLE, 'Whole workspace'));
        this.scope.addEventListener('change', () => { this.showTitle(); events.scope(choiceOf(this.scope.value)); });
        this.directionPicker = el('vscode-dropdown', { class: 'direction wide-only', 'aria-label': 'Direction', title: 'Which way the chain runs' }) as Dropdown;
        this.directionPicker.append(...DIRECTIONS.map(([value, label]) => option(value, label)));
        this.directionPicker.addEventListener('change', () => events.direction(this.directionPicker.value as DirectionChoice));
        this.hide = el('vscode-checkbox', { class: 'wide-only' }, 'Hide activity & learning metrics') as Checkbox;
        this.hide.addEventListener('change', () => events.hideLearningMetrics(this.hide.checked));
        this.searchField = el('vscode-text-field', { placeholder: 'Search nodes', 'aria-label': SEARCH_LABEL }) as TextField;
        keepLabel(this.searchField, SEARCH_LABEL);
        this.searchField.addEventListener('input', () => events.search(this.searchField.value, false));
        this.searchField.addEventListener('keydown', e => { if (e.key === 'Enter') events.search(this.searchField.value, true); });
        // The count follows every keystroke on screen; a screen reader hears it once the typing pauses (announce()).
        this.matches = el('span', { class: 'matches', 'aria-hidden': 'true' });
        this.announcer = el('span', { class: 'visually-hidden', role: 'status' });
        const zoom = [
            button('−', 'Zoom out', () => events.zoom(1 / 1.25)),
            button('+', 'Zoom in', () => events.zoom(1.25)),
            button('Fit', 'Fit the graph to the view', () => events.fit())
        ];
        const exports = [
            button('Export SVG', 'Export the graph as SVG', () => events.export('svg')),
            button('Export PNG', 'Export the graph as PNG', () => events.export('png'))
        ];
        this.onDrawing = [...zoom, ...exports];
        // Nothing is drawn yet (loading, or a fault before any graph): enabled once a layout with boxes is (setDrawn).
        this.setDrawn(false);
        this.element.append(
            group('pickers', this.scope, this.directionPicker),
            group('find', this.searchField, this.matches, this.announcer, ...zoom),
            this.hide,
            group('exports wide-only', ...exports)
        );
    }

    /** Whether any box is drawn: without one, zoom, Fit and the exports are disabled (and out of the Tab order). */
    setDrawn(any: boolean): void {
        for (const b of this.onDrawing) {
            if (any) b.removeAttribute('disabled');
            else if (!b.hasAttribute('disabled')) b.setAttribute('disabled', '');
        }
    }

    /**
     * Fills the scope picker with the programs and outcomes (sorted, with a
     * description where titles repeat: picker-entries.ts), then selects
     * `current`. A large workspace lists hundreds: they are added in batches,
     * each in a task of its own (a toolkit option costs about 0.1 ms to
     * connect, more for the first), and `current` is selected once its option is in.
     */
    setFocusable(entries: readonly PickerEntry[], current: ScopeChoice): void {
        const value = valueOf(current);
        const key = JSON.stringify(entries);
        this.selected = value;
        if (key === this.focusable) {
            // An open picker is left alone: the option the user has highlighted stays so (a graph comes with every edit).
            if (!this.filling && !this.scope.open) this.selectScope(value);
            return;
        }
        this.focusable = key;
        // The list changes under an open picker: the option highlighted stays so when it is still listed (pickedValue).
        this.highlighted = this.scope.open ? this.scope.value : undefined;
        const fill = ++this.fills;
        this.scope.replaceChildren(this.cursorOption, option(WHOLE, 'Whole workspace'));
        const addBatch = (from: number): void => {
            if (fill !== this.fills) return;
            const start = performance.now();
            let next = from;
            while (next < entries.length && (next === from || performance.now() - start < OPTION_BATCH_MS)) {
                const entry = entries[next++]!;
                this.scope.append(option(entry.id, entry.label, entry.description));
            }
            this.filling = next < entries.length;
            if (!this.filling || from === 0) this.selectScope(this.pickedValue());
            if (this.filling) setTimeout(() => addBatch(next), 0);
        };
        addBatch(0);
    }

    /** What following the cursor shows now, e.g. `Cursor: Consultative discovery bootcamp`. */
    setCursorScope(title: string): void {
        const label = labelled('Cursor', title);
        if (this.cursorOption.textContent !== label) this.cursorOption.textContent = label;
        this.cursorOption.toggleAttribute('data-rtl', rightToLeft(title));
        this.showTitle();
    }

    private selectScope(value: string): void {
        select(this.scope, value);
        setTimeout(() => this.showTitle(), 0);
    }

    /**
     * What to select after a fill: the scope shown, or while the picker is
     * open the option the user had highlighted, if it is still listed. The
     * picker then tells a choice from the value it had when opened by index
     * (the toolkit's Select), which the new list has moved: that index is
     * made the shown scope's again, so that Enter on another option is a change.
     */
    private pickedValue(): string {
        const open = this.scope.open;
        const highlighted = this.highlighted;
        if (!open || highlighted === undefined) return this.selected;
        const options = [...this.scope.querySelectorAll('vscode-option')];
        if (!options.some(o => o.getAttribute('value') === highlighted)) return this.selected;
        const shown = options.findIndex(o => o.getAttribute('value') === this.selected);
        (this.scope as unknown as { indexWhenOpened: number }).indexWhenOpened = shown;
        return highlighted;
    }

    /** The scope picker's tooltip: what it shows, whole (`Cursor: Consultative discovery bootcamp`). */
    private showTitle(): void {
        const selected = this.scope.selectedOptions[0];
        const text = (selected?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() || 'What the preview shows';
        if (this.scope.getAttribute('title') !== text) this.scope.setAttribute('title', text);
        // A right-to-left title reads from the right in the closed picker, so that the ellipsis cuts its end, not its beginning (main.css).
        const rtl = selected?.hasAttribute('data-rtl') === true;
        if (this.scope.hasAttribute('data-rtl') !== rtl) this.scope.toggleAttribute('data-rtl', rtl);
    }

    setDirection(choice: DirectionChoice): void {
        select(this.directionPicker, choice);
    }

    setHideLearningMetrics(hidden: boolean): void {
        this.hide.checked = hidden;
    }

    setSearch(text: string): void {
        this.searchField.value = text;
    }

    /** `3 matches`, `no match`, or nothing without a search. */
    setMatches(count: number | undefined): void {
        const text = count === undefined ? '' : count === 0 ? 'no match' : count === 1 ? '1 match' : `${count} matches`;
        if (this.matches.textContent === text) return;
        this.matches.textContent = text;
        this.announce(text);
    }

    /**
     * Says `text` in the live region when the count has not changed for
     * ANNOUNCE_DELAY_MS (not on every keystroke). The same count as the last
     * one said (after a search that went and came back) is said again: a
     * no-break space makes it new text.
     */
    private announce(text: string): void {
        clearTimeout(this.announceTimer);
        this.announceTimer = setTimeout(() => {
            this.announcer.textContent = text !== '' && this.announcer.textContent === text ? `${text}\u00a0` : text;
        }, ANNOUNCE_DELAY_MS);
    }
}

/**
 * Keeps an element's accessible name: the toolkit's text field sets its
 * `aria-label` to "Text field" when connected (it has no label text),
 * which would hide ours from screen readers.
 */
function keepLabel(element: HTMLElement, label: string): void {
    new MutationObserver(() => {
        if (element.getAttribute('aria-label') !== label) element.setAttribute('aria-label', label);
    }).observe(element, { attributes: true, attributeFilter: ['aria-label'] });
}

function choiceOf(value: string): ScopeChoice {
    return value === CURSOR ? { kind: 'cursor' } : value === WHOLE ? { kind: 'workspace' } : { kind: 'focus', id: value };
}

function valueOf(choice: ScopeChoice): string {
    return choice.kind === 'cursor' ? CURSOR : choice.kind === 'workspace' ? WHOLE : choice.id;
}

/** Selects a value; new options are taken in when their slot changes, after this task: select again then. */
function select(dropdown: Dropdown, value: string): void {
    dropdown.value = value;
    setTimeout(() => { if (dropdown.value !== value) dropdown.value = value; }, 0);
}

function el(tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
}

/** An option; a description follows the label in a quieter colour (and in its text, which the closed picker shows). */
function option(value: string, label: string, description?: string): HTMLElement {
    const kind = /^(Program|Outcome): (.*)$/s.exec(label);
    const rtl = kind !== null && rightToLeft(kind[2]!);
    const o = el('vscode-option', { value, title: description ? `${label} (${description})` : label }, rtl ? labelled(kind[1]!, kind[2]!) : label);
    if (rtl) o.setAttribute('data-rtl', '');
    if (description) o.append(' ', el('span', { class: 'description' }, `(${description})`));
    return o;
}

/** Whether a title reads right to left: its first strong letter is of a right-to-left script (Arabic, Hebrew...), as the drawings find it. */
function rightToLeft(title: string): boolean {
    return baseDirection(title) === 'rtl';
}

/**
 * `Program: title`; before a right-to-left title, the kind is isolated
 * left to right (U+2066...U+2069), so that it reads `Program:` whole at
 * the start of the right-to-left line the closed picker then shows.
 */
function labelled(kind: string, title: string): string {
    return rightToLeft(title) ? `\u2066${kind}:\u2069 ${title}` : `${kind}: ${title}`;
}

function button(label: string, title: string, onClick: () => void): HTMLElement {
    const b = el('vscode-button', { appearance: 'secondary', title, 'aria-label': title }, label);
    b.addEventListener('click', onClick);
    return b;
}

function group(cls: string, ...children: HTMLElement[]): HTMLElement {
    const g = el('div', { class: `group ${cls}` });
    g.append(...children);
    return g;
}
