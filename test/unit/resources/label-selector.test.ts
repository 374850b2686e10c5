import {describe, expect, it} from 'vitest'
import {
  LabelSelectorError,
  formatLabelSelector,
  formatLabels,
  labelSelectorFromSpec,
  labelSelectorSpecString,
  labelSelectorString,
  matchesLabels,
  parseLabelSelector,
} from '../../../src/resources/label-selector.js'

const parseError = (text: string): string => {
  try {
    parseLabelSelector(text)
  } catch (error) {
    if (error instanceof LabelSelectorError) return error.message
    throw error
  }
  throw new Error(`"${text}" parsed`)
}

const QUALIFIED_NAME_REGEX =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const LABEL_VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

describe('parseLabelSelector', () => {
  it('parses every operator into requirements sorted by key', () => {
    const selector = parseLabelSelector(
      'tier in (b,a),app=web,env==prod,track!=canary,!legacy,ready,x notin (y),n>1,m<5',
    )
    expect(selector.requirements.map((r) => [r.key, r.operator, r.values])).toEqual([
      ['app', '=', ['web']],
      ['env', '==', ['prod']],
      ['legacy', '!', []],
      ['m', 'lt', ['5']],
      ['n', 'gt', ['1']],
      ['ready', 'exists', []],
      ['tier', 'in', ['a', 'b']],
      ['track', '!=', ['canary']],
      ['x', 'notin', ['y']],
    ])
  })

  it('ignores whitespace around tokens and accepts an empty selector', () => {
    expect(labelSelectorString(parseLabelSelector('  a = b ,  c in ( d , e ) '))).toBe('a=b,c in (d,e)')
    expect(parseLabelSelector('').requirements).toEqual([])
  })

  it('reads in and notin as plain words where a key or value stands', () => {
    expect(labelSelectorString(parseLabelSelector('in=a,x in (in,notin),!notin'))).toBe('in=a,!notin,x in (in,notin)')
  })

  it('takes empty values from empty parentheses and stray commas', () => {
    expect(parseLabelSelector('a in ()').requirements[0]?.values).toEqual([''])
    expect(parseLabelSelector('a in (,,b)').requirements[0]?.values).toEqual(['', 'b'])
    expect(parseLabelSelector('a=').requirements[0]?.values).toEqual([''])
  })

  it('words syntax errors as labels.Parse does', () => {
    expect(parseError('a in (')).toBe("unable to parse requirement: found '', expected: ',', ')' or identifier")
    expect(parseError('a b')).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")
    expect(parseError('a=b c')).toBe("found 'c', expected: ',' or 'end of string'")
    expect(parseError('=a')).toBe("found '=', expected: !, identifier, or 'end of string'")
    expect(parseError('a,')).toBe("found '', expected: identifier after ','")
    expect(parseError('a notin x')).toBe("unable to parse requirement: found 'x' expected: '('")
    expect(parseError('a in (x y)')).toBe("unable to parse requirement: found 'y', expected: ',' or ')'")
    expect(parseError('a in (b,,)')).toBe("unable to parse requirement: found ')', expected: ',', or identifier")
    expect(parseError('!')).toBe("unable to parse requirement: found '', expected: identifier")
    expect(parseError('!a=b')).toBe("found '=', expected: ',' or 'end of string'")
    expect(parseError('a!==b')).toBe("unable to parse requirement: found '=', expected: identifier")
    expect(parseError('a>=1')).toBe("unable to parse requirement: found '=', expected: identifier")
  })

  it('words invalid keys under the nil field path, as kubectl prints them', () => {
    expect(parseError('-a')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "-a": name part ${QUALIFIED_NAME_REGEX}`,
    )
    expect(parseError('/a')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty',
    )
    expect(parseError('x/y/z')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "x/y/z": a qualified name ${QUALIFIED_NAME_REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    )
    expect(parseError('k'.repeat(64))).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
    )
    expect(parseError('Ex.com/a')).toContain('prefix part a lowercase RFC 1123 subdomain must consist of lower case')
  })

  it('words invalid values with their index and key, several at once in brackets', () => {
    expect(parseError('a=b#')).toBe(
      `unable to parse requirement: values[0][a]: Invalid value: "b#": ${LABEL_VALUE_REGEX}`,
    )
    expect(parseError('a in (y#,-x)')).toBe(
      `unable to parse requirement: [values[0][a]: Invalid value: "-x": ${LABEL_VALUE_REGEX}, values[1][a]: Invalid value: "y#": ${LABEL_VALUE_REGEX}]`,
    )
    expect(parseError('a>b')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer`,
    )
  })
})

describe('matchesLabels', () => {
  const labels = {app: 'web', tier: 'front', replicas: '3'}

  it('holds when every requirement holds', () => {
    expect(matchesLabels(parseLabelSelector('app=web,tier in (front,back)'), labels)).toBe(true)
    expect(matchesLabels(parseLabelSelector('app=web,tier=back'), labels)).toBe(false)
  })

  it('lets != and notin match objects without the label, unlike = and in', () => {
    expect(matchesLabels(parseLabelSelector('env!=prod'), labels)).toBe(true)
    expect(matchesLabels(parseLabelSelector('env notin (prod)'), labels)).toBe(true)
    expect(matchesLabels(parseLabelSelector('env in (prod)'), labels)).toBe(false)
    expect(matchesLabels(parseLabelSelector('app notin (web)'), labels)).toBe(false)
  })

  it('tests presence with a bare key and absence with !', () => {
    expect(matchesLabels(parseLabelSelector('app,!env'), labels)).toBe(true)
    expect(matchesLabels(parseLabelSelector('!app'), labels)).toBe(false)
    expect(matchesLabels(parseLabelSelector('app'), undefined)).toBe(false)
  })

  it('compares gt and lt as integers and fails on values that are not', () => {
    expect(matchesLabels(parseLabelSelector('replicas>2,replicas<4'), labels)).toBe(true)
    expect(matchesLabels(parseLabelSelector('replicas>3'), labels)).toBe(false)
    expect(matchesLabels(parseLabelSelector('app>1'), labels)).toBe(false)
  })

  it('matches everything with an empty selector', () => {
    expect(matchesLabels(parseLabelSelector(''), undefined)).toBe(true)
  })
})

