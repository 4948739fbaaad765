import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../src/segment/sentences.js'

describe('sentence rules', () => {
  it.each([
    ['Mr. Kato met Dr. Smith. He left.', ['Mr. Kato met Dr. Smith.', 'He left.']],
    ['See e.g. the report. Then go.', ['See e.g. the report.', 'Then go.']],
    ['It was i.e. done. Next.', ['It was i.e. done.', 'Next.']],
    ['The U.S. Senate met. It voted.', ['The U.S. Senate met.', 'It voted.']],
    ['J. R. R. Tolkien wrote. Yes.', ['J. R. R. Tolkien wrote.', 'Yes.']],
    ['Growth was 3.5 percent. Next.', ['Growth was 3.5 percent.', 'Next.']],
    ['See No. 3 and Art. 5 here. Done.', ['See No. 3 and Art. 5 here.', 'Done.']],
    ['Apples, pears etc. and more. Next.', ['Apples, pears etc. and more.', 'Next.']],
    ['Is it? Yes! Fine.', ['Is it?', 'Yes!', 'Fine.']]
  ])('%s', (text, expected) => {
    expect(splitSentences(text, 'en')).toEqual(expected)
  })

  it('still ends a sentence after an abbreviation-like word that is not one', () => {
    expect(splitSentences('They met in Mongolia. Kato spoke.', 'en')).toEqual(['They met in Mongolia.', 'Kato spoke.'])
  })

  it('splits Japanese and Korean at their sentence ends without English rules', () => {
    expect(splitSentences('総会が開催された。決議を採択した。', 'ja')).toEqual(['総会が開催された。', '決議を採択した。'])
    expect(splitSentences('총회가 열렸다. 결의를 채택했다.', 'ko')).toEqual(['총회가 열렸다.', '결의를 채택했다.'])
  })
})
