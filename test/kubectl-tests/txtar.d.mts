// Types for txtar.mjs, so TypeScript tests can import the plain-JavaScript runner modules.

/** A script line testscript would reject (an open quote, a lone `!`). */
export declare class ScriptSyntaxError extends Error {}

/** A file embedded in an archive after a `-- name --` line. */
export interface TxtarFile {
  name: string
  data: string
}

/** Splits a txtar archive into its leading comment (the script) and its files. */
export declare function parseTxtar(text: string): {comment: string; files: TxtarFile[]}

/** A script line with its 1-based number; `comment` marks lines starting with `#`. */
export interface ScriptLine {
  lineNumber: number
  text: string
  comment: boolean
}

/** The lines of a script with their numbers. */
export declare function scriptLines(script: string): ScriptLine[]

/** Looks a variable up in the script environment. */
export type Getenv = (name: string) => string | undefined

/** Splits one script line into words with testscript's quoting and expansion rules. */
export declare function splitScriptLine(line: string, getenv: Getenv): string[]

/** Expands `$NAME`, `${NAME}` and `${NAME@R}` like Go's os.Expand in testscript. */
export declare function expandVariables(text: string, getenv: Getenv): string

/** A parsed script command: `[cond]` guards, `!` negation, name and arguments. */
export interface ScriptCommand {
  conditions: string[]
  negated: boolean
  name: string
  args: string[]
}

/** Reads a split line's prefixes; undefined for a line with no words. */
export declare function parseCommand(words: readonly string[]): ScriptCommand | undefined
