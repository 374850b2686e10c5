import {describe, expect, it} from 'vitest'
import {
  expandVariables,
  parseCommand,
  parseTxtar,
  ScriptSyntaxError,
  scriptLines,
  splitScriptLine,
} from '../../kubectl-tests/txtar.mjs'

const env = new Map([
  ['WORK', '/tmp/work'],
  ['IMAGE_PERL', 'registry.k8s.io/perl'],
  ['/', '/'],
  [':', ':'],
  ['$', '$'],
  ['DOTTED', 'a.b'],
])
const getenv = (name: string): string | undefined => env.get(name)
const split = (line: string): string[] => splitScriptLine(line, getenv)

describe('parseTxtar', () => {
  it('splits the script from the embedded files and keeps each file byte for byte', () => {
    const archive = parseTxtar('kubectl get pods\nstdout x\n\n-- a.yaml --\nkind: A\n\n-- dir/b.yaml --\nkind: B\n')
    expect(archive.comment).toBe('kubectl get pods\nstdout x\n\n')
    expect(archive.files).toEqual([
      {name: 'a.yaml', data: 'kind: A\n\n'},
      {name: 'dir/b.yaml', data: 'kind: B\n'},
    ])
  })

  it('adds a final newline only to the last part when it lacks one', () => {
    expect(parseTxtar('-- a --\nno newline').files).toEqual([{name: 'a', data: 'no newline\n'}])
    expect(parseTxtar('script without files').comment).toBe('script without files\n')
    expect(parseTxtar('').comment).toBe('')
  })

  it('does not treat dashes inside a line or a nameless marker as a file marker', () => {
    const archive = parseTxtar('kubectl get -- pods --\n--  --\n-- real --\nx\n')
    expect(archive.comment).toBe('kubectl get -- pods --\n--  --\n')
    expect(archive.files).toEqual([{name: 'real', data: 'x\n'}])
  })

  it('trims the spaces around a file name and accepts CRLF marker lines', () => {
    expect(parseTxtar('-- spaced.yaml   --\r\ny\n').files).toEqual([{name: 'spaced.yaml', data: 'y\n'}])
  })
})

describe('scriptLines', () => {
  it('numbers lines from 1 and marks the ones starting with # as comments', () => {
    expect(scriptLines('# phase\nkubectl get pods\n\n  # indented\n')).toEqual([
      {lineNumber: 1, text: '# phase', comment: true},
      {lineNumber: 2, text: 'kubectl get pods', comment: false},
      {lineNumber: 3, text: '', comment: false},
      {lineNumber: 4, text: '  # indented', comment: false},
    ])
  })
})

describe('splitScriptLine', () => {
  it('splits words on spaces and tabs and ignores blank lines', () => {
    expect(split('kubectl  get\tpods')).toEqual(['kubectl', 'get', 'pods'])
    expect(split('   \t ')).toEqual([])
  })

  it('keeps single-quoted text as one word without expanding it', () => {
    expect(split(`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}:{end}'`)).toEqual([
      'kubectl',
      'get',
      'pods',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}:{end}',
    ])
    expect(split(`stdout '$WORK is $HOME'`)).toEqual(['stdout', '$WORK is $HOME'])
  })

  it("reads '' inside quotes as one quote and a bare '' as an empty word", () => {
    expect(split(`stdout 'Don''t' ''`)).toEqual(['stdout', "Don't", ''])
    expect(split(`x ''''`)).toEqual(['x', "'"])
  })

  it('joins quoted and unquoted pieces that touch into one word', () => {
    expect(split(`kubectl create --as-group=',,,chameleon' a'b c'd`)).toEqual([
      'kubectl',
      'create',
      '--as-group=,,,chameleon',
      'ab cd',
    ])
  })

  it('expands $VAR and ${VAR} outside quotes without re-splitting the value', () => {
    env.set('SPACED', 'two words')
    expect(split('kubectl apply -f $WORK/a.yaml ${IMAGE_PERL}:1 $SPACED')).toEqual([
      'kubectl',
      'apply',
      '-f',
      '/tmp/work/a.yaml',
      'registry.k8s.io/perl:1',
      'two words',
    ])
    env.delete('SPACED')
  })

  it('ends the line at an unquoted # but keeps a quoted one', () => {
    expect(split(`stdout 'a#b' c#d # comment`)).toEqual(['stdout', 'a#b', 'c'])
  })

  it('leaves double quotes and backslashes alone', () => {
    expect(split(`kube-retry 'crd x' '{.status.conditions[?(@.type=="Established")].status}' "True" a\\b`)).toEqual([
      'kube-retry',
      'crd x',
      '{.status.conditions[?(@.type=="Established")].status}',
      '"True"',
      'a\\b',
    ])
  })

  it('rejects an unterminated quote', () => {
    expect(() => split(`stdout 'open`)).toThrow(ScriptSyntaxError)
  })
})

describe('expandVariables', () => {
  it("follows Go's os.Expand for specials, braces and a lone dollar", () => {
    expect(expandVariables('${/}a${:}b$$c', getenv)).toBe('/a:b$c')
    expect(expandVariables('cost: 5$ and $', getenv)).toBe('cost: 5$ and $')
    expect(expandVariables('$UNSET-x ${UNSET}y', getenv)).toBe('-x y')
    expect(expandVariables('${}z ${open', getenv)).toBe('z open')
  })

  it('quotes the value for a regexp with the @R suffix', () => {
    expect(expandVariables('${DOTTED@R}', getenv)).toBe('a\\.b')
  })
})

describe('parseCommand', () => {
  it('reads the ! prefix and the command name', () => {
    expect(parseCommand(['!', 'stdout', '.'])).toEqual({conditions: [], negated: true, name: 'stdout', args: ['.']})
    expect(parseCommand(['kubectl', 'get'])).toEqual({conditions: [], negated: false, name: 'kubectl', args: ['get']})
    expect(parseCommand([])).toBeUndefined()
  })

  it('collects [cond] guards before the command', () => {
    expect(parseCommand(['[!windows]', '[exec:kubectl]', '!', 'kubectl'])).toEqual({
      conditions: ['!windows', 'exec:kubectl'],
      negated: true,
      name: 'kubectl',
      args: [],
    })
  })

  it('rejects a ! with no command', () => {
    expect(() => parseCommand(['!'])).toThrow('! on line by itself')
  })
})
