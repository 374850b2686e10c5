/** One `NAME is running at LINK` line of cluster-info. */
interface RunningAtLine {
  name: string
  link: string
}

// go-colortext's ANSI codes as kubectl's printService writes them: green name, yellow link
const GREEN = '\u001b[0;32m'
const YELLOW = '\u001b[0;33m'
const RESET = '\u001b[0m'

/**
 * cluster-info's text (kubectl/pkg/cmd/clusterinfo/clusterinfo.go, v1.32): a line per address, then the
 * pointer to `cluster-info dump`, worded as kubectl words it. Colour only when asked (a terminal, no NO_COLOR).
 */
export function printClusterInfo(lines: readonly RunningAtLine[], options: {color: boolean}): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text)
  const body = lines.map((l) => `${paint(GREEN, l.name)} is running at ${paint(YELLOW, l.link)}\n`).join('')
  return `${body}${CLUSTER_INFO_FOOTER}`
}

/** The line after the addresses; it only follows them once they are printed (and after an error too). */
export const CLUSTER_INFO_FOOTER =
  "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
