// Runs in: any process (pure). How an approved draft reaches the platform: through the source's
// connector where the platform's API lets the school reply as itself (Google review replies, comments
// on its own Facebook Page and Instagram), otherwise by hand: copy, open the post, paste, record.
import type { Moderation, PostRoute, Situation, SourceKind } from '../../contract'

/** Replies in the thread. Reports, removal notices and Wikipedia requests go somewhere else. */
const REPLIES: ReadonlySet<Situation> = new Set(['complaint', 'praise', 'question', 'correction'])

const CONNECTOR_LABEL: Partial<Record<SourceKind, string>> = {
  google_business: 'Footprint posts it as the owner’s reply to the Google review',
  facebook: 'Footprint posts it as the Page’s reply to the Facebook comment',
  instagram: 'Footprint posts it as the account’s reply to the Instagram comment',
}

/** Seconds between pressing "Post" and the connector posting: time to undo a slip. */
export const UNDO_WINDOW_MS = 30_000

/** Platforms whose API lets the school hide or delete a comment on its own account. */
const MODERATED: Partial<Record<SourceKind, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
}

export const MODERATION_WORDS: Record<Moderation, [string, string]> = {
  hide: ['hides', 'hide'],
  delete: ['deletes', 'delete'],
}

export function postRoute(
  sourceKind: SourceKind | null,
  situation: Situation,
  postUrl: string | null,
  moderation: Moderation | null = null,
): PostRoute {
  if (moderation && situation === 'removal_notice') {
    const platform = sourceKind ? MODERATED[sourceKind] : undefined
    const [does, act] = MODERATION_WORDS[moderation]
    if (platform)
      return {
        kind: 'connector',
        label: `Footprint ${does} the comment on ${platform} (30 seconds to undo); then post this notice yourself where the audience will see it`,
      }
    return {
      kind: 'manual',
      openUrl: postUrl,
      label: `Open the post, ${act} the comment on the platform and post this notice, then record the address as done`,
    }
  }
  const label = sourceKind ? CONNECTOR_LABEL[sourceKind] : undefined
  if (label && REPLIES.has(situation)) return { kind: 'connector', label }
  const manual =
    situation === 'report_to_platform'
      ? 'Copy the text into the platform’s report form, then record the report’s address'
      : situation === 'wikipedia_edit_request'
        ? 'Copy the text to the article’s talk page, then record the address of your edit'
        : 'Copy the text, open the post and paste it, then record the address of your reply'
  return { kind: 'manual', openUrl: postUrl, label: manual }
}
