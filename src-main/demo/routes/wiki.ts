// Runs in: CLI (Node). The MediaWiki Action API for the school's article and its talk page, in the
// format=json&formatversion=2 shapes: prop=revisions by title (newest first, rvlimit, rvdir=newer with
// rvstartid, rvcontinue) or by revids, action=compare (diff table rows with diff-addedline /
// diff-deletedline cells), and list=search (phrase search over the pages).
import type { DemoContent, DemoWikiPage, DemoWikiRevision } from '../types'
import { escapeXml as esc, json, published, type DemoRoute, type DemoView } from './http'

type Json = Record<string, unknown>
const size = (r: DemoWikiRevision) => Buffer.byteLength(r.content)
const norm = (t: string) => {
  const s = t.replace(/_/g, ' ').trim()
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function fields(rev: DemoWikiRevision, rvprop: string): Json {
  const props = new Set(rvprop.split('|'))
  const out: Json = {}
  if (props.has('ids')) Object.assign(out, { revid: rev.revid, parentid: rev.parentid })
  if (props.has('flags')) out.minor = false
  if (props.has('user')) Object.assign(out, { user: rev.user, ...(rev.anon ? { anon: true } : {}) })
  if (props.has('userid')) out.userid = rev.anon ? 0 : 4200 + (rev.user.length % 50)
  if (props.has('timestamp')) out.timestamp = rev.at.replace(/\.\d{3}Z$/, 'Z')
  if (props.has('size')) out.size = size(rev)
  if (props.has('comment')) out.comment = rev.comment
  if (props.has('tags')) out.tags = [...rev.tags]
  if (props.has('content'))
    out.slots = {
      main: { contentmodel: 'wikitext', contentformat: 'text/x-wiki', content: rev.content },
    }
  return out
}

/** Whole-line diff rows, as action=compare returns them (without the surrounding <table>). */
export function diffRows(from: string, to: string): string {
  const a = from.split('\n')
  const b = to.split('\n')
  const rows: string[] = []
  for (const line of b.filter((l) => !a.includes(l)))
    rows.push(
      `<tr><td colspan="2" class="diff-empty diff-side-deleted"></td><td class="diff-marker" data-marker="+"></td><td class="diff-addedline diff-side-added"><div>${esc(line)}</div></td></tr>`,
    )
  for (const line of a.filter((l) => !b.includes(l)))
    rows.push(
      `<tr><td class="diff-marker" data-marker="−"></td><td class="diff-deletedline diff-side-deleted"><div>${esc(line)}</div></td><td colspan="2" class="diff-empty diff-side-added"></td></tr>`,
    )
  return rows.join('\n')
}

export function wikiRoutes(c: DemoContent, view: DemoView): DemoRoute[] {
  const pages = (): DemoWikiPage[] =>
    c.wiki
      .map((p) => ({ ...p, revisions: published(p.revisions, view.now) }))
      .filter((p) => p.revisions.length)
  const find = (revid: number) => {
    for (const page of pages()) {
      const rev = page.revisions.find((r) => r.revid === revid)
      if (rev) return { page, rev }
    }
    return undefined
  }

  function revisions(q: URLSearchParams): Json {
    const rvprop = q.get('rvprop') ?? 'ids|timestamp|flags|comment|user'
    const revids = q.get('revids')
    if (revids) {
      const byPage = new Map<DemoWikiPage, Json[]>()
      const bad: Json = {}
      for (const id of revids.split('|').map(Number)) {
        const f = find(id)
        if (!f) bad[String(id)] = { revid: id, missing: true }
        else byPage.set(f.page, [...(byPage.get(f.page) ?? []), fields(f.rev, rvprop)])
      }
      return {
        batchcomplete: true,
        query: {
          ...(Object.keys(bad).length ? { badrevids: bad } : {}),
          pages: [...byPage].map(([p, revisions]) => ({
            pageid: p.pageid,
            ns: p.ns,
            title: p.title,
            revisions,
          })),
        },
      }
    }
    const title = norm(q.get('titles') ?? '')
    const page = pages().find((p) => p.title === title)
    if (!page) return { batchcomplete: true, query: { pages: [{ ns: 0, title, missing: true }] } }
    const newer = q.get('rvdir') === 'newer'
    const cont = q.get('rvcontinue')
    const startId = cont
      ? Number(cont.split('|')[1])
      : q.has('rvstartid')
        ? Number(q.get('rvstartid'))
        : null
    const limitParam = q.get('rvlimit')
    const enumerate = limitParam !== null || q.has('rvdir') || startId !== null
    let revs = [...page.revisions].sort((a, b) => (newer ? a.revid - b.revid : b.revid - a.revid))
    if (startId !== null)
      revs = revs.filter((r) => (newer ? r.revid >= startId : r.revid <= startId))
    const limit = enumerate
      ? Math.min(limitParam === 'max' || !limitParam ? 50 : Number(limitParam), 50)
      : 1
    const next = revs[limit]
    return {
      ...(next
        ? {
            continue: {
              rvcontinue: `${next.at.replace(/[-:TZ]|\.\d{3}/g, '')}|${next.revid}`,
              continue: '||',
            },
          }
        : { batchcomplete: true }),
      query: {
        pages: [
          {
            pageid: page.pageid,
            ns: page.ns,
            title: page.title,
            revisions: revs.slice(0, limit).map((r) => fields(r, rvprop)),
          },
        ],
      },
    }
  }

  function compare(q: URLSearchParams): Json {
    const from = find(Number(q.get('fromrev')))
    const to = find(Number(q.get('torev')))
    if (!from || !to) {
      const which = from ? q.get('torev') : q.get('fromrev')
      return { error: { code: 'nosuchrevid', info: `There is no revision with ID ${which}.` } }
    }
    return {
      compare: {
        fromid: from.page.pageid,
        fromrevid: from.rev.revid,
        fromtitle: from.page.title,
        fromsize: size(from.rev),
        toid: to.page.pageid,
        torevid: to.rev.revid,
        totitle: to.page.title,
        tosize: size(to.rev),
        body: diffRows(from.rev.content, to.rev.content),
      },
    }
  }

  function search(q: URLSearchParams): Json {
    const phrase = (q.get('srsearch') ?? '').replace(/"/g, '').toLowerCase()
    const hits = pages().filter(
      (p) =>
        p.ns === 0 && `${p.title}\n${p.revisions.at(-1)!.content}`.toLowerCase().includes(phrase),
    )
    return {
      batchcomplete: true,
      query: {
        searchinfo: { totalhits: hits.length },
        search: hits.map((p) => ({
          ns: p.ns,
          title: p.title,
          pageid: p.pageid,
          size: size(p.revisions.at(-1)!),
          snippet: esc(p.title),
          timestamp: p.revisions.at(-1)!.at,
        })),
      },
    }
  }

  return [
    {
      match: '/w/api.php',
      handler: (_req, res, url) => {
        const q = url.searchParams
        const action = q.get('action') ?? 'help'
        if (action === 'query' && q.get('list') === 'search') return json(res, 200, search(q))
        if (action === 'query' && q.get('prop') === 'revisions') return json(res, 200, revisions(q))
        if (action === 'compare') return json(res, 200, compare(q))
        json(
          res,
          200,
          {
            error: {
              code: 'badvalue',
              info: `Unrecognized value for parameter "action": ${action}.`,
            },
          },
          { 'mediawiki-api-error': 'badvalue' },
        )
      },
    },
  ]
}
