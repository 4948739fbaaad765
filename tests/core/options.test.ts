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