describe('labelSelectorFromSpec', () => {
  it('combines matchLabels and matchExpressions', () => {
    const selector = labelSelectorFromSpec({
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'tier', operator: 'In', values: ['b', 'a']},
        {key: 'env', operator: 'NotIn', values: ['dev']},
        {key: 'ready', operator: 'Exists'},
        {key: 'legacy', operator: 'DoesNotExist'},
      ],
    })
    expect(labelSelectorString(selector)).toBe('app=web,env notin (dev),!legacy,ready,tier in (a,b)')
    expect(matchesLabels(selector, {app: 'web', tier: 'a', ready: ''})).toBe(true)
    expect(matchesLabels(selector, {app: 'web', tier: 'c', ready: ''})).toBe(false)
  })

  it('selects nothing for an absent selector and everything for an empty one', () => {
    expect(matchesLabels(labelSelectorFromSpec(undefined), {app: 'web'})).toBe(false)
    expect(matchesLabels(labelSelectorFromSpec({}), {app: 'web'})).toBe(true)
  })

  it('words errors as LabelSelectorAsSelector does', () => {
    const error = (spec: Parameters<typeof labelSelectorFromSpec>[0]): string => {
      try {
        labelSelectorFromSpec(spec)
        return 'no error'
      } catch (e) {
        return e instanceof LabelSelectorError ? e.message : 'other'
      }
    }
    expect(error({matchExpressions: [{key: 'a', operator: 'Gt', values: ['1']}]})).toBe(
      '"Gt" is not a valid label selector operator',
    )
    expect(error({matchExpressions: [{key: 'a', operator: 'In'}]})).toBe(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    )
    expect(error({matchExpressions: [{key: 'a', operator: 'Exists', values: ['x']}]})).toBe(
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    )
    expect(error({matchLabels: {'-bad': 'x'}})).toBe(`key: Invalid value: "-bad": name part ${QUALIFIED_NAME_REGEX}`)
  })
})

describe('formatLabelSelector', () => {
  it('prints selectors as kubectl describe shows them', () => {
    expect(
      formatLabelSelector({
        matchLabels: {app: 'web'},
        matchExpressions: [{key: 'tier', operator: 'In', values: ['b', 'a']}],
      }),
    ).toBe('app=web,tier in (a,b)')
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector(undefined)).toBe('<none>')
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'Bogus'}]})).toBe('<error>')
  })

  it('formats every operator of a label selector, sorted by key', () => {
    const selector = {
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'env', operator: 'NotIn', values: ['qa', 'dev']},
        {key: 'canary', operator: 'DoesNotExist'},
        {key: 'zone', operator: 'In', values: ['b', 'a']},
        {key: 'gpu', operator: 'Exists'},
      ],
    }
    expect(formatLabelSelector(selector)).toBe('app=web,!canary,env notin (dev,qa),gpu,zone in (a,b)')
  })

  it('writes <error> for selectors LabelSelectorAsSelector rejects', () => {
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'In', values: []}]})).toBe('<error>')
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'Exists', values: ['x']}]})).toBe('<error>')
  })
})

describe('labelSelectorSpecString', () => {
  it('writes match labels and expressions sorted by key, with sorted values', () => {
    const selector = {
      matchLabels: {tier: 'web', app: 'shop'},
      matchExpressions: [
        {key: 'env', operator: 'In', values: ['prod', 'canary']},
        {key: 'legacy', operator: 'DoesNotExist'},
        {key: 'zone', operator: 'NotIn', values: ['b']},
        {key: 'gpu', operator: 'Exists'},
      ],
    }

    expect(labelSelectorSpecString(selector)).toBe('app=shop,env in (canary,prod),gpu,!legacy,tier=web,zone notin (b)')
  })

  it('is empty for a missing or empty selector and undefined for one that does not convert', () => {
    expect(labelSelectorSpecString(undefined)).toBe('')
    expect(labelSelectorSpecString({})).toBe('')
    expect(labelSelectorSpecString({matchExpressions: [{key: 'a', operator: 'Gt', values: ['1']}]})).toBeUndefined()
  })
})

describe('formatLabels', () => {
  it('joins labels sorted, or says <none>', () => {
    expect(formatLabels({tier: 'front', app: 'web'})).toBe('app=web,tier=front')
    expect(formatLabels({})).toBe('<none>')
    expect(formatLabels(undefined)).toBe('<none>')
  })

  it('sorts the key=value pairs as strings, as labels.Set.String does', () => {
    expect(formatLabels({app: 'web', 'app.kubernetes.io/name': 'shop'})).toBe('app.kubernetes.io/name=shop,app=web')
  })
})
