import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseLocale, serializeLocale} from '../../src/translations/locale.js'
import {cleanName, describeProvenance, nameOf, stampDate} from '../../src/translations/provenance.js'

const state = (segments: object): VFile => new VFile({path: 'locales/ko/d.state.json', value: JSON.stringify({format: 1, segments})})

describe('provenance in the state file', () => {
  it('loads state files written before it, and keeps the fields through a write', () => {
    const old = parseLocale('ko', 'd', {state: state({a: {rev: 1, source: 'x', target: 'y', state: 'translated'}})})
    expect(old.meta.a).toEqual({rev: 1, source: 'x', target: 'y', state: 'translated'})
    const record = {rev: 2, source: 'x', target: 'y', state: 'reviewed', by: 'Jane Doe', at: '2023-11-14T22:13:20Z', reviewedBy: 'Bo Kim', reviewedAt: '2023-11-15T08:00:00Z'}
    const read = parseLocale('ko', 'd', {state: state({a: record})})
    expect(read.meta.a).toEqual(record)
    expect(JSON.parse(serializeLocale({strings: {}, meta: read.meta, obsolete: {}}).state).segments.a).toEqual(record)
  })

  it('drops what is malformed instead of refusing the file: it is information, not state', () => {
    const read = parseLocale('ko', 'd', {
      state: state({a: {rev: 1, source: 'x', target: 'y', state: 'translated', by: 42, at: 'yesterday', reviewedBy: ' \u0007Bo\nKim ', reviewedAt: null}})
    })
    expect(read.meta.a).toEqual({rev: 1, source: 'x', target: 'y', state: 'translated', reviewedBy: 'Bo Kim'})
  })

  it('takes the name of a PO Last-Translator, not the address or the template placeholder', () => {
    expect(nameOf('Jane Doe <jane@example.org>')).toBe('Jane Doe')
    expect(nameOf('FULL NAME <EMAIL@ADDRESS>')).toBeUndefined()
    expect(nameOf('')).toBeUndefined()
    expect(cleanName('x'.repeat(500))).toHaveLength(200)
  })

  it('dates by SOURCE_DATE_EPOCH when set, to the second in UTC', () => {
    expect(stampDate('1700000000')).toBe('2023-11-14T22:13:20Z')
    expect(stampDate('', () => Date.UTC(2026, 11, 6, 16, 0, 0, 123))).toBe('2026-12-06T16:00:00Z')
    expect(describeProvenance({by: 'Jane Doe', at: '2023-11-14T22:13:20Z', reviewedBy: 'Bo Kim'})).toBe('translated by Jane Doe, 2023-11-14; reviewed by Bo Kim')
    expect(describeProvenance({})).toBeNull()
  })
})
