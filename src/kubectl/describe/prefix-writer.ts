import {escapeTerminal} from '../../output/table.js'
import {DESCRIBE_TABWRITER, TabWriter} from '../../output/tabwriter.js'

/** kubectl's indentation levels: each level is two spaces. */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/**
 * Writes describe text at an indentation level into a tab writer.
 * kubectl: pkg/describe/describe.go PrefixWriter (v1.32)
 */
export interface PrefixWriter {
  /** Writes text after `level` indents; every call gets its own indent, even mid-line. */
  write(level: number, text: string): void
  /** Writes text and a newline with no indent. */
  writeLine(text?: string): void
  /** Aligns what was written so far on its own (the Events table starts a new alignment). */
  flush(): void
}

// Text goes through cli-runtime's printers.WriteEscaped, so terminal escapes are made visible (v1.32).
class TabbedPrefixWriter implements PrefixWriter {
  private readonly out = new TabWriter(DESCRIBE_TABWRITER)
  private text = ''

  write(level: number, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(level) + text))
  }

  writeLine(text = ''): void {
    this.out.write(escapeTerminal(`${text}\n`))
  }

  flush(): void {
    this.text += this.out.flush()
  }

  /** Everything written, aligned. */
  toString(): string {
    this.flush()
    return this.text
  }
}

class NestedPrefixWriter implements PrefixWriter {
  constructor(
    private readonly parent: PrefixWriter,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.parent.write(level + this.indent, text)
  }

  // kubectl's nestedPrefixWriter indents WriteLine too, unlike the plain writer
  writeLine(text = ''): void {
    this.parent.write(this.indent, `${text}\n`)
  }

  flush(): void {
    this.parent.flush()
  }
}

/** A writer that adds `indent` levels to everything written through it. */
export function nestedPrefixWriter(parent: PrefixWriter, indent: number): PrefixWriter {
  return new NestedPrefixWriter(parent, indent)
}

/** Runs a describer body against a prefix writer and returns the aligned text (kubectl's tabbedString). */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const writer = new TabbedPrefixWriter()
  body(writer)
  return writer.toString()
}
