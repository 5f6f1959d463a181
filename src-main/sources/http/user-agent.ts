/**
 * Runs in: main process and CLI (Node). The User-Agent every request carries. Wikimedia's policy
 * (and plain courtesy to small news sites) asks for a name, a version and a way to contact the
 * operator, which is the school's ORM contact address from settings.
 */
export function buildUserAgent(version: string, contact: string): string {
  const who = contact.trim()
  const reach = who.includes('@') && !who.includes(':') ? `mailto:${who}` : who
  const contactPart = reach ? `; +${reach}` : ''
  return `Footprint/${version} (school reputation monitor${contactPart})`
}
