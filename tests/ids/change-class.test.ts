import {describe, expect, it} from 'vitest'
import {changeSince, classifyChange, editDistance} from '../../src/ids/change-class.js'
import type {Registry} from '../../src/core/types.js'

describe('classifyChange', () => {
  it.each([
    ['given to man.', 'given to man!', 'punctuation'],
    ['The Rights of Man', 'The rights of man', 'letter case'],
    ['two  words here', 'two words\there', 'white space'],
    ['it is "so"', 'it is “so”', 'quote style'],
    ["don't stop", 'don’t stop', 'apostrophe style'],
    ['they recieve aid', 'they receive aid', 'one transposition'],
    ['the colour red', 'the color red', 'one spelling'],
    ['Teh rights', 'The rights', 'a typo at the start of the sentence'],
    ['a **bold** claim', 'a *bold* claim', 'Markdown emphasis only']
  ])('%s → %s is minor (%s)', (before, after) => {
    expect(classifyChange(before, after)).toBe('minor')
  })

  it.each([
    ['consists of 111 members', 'consists of 112 members', 'a number'],
    ['this is true', 'this is not true', 'a negation added'],
    ['they can go', "they can't go", 'a contraction of not'],
    ['an able man', 'an unable man', 'a negating prefix'],
    ['met with Smith today', 'met with Smyth today', 'a name'],
    ['the red car', 'the blue car', 'another word'],
    ['they recieve aid and shelter', 'they receive aid and food', 'two words'],
    ['works in Seoul', 'works on Seoul', 'a short word'],
    ['read [the report](https://a.example)', 'read [the report](https://b.example)', 'a link target']
  ])('%s → %s is meaning (%s)', (before, after) => {
    expect(classifyChange(before, after)).toBe('meaning')
  })

  it('counts a transposition as one edit and stops early above the limit', () => {
    expect(editDistance('teh', 'the')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('kitten', 'sitting', 1)).toBe(2)
  })
})

describe('changeSince', () => {
  const registry = (changes?: Registry['changes']): Registry => ({
    document: 'd',
    segments: [],
    history: {a: {'1': 'Hello, world.', '2': 'Hello world.'}},
    ...(changes ? {changes} : {}),
    retired: {}
  })
  const current = {rev: 3, text: 'Hello world!'}

  it('is minor only when every step since the translated revision is', () => {
    expect(changeSince(registry({a: {'1': 'minor', '2': 'minor'}}), 'a', 1, current)).toBe('minor')
    expect(changeSince(registry({a: {'1': 'meaning', '2': 'minor'}}), 'a', 1, current)).toBe('meaning')
    expect(changeSince(registry({a: {'1': 'meaning', '2': 'minor'}}), 'a', 2, current)).toBe('minor')
  })

  it('works a class out from the texts for registries written before classes were kept, and says meaning when a text is lost', () => {
    expect(changeSince(registry(), 'a', 1, current)).toBe('minor')
    expect(changeSince(registry(), 'b', 1, current)).toBe('meaning')
  })
})
