/**
 * `--vscode-*` variables of three built-in themes (Light Modern, Dark Modern,
 * Dark High Contrast), as VS Code sets them on a webview's <html>, and the
 * body class it adds. Enough for the preview and the toolkit's design tokens.
 */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

const common: Record<string, string> = {
    'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
    'font-size': '13px',
    'font-weight': 'normal',
    'editor-font-family': '"Droid Sans Mono", "monospace", monospace'
};

const light: Record<string, string> = {
    ...common,
    'foreground': '#3b3b3b', 'descriptionForeground': '#616161', 'focusBorder': '#005fb8',
    'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b',
    'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#c8c8c8',
    'editorError-foreground': '#e51400', 'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff',
    'charts-foreground': '#616161', 'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-red': '#e51400', 'charts-blue': '#1a85ff',
    'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
    'panel-background': '#f8f8f8', 'panel-border': '#e5e5e5',
    'inputValidation-warningBackground': '#f6f5d2', 'inputValidation-warningBorder': '#b89500',
    'textPreformat-foreground': '#3b3b3b', 'textLink-foreground': '#005fb8', 'textLink-activeForeground': '#005fb8',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': 'rgba(0, 0, 0, 0.1)',
    'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    'dropdown-background': '#ffffff', 'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b', 'settings-dropdownListBorder': '#cecece',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-placeholderForeground': '#767676',
    'checkbox-background': '#f8f8f8', 'checkbox-border': '#cecece', 'checkbox-foreground': '#3b3b3b',
    'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000', 'list-hoverBackground': '#f2f2f2',
    'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'progressBar-background': '#005fb8'
};

const dark: Record<string, string> = {
    ...common,
    'foreground': '#cccccc', 'descriptionForeground': '#9d9d9d', 'focusBorder': '#0078d4',
    'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc',
    'editorWidget-background': '#202020', 'editorWidget-border': '#454545',
    'editorError-foreground': '#f14c4c', 'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff',
    'charts-foreground': '#cccccc', 'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff',
    'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
    'panel-background': '#181818', 'panel-border': '#2b2b2b',
    'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500',
    'textPreformat-foreground': '#d0d0d0', 'textLink-foreground': '#4daafc', 'textLink-activeForeground': '#4daafc',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': 'rgba(255, 255, 255, 0.07)',
    'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc', 'settings-dropdownListBorder': '#454545',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-placeholderForeground': '#989898',
    'checkbox-background': '#313131', 'checkbox-border': '#3c3c3c', 'checkbox-foreground': '#cccccc',
    'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff', 'list-hoverBackground': '#2a2d2e',
    'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'progressBar-background': '#0078d4'
};

const highContrast: Record<string, string> = {
    ...common,
    'foreground': '#ffffff', 'descriptionForeground': 'rgba(255, 255, 255, 0.7)', 'focusBorder': '#f38518',
    'contrastBorder': '#6fc3df', 'contrastActiveBorder': '#f38518',
    'editor-background': '#000000', 'editor-foreground': '#ffffff',
    'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df',
    'editorError-foreground': '#f48771', 'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff',
    'editor-findMatchBorder': '#f38518',
    'charts-foreground': '#ffffff', 'charts-lines': 'rgba(255, 255, 255, 0.5)', 'charts-red': '#f48771', 'charts-blue': '#3794ff',
    'charts-yellow': '#ffd370', 'charts-orange': '#f38518', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
    'panel-background': '#000000', 'panel-border': '#6fc3df',
    'inputValidation-warningBackground': '#000000', 'inputValidation-warningBorder': '#ffd370',
    'textPreformat-foreground': '#d7ba7d', 'textLink-foreground': '#21a6ff', 'textLink-activeForeground': '#21a6ff',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df',
    'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
    'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff', 'settings-dropdownListBorder': '#6fc3df',
    'input-background': '#000000', 'input-foreground': '#ffffff', 'input-placeholderForeground': 'rgba(255, 255, 255, 0.7)',
    'checkbox-background': '#000000', 'checkbox-border': '#6fc3df', 'checkbox-foreground': '#ffffff',
    'list-activeSelectionBackground': '#000000', 'list-activeSelectionForeground': '#ffffff',
    'badge-background': '#000000', 'badge-foreground': '#ffffff'
};

export const THEMES: Record<ThemeName, { bodyClass: string; variables: Record<string, string> }> = {
    'light': { bodyClass: 'vscode-light', variables: light },
    'dark': { bodyClass: 'vscode-dark', variables: dark },
    'high-contrast': { bodyClass: 'vscode-high-contrast', variables: highContrast }
};

/** The theme as a style sheet (served from the page's origin, which the CSP allows). */
export function themeCss(theme: ThemeName): string {
    const vars = Object.entries(THEMES[theme].variables).map(([name, value]) => `  --vscode-${name}: ${value};`).join('\n');
    return `:root {\n${vars}\n}\n`;
}
