/**
 * The toolbar: the only module that knows the UI toolkit
 * (`@vscode/webview-ui-toolkit`), so a later swap stays in this file.
 * Imports only the components it uses.
 */
import {
    provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDropdown, vsCodeOption, vsCodeTextField,
    type Checkbox, type Dropdown, type TextField
} from '@vscode/webview-ui-toolkit';
import type { ImpactGraphResult } from '../language/protocol.js';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());

export interface ToolbarEvents {
    focus(id: string | undefined): void;
    hideLearningMetrics(hidden: boolean): void;
    /** The search text changed (`next`: Enter pressed, go to the next match). */
    search(text: string, next: boolean): void;
    zoom(factor: number): void;
    fit(): void;
    export(format: 'svg' | 'png'): void;
}

const WHOLE = '';

export class Toolbar {
    readonly element: HTMLElement;
    private readonly dropdown: Dropdown;
    private readonly hide: Checkbox;
    private readonly searchField: TextField;
    private readonly matches: HTMLElement;
    private focusable = '';

    constructor(events: ToolbarEvents) {
        this.element = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Impact chain preview' });
        this.dropdown = el('vscode-dropdown', { 'aria-label': 'Focus', title: 'Focus on a program or an outcome' }) as Dropdown;
        this.dropdown.append(option(WHOLE, 'Whole workspace'));
        this.dropdown.addEventListener('change', () => events.focus(this.dropdown.value === WHOLE ? undefined : this.dropdown.value));
        this.hide = el('vscode-checkbox', {}, 'Hide activity & learning metrics') as Checkbox;
        this.hide.addEventListener('change', () => events.hideLearningMetrics(this.hide.checked));
        this.searchField = el('vscode-text-field', { placeholder: 'Search nodes', 'aria-label': 'Search nodes' }) as TextField;
        this.searchField.addEventListener('input', () => events.search(this.searchField.value, false));
        this.searchField.addEventListener('keydown', e => { if (e.key === 'Enter') events.search(this.searchField.value, true); });
        this.matches = el('span', { class: 'matches', 'aria-live': 'polite' });
        this.element.append(
            this.dropdown, this.hide,
            group(this.searchField, this.matches),
            group(
                button('−', 'Zoom out', () => events.zoom(1 / 1.25)),
                button('+', 'Zoom in', () => events.zoom(1.25)),
                button('Fit', 'Fit the graph to the view', () => events.fit())
            ),
            group(
                button('Export SVG', 'Export the graph as SVG', () => events.export('svg')),
                button('Export PNG', 'Export the graph as PNG', () => events.export('png'))
            )
        );
    }

    /** Fills the focus picker with the programs and outcomes, then selects `current`. */
    setFocusable(focusable: ImpactGraphResult['focusable'], current: string | undefined): void {
        const key = JSON.stringify(focusable);
        if (key !== this.focusable) {
            this.focusable = key;
            const sorted = [...focusable].sort((a, b) => a.kind.localeCompare(b.kind) || (a.title ?? a.id).localeCompare(b.title ?? b.id));
            this.dropdown.replaceChildren(option(WHOLE, 'Whole workspace'),
                ...sorted.map(f => option(f.id, `${f.kind === 'program' ? 'Program' : 'Outcome'}: ${f.title ?? f.id}`)));
        }
        const value = current ?? WHOLE;
        this.dropdown.value = value;
        // New options are taken in when their slot changes, after this task: select again then.
        setTimeout(() => { if (this.dropdown.value !== value) this.dropdown.value = value; }, 0);
    }

    setHideLearningMetrics(hidden: boolean): void {
        this.hide.checked = hidden;
    }

    setSearch(text: string): void {
        this.searchField.value = text;
    }

    /** `3 matches`, `no match`, or nothing without a search. */
    setMatches(count: number | undefined): void {
        this.matches.textContent = count === undefined ? '' : count === 0 ? 'no match' : count === 1 ? '1 match' : `${count} matches`;
    }
}

function el(tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
}

function option(value: string, label: string): HTMLElement {
    return el('vscode-option', { value }, label);
}

function button(label: string, title: string, onClick: () => void): HTMLElement {
    const b = el('vscode-button', { appearance: 'secondary', title, 'aria-label': title }, label);
    b.addEventListener('click', onClick);
    return b;
}

function group(...children: HTMLElement[]): HTMLElement {
    const g = el('div', { class: 'group' });
    g.append(...children);
    return g;
}
