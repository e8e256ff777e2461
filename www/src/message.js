// @ts-check
// message.js — what a thrown value says, as a note (both joined modules use it).

/** What a thrown value says. */
export const messageOf = (/** @type {unknown} */ error) => (error instanceof Error ? error.message : String(error));
