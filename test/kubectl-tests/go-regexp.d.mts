// Types for go-regexp.mjs, so TypeScript tests can import it.

/** A Go regexp feature with no JavaScript equivalent here. */
export declare class GoRegExpError extends Error {}

/** Compiles a Go regexp as testscript's `stdout` does: multi-line mode, unanchored. */
export declare function compileGoRegExp(pattern: string): RegExp
