// Runs in: main process and CLI (Node). Did the page show its content, or a "log in first" wall?
// Parent Facebook groups and much of TikTok and Instagram only show a sign-in form to a fresh
// browser. The capture is still kept (it is evidence of what anyone could see), but flagged, so the
// user knows to take a screenshot on their own phone instead.

export interface LoginWallInput {
  httpStatus: number | null
  requestedUrl: string
  finalUrl: string
  hasPasswordField: boolean
  title: string
  text: string
}

const LOGIN_PATH =
  /\/(log-?in|sign-?in|signin|auth(?:enticate)?|sso|accounts\/login|checkpoint|session\/new|oauth)(?:[/?#.]|$)/i
const LOGIN_QUERY = /[?&](next|redirect|return_?to|continue|login_redirect)=/i

const LOGIN_WORDS = [
  /\b(log|sign) ?in to (continue|see|view|read|join|access)\b/i,
  /\byou must (be )?(logged|signed) in\b/i,
  /\b(log|sign) ?in or (sign|create) ?(up|an account)\b/i,
  /\bplease (log|sign) ?in\b/i,
  /\blogin required\b/i,
  /\bthis content isn'?t available (right now|to you)\b/i,
  /\bjoin (the )?group to see\b/i,
]

/** The reasons to believe this is a login wall; empty when there are none. */
export function loginWallReasons(p: LoginWallInput): string[] {
  const reasons: string[] = []
  if (p.httpStatus === 401 || p.httpStatus === 403)
    reasons.push(`the site answered HTTP ${p.httpStatus} (not allowed without signing in)`)
  if (p.hasPasswordField) reasons.push('the page shows a password box')
  let finalPath = ''
  try {
    const u = new URL(p.finalUrl)
    finalPath = u.pathname + u.search
  } catch {
    // An unparsable final address says nothing either way.
  }
  const redirected = p.finalUrl !== p.requestedUrl
  if (LOGIN_PATH.test(finalPath) || (redirected && LOGIN_QUERY.test(finalPath)))
    reasons.push('the site sent the browser to a sign-in address')
  // Only the start of the page: a long article that mentions "please log in" once is not a wall.
  const head = `${p.title}\n${p.text.slice(0, 3000)}`
  const words = LOGIN_WORDS.find((re) => re.test(head))
  if (words) reasons.push(`the page says "${words.exec(head)![0]}"`)
  return reasons
}
