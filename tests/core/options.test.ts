import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {loadOptions} from '../../src/core/options.js'

describe('options', () => {
  it('refuses the source language as a target language, at its place', () => {
    const file = new VFile({path: '.concordrc.json', value: '{\n  "sourceLanguage": "en",\n  "languages": ["ko", "en"]\n}\n'})
    expect(() => loadOptions(file)).toThrow(VFileMessage)
    const message = file.messages[0]!
    expect(String(message)).toBe('.concordrc.json:3:3: Unexpected source language `en` among the target languages, expected only languages to translate into; remove `en` from `languages`')
    expect(message.ruleId).toBe('config-invalid')
  })
})

describe('option folders', () => {
  const load = (json: string): VFile => {
    const file = new VFile({path: '.concordrc.json', value: json})
    try {
      loadOptions(file)
    } catch {
      // The message is on the file.
    }
    return file
  }

  it('refuses a localesDir or contentDir outside the project, at its place', () => {
    for (const value of ['/srv/locales', '../shared/locales', 'locales/../../x', 'C:\\\\locales']) {
      const file = load(`{\n  "localesDir": ${JSON.stringify(value)}\n}\n`)
      expect(file.messages).toHaveLength(1)
      expect(String(file.messages[0])).toMatch(/^\.concordrc\.json:2:3: Unexpected value `.*` for `localesDir`, expected a folder inside the project/)
      expect(file.messages[0]!.ruleId).toBe('config-invalid')
    }
    expect(load('{"contentDir": "../content"}').messages[0]?.ruleId).toBe('config-invalid')
  })

  it('accepts folders inside the project, and an outDir anywhere, as given', () => {
    const file = new VFile({path: '.concordrc.json', value: '{"localesDir": "i18n/./locales", "outDir": "/srv/site"}'})
    expect(loadOptions(file)).toMatchObject({localesDir: 'i18n/./locales', outDir: '/srv/site'})
    expect(loadOptions(new VFile({path: '.concordrc.json', value: '{"outDir": "../site"}'})).outDir).toBe('../site')
  })
})

describe('parallel PDF options', () => {
  const load = (json: string) => loadOptions(new VFile({path: '.concordrc.json', value: json}))

  it('defaults to measured columns, and takes facing pages and a column ratio', () => {
    expect(load('{}').pdf).toMatchObject({parallel: 'columns', columnRatio: null})
    expect(load('{"pdf": {"parallel": "facing", "columnRatio": 0.55}}').pdf).toMatchObject({parallel: 'facing', columnRatio: 0.55})
  })

  it('refuses another mode or a ratio outside 0.3–0.7, at its place', () => {
    for (const [json, expected] of [
      ['{"pdf": {"parallel": "rows"}}', 'expected `columns` or `facing`'],
      ['{"pdf": {"columnRatio": 0.9}}', 'expected a number from 0.3 to 0.7, or null']
    ] as const) {
      const file = new VFile({path: '.concordrc.json', value: json})
      expect(() => loadOptions(file)).toThrow(VFileMessage)
      expect(String(file.messages[0])).toContain(expected)
      expect(file.messages[0]!.ruleId).toBe('config-invalid')
    }
  })
})
