/**
 * Darker than this is ink (0–255); paper, and the faint grey of its texture, is lighter. A module
 * of its own: the PDF reader's blank-page test needs it without loading the canvas library.
 */
export const INK_LEVEL = 200;
