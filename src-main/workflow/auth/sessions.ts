// Runs in: main process and CLI (Node). Who is signed in where. A session key comes from the transport
// (an Electron window, a browser tab), never from the caller's input; sessions live in memory, so
// restarting the app signs everyone out.

export const SESSION_IDLE_MS = 8 * 60 * 60_000

interface Entry {
  userId: number
  lastUsed: number
}

export class Sessions {
  private readonly map = new Map<string, Entry>()
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly idleMs = SESSION_IDLE_MS,
  ) {}

  /** The signed-in user's id, or null; an idle session expires (a school laptop left open overnight). */
  userOf(key: string): number | null {
    const e = this.map.get(key)
    if (!e) return null
    const t = this.now().getTime()
    if (t - e.lastUsed > this.idleMs) {
      this.map.delete(key)
      return null
    }
    e.lastUsed = t
    return e.userId
  }

  signIn(key: string, userId: number): void {
    this.map.set(key, { userId, lastUsed: this.now().getTime() })
  }

  signOut(key: string): void {
    this.map.delete(key)
  }

  /** A removed user is signed out everywhere at once. */
  signOutUser(userId: number): void {
    for (const [k, e] of this.map) if (e.userId === userId) this.map.delete(k)
  }
}
