import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {targetReadsKubeconfig} from '../../../src/cli/context.js'

describe('targetReadsKubeconfig', () => {
  let home: string
  let env: NodeJS.ProcessEnv
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'skiff-target-'))
    env = {HOME: home, SKIFF_HOME: join(home, '.skiff')}
  })
  afterEach(() => rmSync(home, {recursive: true, force: true}))

  it('is false with no kubeconfig anywhere, so the embedded cluster pays for no YAML parser', () => {
    expect(targetReadsKubeconfig(['get', 'pods'], env)).toBe(false)
  })

  it('is true for ~/.kube/config, $KUBECONFIG and --kubeconfig', () => {
    mkdirSync(join(home, '.kube'))
    writeFileSync(join(home, '.kube', 'config'), 'apiVersion: v1\n')
    expect(targetReadsKubeconfig(['get', 'pods'], env)).toBe(true)
    const other = join(home, 'other')
    writeFileSync(other, 'apiVersion: v1\n')
    expect(targetReadsKubeconfig(['get', 'pods'], {...env, HOME: '/nonexistent', KUBECONFIG: other})).toBe(true)
    expect(targetReadsKubeconfig(['get', '--kubeconfig', other], {...env, HOME: '/nonexistent'})).toBe(true)
    expect(targetReadsKubeconfig([`--kubeconfig=${other}`, 'get'], {...env, HOME: '/nonexistent'})).toBe(true)
  })

  it('is false when an embedded cluster is current and no flag names a kubeconfig context', () => {
    mkdirSync(join(home, '.kube'))
    writeFileSync(join(home, '.kube', 'config'), 'apiVersion: v1\n')
    mkdirSync(join(home, '.skiff'), {recursive: true})
    writeFileSync(join(home, '.skiff', 'config.json'), JSON.stringify({currentCluster: 'default'}))
    expect(targetReadsKubeconfig(['get', 'pods'], env)).toBe(false)
    expect(targetReadsKubeconfig(['get', 'pods', '--context', 'prod'], env)).toBe(true)
  })
})
