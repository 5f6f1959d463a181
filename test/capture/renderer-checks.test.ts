// The Capture dialog's own checks, made before anything is uploaded: the wording a school office sees.
import { describe, expect, it } from 'vitest'
import { CAPTURE_IMAGE_TYPES } from '../../src-main/contract'
import { imageFileProblem, urlProblem } from '../../src-renderer/src/components/capture/checks'

const MB = 1024 * 1024

describe('image file checks before upload', () => {
  it('accepts the six image types, by MIME type or, when the browser gives none, by extension', () => {
    for (const type of CAPTURE_IMAGE_TYPES)
      expect(imageFileProblem({ name: 'x', type, size: 10 }), type).toBeNull()
    expect(imageFileProblem({ name: 'Screenshot.JPEG', type: '', size: 10 })).toBeNull()
  })

  it('refuses other files, an empty one and one over 50 MB, saying what to do', () => {
    expect(imageFileProblem({ name: 'IMG_1.HEIC', type: 'image/heic', size: 10 })).toBe(
      '“IMG_1.HEIC” is an iPhone HEIC photo: take a screenshot instead, or export it as JPEG. Footprint imports PNG, JPEG, WebP, GIF, BMP and TIFF images.',
    )
    expect(imageFileProblem({ name: 'letter.pdf', type: 'application/pdf', size: 10 })).toMatch(
      /is a PDF: take a screenshot of the page instead/,
    )
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe(
      '“a.png” is empty.',
    )
    expect(imageFileProblem({ name: 'big.png', type: 'image/png', size: 50 * MB })).toBeNull()
    expect(imageFileProblem({ name: 'big.png', type: 'image/png', size: 62.4 * MB })).toBe(
      '“big.png” is 62.4 MB; Footprint accepts images up to 50 MB. Crop it, or save it as JPEG, and try again.',
    )
  })
})

describe('address checks before capture', () => {
  it('explains an empty, non-web or mangled address', () => {
    expect(urlProblem('  ')).toBe('Paste the address of the page you want to keep.')
    expect(urlProblem('javascript:alert(1)')).toMatch(
      /should start with https:\/\/, not javascript:/,
    )
    expect(urlProblem('https://www.tiktok.com/@a b')).toMatch(/no spaces/)
    expect(urlProblem('hello')).toMatch(/does not look like a web address/)
  })
  it('accepts a full address or one pasted without https://', () => {
    expect(urlProblem('https://www.tiktok.com/@someone/video/123')).toBeNull()
    expect(urlProblem('facebook.com/groups/hollinburyparents')).toBeNull()
  })
})
