// Runs in: main process and CLI (Node). Keeps secrets out of source errors. A failing API may answer
// with the request it was sent (its address with ?key=, the Authorization header, a sign-in body) and
// connectors quote the server's own words in the error a source shows; that error is stored, listed,
// exported with backups and logged. So every message is cleaned twice: of each secret value handed to a
// connector in this process (in any spelling), and of anything shaped like a credential.

const MASK = '••••'
/** Shorter values would blank out ordinary words; real keys and tokens are far longer. */
const MIN_SECRET_CHARS = 6
/** Rotated secrets are forgotten oldest first, so the set never grows without bound. */
const MAX_REMEMBERED = 256

const remembered = new Set<string>()

/** The spellings a value takes on its way through URLs, headers, JSON and Basic auth. */
function spellings(value: string): string[] {
  const b = Buffer.from(value)
  return [
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    JSON.stringify(value).slice(1, -1),
    b.toString('base64').replace(/=+$/, ''),
    b.toString('base64url'),
  ]
}

/** Called as a connector is handed a secret: from then on no error message can carry it. */
export function rememberSecret(value: string | null | undefined): void {
  const v = value?.trim()
  if (!v || v.length < MIN_SECRET_CHARS || remembered.has(v)) return
  remembered.add(v)
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.values().next().value!)
}

const CREDENTIAL_SHAPES: RegExp[] = [
  // Authorization: Bearer … / Basic … (a header echoed back).
  /\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/%=-]{6,}/gi,
  // key=…, access_token=…, "password": "…", client_secret: … (query strings, forms, JSON).
  /(\b(?:api[_-]?key|key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|client[_-]?secret|secret|password|passwd|app[_-]?password|signature|sig)\b["']?\s*[=:]\s*["']?)([^"'&\s,;}\]]{4,})/gi,
]

/** The text with every remembered secret and every credential-shaped value replaced by a mask. */
export function redactSecrets(text: string): string {
  let out = text
  for (const secret of remembered)
    for (const form of spellings(secret)) if (out.includes(form)) out = out.split(form).join(MASK)
  out = out.replace(
    CREDENTIAL_SHAPES[0],
    (_m, scheme: string, gap: string) => `${scheme}${gap}${MASK}`,
  )
  out = out.replace(CREDENTIAL_SHAPES[1], (_m, name: string) => `${name}${MASK}`)
  return out
}
