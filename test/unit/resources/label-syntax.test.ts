import {describe, expect, it} from 'vitest'
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from '../../../src/resources/label-syntax.js'

const SUBDOMAIN_ERROR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_ERROR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const NAME_PART_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('DNS names', () => {
  it('accepts lowercase subdomains and explains an invalid one with the regex', () => {
    expect(isDNS1123Subdomain('web.example.com')).toEqual([])
    expect(isDNS1123Subdomain('Web')).toEqual([SUBDOMAIN_ERROR])
  })

  it('limits subdomains to 253 characters', () => {
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters'])
  })

  it('writes the double space Go puts between examples', () => {
    expect(isDNS1123Label('my_ns')).toEqual([LABEL_ERROR])
  })

  it('says only that dots are the problem for a valid subdomain used as a label', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots'])
  })

  it('requires a DNS-1035 label to start with a letter', () => {
    expect(isDNS1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ])
  })
})

describe('label keys and values', () => {
  it('accepts prefixed and plain keys', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([])
    expect(isQualifiedName('App_1')).toEqual([])
  })

  it('explains a bad name part', () => {
    expect(isQualifiedName('my key')).toEqual([NAME_PART_ERROR])
  })

  it('reports an empty prefix and an empty name', () => {
    expect(isQualifiedName('/')).toEqual([
      'prefix part must be non-empty',
      'name part must be non-empty',
      NAME_PART_ERROR,
    ])
  })

  it('checks the prefix as a DNS subdomain', () => {
    expect(isQualifiedName('Example.com/x')).toEqual([`prefix part ${SUBDOMAIN_ERROR}`])
  })

  it('rejects more than one slash with the qualified-name wording', () => {
    expect(isQualifiedName('a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ])
  })

  it('limits the name part to 63 characters', () => {
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters'])
  })

  it('allows an empty label value but not a trailing dash', () => {
    expect(isValidLabelValue('')).toEqual([])
    expect(isValidLabelValue('web-')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })
})
