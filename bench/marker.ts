/** The marker before the JSON line a measured run prints on stderr (bench/measure.ts). */
export const marker = 'mtclean-bench:'
