// How the editor's text boxes grow with their text.

/**
 * The box grows with its text by CSS (Chromium's field-sizing), not by a script measuring each box:
 * a report of hundreds of events opens in a moment.
 */
export const GROWS_WITH_TEXT = { input: { fieldSizing: 'content', minHeight: '3.75rem', resize: 'none' } } as const;

/** Browsers without field-sizing (the web mode in another browser) measure by script, as before. */
export const CSS_SIZING = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** A table cell: one line at least. */
export const CELL_GROWS_WITH_TEXT = { input: { fieldSizing: 'content', resize: 'none' } } as const;
