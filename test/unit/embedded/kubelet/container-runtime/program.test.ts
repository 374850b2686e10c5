import {describe, expect, it} from 'vitest'
import {containerTimeline, runProbeCommand} from '../../../../../src/embedded/kubelet/container-runtime/program.js'
import {
  filesAt,
  lastLines,
  linesBetween,
  type Timeline,
} from '../../../../../src/embedded/kubelet/container-runtime/timeline.js'

// 2025-01-02T03:04:05Z
const START = Date.UTC(2025, 0, 2, 3, 4, 5)
const ENV = new Map([
  ['HOSTNAME', 'web'],
  ['GREETING', 'hi'],
])

function script(source: string, image = 'busybox:1.37'): Timeline {
  return containerTimeline({image, command: ['sh', '-c', source], env: ENV, startEpochMs: START})
}

function rendered(timeline: Timeline): string[] {
  return timeline.lines.map((line) => `${line.atMs} ${line.text}`)
}

function endOf(timeline: Timeline): string {
  const {end} = timeline
  return end.kind === 'exit' ? `exit ${end.code} at ${end.atMs}` : end.kind
}

// kwok-style golden pairs: a script in, its log lines (ms after start) and its end out
const GOLDEN: Array<{script: string; lines: string[]; end: string}> = [
  {script: 'echo hello; sleep 5', lines: ['0 hello'], end: 'exit 0 at 5000'},
  {script: 'exit 1', lines: [], end: 'exit 1 at 0'},
  {script: 'echo a && false || echo b; echo $?', lines: ['0 a', '0 b', '0 0'], end: 'exit 0 at 0'},
  {script: 'true && echo yes; false && echo no; exit 3', lines: ['0 yes'], end: 'exit 3 at 0'},
  {
    script: 'for i in 1 2 3; do echo "item $i"; sleep 1; done',
    lines: ['0 item 1', '1000 item 2', '2000 item 3'],
    end: 'exit 0 at 3000',
  },
  {script: 'for i in $(seq 1 3); do echo $i; done', lines: ['0 1', '0 2', '0 3'], end: 'exit 0 at 0'},
  {
    script: 'echo $HOSTNAME ${GREETING} ${MISSING:-fallback} "$MISSING"',
    lines: ['0 web hi fallback '],
    end: 'exit 0 at 0',
  },
  {
    script: 'echo "started at $(date)"; sleep 1m; date +%T',
    lines: ['0 started at Thu Jan  2 03:04:05 UTC 2025', '60000 03:05:05'],
    end: 'exit 0 at 60000',
  },
  {
    script: "printf '%s is %d years\\n' Ann 30 Bob 41",
    lines: ['0 Ann is 30 years', '0 Bob is 41 years'],
    end: 'exit 0 at 0',
  },
  {script: 'sleep 0.5; echo -n part; echo ial', lines: ['500 partial'], end: 'exit 0 at 500'},
  {script: 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done', lines: ['0 1', '0 2', '0 3'], end: 'exit 0 at 0'},
  {script: 'if [ "$GREETING" = hi ]; then echo yes; else echo no; fi', lines: ['0 yes'], end: 'exit 0 at 0'},
  {
    script: 'cat /dev/null; cat /nope',
    lines: ["0 cat: can't open '/nope': No such file or directory"],
    end: 'exit 1 at 0',
  },
  {script: 'echo hidden > /tmp/x; cat /tmp/x', lines: ['0 hidden'], end: 'exit 0 at 0'},
  {script: 'echo quiet >/dev/null; echo loud >&2', lines: ['0 loud'], end: 'exit 0 at 0'},
  {script: 'sleep 1h', lines: [], end: 'exit 0 at 3600000'},
  {script: 'echo up; sleep infinity', lines: ['0 up'], end: 'forever'},
  {script: 'tail -f /dev/null', lines: [], end: 'forever'},
]

describe('the interpreter', () => {
  for (const golden of GOLDEN) {
    it(`runs ${JSON.stringify(golden.script)}`, () => {
      const timeline = script(golden.script)
      expect(rendered(timeline)).toEqual(golden.lines)
      expect(endOf(timeline)).toBe(golden.end)
      expect(timeline.unsupported).toBeUndefined()
    })
  }

  it('runs a direct command without a shell', () => {
    const timeline = containerTimeline({
      image: 'busybox',
      command: ['echo', 'hi $HOSTNAME'],
      env: ENV,
      startEpochMs: START,
    })
    expect(rendered(timeline)).toEqual(['0 hi $HOSTNAME'])
    expect(
      endOf(containerTimeline({image: 'busybox', command: ['sleep', '3600'], env: ENV, startEpochMs: START})),
    ).toBe('exit 0 at 3600000')
  })

  it('expands $(VAR) in args from the container env, as Kubernetes does', () => {
    const timeline = containerTimeline({
      image: 'busybox',
      command: ['echo'],
      args: ['$(GREETING)', '$$(GREETING)'],
      env: ENV,
      startEpochMs: START,
    })
    expect(rendered(timeline)).toEqual(['0 hi $(GREETING)'])
  })

  it('keeps an endless loop as a rule and computes only the lines a read asks for', () => {
    const timeline = script('while true; do echo "$(date +%T) tick"; sleep 10; done')
    expect(timeline.end.kind).toBe('loop')
    expect(linesBetween(timeline, 0, 25_000).map((l) => l.text)).toEqual([
      '03:04:05 tick',
      '03:04:15 tick',
      '03:04:25 tick',
    ])
    // a year later, the last two lines cost two iterations
    const year = 365 * 86_400_000
    expect(lastLines(timeline, year, 2).map((l) => `${l.atMs} ${l.text}`)).toEqual([
      `${year - 10_000} 03:03:55 tick`,
      `${year} 03:04:05 tick`,
    ])
  })

  it('replays a loop whose variables change in order', () => {
    const timeline = script('n=0; while true; do n=$((n+1)); echo "tick $n"; sleep 2; done')
    expect(lastLines(timeline, 3_600_000, 1).map((l) => l.text)).toEqual(['tick 1801'])
  })

  it('tracks files for exec probes', () => {
    const timeline = script('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600')
    expect(filesAt(timeline, 10_000).has('/tmp/healthy')).toBe(true)
    expect(filesAt(timeline, 31_000).has('/tmp/healthy')).toBe(false)
    expect(runProbeCommand(['cat', '/tmp/healthy'], filesAt(timeline, 10_000), {image: 'busybox', env: ENV}).code).toBe(
      0,
    )
    expect(runProbeCommand(['cat', '/tmp/healthy'], filesAt(timeline, 40_000), {image: 'busybox', env: ENV})).toEqual({
      code: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    })
  })

  it('runs quietly forever and says why when it cannot read a script', () => {
    expect(script('echo "unterminated')).toMatchObject({
      lines: [],
      end: {kind: 'forever'},
      unsupported: 'unterminated quote',
    })
    expect(script('echo a | tr a b')).toMatchObject({end: {kind: 'forever'}, unsupported: 'pipes'})
    const partly = script('echo starting; python app.py')
    expect(rendered(partly)).toEqual(['0 starting'])
    expect(partly.unsupported).toBe('program "python" is not simulated')
  })

  it('uses GNU wording outside busybox images', () => {
    expect(rendered(script('cat /nope', 'debian:12'))).toEqual(['0 cat: /nope: No such file or directory'])
  })
})

describe('well-known images without a command', () => {
  it('start nginx with its entrypoint lines and run forever', () => {
    const timeline = containerTimeline({image: 'nginx:1.27', env: ENV, startEpochMs: START})
    expect(timeline.end.kind).toBe('forever')
    expect(timeline.lines[0]?.text).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    )
    expect(timeline.lines.some((l) => l.text === '2025/01/02 03:04:05 [notice] 1#1: start worker processes')).toBe(true)
  })

  it('exit at once for busybox, whose sh has no terminal', () => {
    expect(endOf(containerTimeline({image: 'busybox', env: ENV, startEpochMs: START}))).toBe('exit 0 at 0')
  })

  it('fail postgres without a password, as its entrypoint does', () => {
    const timeline = containerTimeline({image: 'postgres:17', env: ENV, startEpochMs: START})
    expect(timeline.lines[0]?.text).toBe('Error: Database is uninitialized and superuser password is not specified.')
    expect(timeline.end).toMatchObject({kind: 'exit', code: 1})
  })

  it('run an unknown image quietly forever', () => {
    expect(containerTimeline({image: 'example.com/team/app:v1', env: ENV, startEpochMs: START})).toEqual({
      lines: [],
      files: [],
      end: {kind: 'forever'},
    })
  })
})
