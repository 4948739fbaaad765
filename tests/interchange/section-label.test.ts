import {describe, expect, it} from 'vitest'
import {sectionLabel} from '../../src/interchange/section-label.js'

const TITLE = 'Joint Statement issued on 29 August 2007 by 4th General Meeting of International Parliamentarians’ Coalition for North Korean Refugees’ Human Rights'

describe('section labels in exports', () => {
  it('are the short title for the top heading, when there is one', () => {
    expect(sectionLabel(TITLE, {topHeading: true, shortTitle: 'Joint Statement of the 4th IPCNKR General Meeting'})).toBe('Joint Statement of the 4th IPCNKR General Meeting')
  })

  it('are a long heading cut at a word, with an ellipsis, at most 60 characters', () => {
    const label = sectionLabel(TITLE, {topHeading: false, shortTitle: 'Short'})
    expect(label).toBe('Joint Statement issued on 29 August 2007 by 4th General…')
    expect(label.length).toBeLessThanOrEqual(60)
  })

  it('leave a short heading as it is', () => {
    expect(sectionLabel('Resolutions:', {topHeading: false})).toBe('Resolutions:')
  })
})
